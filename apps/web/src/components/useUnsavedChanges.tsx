import { useEffect } from "react";
import { useTranslation } from "react-i18next";
import { useBlocker } from "react-router-dom";
import { ConfirmDialog } from "./ConfirmDialog";

/**
 * Guards a form with unsaved changes: leaving within the app asks first (a dialog), closing or
 * reloading the tab gets the browser's own warning. A navigation that reports a finished action in
 * its state (`{ notice: "saved" }` after a save, a submission, a deletion) is never held up.
 * Returns the dialog to render.
 */
export function useUnsavedChanges(dirty: boolean) {
  const { t } = useTranslation();
  const blocker = useBlocker(
    ({ currentLocation, nextLocation }) =>
      dirty && currentLocation.pathname !== nextLocation.pathname && !(nextLocation.state as { notice?: unknown } | null)?.notice,
  );

  useEffect(() => {
    if (!dirty) return;
    const warn = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // Older browsers show the prompt only when returnValue is set.
      event.returnValue = "";
    };
    window.addEventListener("beforeunload", warn);
    return () => window.removeEventListener("beforeunload", warn);
  }, [dirty]);

  return (
    <ConfirmDialog
      open={blocker.state === "blocked"}
      title={t("common.unsaved.title")}
      confirmLabel={t("common.unsaved.leave")}
      onConfirm={() => blocker.proceed?.()}
      onCancel={() => blocker.reset?.()}
    >
      <p>{t("common.unsaved.body")}</p>
    </ConfirmDialog>
  );
}
