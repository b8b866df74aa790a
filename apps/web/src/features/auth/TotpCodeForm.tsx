import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/errors";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/TextField";
import { errorMessage } from "../../i18n/errors";
import { useTotpVerify } from "./api";
import { focusFirstInvalid } from "./focusFirstInvalid";

/** The 6-digit code field and its submit; a verified code updates the session and the guards move on. */
export function TotpCodeForm() {
  const { t } = useTranslation();
  const verify = useTotpVerify();
  const [code, setCode] = useState("");
  const [clientError, setClientError] = useState<string>();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const digits = code.replace(/\s/g, "");
    const problem = /^\d{6}$/.test(digits) ? undefined : t(digits ? "fieldErrors.totp_format" : "fieldErrors.required");
    setClientError(problem);
    if (problem) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    verify.mutate({ code: digits }, { onError: () => setCode("") });
  };

  const codeRejected = isApiError(verify.error) && verify.error.status === 400;
  const failure = verify.error && !codeRejected ? errorMessage(t, verify.error) : null;

  return (
    <form className="form" noValidate onSubmit={onSubmit}>
      {failure && <Alert tone="error">{failure}</Alert>}
      <TextField
        label={t("auth.mfa.code")}
        hint={t("auth.mfa.codeHint")}
        name="totp"
        className="code-field"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={7}
        value={code}
        onChange={(e) => setCode(e.target.value)}
        error={clientError ?? (codeRejected ? t("auth.mfa.codeInvalid") : undefined)}
        required
      />
      <Button type="submit" className="btn-block" busy={verify.isPending} busyLabel={t("auth.mfa.submitting")}>
        {t("auth.mfa.submit")}
      </Button>
    </form>
  );
}
