import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Limits } from "@party/shared/limits";
import { isApiError } from "../../api/errors";
import { Alert } from "../../components/Alert";
import { TextArea } from "../../components/TextArea";
import { errorMessage, fieldErrorsOf } from "../../i18n/errors";
import { FormDialog } from "../../components/FormDialog";

export interface ReasonDialogProps {
  open: boolean;
  title: string;
  intro: string;
  label: string;
  submitLabel: string;
  busy: boolean;
  error: unknown;
  onSubmit: (reason: string) => void;
  onCancel: () => void;
}

/** Asks for the reason of a return, a decline or an unpublication (required; the editors read it). */
export function ReasonDialog({ open, title, intro, label, submitLabel, busy, error, onSubmit, onCancel }: ReasonDialogProps) {
  const { t } = useTranslation();
  const [reason, setReason] = useState("");
  const [clientError, setClientError] = useState<string | undefined>();

  useEffect(() => {
    if (open) {
      setReason("");
      setClientError(undefined);
    }
  }, [open]);

  const serverError = fieldErrorsOf(t, error, ["reason"] as const, {}, { reason: { min: 1, max: Limits.reasonMax } }).reason;
  const failure = error && !serverError && !(isApiError(error) && error.status === 400 && Object.keys(error.fields).length > 0) ? errorMessage(t, error) : null;

  return (
    <FormDialog
      open={open}
      title={title}
      submitLabel={submitLabel}
      tone="danger"
      busy={busy}
      onCancel={onCancel}
      onSubmit={() => {
        const text = reason.trim();
        if (!text) return setClientError(t("editorial.reason.required"));
        setClientError(undefined);
        onSubmit(text);
      }}
      footer={failure ? <Alert tone="error">{failure}</Alert> : null}
    >
      <p>{intro}</p>
      <TextArea label={label} value={reason} onChange={(e) => setReason(e.target.value)} maxLength={Limits.reasonMax} rows={4} error={clientError ?? serverError} required />
    </FormDialog>
  );
}
