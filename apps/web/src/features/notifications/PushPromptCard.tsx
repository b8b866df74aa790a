import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { PushSetupError, dismissPushPrompt, pushPromptDismissed } from "./push";
import { pushErrorMessage } from "./pushErrors";
import { usePushDevice } from "./usePushDevice";

/**
 * The invitation to turn on push, at a moment it makes sense: never on a first visit, only once the
 * member has something in the inbox, only where push works and nobody has answered the browser's
 * question yet, and never again on this device after "Để sau". After an answer the card stays to
 * say what happened.
 */
export function PushPromptCard({ hasNotifications }: { hasNotifications: boolean }) {
  const { t } = useTranslation();
  const push = usePushDevice();
  const [dismissed, setDismissed] = useState(pushPromptDismissed);
  const [engaged, setEngaged] = useState(false);
  const { state, subscribe } = push;
  const done = useRef<HTMLDivElement>(null);
  // The button the member pressed is gone once push is on: focus goes to the result instead.
  useEffect(() => {
    if (subscribe.isSuccess) done.current?.focus();
  }, [subscribe.isSuccess]);

  const eligible = hasNotifications && !dismissed && state?.support === "supported" && state.permission === "default" && !state.subscribed;
  if (!eligible && !engaged) return null;
  if (subscribe.isSuccess) {
    return (
      <div ref={done} tabIndex={-1}>
        <Alert tone="success">{t("pushSettings.enabled")}</Alert>
      </div>
    );
  }
  const error = subscribe.error;
  const refused = error instanceof PushSetupError && error.reason !== "unsupported";

  return (
    <Card title={t("pushPrompt.title")} className="push-prompt">
      <p>{t("pushPrompt.body")}</p>
      {error && <Alert tone={refused ? "warning" : "error"}>{pushErrorMessage(t, error)}</Alert>}
      <div className="button-row">
        {!(error instanceof PushSetupError && error.reason === "denied") && (
          <Button
            onClick={() => {
              setEngaged(true);
              push.enable();
            }}
            busy={push.busy}
            busyLabel={t("pushSettings.enabling")}
          >
            {t("pushPrompt.enable")}
          </Button>
        )}
        <Button
          variant="secondary"
          onClick={() => {
            dismissPushPrompt();
            setDismissed(true);
            setEngaged(false);
          }}
          disabled={push.busy}
        >
          {error ? t("common.close") : t("pushPrompt.later")}
        </Button>
      </div>
    </Card>
  );
}
