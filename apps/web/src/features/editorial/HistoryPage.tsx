import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { errorMessage } from "../../i18n/errors";
import { formatDateTime } from "../../i18n/format";
import { useArticle } from "../news/api";
import { isUuid } from "../news/labels";
import { type RevisionDto, useArticleTransition, useRevisions } from "./api";
import { BackLink } from "./BackLink";
import { DiffView } from "./DiffView";
import { revisionStateLabel } from "./labels";

/** One revision: who wrote it and when, its review, and the way to its changes and to restore it. */
function RevisionItem({ r, previous, articleId, isWorking, isPublished, canRestore, onRestore }: {
  r: RevisionDto;
  previous: number | null;
  articleId: string;
  isWorking: boolean;
  isPublished: boolean;
  canRestore: boolean;
  onRestore: (r: RevisionDto) => void;
}) {
  const { t } = useTranslation();
  const [showDiff, setShowDiff] = useState(false);
  const diffId = `revision-${r.number}-diff`;
  return (
    <li className="item revision-item">
      <h2 className="revision-title">
        {t("editorial.history.revision", { number: r.number })}{" "}
        <span className={`badge badge-revision badge-revision-${r.state}`}>{revisionStateLabel(t, r.state)}</span>
        {isPublished && <span className="badge badge-status-published">{t("editorial.history.live")}</span>}
        {isWorking && <span className="badge">{t("editorial.history.working")}</span>}
      </h2>
      <p className="revision-heading-text">{r.title || t("editorial.untitled")}</p>
      <dl className="details revision-facts">
        <div>
          <dt>{t("editorial.history.author")}</dt>
          <dd>{r.authorName ?? t("common.none")}</dd>
        </div>
        <div>
          <dt>{t("editorial.history.updated")}</dt>
          <dd>{formatDateTime(r.updatedAt)}</dd>
        </div>
        {r.submittedAt && (
          <div>
            <dt>{t("editorial.history.submitted")}</dt>
            <dd>{formatDateTime(r.submittedAt)}</dd>
          </div>
        )}
        {r.reviewedAt && (
          <div>
            <dt>{t("editorial.history.reviewed")}</dt>
            <dd>{t("editorial.history.reviewedValue", { name: r.reviewerName ?? t("common.none"), at: formatDateTime(r.reviewedAt) })}</dd>
          </div>
        )}
        {r.reviewReason && (
          <div>
            <dt>{t("editorial.history.reason")}</dt>
            <dd>{r.reviewReason}</dd>
          </div>
        )}
        {r.restoredFrom !== null && (
          <div>
            <dt>{t("editorial.history.restoredFrom")}</dt>
            <dd>{t("editorial.history.revision", { number: r.restoredFrom })}</dd>
          </div>
        )}
      </dl>
      <div className="button-row">
        {previous !== null && (
          <Button variant="secondary" aria-expanded={showDiff} aria-controls={diffId} onClick={() => setShowDiff((v) => !v)}>
            {showDiff ? t("editorial.history.hideChanges") : t("editorial.history.showChanges", { previous })}
          </Button>
        )}
        {canRestore && !isWorking && (
          <Button variant="quiet" onClick={() => onRestore(r)}>
            {t("editorial.history.restore")}
          </Button>
        )}
      </div>
      <div id={diffId} className="revision-diff">
        {showDiff && previous !== null && <DiffView articleId={articleId} from={previous} to={r.number} />}
      </div>
    </li>
  );
}

/** /admin/news/:id/history: every revision, newest first, each with its changes against the one before, and restore. */
export function HistoryPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const valid = isUuid(id);
  const article = useArticle(valid ? id : "");
  const revisions = useRevisions(valid ? id : "", article.data?.abilities.viewHistory === true);
  const restore = useArticleTransition(id);
  const [restoring, setRestoring] = useState<RevisionDto | null>(null);
  const [restored, setRestored] = useState<number | null>(null);

  if (!valid || (isApiError(article.error) && article.error.status === 404)) return <NotFoundPage />;
  const a = article.data?.data;
  const can = article.data?.abilities ?? {};
  const list = [...(revisions.data ?? [])].sort((x, y) => y.number - x.number);
  const title = a ? a.working?.title || a.title || t("editorial.untitled") : t("editorial.history.title");

  return (
    <>
      <PageHeader title={t("editorial.history.title")} subtitle={title} before={<BackLink to={`/admin/news/${id}`} label={t("editorial.form.backToArticle")} />} />
      <div className="stack">
        {restored !== null && (
          <Alert tone="success">
            {t("editorial.history.restored", { number: restored })} <Link to={`/admin/news/${id}/edit`}>{t("editorial.article.edit")}</Link>
          </Alert>
        )}
        {(article.isPending || (revisions.isPending && can.viewHistory)) && <Spinner />}
        {article.isError && <ErrorAlert error={article.error} onRetry={() => void article.refetch()} />}
        {revisions.isError && <ErrorAlert error={revisions.error} onRetry={() => void revisions.refetch()} />}
        {a && !can.viewHistory && <Alert tone="info">{t("errors.forbidden")}</Alert>}
        {revisions.data && list.length === 0 && <EmptyState>{t("editorial.history.none")}</EmptyState>}
        {a && list.length > 0 && (
          <ul className="item-list revision-list">
            {list.map((r, i) => (
              <RevisionItem
                key={r.number}
                r={r}
                previous={list[i + 1]?.number ?? null}
                articleId={id}
                isWorking={a.working?.number === r.number}
                isPublished={a.publishedRevision === r.number && a.status === "published"}
                canRestore={can.restore === true}
                onRestore={(rev) => {
                  restore.reset();
                  setRestoring(rev);
                }}
              />
            ))}
          </ul>
        )}
      </div>
      <ConfirmDialog
        open={restoring !== null}
        title={t("editorial.history.restoreTitle", { number: restoring?.number ?? 0 })}
        confirmLabel={t("editorial.history.restore")}
        busy={restore.isPending}
        onCancel={() => setRestoring(null)}
        onConfirm={() =>
          restoring &&
          restore.mutate(
            { action: "restore", number: restoring.number },
            {
              onSuccess: () => {
                setRestored(restoring.number);
                setRestoring(null);
              },
            },
          )
        }
        footer={restore.error ? <Alert tone="error">{errorMessage(t, restore.error)}</Alert> : null}
      >
        <p>{a && a.status === "published" ? t("editorial.history.restoreBodyLive") : t("editorial.history.restoreBody")}</p>
      </ConfirmDialog>
    </>
  );
}
