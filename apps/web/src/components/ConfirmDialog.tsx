import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "./Button";
import { useModalDialog } from "./useModalDialog";

export interface ConfirmDialogProps {
  open: boolean;
  title: string;
  children: ReactNode;
  confirmLabel: string;
  onConfirm: () => void;
  onCancel: () => void;
  busy?: boolean;
  /** Shown inside the dialog, e.g. an error from the last attempt. */
  footer?: ReactNode;
}

/**
 * A modal confirmation on the native <dialog> (focus stays inside, Escape cancels, focus returns
 * to the button that opened it).
 */
export function ConfirmDialog({ open, title, children, confirmLabel, onConfirm, onCancel, busy = false, footer }: ConfirmDialogProps) {
  const { t } = useTranslation();
  const dialog = useModalDialog(open, onCancel, busy);
  const titleId = `dialog-title-${useId()}`;
  const bodyId = `${titleId}-body`;

  return (
    <dialog {...dialog} className="dialog" aria-labelledby={titleId} aria-describedby={bodyId}>
      <h2 id={titleId} className="dialog-title">
        {title}
      </h2>
      <div id={bodyId} className="dialog-body">
        {children}
      </div>
      {footer}
      <div className="dialog-actions">
        <Button variant="secondary" onClick={onCancel} disabled={busy}>
          {t("common.cancel")}
        </Button>
        <Button variant="danger" onClick={onConfirm} busy={busy}>
          {confirmLabel}
        </Button>
      </div>
    </dialog>
  );
}
