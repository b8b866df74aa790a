import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import type { UnitRole } from "@party/shared/enums";
import { isApiError } from "../../api/errors";
import { useDebouncedValue } from "../../app/useDebouncedValue";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import { type UnitDto, useUnit, useUnitSearch } from "../org-units/api";
import { unitKindLabel } from "../org-units/labels";
import { useGrantRole } from "./api";
import { UNIT_ROLES, roleLabel } from "./labels";

/**
 * Grants the member a role on a unit. The units offered are the member's own cell and search
 * results, each only when the API says the actor may manage grants there.
 */
export function GrantRoleCard({ memberId, cellId }: { memberId: string; cellId: string }) {
  const { t } = useTranslation();
  const grant = useGrantRole();
  const [role, setRole] = useState<UnitRole>("secretary");
  const [unitId, setUnitId] = useState("");
  const [text, setText] = useState("");
  const [missingUnit, setMissingUnit] = useState(false);
  const q = useDebouncedValue(text.trim(), 300);
  const cell = useUnit(cellId);
  const search = useUnitSearch(q);

  const candidates: UnitDto[] = [];
  if (cell.data?.abilities.manageGrants) candidates.push(cell.data.data);
  for (const u of search.data?.data ?? []) {
    if (q && search.data?.abilities[u.id]?.manageGrants && !candidates.some((c) => c.id === u.id)) candidates.push(u);
  }
  const chosen = candidates.find((c) => c.id === unitId) ?? (cell.data?.data.id === unitId ? cell.data.data : undefined);

  const onSubmit = (event: FormEvent) => {
    event.preventDefault();
    setMissingUnit(!chosen);
    if (!chosen) return;
    grant.mutate({ unitId: chosen.id, memberId, role });
  };

  return (
    <Card title={t("grantRole.title")}>
      <form className="form" noValidate onSubmit={onSubmit}>
        <SelectField
          label={t("grantRole.role")}
          value={role}
          onChange={(e) => setRole(e.target.value as UnitRole)}
          options={UNIT_ROLES.map((r) => ({ value: r, label: roleLabel(t, r) }))}
        />
        <TextField label={t("grantRole.unitSearch")} type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={100} />
        <fieldset className="fieldset" aria-describedby={missingUnit ? "grant-unit-error" : undefined}>
          <legend className="field-label">{t("grantRole.unit")}</legend>
          {candidates.length === 0 && !cell.isPending && <p className="meta">{t("grantRole.noUnits")}</p>}
          <div className="radio-list">
            {candidates.map((u) => (
              <label key={u.id} className="radio">
                <input type="radio" name="grant-unit" value={u.id} checked={unitId === u.id} onChange={() => setUnitId(u.id)} />
                <span>
                  {u.name} <span className="meta">({unitKindLabel(t, u.kind)})</span>
                </span>
              </label>
            ))}
          </div>
          {missingUnit && (
            <p className="field-error" id="grant-unit-error">
              {t("grantRole.chooseUnit")}
            </p>
          )}
        </fieldset>
        {grant.isError &&
          (isApiError(grant.error) && grant.error.status === 409 ? (
            <Alert tone="error">{t("grantRole.alreadyHeld")}</Alert>
          ) : (
            <ErrorAlert error={grant.error} />
          ))}
        {grant.data && (
          <Alert tone="success">{t("grantRole.success", { role: roleLabel(t, grant.data.role), unit: grant.data.unit.name })}</Alert>
        )}
        <Button type="submit" busy={grant.isPending} busyLabel={t("grantRole.submitting")}>
          {t("grantRole.submit")}
        </Button>
      </form>
    </Card>
  );
}
