import { useEffect, useRef } from "react";
import { useKeepSavedCopyCurrent } from "../../app/useKeepSavedCopyCurrent";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { useOnline } from "../../app/useOnline";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { formatDateTime } from "../../i18n/format";
import { type ArticleDto, type ArticleResponse, useArticle, useMarkArticleRead } from "./api";
import { ArticleView } from "./ArticleView";
import { BackToNews } from "./BackToNews";
import { isUuid } from "./labels";
import { isUnreachable, useReaderId } from "../../app/offlineReader";
import { SaveForOffline } from "./SaveForOffline";
import { useSaveArticle, useSavedArticle, useSavedFiles, useUnsaveArticle } from "./savedApi";
import { fingerprintOf } from "./savedArticles";

/** An unknown or unreadable article (404), or an id that cannot be one (the API refuses it with 400). */
const isNotFound = (error: unknown) => isApiError(error) && (error.status === 404 || (error.status === 400 && error.code === "validation_failed"));

/** Marks the article read once per opening (the server keeps one read per member and day); errors are ignored. */
function useMarkReadOnce(article: ArticleDto | undefined) {
  const markRead = useMarkArticleRead();
  const { mutate } = markRead;
  const done = useRef<string | null>(null);
  useEffect(() => {
    if (!article || article.status !== "published" || done.current === article.id) return;
    done.current = article.id;
    mutate(article.id);
  }, [article, mutate]);
}

const unpublished = (live: ArticleResponse) => live.data.status !== "published";
const articleFingerprint = (live: ArticleResponse) => fingerprintOf(live.data);

/**
 * /news/:id: the article to read, with read-aloud, in-app sharing and saving for offline reading.
 * Without network (or server), the copy saved on the device is shown instead, with its pictures
 * from the device and a notice saying so.
 */
export function ArticlePage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const valid = isUuid(id);
  const online = useOnline();
  const readerId = useReaderId();
  const article = useArticle(valid ? id : "");
  const savedQuery = useSavedArticle(readerId, valid ? id : "");
  const saved = readerId === null ? null : savedQuery.isPending ? undefined : (savedQuery.data ?? null);
  useMarkReadOnce(article.data?.data);
  const gone = isNotFound(article.error);
  // Compared only once the latest answer is in (not a cached one that is being refetched).
  // The saved copy follows the server: changed ones are stored again, unpublished ones removed.
  useKeepSavedCopyCurrent({
    readerId,
    id,
    live: online && article.isSuccess && !article.isFetching ? article.data : undefined,
    gone: valid && gone,
    saved,
    retired: unpublished,
    fingerprint: articleFingerprint,
    save: useSaveArticle(readerId).mutate,
    remove: useUnsaveArticle(readerId).mutate,
  });

  // No answer from the server: offline, paused by the query client until the network is back, or a gateway error.
  const unreachable = !online || isUnreachable(article.error) || (article.isPending && article.fetchStatus === "paused");
  const showSaved = unreachable && Boolean(saved);
  const localFiles = useSavedFiles(showSaved ? saved : null);

  if (!valid || gone) return <NotFoundPage />;
  if (unreachable && saved === undefined && readerId !== null) return <Spinner />;
  if (showSaved && saved) {
    if (!localFiles) return <Spinner />;
    return (
      <ArticleView
        article={saved.response.data}
        localFiles={localFiles}
        notice={
          <Alert tone="info" className="saved-copy-notice">
            <strong>{t("news.saved.offlineNotice", { time: formatDateTime(saved.copiedAt) })}</strong>{" "}
            <Link to="/news/saved">{t("news.saved.listLink")}</Link>
          </Alert>
        }
      />
    );
  }
  if (!article.data) {
    return (
      <>
        <BackToNews />
        <PageHeader title={t("news.article")} />
        {article.isPending && !unreachable && <Spinner />}
        {unreachable ? (
          <Alert
            tone="warning"
            action={
              <Button variant="secondary" onClick={() => void article.refetch()}>
                {t("common.retry")}
              </Button>
            }
          >
            {t("news.saved.notSavedOffline")} <Link to="/news/saved">{t("news.saved.listLink")}</Link>
          </Alert>
        ) : (
          article.isError && <ErrorAlert error={article.error} onRetry={() => void article.refetch()} />
        )}
      </>
    );
  }

  const a = article.data.data;
  // The editorial team reaches unpublished articles too (e.g. from a "waiting for approval" notification): their place is the desk.
  const team = article.data.abilities.viewHistory === true;
  if (a.status !== "published") {
    return (
      <>
        <BackToNews />
        <PageHeader title={a.working?.title || a.title || t("news.article")} />
        <Alert tone="info">
          {t("news.notPublished")}{" "}
          {team && <Link to={`/admin/news/${a.id}`}>{t("news.openInDesk")}</Link>}
        </Alert>
      </>
    );
  }
  return (
    <ArticleView
      article={a}
      deskLink={team}
      tools={readerId !== null && <SaveForOffline key={`save-${a.id}`} readerId={readerId} response={article.data} saved={saved} />}
    />
  );
}
