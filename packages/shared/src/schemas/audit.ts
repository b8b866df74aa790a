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
    before: z.string().regex(/^\d{1,19}$/).optional(),
    limit: PageLimit,
  })
  .strict();
export type AuditListQuery = z.infer<typeof AuditListQuery>;

export const AuditListEnvelope = z.object({ data: z.array(AuditEntryDto), nextBefore: z.string().nullable() });
