import type { TFunction } from "i18next";
import { Limits } from "@party/shared/limits";
import { isCommonPassword } from "@party/shared/passwords";

/** The same rules the API applies (length, common passwords), checked before sending. */
export function newPasswordProblem(t: TFunction, password: string): string | undefined {
  if (password.length === 0) return t("fieldErrors.required");
  if ([...password.normalize("NFC")].length < Limits.passwordMin) return t("fieldErrors.too_short", { min: Limits.passwordMin });
  if (password.length > Limits.passwordMax) return t("fieldErrors.too_long", { max: Limits.passwordMax });
  if (isCommonPassword(password)) return t("fieldErrors.too_common");
  return undefined;
}

export function confirmationProblem(t: TFunction, password: string, confirmation: string): string | undefined {
  if (confirmation.length === 0) return t("fieldErrors.required");
  return confirmation === password ? undefined : t("fieldErrors.mismatch");
}
