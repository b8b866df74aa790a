import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { formatCalendarDate } from "../../i18n/format";
import { usePublishesFor } from "../documents/desk";
import { AnnouncementCard } from "./AnnouncementCard";
import { useUnit, useUnitChildren } from "./api";
import { unitKindLabel, unitStatusLabel, unitSummary } from "./labels";
import { UnitBreadcrumb } from "./UnitBreadcrumb";

/** /admin/units/:id: where the unit sits, its facts, what the actor may do there (announcements included), the units below. */
export function UnitDetailPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const unit = useUnit(id);
  const abilities = unit.data?.abilities ?? {};
  const canBrowse = abilities.browse === true && (unit.data?.data.childCount ?? 0) > 0;
  const children = useUnitChildren(id, canBrowse);
  const documentsDesk = usePublishesFor(id);

  if (unit.isPending) {
    return (
      <>
        <PageHeader title={t("units.title")} />
        <Spinner />
      </>
    );
  }
  if (unit.isError) {
    return (
      <>
        <PageHeader title={t("units.title")} />
        <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />
      </>
    );
  }
  const u = unit.data.data;
  return (
    <>
      <PageHeader title={u.name} subtitle={unitKindLabel(t, u.kind)} before={<UnitBreadcrumb unitId={u.id} />} />
      <div className="stack">
        <Card>
          <dl className="details">
            <div>
              <dt>{t("units.kind")}</dt>
              <dd>{unitKindLabel(t, u.kind)}</dd>
            </div>
            <div>
              <dt>{t("units.code")}</dt>
              <dd>{u.code}</dd>
            </div>
            <div>
              <dt>{t("units.status")}</dt>
              <dd>{unitStatusLabel(t, u.status)}</dd>
            </div>
            <div>
              <dt>{t("units.validFrom")}</dt>
              <dd>{formatCalendarDate(u.validFrom)}</dd>
            </div>
            {u.validTo && (
              <div>
                <dt>{t("units.validTo")}</dt>
                <dd>{formatCalendarDate(u.validTo)}</dd>
              </div>
            )}
            <div>
              <dt>{t("units.children")}</dt>
              <dd>{t("units.childCount", { count: u.childCount })}</dd>
            </div>
            {u.kind === "cell" && (
              <div>
                <dt>{t("adminNav.members")}</dt>
                <dd>{t("units.memberCount", { count: u.memberCount })}</dd>
              </div>
            )}
          </dl>
        </Card>
        {(abilities.listMembers || abilities.manageGrants || abilities.viewAudit || documentsDesk) && (
          <Card title={t("units.actions")}>
            <ul className="link-cards">
              {abilities.listMembers && (
                <li>
                  <Link to={`/admin/units/${u.id}/members`}>{t("units.members")}</Link>
                </li>
              )}
              {abilities.manageGrants && (
                <li>
                  <Link to={`/admin/units/${u.id}/grants`}>{t("units.grants")}</Link>
                </li>
              )}
              {abilities.viewAudit && (
                <li>
                  <Link to={`/admin/audit?unitId=${u.id}`}>{t("units.audit")}</Link>
                </li>
              )}
              {documentsDesk && (
                <li>
                  <Link to={`/admin/units/${u.id}/documents`}>{t("documents.staff.desk")}</Link>
                </li>
              )}
            </ul>
          </Card>
        )}
        {abilities.announce && <AnnouncementCard unit={u} />}
        {canBrowse && (
          <Card title={t("units.children")}>
            {children.isPending && <Spinner inline />}
            {children.isError && <ErrorAlert error={children.error} onRetry={() => void children.refetch()} />}
            {children.data && children.data.data.length === 0 && <EmptyState>{t("units.noChildren")}</EmptyState>}
            {children.data && children.data.data.length > 0 && (
              <ul className="item-list">
                {children.data.data.map((child) => (
                  <li key={child.id} className="item">
                    <Link to={`/admin/units/${child.id}`} className="item-title">
                      {child.name}
                    </Link>
                    <span className="meta">
                      {unitSummary(t, child)}
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
