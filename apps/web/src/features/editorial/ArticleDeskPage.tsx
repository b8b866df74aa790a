import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { errorMessage } from "../../i18n/errors";
import { type ArticleDto, useArticle } from "../news/api";
import { isUuid } from "../news/labels";
import { useArticleTransition, useDeleteArticle } from "./api";
import { ApproveForm } from "./ApproveForm";
import { ArticlePreview } from "./ArticlePreview";
import { ArticleStatusPanel } from "./ArticleStatusPanel";
import { BackLink } from "./BackLink";
import { DiffView } from "./DiffView";
import { FormDialog } from "../../components/FormDialog";
import { ReadersCard } from "./ReadersCard";
import { noticeOf } from "./labels";
import { ReasonDialog } from "./ReasonDialog";

type Dialog = "submit" | "delete" | "return" | "decline" | "unpublish" | null;
type Done = "submitted" | "approved" | "returned" | "declined" | "unpublished" | null;

/** The content under review or being written (the working revision), else the published one. */
const shownContent = (a: ArticleDto) => (a.working ? { ...a.working } : { title: a.title, summary: a.summary, bodyHtml: a.bodyHtml, tags: a.tags, sourceLine: a.sourceLine, cover: a.cover });

/**
 * /admin/news/:id: one article for its editorial team. Its status and reasons, what the actor may
 * do with it (from the API's abilities: edit, submit, delete, approve, return, decline, unpublish),
 * the revision under review with its changes against the published one, and its readers.
 */
export function ArticleDeskPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const valid = isUuid(id);
  const location = useLocation();
  const navigate = useNavigate();
  const article = useArticle(valid ? id : "");
  const transition = useArticleTransition(id);
  const remove = useDeleteArticle(id);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [done, setDone] = useState<Done>(noticeOf(location.state) === "submitted" ? "submitted" : null);

  if (!valid || (isApiError(article.error) && article.error.status === 404)) return <NotFoundPage />;
  if (!article.data) {
    return (
      <>
        <PageHeader title={t("editorial.article.title")} />
        {article.isPending && <Spinner />}
        {article.isError && <ErrorAlert error={article.error} onRetry={() => void article.refetch()} />}
      </>
    );
  }
  const a = article.data.data;
  const can = article.data.abilities;
  const w = a.working;
  const home = `/admin/units/${a.originUnit?.id ?? a.unit.id}/news`;
  const content = shownContent(a);
  const reviewing = can.approve || can.return || can.decline;
  const open = (d: Dialog) => {
    transition.reset();
    setDialog(d);
  };
  const act = (t2: Parameters<typeof transition.mutate>[0], outcome: Done) =>
    transition.mutate(t2, {
      onSuccess: () => {
        setDialog(null);
        setDone(outcome);
      },
    });

  return (
    <>
      <PageHeader title={content.title || t("editorial.untitled")} subtitle={t("editorial.article.subtitle")} before={<BackLink to={home} label={t("editorial.article.back")} />} />
      <div className="stack">
        {done && <Alert tone="success">{t(`editorial.article.done.${done}`)}</Alert>}
        <ArticleStatusPanel article={a} />

        <Card title={t("editorial.article.actions")}>
          <div className="button-row">
            {can.edit && (
              <Link className="btn btn-primary" to={`/admin/news/${a.id}/edit`}>
                {a.publishedRevision !== null && !w ? t("editorial.article.newRevision") : t("editorial.article.edit")}
              </Link>
            )}
            {can.submit && <Button onClick={() => open("submit")}>{t("editorial.form.submit")}</Button>}
            {can.viewHistory && (
              <Link className="btn btn-secondary" to={`/admin/news/${a.id}/history`}>
                {t("editorial.article.history")}
              </Link>
            )}
            {a.status === "published" && (
              <Link className="btn btn-secondary" to={`/news/${a.id}`}>
                {t("editorial.article.viewLive")}
              </Link>
            )}
            {can.unpublish && (
              <Button variant="danger" onClick={() => open("unpublish")}>
                {a.status === "scheduled" ? t("editorial.article.cancelSchedule") : t("editorial.article.unpublish")}
              </Button>
            )}
            {can.delete && (
              <Button variant="quiet" onClick={() => open("delete")}>
                {t("editorial.form.delete")}
              </Button>
            )}
          </div>
          {!can.edit && w?.state === "submitted" && <p className="meta">{t("editorial.article.waiting")}</p>}
        </Card>

        {reviewing && (
          <Card title={t("editorial.review.title")}>
            <p>{a.originUnit ? t("editorial.review.introProposal", { from: a.originUnit.name, channel: a.unit.name }) : t("editorial.review.intro")}</p>
            {can.approve ? <ApproveForm article={a} onDone={() => setDone("approved")} /> : <p className="meta">{t("editorial.review.ownSubmission")}</p>}
            <div className="button-row review-other">
              {can.return && (
                <Button variant="secondary" onClick={() => open("return")}>
                  {t("editorial.review.return")}
                </Button>
              )}
              {can.decline && (
                <Button variant="secondary" onClick={() => open("decline")}>
                  {t("editorial.review.decline")}
                </Button>
              )}
            </div>
          </Card>
        )}

        {w && a.publishedRevision !== null && w.number !== a.publishedRevision && can.viewHistory && (
          <Card title={t("editorial.article.changes", { number: w.number, published: a.publishedRevision })}>
            <DiffView articleId={a.id} from={a.publishedRevision} to={w.number} />
          </Card>
        )}

        <Card title={w ? t("editorial.article.contentWorking", { number: w.number }) : t("editorial.article.contentPublished")}>
          <ArticlePreview content={content} />
        </Card>

        {can.viewStats && a.publishedAt && <ReadersCard articleId={a.id} />}
      </div>

      <FormDialog
        open={dialog === "submit"}
        title={t("editorial.submitDialog.title")}
        submitLabel={t("editorial.submitDialog.confirm")}
        busy={transition.isPending}
        busyLabel={t("editorial.submitDialog.sending")}
        onSubmit={() => act({ action: "submit" }, "submitted")}
        onCancel={() => setDialog(null)}
        footer={transition.error ? <Alert tone="error">{errorMessage(t, transition.error)}</Alert> : null}
      >
        <p>{t("editorial.submitDialog.body")}</p>
        {a.status === "published" && <p>{t("editorial.submitDialog.live")}</p>}
      </FormDialog>
      {(["return", "decline", "unpublish"] as const).map((kind) => (
        <ReasonDialog
          key={kind}
          open={dialog === kind}
          title={t(`editorial.reason.${kind}.title`)}
          intro={t(`editorial.reason.${kind}.intro`)}
          label={t(`editorial.reason.${kind}.label`)}
          submitLabel={t(`editorial.reason.${kind}.confirm`)}
          busy={transition.isPending}
          error={dialog === kind ? transition.error : null}
          onCancel={() => setDialog(null)}
          onSubmit={(reason) => act({ action: kind, reason }, kind === "return" ? "returned" : kind === "decline" ? "declined" : "unpublished")}
        />
      ))}
      <ConfirmDialog
        open={dialog === "delete"}
        title={t("editorial.deleteDialog.title")}
        confirmLabel={t("editorial.deleteDialog.confirm")}
        busy={remove.isPending}
        onCancel={() => setDialog(null)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(home, { replace: true, state: { notice: "deleted" } }) })}
        footer={remove.error ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
      >
        <p>{t("editorial.deleteDialog.body", { title: content.title || t("editorial.untitled") })}</p>
      </ConfirmDialog>
    </>
  );
}
