import { type SyntheticEvent, useEffect, useRef } from "react";

/**
 * A native <dialog> opened as a modal while `open` (focus stays inside, focus returns to the opener
 * on close); Escape cancels unless `busy`. Spread the result onto the <dialog>.
 */
export function useModalDialog(open: boolean, onCancel: () => void, busy: boolean) {
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return {
    ref,
    onCancel: (event: SyntheticEvent) => {
      event.preventDefault();
      if (!busy) onCancel();
    },
  };
}
