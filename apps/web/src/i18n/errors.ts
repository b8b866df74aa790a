import type { TFunction } from "i18next";
import { Limits } from "@party/shared/limits";
import { isApiError } from "../api/errors";

const ERROR_CODES = new Set([
  "validation_failed", "unauthenticated", "mfa_required", "forbidden", "not_found", "conflict", "payload_too_large",
  "unsupported_media_type", "rate_limited", "account_locked", "csrf_failed", "service_unavailable", "internal_error",
  "network_error", "bad_response",
] as const);
type KnownCode = typeof ERROR_CODES extends Set<infer C> ? C : never;

const FIELD_CODES = new Set(["required", "too_short", "too_long", "too_common", "invalid", "wrong", "unchanged", "invalid_text", "mismatch", "totp_format", "activation_format"] as const);
type FieldCode = typeof FIELD_CODES extends Set<infer C> ? C : never;

/** Whole minutes to wait, at least 1, from a 429 answer's retryAfterSeconds. */
export const minutesToWait = (seconds: number | undefined): number => Math.max(1, Math.ceil((seconds ?? 60) / 60));

/** The user-facing message for an error, from its code (never the server's English message). */
export function errorMessage(t: TFunction, error: unknown): string {
  if (!isApiError(error)) return t("errors.unknown");
  const code = error.code as string;
  if (!ERROR_CODES.has(code as KnownCode)) return t("errors.unknown");
  if (code === "rate_limited" || code === "account_locked") {
    return t(`errors.${code}`, { minutes: minutesToWait(error.retryAfterSeconds) });
  }
  return t(`errors.${code as Exclude<KnownCode, "rate_limited" | "account_locked">}`);
}

/** The length bounds a field's too_short / too_long messages quote; passwords' by default. */
export interface FieldBounds {
  min?: number;
  max?: number;
}

/**
 * A field problem code (`too_short`, `too_common`, `wrong`…) as a sentence. Codes the app does not
 * know (the server's schema messages are English prose) read as "invalid".
 */
export function fieldMessage(t: TFunction, code: string, bounds: FieldBounds = {}): string {
  if (!FIELD_CODES.has(code as FieldCode)) return t("fieldErrors.invalid");
  if (code === "too_short") return t("fieldErrors.too_short", { min: bounds.min ?? Limits.passwordMin });
  if (code === "too_long") return t("fieldErrors.too_long", { max: bounds.max ?? Limits.passwordMax });
  return t(`fieldErrors.${code as Exclude<FieldCode, "too_short" | "too_long">}`);
}

/**
 * Field messages of a 400 answer, for the fields a form shows. `overrides[field]` replaces the
 * generic sentence when a field's code means something specific on that form; `bounds[field]` gives
 * the lengths a field's too_short / too_long messages quote.
 */
export function fieldErrorsOf<F extends string>(
  t: TFunction,
  error: unknown,
  fields: readonly F[],
  overrides: Partial<Record<F, string>> = {},
  bounds: Partial<Record<F, FieldBounds>> = {},
): Partial<Record<F, string>> {
  if (!isApiError(error) || error.status !== 400) return {};
  const out: Partial<Record<F, string>> = {};
  for (const field of fields) {
    const code = error.fields[field];
    if (code) out[field] = overrides[field] ?? fieldMessage(t, code, bounds[field]);
  }
  return out;
}
