import { useTranslation } from "react-i18next";
import { Card } from "../../components/Card";
import type { FeedbackOverviewDto } from "./api";
import { FEEDBACK_STATUSES, statusLabel } from "./labels";

/**
 * "Số liệu góp ý": what the unit's summary holds (its own members' comments and those forwarded
 * from below): totals, by status, and by section ("Ý kiến chung" for the whole draft first).
 */
export function CountsCard({ overview }: { overview: FeedbackOverviewDto }) {
  const { t } = useTranslation();
  const { counts, bySection } = overview;
  return (
    <Card title={t("feedback.counts.title")} className="fb-counts">
      <p className="meta">{t("feedback.counts.scope", { unit: overview.unit.name })}</p>
      <dl className="fb-figures">
        <div>
          <dt>{t("feedback.counts.total")}</dt>
          <dd>{counts.total}</dd>
        </div>
        <div>
          <dt>{t("feedback.counts.commenters")}</dt>
          <dd>{counts.commenters}</dd>
        </div>
        <div>
          <dt>{t("feedback.counts.units")}</dt>
          <dd>{counts.units}</dd>
        </div>
        {FEEDBACK_STATUSES.map((s) => (
          <div key={s}>
            <dt>{statusLabel(t, s)}</dt>
            <dd>{counts.byStatus[s]}</dd>
          </div>
        ))}
      </dl>
      {bySection.length > 0 && (
        <>
          <h3 className="doc-subheading">{t("feedback.counts.bySection")}</h3>
          <ul className="plain-list fb-sections">
            {bySection.map((row) => (
              <li key={row.section ?? ""}>
                <strong>{row.section ?? t("feedback.comment.whole")}</strong>
                <span className="meta"> · {t("feedback.counts.sectionLine", { count: row.total, pending: row.pending })}</span>
              </li>
            ))}
          </ul>
        </>
      )}
    </Card>
  );
}
