import { useTranslation } from "react-i18next";
import { Link, Navigate, useParams, useSearchParams } from "react-router-dom";
import { useSession } from "../../app/session";
import { Alert } from "../../components/Alert";
import { isUuid } from "../news/labels";
import { useComments } from "./api";
import { CellComments } from "./CellComments";
import { DraftDeadline } from "./DraftDeadline";
import { DraftFrame, isNoDraft } from "./DraftFrame";
import { reviewPath } from "./labels";
import { NewCommentCard } from "./NewCommentCard";
import { OwnComments } from "./OwnComments";

/**
 * /documents/:id/feedback: a draft for feedback as its members see it: the deadline, the form to
 * comment (while open), their own comments with the committee's answers (changed or deleted while
 * the API allows), and the rest of their cell's when the draft shows them. A committee that answers
 * for the draft also gets the way to the review; a notification's `?unitId=` takes it there at once.
 */
export function FeedbackPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const [params] = useSearchParams();
  const { session } = useSession();
  const mine = useComments(isUuid(id) ? id : "", { mine: true });
  const draft = mine.data?.pages[0]?.draft;
  const unitParam = params.get("unitId");
  if (draft?.abilities.review && isUuid(unitParam)) return <Navigate replace to={reviewPath(id, unitParam)} />;
  const cellId = session?.member?.cell.id;

  return (
    <DraftFrame id={id} title={t("feedback.page.title")} gone={isNoDraft(mine.error)}>
      {(d) => (
        <div className="stack">
          <div className="fb-intro">
            <DraftDeadline feedbackUntil={d.feedbackUntil ?? ""} open={draft?.open} />
            {draft && <p className="meta">{t(draft.visibility === "all" ? "feedback.page.visibilityAll" : "feedback.page.visibilityOwn")}</p>}
            {d.withdrawnAt && <Alert tone="warning">{t("feedback.page.withdrawn")}</Alert>}
            {draft?.abilities.review && (
              <Link className="btn btn-secondary" to={reviewPath(id)}>
                {t("feedback.card.review")}
              </Link>
            )}
          </div>
          {draft?.abilities.comment && <NewCommentCard documentId={id} />}
          <OwnComments documentId={id} mine={mine} />
          {draft?.visibility === "all" && cellId && <CellComments documentId={id} cellId={cellId} />}
        </div>
      )}
    </DraftFrame>
  );
}
