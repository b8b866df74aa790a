import { type FormEvent, type ReactNode, useId } from "react";
import { createPortal } from "react-dom";
import { useTranslation } from "react-i18next";
import { Button } from "./Button";
import { useModalDialog } from "./useModalDialog";

export interface FormDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  submitLabel: string;
  onSubmit: () => void;
  onCancel: () => void;
  busy?: boolean;
  busyLabel?: string;
  /** The submit button's style: `danger` for actions that take something away (return, unpublish). */
  tone?: "primary" | "danger";
  /** Shown above the buttons, e.g. an error from the last attempt. */
  footer?: ReactNode;
  /** Extra buttons between Cancel and the submit button (e.g. "Bỏ liên kết"). */
  extraActions?: ReactNode;
}

/**
 * A modal form on the native <dialog> (focus stays inside, Escape cancels, focus returns to the
 * opener). Rendered into <body> so it never nests in the page's own form; its submit event stops
 * here and never reaches a form around the opener.
 */
export function FormDialog({ open, title, children, submitLabel, onSubmit, onCancel, busy = false, busyLabel, tone = "primary", footer, extraActions }: FormDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(open, onCancel, busy);
  const titleId = `form-dialog-${useId()}`;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    event.stopPropagation();
    if (!busy) onSubmit();
  };

  return createPortal(
    <dialog {...dialog} className="dialog" aria-labelledby={titleId}>
      <form className="form" noValidate onSubmit={submit}>
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        {open && children}
        {footer}
        <div className="dialog-actions">
          <Button variant="secondary" onClick={onCancel} disabled={busy}>
            {t("common.cancel")}
          </Button>
          {extraActions}
          <Button type="submit" variant={tone} busy={busy} busyLabel={busyLabel}>
            {submitLabel}
          </Button>
        </div>
      </form>
    </dialog>,
    document.body,
  );
}
