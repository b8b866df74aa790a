import { useTranslation } from "react-i18next";
import { errorMessage } from "../i18n/errors";
import { Alert } from "./Alert";
import { Button } from "./Button";

/** An error from the API (or anything thrown), translated from its code, with an optional retry. */
export function ErrorAlert({ error, onRetry }: { error: unknown; onRetry?: () => void }) {
  const { t } = useTranslation();
  return (
    <Alert
      tone="error"
      action={
        onRetry && (
          <Button variant="secondary" onClick={onRetry}>
            {t("common.retry")}
          </Button>
        )
      }
    >
      {errorMessage(t, error)}
    </Alert>
  );
}
