import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { Abilities } from "./abilities";
import { type UnitDto, useUnitChildren } from "./api";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Icon } from "../../components/Icon";
import { Spinner } from "../../components/Spinner";
import { unitSummary } from "./labels";

/** One unit of the tree; its children load when it is first expanded. */
function UnitNode({ unit, abilities }: { unit: UnitDto; abilities: Abilities }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const canExpand = unit.childCount > 0 && abilities.browse === true;
  const children = useUnitChildren(unit.id, open && canExpand);
  const listId = `unit-children-${unit.id}`;
  return (
    <li className="tree-item">
      <div className="tree-row">
        {canExpand ? (
          <button type="button" className="tree-toggle" aria-expanded={open} aria-controls={listId} onClick={() => setOpen(!open)}>
            <Icon name="chevron" />
            <span className="visually-hidden">{t("units.showChildren", { name: unit.name })}</span>
          </button>
        ) : (
          <span className="tree-spacer" />
        )}
        <div className="tree-label">
          <Link to={`/admin/units/${unit.id}`}>{unit.name}</Link>
          <span className="meta">
            {unitSummary(t, unit)}
          </span>
        </div>
      </div>
      {canExpand && (
        <ul id={listId} className="tree-group" hidden={!open}>
          {open && children.isPending && (
            <li>
              <Spinner inline />
            </li>
          )}
          {open && children.isError && (
            <li>
              <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />
            </li>
          )}
          {children.data?.data.map((child) => (
            <UnitNode key={child.id} unit={child} abilities={children.data.abilities[child.id] ?? {}} />
          ))}
        </ul>
      )}
    </li>
  );
}

/** Nested lists with disclosure buttons (aria-expanded), one level loaded at a time. */
export function UnitTree({ units, abilities, label }: { units: UnitDto[]; abilities: Record<string, Abilities>; label: string }) {
  return (
    <ul className="tree" aria-label={label}>
      {units.map((unit) => (
        <UnitNode key={unit.id} unit={unit} abilities={abilities[unit.id] ?? {}} />
      ))}
    </ul>
  );
}
