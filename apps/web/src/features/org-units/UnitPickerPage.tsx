import { useTranslation } from "react-i18next";
import { Link, Navigate } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useTopUnits } from "./api";
import { unitKindLabel } from "./labels";

const TARGETS = {
  listMembers: { path: "members", title: "units.pickTitleMembers" },
  manageGrants: { path: "grants", title: "units.pickTitleGrants" },
} as const;

/**
 * /admin/members and /admin/grants: straight to the unit when the actor has this ability on
 * exactly one of their top units, else a choice.
 */
export function UnitPickerPage({ ability }: { ability: keyof typeof TARGETS }) {
  const { t } = useTranslation();
  const top = useTopUnits();
  const target = TARGETS[ability];
  const units = top.data?.data.filter((u) => top.data.abilities[u.id]?.[ability]) ?? [];
  if (units.length === 1) return <Navigate to={`/admin/units/${units[0].id}/${target.path}`} replace />;
  return (
    <>
      <PageHeader title={t(target.title)} />
      {top.isPending && <Spinner />}
      {top.isError && <ErrorAlert error={top.error} onRetry={() => void top.refetch()} />}
      {top.data && units.length === 0 && <EmptyState>{t("units.pickNone")}</EmptyState>}
      {units.length > 1 && (
        <>
          <p>{t("units.pickIntro")}</p>
          <ul className="item-list">
            {units.map((u) => (
              <li key={u.id} className="item">
                <Link to={`/admin/units/${u.id}/${target.path}`} className="item-title">
                  {u.name}
                </Link>
                <span className="meta">{unitKindLabel(t, u.kind)}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </>
  );
}
