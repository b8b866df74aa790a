import type { UnitDto } from "@party/shared/schemas/org-units";
import type { UnitRow } from "./org-units.repo";

export const presentUnit = (u: UnitRow): UnitDto => ({
  id: u.id,
  parentId: u.parentId,
  kind: u.kind as UnitDto["kind"],
  code: u.code,
  name: u.name,
  status: u.status as UnitDto["status"],
  validFrom: u.validFrom,
  validTo: u.validTo,
  depth: u.depth,
  childCount: u.childCount,
  memberCount: u.memberCount,
});
