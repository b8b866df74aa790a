import { useCallback, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { Alert } from "../../components/Alert";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { type ArticleDto, useArticle, useMarkArticleRead } from "./api";
import { BackToNews } from "./BackToNews";
import { CoverImage } from "./CoverImage";
import { channelLabel, isUuid, publishedDate } from "./labels";
import { ReadAloud } from "./ReadAloud";
import { ShareButton } from "./ShareButton";

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

/** /news/:id: the article to read, with read-aloud and in-app sharing. */
export function ArticlePage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const valid = isUuid(id);
  const article = useArticle(valid ? id : "");
  useMarkReadOnce(article.data?.data);
  const bodyRef = useRef<HTMLDivElement>(null);
  // The text to read aloud, as it is rendered: the title, then the body.
  const readableText = useCallback(() => [document.querySelector("main h1")?.textContent ?? "", bodyRef.current?.innerText ?? ""].join("\n"), []);
  const bodyHtml = article.data?.data.bodyHtml;
  useEffect(() => {
    // A wide table scrolls inside the article: it must be reachable by keyboard to scroll it.
    for (const table of bodyRef.current?.querySelectorAll("table") ?? []) table.tabIndex = 0;
  }, [bodyHtml]);

  if (!valid || isNotFound(article.error)) return <NotFoundPage />;
  if (!article.data) {
    return (
      <>
        <BackToNews />
        <PageHeader title={t("news.article")} />
        {article.isPending && <Spinner />}
        {article.isError && <ErrorAlert error={article.error} onRetry={() => void article.refetch()} />}
      </>
    );
  }

  const a = article.data.data;
  const date = publishedDate(a);
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
    <>
      <BackToNews />
      <PageHeader title={a.title} />
      {team && (
        <p className="article-desk-link">
          <Link to={`/admin/news/${a.id}`}>{t("news.openInDesk")}</Link>
        </p>
      )}
      <article className="article">
        {a.cover && (
          <figure className="article-cover">
            <CoverImage image={a.cover} alt={a.cover.alt} sizes="(min-width: 64em) 42rem, (min-width: 40em) calc(100vw - 6rem), calc(100vw - 4rem)" eager />
          </figure>
        )}
        {a.guidance && <p className="badge badge-guidance">{t("news.guidance")}</p>}
        <dl className="article-meta">
          <div>
            <dt>{t("news.channelLabel")}</dt>
            <dd>{channelLabel(t, a.unit)}</dd>
          </div>
          {a.originUnit && (
            <div>
              <dt className="visually-hidden">{t("news.originLabel")}</dt>
              <dd>{t("news.proposedBy", { name: a.originUnit.name })}</dd>
            </div>
          )}
          {date && (
            <div>
              <dt>{t("news.dateLabel")}</dt>
              <dd>
                <time dateTime={a.publishedAt ?? undefined}>{date}</time>
              </dd>
            </div>
          )}
          {a.category && (
            <div>
              <dt>{t("news.categoryLabel")}</dt>
              <dd>{a.category.name}</dd>
            </div>
          )}
        </dl>
        {a.summary && <p className="article-lead">{a.summary}</p>}
        <ReadAloud key={a.id} getText={readableText} />
        {/*
          bodyHtml is rendered as HTML only because the server sanitises it against an allow-list
          (apps/api/src/modules/news/news.sanitize.ts: no scripts, styles, event handlers, iframes
          or forms; images only from this server). Never render HTML from anywhere else this way.
        */}
        <div ref={bodyRef} className="article-body" dangerouslySetInnerHTML={{ __html: a.bodyHtml }} />
        {a.sourceLine && <p className="article-source">{a.sourceLine}</p>}
        {a.tags.length > 0 && (
          <div className="article-tags">
            <span id={`${a.id}-tags`} className="meta">
              {t("news.tags")}
            </span>
            <ul className="tag-list" aria-labelledby={`${a.id}-tags`}>
              {a.tags.map((tag) => (
                <li key={tag} className="badge">
                  {tag}
                </li>
              ))}
            </ul>
          </div>
        )}
        <ShareButton articleId={a.id} title={a.title} />
      </article>
    </>
  );
}
