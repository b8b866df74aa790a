import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { SelectField } from "../../components/SelectField";
import { Spinner } from "../../components/Spinner";
import { isUuid } from "../news/labels";
import { useOverview } from "./api";
import { CountsCard } from "./CountsCard";
import { DraftDeadline } from "./DraftDeadline";
import { DraftFrame, isNoDraft } from "./DraftFrame";
import { feedbackPath } from "./labels";
import { ReviewComments } from "./ReviewComments";
import { SummaryCard } from "./SummaryCard";
import { UnitsBelowCard } from "./UnitsBelowCard";

/**
 * /documents/:id/feedback/review?unitId=: the committee's side of a draft for one unit it answers
 * for (by default the highest): the figures, the units below and the summaries they forwarded, the
 * unit's own summary (make, download, forward up), and the comments to answer. Switching the unit
 * starts the filters afresh. Anyone else who may read the draft is told they do not answer for it.
 */
export function ReviewPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const [params, setParams] = useSearchParams();
  const unitParam = params.get("unitId");
  const overview = useOverview(isUuid(id) ? id : "", isUuid(unitParam) ? unitParam : "");
  const forbidden = isApiError(overview.error) && overview.error.status === 403;
  const o = overview.data?.data;
  // A unit reached from the list below stays offered while it is shown.
  const units = o ? [...o.reviewUnits, ...(o.reviewUnits.some((u) => u.id === o.unit.id) ? [] : [o.unit])] : [];

  return (
    <DraftFrame id={id} title={t("feedback.review.title")} gone={isNoDraft(overview.error)}>
      {(d) => (
        <div className="stack">
          <div className="fb-intro">
            <DraftDeadline feedbackUntil={d.feedbackUntil ?? ""} open={o?.draft.open} />
            <Link to={feedbackPath(id)}>{t("feedback.review.membersPage")}</Link>
          </div>
          {overview.isPending && <Spinner />}
          {forbidden && <EmptyState>{t("feedback.review.notAllowed")}</EmptyState>}
          {overview.isError && !forbidden && <ErrorAlert error={overview.error} onRetry={() => void overview.refetch()} />}
          {overview.data && o && (
            <>
              {units.length > 1 && (
                <SelectField
                  label={t("feedback.review.viewUnit")}
                  value={o.unit.id}
                  onChange={(e) => setParams({ unitId: e.target.value })}
                  options={units.map((u) => ({ value: u.id, label: u.name }))}
                />
              )}
              <SummaryCard documentId={id} overview={overview.data} publishingUnit={o.unit.id === d.unit.id} />
              <CountsCard overview={o} />
              <UnitsBelowCard documentId={id} overview={o} />
              <ReviewComments key={o.unit.id} documentId={id} overview={o} />
            </>
          )}
        </div>
      )}
    </DraftFrame>
  );
}
