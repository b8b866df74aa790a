import { z } from "zod";
import { UnitKind, UnitStatus } from "../enums";
import { Abilities, IsoDate, SearchText } from "./common";

export const UnitDto = z.object({
  id: z.uuid(),
  parentId: z.uuid().nullable(),
  kind: UnitKind,
  code: z.string(),
  name: z.string(),
  status: UnitStatus,
  validFrom: IsoDate,
  validTo: IsoDate.nullable(),
  depth: z.number().int(),
  childCount: z.number().int(),
  /** Current members whose cell is this unit (so 0 above cell level); subtree totals come from statistics. */
  memberCount: z.number().int(),
});
export type UnitDto = z.infer<typeof UnitDto>;

export const UnitEnvelope = z.object({ data: UnitDto, abilities: Abilities });
export const UnitListEnvelope = z.object({ data: z.array(UnitDto), abilities: z.record(z.uuid(), Abilities) });

export const UnitSearchQuery = z.object({ q: SearchText.min(1), limit: z.coerce.number().int().min(1).max(50).default(20) }).strict();
export const UnitChildrenQuery = z.object({ includeClosed: z.enum(["true", "false"]).default("false") }).strict();
