import { useTranslation } from "react-i18next";
import { useRouteError } from "react-router-dom";
import { Button } from "../components/Button";
import { ErrorAlert } from "../components/ErrorAlert";

/**
 * Shown when a screen fails to render or its code cannot be loaded (e.g. offline right after an
 * update): the error in words and a reload button.
 */
export function RouteError() {
  const { t } = useTranslation();
  const error = useRouteError();
  if (import.meta.env.DEV) console.error(error);
  return (
    <main id="main-content" className="page-center" tabIndex={-1}>
      <h1>{t("app.name")}</h1>
      <ErrorAlert error={error} />
      <Button onClick={() => window.location.reload()}>{t("common.retry")}</Button>
    </main>
  );
}
