import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useUnitAncestors } from "./api";

/**
 * The path from the top of the organisation to `unitId`. With `current`, the unit itself is the
 * last crumb (marked as the current page) and links only when `linkCurrent` is set.
 */
export function UnitBreadcrumb({ unitId, linkCurrent = false }: { unitId: string; linkCurrent?: boolean }) {
  const { t } = useTranslation();
  const ancestors = useUnitAncestors(unitId);
  if (!ancestors.data) return null;
  const units = ancestors.data.data;
  return (
    <nav className="breadcrumb" aria-label={t("units.breadcrumb")}>
      <ol>
        {units.map((unit, index) => {
          const last = index === units.length - 1;
          return (
            <li key={unit.id}>
              {last && !linkCurrent ? (
                <span aria-current="page">{unit.name}</span>
              ) : (
                <Link to={`/admin/units/${unit.id}`}>{unit.name}</Link>
              )}
            </li>
          );
        })}
      </ol>
    </nav>
  );
}
