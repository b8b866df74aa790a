import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { Checkbox } from "../../components/Checkbox";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldErrorsOf } from "../../i18n/errors";
import { focusFirstInvalid } from "../auth/focusFirstInvalid";
import { type NotificationPreferences, useNotificationPreferences, useUpdateNotificationPreferences } from "../notifications/api";
import { notificationTypeLabel, sortTypes } from "../notifications/labels";
import { pushErrorMessage } from "../notifications/pushErrors";
import { PushSetupError } from "../notifications/push";
import { usePushDevice } from "../notifications/usePushDevice";

/** Push on this device: what the browser allows, and the button that turns it on or off. */
function ThisDevice({ devices }: { devices: number | undefined }) {
  const { t } = useTranslation();
  const push = usePushDevice();
  const { state, subscribe, unsubscribe } = push;
  const error = subscribe.error ?? unsubscribe.error;

  let body;
  if (!state) body = <Spinner inline label={t("pushSettings.checking")} />;
  else if (state.support === "unsupported") body = <p>{t("pushSettings.unsupported")}</p>;
  else if (state.support === "no-worker") body = <p>{t("pushSettings.noWorker")}</p>;
  else if (state.permission === "denied" && !state.subscribed) body = <Alert tone="warning">{t("pushSettings.denied")}</Alert>;
  else {
    body = (
      <>
        <p>{state.subscribed ? t("pushSettings.deviceOn") : t("pushSettings.deviceOff")}</p>
        {error && !(error instanceof PushSetupError && error.reason === "denied") && (
          <Alert tone={error instanceof PushSetupError ? "warning" : "error"}>{pushErrorMessage(t, error)}</Alert>
        )}
        {subscribe.isSuccess && state.subscribed && <Alert tone="success">{t("pushSettings.enabled")}</Alert>}
        {unsubscribe.isSuccess && !state.subscribed && <Alert tone="success">{t("pushSettings.disabled")}</Alert>}
        {state.subscribed ? (
          <Button variant="secondary" onClick={push.disable} busy={push.busy} busyLabel={t("pushSettings.disabling")}>
            {t("pushSettings.disable")}
          </Button>
        ) : (
          <Button onClick={push.enable} busy={push.busy} busyLabel={t("pushSettings.enabling")}>
            {t("pushSettings.enable")}
          </Button>
        )}
      </>
    );
  }

  return (
    <section className="settings-section" aria-labelledby="push-device-heading">
      <h3 id="push-device-heading">{t("pushSettings.device")}</h3>
      {body}
      {devices !== undefined && <p className="meta device-count">{t("pushSettings.devices", { count: devices })}</p>}
    </section>
  );
}

type Field = "quietHours.start" | "quietHours.end";
const SERVER_FIELDS: readonly Field[] = ["quietHours.start", "quietHours.end"];

/** Which types are pushed, and quiet hours; saved together with PATCH. */
function PreferencesForm({ preferences }: { preferences: NotificationPreferences }) {
  const { t } = useTranslation();
  const update = useUpdateNotificationPreferences();
  const [push, setPush] = useState(preferences.push);
  const [quietOn, setQuietOn] = useState(preferences.quietHours !== null);
  const [start, setStart] = useState(preferences.quietHours?.start ?? "22:00");
  const [end, setEnd] = useState(preferences.quietHours?.end ?? "06:00");
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const types = sortTypes(Object.keys(push));
  /** An edit after a save makes "saved" untrue until the next save. */
  const edited = () => {
    if (update.isSuccess) update.reset();
  };

  const onSubmit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const errors: Partial<Record<Field, string>> = {};
    if (quietOn) {
      if (!start) errors["quietHours.start"] = t("fieldErrors.required");
      if (!end) errors["quietHours.end"] = t("fieldErrors.required");
      else if (start && start === end) errors["quietHours.end"] = t("pushSettings.sameTimes");
    }
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      update.reset();
      focusFirstInvalid(event.currentTarget);
      return;
    }
    update.mutate({ push, quietHours: quietOn ? { start: start.slice(0, 5), end: end.slice(0, 5) } : null });
  };

  const serverErrors = fieldErrorsOf(t, update.error, SERVER_FIELDS);
  const errors = { ...serverErrors, ...clientErrors };
  const failure = update.error && Object.keys(serverErrors).length === 0 ? errorMessage(t, update.error) : null;

  return (
    <form className="form settings-section" noValidate onSubmit={onSubmit}>
      {types.length > 0 && (
        <div className="settings-section">
          <fieldset className="fieldset">
            <legend className="field-label">{t("pushSettings.types")}</legend>
            <p className="field-hint">{t("pushSettings.typesHint")}</p>
            {types.map((type) => (
              <Checkbox
                key={type}
                label={notificationTypeLabel(t, type)}
                checked={push[type] ?? false}
                onChange={(e) => {
                  edited();
                  setPush((old) => ({ ...old, [type]: e.target.checked }));
                }}
              />
            ))}
          </fieldset>
        </div>
      )}
      <div className="settings-section">
        <fieldset className="fieldset">
          <legend className="field-label">{t("pushSettings.quietHours")}</legend>
          <Checkbox
            label={t("pushSettings.quietHoursOn")}
            hint={t("pushSettings.quietHoursHint")}
            checked={quietOn}
            onChange={(e) => {
              edited();
              setQuietOn(e.target.checked);
            }}
          />
          {quietOn && (
            <>
              <div className="time-fields">
                <TextField
                  label={t("pushSettings.quietStart")}
                  type="time"
                  value={start}
                  onChange={(e) => {
                    edited();
                    setStart(e.target.value);
                  }}
                  error={errors["quietHours.start"]}
                  required
                />
                <TextField
                  label={t("pushSettings.quietEnd")}
                  type="time"
                  value={end}
                  onChange={(e) => {
                    edited();
                    setEnd(e.target.value);
                  }}
                  error={errors["quietHours.end"]}
                  required
                />
              </div>
              <p className="field-hint">{t("pushSettings.timeZone")}</p>
            </>
          )}
        </fieldset>
      </div>
      {failure && <Alert tone="error">{failure}</Alert>}
      {update.isSuccess && <Alert tone="success">{t("pushSettings.saved")}</Alert>}
      <Button type="submit" busy={update.isPending} busyLabel={t("common.saving")}>
        {t("pushSettings.save")}
      </Button>
    </form>
  );
}

/**
 * "Thông báo" on the personal page: push on this device, which types are pushed to the member's
 * devices, quiet hours, and how many devices receive push. The inbox always gets everything.
 */
export function NotificationSettingsCard() {
  const { t } = useTranslation();
  const preferences = useNotificationPreferences();
  return (
    <Card title={t("pushSettings.title")}>
      <ThisDevice devices={preferences.data?.devices} />
      {preferences.isPending && <Spinner inline />}
      {preferences.isError && <ErrorAlert error={preferences.error} onRetry={() => void preferences.refetch()} />}
      {preferences.data && <PreferencesForm preferences={preferences.data} />}
    </Card>
  );
}
