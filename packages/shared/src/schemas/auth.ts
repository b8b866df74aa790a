import { z } from "zod";
import { AccountStatus, Language, UnitKind, UnitRole } from "../enums";
import { Limits } from "../limits";

/** Phone number, party card number or e-mail; the server works out which. */
export const Identifier = z.string().trim().min(3).max(Limits.identifierMax);
export const Password = z.string().min(Limits.passwordMin).max(Limits.passwordMax);

export const LoginBody = z.object({ identifier: Identifier, password: z.string().min(1).max(Limits.passwordMax) }).strict();
export type LoginBody = z.infer<typeof LoginBody>;

export const ActivateBody = z
  .object({
    identifier: Identifier,
    code: z.string().trim().min(4).max(32),
    password: Password,
  })
  .strict();
export type ActivateBody = z.infer<typeof ActivateBody>;

export const ChangePasswordBody = z
  .object({ currentPassword: z.string().min(1).max(Limits.passwordMax), newPassword: Password })
  .strict();
export type ChangePasswordBody = z.infer<typeof ChangePasswordBody>;

export const TotpCodeBody = z.object({ code: z.string().trim().regex(/^\d{6}$/) }).strict();
export type TotpCodeBody = z.infer<typeof TotpCodeBody>;

export const PreferencesBody = z
  .object({ language: Language.optional(), largeText: z.boolean().optional() })
  .strict();
export type PreferencesBody = z.infer<typeof PreferencesBody>;

/**
 * Where the session stands on the second factor: `none` (member without staff roles),
 * `enroll` (staff who must set up TOTP first), `verify` (staff who must type a code), `verified`.
 * Until it is `none` or `verified`, only the auth routes answer.
 */
export const MfaState = z.enum(["none", "enroll", "verify", "verified"]);
export type MfaState = z.infer<typeof MfaState>;

export const GrantSummary = z.object({
  id: z.uuid(),
  role: UnitRole,
  unit: z.object({ id: z.uuid(), name: z.string(), kind: UnitKind }),
});
export type GrantSummary = z.infer<typeof GrantSummary>;

export const SessionDto = z.object({
  account: z.object({
    id: z.uuid(),
    displayName: z.string(),
    status: AccountStatus,
    language: Language,
    largeText: z.boolean(),
    totpEnabled: z.boolean(),
  }),
  member: z
    .object({ id: z.uuid(), fullName: z.string(), cell: z.object({ id: z.uuid(), name: z.string() }) })
    .nullable(),
  grants: z.array(GrantSummary),
  mfa: MfaState,
  csrfToken: z.string(),
  expiresAt: z.iso.datetime(),
});
export type SessionDto = z.infer<typeof SessionDto>;
export const SessionEnvelope = z.object({ data: SessionDto });

export const TotpSetupDto = z.object({ secret: z.string(), otpauthUrl: z.string(), qrCodeDataUrl: z.string() });
export const TotpSetupEnvelope = z.object({ data: TotpSetupDto });
