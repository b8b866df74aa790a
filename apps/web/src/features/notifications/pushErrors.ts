import type { TFunction } from "i18next";
import { isApiError } from "../../api/errors";
import { errorMessage } from "../../i18n/errors";
import { PushSetupError } from "./push";

/** Why turning push on (or off) failed, in the member's words. */
export function pushErrorMessage(t: TFunction, error: unknown): string {
  if (error instanceof PushSetupError) {
    if (error.reason === "denied") return t("pushSettings.denied");
    if (error.reason === "dismissed") return t("pushSettings.dismissed");
    return t("pushSettings.noWorker");
  }
  if (isApiError(error)) {
    if (error.fields.endpoint === "push_service_not_allowed") return t("pushSettings.serviceNotAllowed");
    return errorMessage(t, error);
  }
  // The browser's own failure (no push service reachable, subscription refused).
  return t("pushSettings.failed");
}
