import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldErrorsOf } from "../../i18n/errors";
import { focusFirstInvalid } from "../auth/focusFirstInvalid";
import { confirmationProblem, newPasswordProblem } from "../auth/passwordRules";
import { useChangePassword } from "./api";

type Field = "currentPassword" | "newPassword" | "confirm";
const SERVER_FIELDS: readonly Field[] = ["currentPassword", "newPassword"];
const EMPTY = { currentPassword: "", newPassword: "", confirm: "" };

export function ChangePasswordCard() {
  const { t } = useTranslation();
  const change = useChangePassword();
  const [values, setValues] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (!values.currentPassword) errors.currentPassword = t("fieldErrors.required");
    const newProblem = newPasswordProblem(t, values.newPassword);
    if (newProblem) errors.newPassword = newProblem;
    else if (values.newPassword === values.currentPassword) errors.newPassword = t("fieldErrors.unchanged");
    const confirmProblem = confirmationProblem(t, values.newPassword, values.confirm);
    if (confirmProblem) errors.confirm = confirmProblem;
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      change.reset();
      focusFirstInvalid(event.currentTarget);
      return;
    }
    change.mutate({ currentPassword: values.currentPassword, newPassword: values.newPassword }, { onSuccess: () => setValues(EMPTY) });
  };

  const serverErrors = fieldErrorsOf(t, change.error, SERVER_FIELDS);
  const errors = { ...serverErrors, ...clientErrors };
  const failure = change.error && Object.keys(serverErrors).length === 0 ? errorMessage(t, change.error) : null;

  return (
    <Card title={t("password.title")}>
      <form className="form" noValidate onSubmit={onSubmit}>
        {failure && <Alert tone="error">{failure}</Alert>}
        {change.isSuccess && <Alert tone="success">{t("password.success")}</Alert>}
        <TextField
          label={t("password.current")}
          type="password"
          autoComplete="current-password"
          value={values.currentPassword}
          onChange={set("currentPassword")}
          error={errors.currentPassword}
          required
        />
        <TextField
          label={t("password.new")}
          type="password"
          autoComplete="new-password"
          value={values.newPassword}
          onChange={set("newPassword")}
          error={errors.newPassword}
          required
        />
        <TextField
          label={t("password.confirm")}
          type="password"
          autoComplete="new-password"
          value={values.confirm}
          onChange={set("confirm")}
          error={errors.confirm}
          required
        />
        <Button type="submit" busy={change.isPending} busyLabel={t("common.saving")}>
          {t("password.submit")}
        </Button>
      </form>
    </Card>
  );
}
