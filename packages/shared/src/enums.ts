import { z } from "zod";

/** Roles granted on a unit; each applies to the unit and its whole subtree. "member" is implicit through the member's cell. */
export const UnitRole = z.enum(["secretary", "deputy_secretary", "editor", "approver", "unit_admin", "stats_viewer"]);
export type UnitRole = z.infer<typeof UnitRole>;

/** Every staff role requires a TOTP second factor. */
export const STAFF_ROLES: readonly UnitRole[] = UnitRole.options;

/** Levels of the organisation tree, top to bottom (see DOMAIN.md). */
export const UnitKind = z.enum(["province", "district", "grassroots", "subcommittee", "cell"]);
export type UnitKind = z.infer<typeof UnitKind>;

export const UnitStatus = z.enum(["active", "closed", "merged"]);
export type UnitStatus = z.infer<typeof UnitStatus>;

export const MemberStatus = z.enum(["full", "probationary", "exempt", "transferred_out", "deceased"]);
export type MemberStatus = z.infer<typeof MemberStatus>;

export const Sex = z.enum(["male", "female"]);
export type Sex = z.infer<typeof Sex>;

export const AccountStatus = z.enum(["pending", "active", "disabled"]);
export type AccountStatus = z.infer<typeof AccountStatus>;

export const Language = z.enum(["vi", "en"]);
export type Language = z.infer<typeof Language>;

export const ErrorCode = z.enum([
  "validation_failed",
  "unauthenticated",
  "mfa_required",
  "forbidden",
  "not_found",
  "conflict",
  "payload_too_large",
  "unsupported_media_type",
  "rate_limited",
  "account_locked",
  "csrf_failed",
  "service_unavailable",
  "internal_error",
]);
export type ErrorCode = z.infer<typeof ErrorCode>;
