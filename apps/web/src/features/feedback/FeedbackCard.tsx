import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Card } from "../../components/Card";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { useComments } from "./api";
import { DraftDeadline } from "./DraftDeadline";
import { FEEDBACK_STATUSES, feedbackPath, reviewPath, statusLabel } from "./labels";

/**
 * "Góp ý dự thảo" on a draft's page: the deadline and whether it is open, how many comments the
 * member left and how they were answered, the way to the feedback page (to comment, change and
 * read answers) and, for a committee that answers for it, to the review.
 */
export function FeedbackCard({ documentId, feedbackUntil }: { documentId: string; feedbackUntil: string }) {
  const { t } = useTranslation();
  const mine = useComments(documentId, { mine: true });
  const page = mine.data?.pages[0];
  const comments = mine.data?.pages.flatMap((p) => p.data) ?? [];
  const draft = page?.draft;
  const byStatus = FEEDBACK_STATUSES.map((s) => ({ s, n: comments.filter((c) => c.status === s).length })).filter((x) => x.n > 0);

  return (
    <Card title={t("feedback.card.title")} className="fb-card">
      <DraftDeadline feedbackUntil={feedbackUntil} open={draft?.open} />
      {mine.isPending && <Spinner inline />}
      {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {page && (
        <p>
          {comments.length === 0
            ? t(draft?.abilities.comment ? "feedback.card.noneYet" : "feedback.card.none")
            : t("feedback.card.yours", { count: comments.length, statuses: byStatus.map((x) => `${x.n} ${statusLabel(t, x.s).toLocaleLowerCase()}`).join(", ") })}
        </p>
      )}
      <div className="button-row">
        <Link className="btn btn-primary" to={feedbackPath(documentId)}>
          {draft?.abilities.comment ? t("feedback.card.comment") : t("feedback.card.view")}
        </Link>
        {draft?.abilities.review && (
          <Link className="btn btn-secondary" to={reviewPath(documentId)}>
            {t("feedback.card.review")}
          </Link>
        )}
      </div>
    </Card>
  );
}
