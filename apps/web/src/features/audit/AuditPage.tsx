import { LoadMore } from "../../components/LoadMore";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { Spinner } from "../../components/Spinner";
import { formatDateTime } from "../../i18n/format";
import { useUnit } from "../org-units/api";
import { type AuditEntryDto, useAuditLog } from "./api";
import { KNOWN_EVENTS, eventLabel } from "./events";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function AuditRow({ entry }: { entry: AuditEntryDto }) {
  const { t } = useTranslation();
  const dash = t("common.none");
  return (
    <li className="item audit-item">
      <div className="audit-head">
        <span className="item-title">{eventLabel(t, entry.name)}</span>
        <span className={`badge badge-${entry.result}`}>{t(`audit.results.${entry.result}`)}</span>
      </div>
      <dl className="details details-compact">
        <div>
          <dt>{t("audit.time")}</dt>
          <dd>
            <time dateTime={entry.occurredAt}>{formatDateTime(entry.occurredAt)}</time>
          </dd>
        </div>
        <div>
          <dt>{t("audit.actor")}</dt>
          <dd>{entry.actor?.displayName || t("audit.unknownActor")}</dd>
        </div>
        <div>
          <dt>{t("audit.unit")}</dt>
          <dd>{entry.unit?.name || dash}</dd>
        </div>
        <div>
          <dt>{t("audit.ip")}</dt>
          <dd>{entry.ip ?? dash}</dd>
        </div>
      </dl>
    </li>
  );
}

/** /admin/audit[?unitId=]: the audit trail, newest first, filterable by event, "show more" paging. */
export function AuditPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const rawUnitId = params.get("unitId");
  const unitId = rawUnitId && UUID.test(rawUnitId) ? rawUnitId : undefined;
  const name = params.get("name") ?? "";
  const unit = useUnit(unitId ?? "");
  const log = useAuditLog(unitId, name);
  const entries = log.data?.pages.flatMap((p) => p.data) ?? [];
  const title = unitId && unit.data ? t("audit.titleUnit", { unit: unit.data.data.name }) : t("audit.title");

  const setName = (value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set("name", value);
    else next.delete("name");
    setParams(next, { replace: true });
  };

  return (
    <>
      <PageHeader title={title} subtitle={unitId ? <Link to="/admin/audit">{t("audit.allUnits")}</Link> : undefined} />
      <div className="stack">
        <Card>
          <SelectField
            label={t("audit.event")}
            value={name}
            onChange={(e) => setName(e.target.value)}
            options={[{ value: "", label: t("common.all") }, ...KNOWN_EVENTS.map((e) => ({ value: e, label: eventLabel(t, e) }))]}
          />
        </Card>
        {log.isPending && <Spinner />}
        {log.isError && <ErrorAlert error={log.error} onRetry={() => void log.refetch()} />}
        {log.data && entries.length === 0 && <EmptyState>{t("audit.none")}</EmptyState>}
        {entries.length > 0 && (
          <>
            <ul className="item-list" aria-busy={log.isFetching || undefined}>
              {entries.map((entry) => (
                <AuditRow key={entry.id} entry={entry} />
              ))}
            </ul>
            <LoadMore pages={log} />
          </>
        )}
      </div>
    </>
  );
}
