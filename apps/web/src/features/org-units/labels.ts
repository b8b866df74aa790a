import type { TFunction } from "i18next";
import type { UnitKind, UnitStatus } from "@party/shared/enums";
import type { UnitDto } from "@party/shared/schemas/org-units";

export const unitKindLabel = (t: TFunction, kind: UnitKind): string => t(`unitKinds.${kind}`);
export const unitStatusLabel = (t: TFunction, status: UnitStatus): string => t(`unitStatus.${status}`);

/**
 * "Chi bộ · 21 đảng viên" for a cell, "Cơ sở · 2 đơn vị trực thuộc" above. The API's memberCount
 * counts only members whose cell is this unit, so it is shown for cells alone.
 */
export function unitSummary(t: TFunction, unit: Pick<UnitDto, "kind" | "childCount" | "memberCount">): string {
  const count = unit.kind === "cell" ? t("units.memberCount", { count: unit.memberCount }) : t("units.childCount", { count: unit.childCount });
  return `${unitKindLabel(t, unit.kind)} · ${count}`;
}
