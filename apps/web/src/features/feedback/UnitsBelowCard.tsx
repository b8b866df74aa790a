import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Card } from "../../components/Card";
import { formatDateTime } from "../../i18n/format";
import type { FeedbackOverviewDto } from "./api";
import { reviewPath } from "./labels";
import { SummaryDownloads } from "./SummaryDownloads";

/**
 * "Đơn vị trực thuộc": each unit directly below with comments or a summary: its totals, whether it
 * forwarded its summary (when, by whom, and the files), and the way to its own review.
 */
export function UnitsBelowCard({ documentId, overview }: { documentId: string; overview: FeedbackOverviewDto }) {
  const { t } = useTranslation();
  const { units, received } = overview;
  if (units.length === 0) return null;
  return (
    <Card title={t("feedback.units.title")} className="fb-units">
      <p>{t("feedback.units.received", { received: received.length, count: units.length })}</p>
      <ul className="item-list">
        {units.map(({ unit, total, pending, summary }) => {
          const forwarded = summary?.status === "forwarded" ? summary : null;
          return (
            <li key={unit.id} className="item fb-unit">
              <h3 className="item-title fb-unit-name">{unit.name}</h3>
              <p className="meta">{t("feedback.counts.sectionLine", { count: total, pending })}</p>
              <p>
                {forwarded?.forwardedAt
                  ? t("feedback.units.forwardedAt", { time: formatDateTime(forwarded.forwardedAt), name: forwarded.forwardedBy?.name ?? t("common.none"), count: forwarded.counts.total })
                  : t("feedback.units.notForwarded")}
              </p>
              <div className="button-row">
                {forwarded && <SummaryDownloads summary={forwarded} documentId={documentId} />}
                <Link className="btn btn-quiet" to={reviewPath(documentId, unit.id)} aria-label={t("feedback.units.openLabel", { unit: unit.name })}>
                  {t("feedback.units.open")}
                </Link>
              </div>
            </li>
          );
        })}
      </ul>
    </Card>
  );
}
