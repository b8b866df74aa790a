import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Limits } from "@party/shared/limits";
import { isApiError } from "../../api/errors";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { PageHeader } from "../../components/PageHeader";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldErrorsOf } from "../../i18n/errors";
import { useActivate } from "./api";
import { focusFirstInvalid } from "./focusFirstInvalid";
import { confirmationProblem, newPasswordProblem } from "./passwordRules";

type Field = "identifier" | "code" | "password" | "confirm";
const SERVER_FIELDS: readonly Field[] = ["identifier", "password"];

/** Activation and password reset: identifier + the 8-digit code from the secretary/admin + a new password. */
export function ActivatePage() {
  const { t } = useTranslation();
  const activate = useActivate();
  const [values, setValues] = useState({ identifier: "", code: "", password: "", confirm: "" });
  const [showPassword, setShowPassword] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const code = values.code.replace(/[\s-]/g, "");
    const errors: Partial<Record<Field, string>> = {};
    if (values.identifier.trim().length < 3) errors.identifier = t(values.identifier.trim() ? "fieldErrors.invalid" : "fieldErrors.required");
    if (!new RegExp(`^\\d{${Limits.activationCodeLength}}$`).test(code)) errors.code = t(code ? "fieldErrors.activation_format" : "fieldErrors.required");
    errors.password = newPasswordProblem(t, values.password);
    errors.confirm = confirmationProblem(t, values.password, values.confirm);
    for (const key of Object.keys(errors) as Field[]) if (!errors[key]) delete errors[key];
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    activate.mutate({ identifier: values.identifier.trim(), code, password: values.password });
  };

  const codeRejected = isApiError(activate.error) && activate.error.fields.code !== undefined;
  const errors = { ...fieldErrorsOf(t, activate.error, SERVER_FIELDS), ...clientErrors };
  const failure = activate.error ? (codeRejected ? t("auth.activate.codeInvalid") : errorMessage(t, activate.error)) : null;

  return (
    <div className="narrow">
      <PageHeader title={t("auth.activate.title")} subtitle={t("auth.activate.intro")} />
      <form className="card form" noValidate onSubmit={onSubmit}>
        {failure && <Alert tone="error">{failure}</Alert>}
        <TextField
          label={t("auth.identifier")}
          name="identifier"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={values.identifier}
          onChange={set("identifier")}
          error={errors.identifier}
          required
        />
        <TextField
          label={t("auth.activate.code")}
          name="code"
          inputMode="numeric"
          autoComplete="one-time-code"
          maxLength={12}
          value={values.code}
          onChange={set("code")}
          error={errors.code}
          required
        />
        <TextField
          label={t("auth.activate.newPassword")}
          hint={t("auth.activate.passwordHint", { min: Limits.passwordMin })}
          name="new-password"
          type={showPassword ? "text" : "password"}
          autoComplete="new-password"
          value={values.password}
          onChange={set("password")}
          error={errors.password}
          required
        />
        <TextField
          label={t("auth.activate.confirm")}
          name="confirm-password"
          type={showPassword ? "text" : "password"}
          autoComplete="new-password"
          value={values.confirm}
          onChange={set("confirm")}
          error={errors.confirm}
          required
        />
        <Checkbox label={t("auth.showPassword")} checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
        <Button type="submit" className="btn-block" busy={activate.isPending} busyLabel={t("auth.activate.submitting")}>
          {t("auth.activate.submit")}
        </Button>
      </form>
      <ul className="link-list">
        <li>
          <Link to="/login">{t("auth.activate.backToLogin")}</Link>
        </li>
      </ul>
    </div>
  );
}
