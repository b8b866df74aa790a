import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { PageHeader } from "../../components/PageHeader";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldErrorsOf } from "../../i18n/errors";
import { useLogin } from "./api";
import { focusFirstInvalid } from "./focusFirstInvalid";

type Field = "identifier" | "password";
const FIELDS: readonly Field[] = ["identifier", "password"];

export function LoginPage() {
  const { t } = useTranslation();
  const login = useLogin();
  const [identifier, setIdentifier] = useState("");
  const [password, setPassword] = useState("");
  const [showPassword, setShowPassword] = useState(false);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (identifier.trim().length === 0) errors.identifier = t("fieldErrors.required");
    else if (identifier.trim().length < 3) errors.identifier = t("fieldErrors.invalid");
    if (password.length === 0) errors.password = t("fieldErrors.required");
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    login.mutate({ identifier: identifier.trim(), password });
  };

  const serverErrors = fieldErrorsOf(t, login.error, FIELDS);
  const errors = { ...serverErrors, ...clientErrors };
  const failure = login.error
    ? isApiError(login.error) && login.error.status === 401
      ? t("auth.login.wrongCredentials")
      : errorMessage(t, login.error)
    : null;

  return (
    <div className="narrow">
      <PageHeader title={t("auth.login.title")} subtitle={t("auth.login.intro")} />
      <form className="card form" noValidate onSubmit={onSubmit}>
        {failure && <Alert tone="error">{failure}</Alert>}
        <TextField
          label={t("auth.identifier")}
          name="identifier"
          autoComplete="username"
          autoCapitalize="none"
          spellCheck={false}
          value={identifier}
          onChange={(e) => setIdentifier(e.target.value)}
          error={errors.identifier}
          required
        />
        <TextField
          label={t("auth.password")}
          name="password"
          type={showPassword ? "text" : "password"}
          autoComplete="current-password"
          value={password}
          onChange={(e) => setPassword(e.target.value)}
          error={errors.password}
          required
        />
        <Checkbox label={t("auth.showPassword")} checked={showPassword} onChange={(e) => setShowPassword(e.target.checked)} />
        <Button type="submit" className="btn-block" busy={login.isPending} busyLabel={t("auth.login.submitting")}>
          {t("auth.login.submit")}
        </Button>
      </form>
      <ul className="link-list">
        <li>
          <Link to="/activate">{t("auth.login.firstTime")}</Link>
        </li>
        <li>
          <Link to="/forgot-password">{t("auth.login.forgot")}</Link>
        </li>
      </ul>
    </div>
  );
}
