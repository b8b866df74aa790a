import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useNavigate, useParams, useSearchParams } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { errorMessage } from "../../i18n/errors";
import { type ArticleDto, useArticle } from "../news/api";
import { isUuid } from "../news/labels";
import { useCreateArticle, useDeleteArticle, useSaveAndSubmit, useUpdateArticle } from "./api";
import { ArticleForm, type ArticleFormValues, toContent } from "./ArticleForm";
import { ArticleStatusPanel } from "./ArticleStatusPanel";
import { BackLink } from "./BackLink";
import { FormDialog } from "../../components/FormDialog";
import { noticeOf, useChannelOptions } from "./labels";

const EMPTY: ArticleFormValues = { unitId: "", title: "", summary: "", bodyHtml: "", categoryId: "", tags: "", sourceLine: "", cover: null, coverAlt: "", attachments: [] };

/** The form's starting values: the revision being written if there is one, else the published content. */
export function formValuesOf(a: ArticleDto): ArticleFormValues {
  const w = a.working;
  const cover = w ? w.cover : a.cover;
  return {
    unitId: a.unit.id,
    title: w?.title ?? a.title,
    summary: w?.summary ?? a.summary,
    bodyHtml: w?.bodyHtml ?? a.bodyHtml,
    categoryId: (w ? w.categoryId : a.category?.id) ?? "",
    tags: (w?.tags ?? a.tags).join(", "),
    sourceLine: w?.sourceLine ?? a.sourceLine,
    cover,
    coverAlt: cover?.alt ?? "",
    attachments: (w ? w.attachments : a.attachments).map((f) => ({ fileId: f.fileId, name: f.name, size: f.size, format: f.format })),
  };
}

/** Field problems are shown on the form itself: the confirmation closes for them; other failures stay in it. */
const closeOnFieldErrors = (setPending: (v: null) => void) => (error: unknown) => {
  if (isApiError(error) && error.status === 400 && Object.keys(error.fields).length > 0) setPending(null);
};

/** The confirmation before sending for approval, saying what happens next. */
function SubmitDialog({ open, live, busy, error, onConfirm, onCancel }: { open: boolean; live: boolean; busy: boolean; error: unknown; onConfirm: () => void; onCancel: () => void }) {
  const { t } = useTranslation();
  return (
    <FormDialog
      open={open}
      title={t("editorial.submitDialog.title")}
      submitLabel={t("editorial.submitDialog.confirm")}
      busy={busy}
      busyLabel={t("editorial.submitDialog.sending")}
      onSubmit={onConfirm}
      onCancel={onCancel}
      footer={error ? <Alert tone="error">{errorMessage(t, error)}</Alert> : null}
    >
      <p>{t("editorial.submitDialog.body")}</p>
      {live && <p>{t("editorial.submitDialog.live")}</p>}
    </FormDialog>
  );
}

/** /admin/news/new[?unitId=…]: a new article in one of the editor's channels. */
function NewArticle() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const channels = useChannelOptions();
  const create = useCreateArticle();
  const saveAndSubmit = useSaveAndSubmit();
  const [pending, setPending] = useState<ArticleFormValues | null>(null);

  const preset = params.get("unitId");
  const direct = channels.options.filter((o) => !o.proposal);
  const unitId = channels.options.some((o) => o.unitId === preset) ? (preset ?? "") : direct.length === 1 ? direct[0].unitId : "";

  const header = <PageHeader title={t("editorial.form.newTitle")} before={<BackLink to="/admin/news" label={t("editorial.desk.title")} />} />;
  if (channels.options.length === 0 || channels.isPending) {
    return (
      <>
        {header}
        {channels.isPending ? <Spinner /> : <EmptyState>{t("editorial.form.noChannels")}</EmptyState>}
      </>
    );
  }
  return (
    <>
      {header}
      {channels.error != null && <ErrorAlert error={channels.error} />}
      <Card>
        <ArticleForm
          initial={{ ...EMPTY, unitId }}
          channels={channels.options}
          saving={create.isPending}
          error={create.error ?? (pending ? null : saveAndSubmit.error)}
          onSave={(values) =>
            create.mutate({ unitId: values.unitId, ...toContent(values) }, { onSuccess: (r) => void navigate(`/admin/news/${r.data.id}/edit`, { replace: true, state: { notice: "saved" } }) })
          }
          onSubmitForApproval={(values) => {
            saveAndSubmit.reset();
            setPending(values);
          }}
        />
      </Card>
      <SubmitDialog
        open={pending !== null}
        live={false}
        busy={saveAndSubmit.isPending}
        error={saveAndSubmit.error}
        onCancel={() => setPending(null)}
        onConfirm={() =>
          pending &&
          saveAndSubmit.mutate({ id: null, content: { unitId: pending.unitId, ...toContent(pending) } }, { onSuccess: (r) => void navigate(`/admin/news/${r.data.id}`, { replace: true, state: { notice: "submitted" } }), onError: closeOnFieldErrors(setPending) })
        }
      />
    </>
  );
}

