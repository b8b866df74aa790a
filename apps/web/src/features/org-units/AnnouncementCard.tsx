import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Limits } from "@party/shared/limits";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { TextArea } from "../../components/TextArea";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldErrorsOf } from "../../i18n/errors";
import { focusFirstInvalid } from "../auth/focusFirstInvalid";
import { useAnnounce } from "../notifications/api";

type Field = "title" | "body";
const FIELDS: readonly Field[] = ["title", "body"];
const BOUNDS = { title: { min: 1, max: Limits.notificationTitleMax }, body: { max: Limits.notificationBodyMax } };
const EMPTY = { title: "", body: "" };

/**
 * Sends an announcement to every member of the unit's subtree (shown when the unit's abilities
 * allow `announce`). A confirmation says how far it goes before anything is sent.
 */
export function AnnouncementCard({ unit }: { unit: { id: string; name: string } }) {
  const { t } = useTranslation();
  const announce = useAnnounce(unit.id);
  const [values, setValues] = useState(EMPTY);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const [confirming, setConfirming] = useState(false);
  const [sent, setSent] = useState<string | null>(null);
  const set = (field: Field) => (e: { target: { value: string } }) => setValues((v) => ({ ...v, [field]: e.target.value }));
  const title = values.title.trim();
  const body = values.body.trim();

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (!title) errors.title = t("fieldErrors.required");
    else if (title.length > Limits.notificationTitleMax) errors.title = t("fieldErrors.too_long", { max: Limits.notificationTitleMax });
    if (body.length > Limits.notificationBodyMax) errors.body = t("fieldErrors.too_long", { max: Limits.notificationBodyMax });
    setClientErrors(errors);
    announce.reset();
    setSent(null);
    if (Object.keys(errors).length > 0) {
      focusFirstInvalid(event.currentTarget);
      return;
    }
    setConfirming(true);
  };

  const send = () =>
    announce.mutate(
      { title, body },
      {
        onSuccess: () => {
          setConfirming(false);
          setSent(title);
          setValues(EMPTY);
        },
        // Field problems are shown on the form itself; other failures stay in the dialog.
        onError: (error) => {
          if (Object.keys(fieldErrorsOf(t, error, FIELDS)).length > 0) setConfirming(false);
        },
      },
    );

  const serverErrors = fieldErrorsOf(t, announce.error, FIELDS, {}, BOUNDS);
  const errors = { ...serverErrors, ...clientErrors };
  const failure = announce.error && Object.keys(serverErrors).length === 0 ? errorMessage(t, announce.error) : null;

  return (
    <Card title={t("announce.title")}>
      <p>{t("announce.intro", { unit: unit.name })}</p>
      {sent && <Alert tone="success">{t("announce.sent", { title: sent })}</Alert>}
      {failure && !confirming && <Alert tone="error">{failure}</Alert>}
      <form className="form" noValidate onSubmit={onSubmit}>
        <TextField
          label={t("announce.titleLabel")}
          hint={t("announce.titleHint", { max: Limits.notificationTitleMax })}
          value={values.title}
          onChange={set("title")}
          maxLength={Limits.notificationTitleMax}
          error={errors.title}
          required
        />
        <TextArea
          label={t("announce.body")}
          hint={t("announce.bodyHint", { max: Limits.notificationBodyMax })}
          value={values.body}
          onChange={set("body")}
          maxLength={Limits.notificationBodyMax}
          rows={5}
          error={errors.body}
        />
        <Button type="submit">{t("announce.submit")}</Button>
      </form>
      <ConfirmDialog
        open={confirming}
        title={t("announce.confirmTitle", { unit: unit.name })}
        confirmLabel={announce.isPending ? t("announce.sending") : t("announce.confirm")}
        onConfirm={send}
        onCancel={() => setConfirming(false)}
        busy={announce.isPending}
        footer={failure && <Alert tone="error">{failure}</Alert>}
      >
        <p>{t("announce.confirmBody", { title, unit: unit.name })}</p>
      </ConfirmDialog>
    </Card>
  );
}
