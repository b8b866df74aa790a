import { z } from "zod";
import { UnitKind, UnitRole } from "../enums";

export const GrantDto = z.object({
  id: z.uuid(),
  role: UnitRole,
  unit: z.object({ id: z.uuid(), name: z.string(), kind: UnitKind }),
  account: z.object({ id: z.uuid(), displayName: z.string() }),
  grantedAt: z.iso.datetime(),
});
export type GrantDto = z.infer<typeof GrantDto>;
export const GrantEnvelope = z.object({ data: GrantDto });
export const GrantListEnvelope = z.object({ data: z.array(GrantDto) });

export const CreateGrantBody = z.object({ unitId: z.uuid(), memberId: z.uuid(), role: UnitRole }).strict();
export type CreateGrantBody = z.infer<typeof CreateGrantBody>;