/** /admin/news/:id/edit: the working revision of an article (a new one for a published article). */
function EditArticle({ id }: { id: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const article = useArticle(id);
  const update = useUpdateArticle(id);
  const saveAndSubmit = useSaveAndSubmit();
  const remove = useDeleteArticle(id);
  const [pending, setPending] = useState<ArticleFormValues | null>(null);
  const [deleting, setDeleting] = useState(false);
  const [saved, setSaved] = useState(noticeOf(location.state) === "saved");

  if (isApiError(article.error) && (article.error.status === 404 || article.error.status === 400)) return <NotFoundPage />;
  if (!article.data) {
    return (
      <>
        <PageHeader title={t("editorial.form.editTitle")} />
        {article.isPending && <Spinner />}
        {article.isError && <ErrorAlert error={article.error} onRetry={() => void article.refetch()} />}
      </>
    );
  }
  const a = article.data.data;
  const abilities = article.data.abilities;
  const home = `/admin/units/${a.originUnit?.id ?? a.unit.id}/news`;
  const back = <BackLink to={`/admin/news/${a.id}`} label={t("editorial.form.backToArticle")} />;

  if (!abilities.edit) {
    return (
      <>
        <PageHeader title={t("editorial.form.editTitle")} before={back} />
        <div className="stack">
          <ArticleStatusPanel article={a} />
          <Alert tone="info">{t("editorial.form.cannotEdit")}</Alert>
          <p>
            <Link to={`/admin/news/${a.id}`}>{t("editorial.form.backToArticle")}</Link>
          </p>
        </div>
      </>
    );
  }

  return (
    <>
      <PageHeader title={t("editorial.form.editTitle")} subtitle={a.working?.title || a.title} before={back} />
      <div className="stack">
        <ArticleStatusPanel article={a} />
        <Card>
          <ArticleForm
            key={a.id}
            initial={formValuesOf(a)}
            channelName={a.unit.name}
            saving={update.isPending}
            error={update.error ?? (pending ? null : saveAndSubmit.error)}
            notice={saved ? t("editorial.form.saved") : null}
            onSave={(values) => {
              setSaved(false);
              update.mutate(toContent(values), { onSuccess: () => setSaved(true) });
            }}
            onSubmitForApproval={(values) => {
              setSaved(false);
              saveAndSubmit.reset();
              setPending(values);
            }}
            extraActions={
              abilities.delete && (
                <Button variant="quiet" onClick={() => setDeleting(true)}>
                  {t("editorial.form.delete")}
                </Button>
              )
            }
          />
        </Card>
      </div>
      <SubmitDialog
        open={pending !== null}
        live={a.publishedRevision !== null && a.status === "published"}
        busy={saveAndSubmit.isPending}
        error={saveAndSubmit.error}
        onCancel={() => setPending(null)}
        onConfirm={() => pending && saveAndSubmit.mutate({ id: a.id, content: toContent(pending) }, { onSuccess: () => void navigate(`/admin/news/${a.id}`, { state: { notice: "submitted" } }), onError: closeOnFieldErrors(setPending) })}
      />
      <ConfirmDialog
        open={deleting}
        title={t("editorial.deleteDialog.title")}
        confirmLabel={t("editorial.deleteDialog.confirm")}
        busy={remove.isPending}
        onCancel={() => setDeleting(false)}
        onConfirm={() => remove.mutate(undefined, { onSuccess: () => void navigate(home, { replace: true, state: { notice: "deleted" } }) })}
        footer={remove.error ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
      >
        <p>{t("editorial.deleteDialog.body", { title: a.working?.title || a.title })}</p>
      </ConfirmDialog>
    </>
  );
}

/** /admin/news/new and /admin/news/:id/edit. */
export function ArticleEditPage() {
  const id = useParams().id;
  if (id === undefined) return <NewArticle />;
  return isUuid(id) ? <EditArticle key={id} id={id} /> : <NotFoundPage />;
}
