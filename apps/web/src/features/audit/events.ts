import type { TFunction } from "i18next";

/** Audit event names the app can name in words; others are shown as they are. */
export const KNOWN_EVENTS = [
  "auth.login_succeeded",
  "auth.login_failed",
  "auth.logged_out",
  "auth.account_activated",
  "auth.password_reset",
  "auth.password_changed",
  "auth.totp_enabled",
  "auth.mfa_verified",
  "auth.mfa_failed",
  "auth.activation_failed",
  "accounts.activation_issued",
  "grants.granted",
  "grants.revoked",
  "members.created",
  "members.profile_viewed",
  "access.denied",
  "notifications.announced",
  "push.subscribed",
  "push.unsubscribed",
] as const;
export type KnownEvent = (typeof KNOWN_EVENTS)[number];

const isKnown = (name: string): name is KnownEvent => (KNOWN_EVENTS as readonly string[]).includes(name);

export const eventLabel = (t: TFunction, name: string): string => (isKnown(name) ? t(`events.${name}`) : name);
