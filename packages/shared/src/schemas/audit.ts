import { z } from "zod";
import { PageLimit } from "./common";

export const AuditEntryDto = z.object({
  id: z.string(),
  occurredAt: z.iso.datetime(),
  name: z.string(),
  result: z.enum(["success", "failure", "denied"]),
  actor: z.object({ id: z.uuid(), displayName: z.string() }).nullable(),
  unit: z.object({ id: z.uuid(), name: z.string() }).nullable(),
  subjectType: z.string().nullable(),
  subjectId: z.string().nullable(),
  ip: z.string().nullable(),
  data: z.record(z.string(), z.unknown()),
});
export type AuditEntryDto = z.infer<typeof AuditEntryDto>;

export const AuditListQuery = z
  .object({
    unitId: z.uuid().optional(),
    name: z.string().trim().max(80).regex(/^[a-z_.]*$/).optional(),
    /** An event id (bigint): at most 2^63 - 1, or PostgreSQL refuses the comparison. */
    before: z
      .string()
      .regex(/^\d{1,19}$/)
      .refine((v) => !/^\d+$/.test(v) || BigInt(v) <= 9_223_372_036_854_775_807n, "Too large")
      .optional(),
    limit: PageLimit,
  })
  .strict();
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditListEnvelope = z.object({ data: z.array(AuditEntryDto), nextBefore: z.string().nullable() });
