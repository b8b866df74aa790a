import { useTranslation } from "react-i18next";
import { Alert } from "../components/Alert";
import { Button } from "../components/Button";
import { applyUpdate, dismissUpdate, useServiceWorkerState } from "./serviceWorker";
import { useOnline } from "./useOnline";

/** App-wide notices: no network, a new version waiting to be applied. */
export function AppNotices() {
  const { t } = useTranslation();
  const online = useOnline();
  const { needRefresh } = useServiceWorkerState();
  return (
    <div className="app-notices">
      {!online && <Alert tone="warning">{t("app.offline")}</Alert>}
      {needRefresh && (
        <Alert
          tone="info"
          action={
            <>
              <Button onClick={applyUpdate}>{t("app.update")}</Button>
              <Button variant="secondary" onClick={dismissUpdate}>
                {t("app.later")}
              </Button>
            </>
          }
        >
          {t("app.updateAvailable")}
        </Alert>
      )}
    </div>
  );
}
