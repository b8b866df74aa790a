import type { GrantDto } from "@party/shared/schemas/grants";
import type { GrantRow } from "./grants.repo";

export const presentGrant = (g: GrantRow): GrantDto => ({
  id: g.id,
  role: g.role as GrantDto["role"],
  unit: { id: g.unitId, name: g.unitName, kind: g.unitKind as GrantDto["unit"]["kind"] },
  account: { id: g.accountId, displayName: g.displayName },
  grantedAt: g.grantedAt.toISOString(),
});
