import { type ReactNode, useCallback, useEffect, useMemo, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageHeader } from "../../components/PageHeader";
import type { ArticleDto } from "./api";
import { BackToNews } from "./BackToNews";
import { formatLabel } from "../documents/labels";
import { CoverImage } from "./CoverImage";
import { formatSize } from "./size";
import { channelLabel, publishedDate } from "./labels";
import { ReadAloud } from "./ReadAloud";
import { attachmentUrl, bodyWithLocalPictures } from "./savedArticles";
import { ShareButton } from "./ShareButton";

export interface ArticleViewProps {
  /** A published article. */
  article: ArticleDto;
  /** The editorial team gets a link to the desk (not offline: the desk needs the network). */
  deskLink?: boolean;
  /** A saved copy's pictures and attached files: the URL the article uses → object URL. */
  localFiles?: ReadonlyMap<string, string>;
  /** Above the article (e.g. "the saved copy of …"). */
  notice?: ReactNode;
  /** Under the lead, before read-aloud: saving for offline reading. */
  tools?: ReactNode;
}

/** A published article as members read it, from the network or from the copy saved on the device. */
export function ArticleView({ article: a, deskLink = false, localFiles, notice, tools }: ArticleViewProps) {
  const { t, i18n } = useTranslation();
  const bodyRef = useRef<HTMLDivElement>(null);
  // The text to read aloud, as it is rendered: the title, then the body.
  const readableText = useCallback(() => [document.querySelector("main h1")?.textContent ?? "", bodyRef.current?.innerText ?? ""].join("\n"), []);
  const bodyHtml = useMemo(() => (localFiles ? bodyWithLocalPictures(a.bodyHtml, localFiles) : a.bodyHtml), [a.bodyHtml, localFiles]);
  const cover = useMemo(
    () => (a.cover && localFiles ? { ...a.cover, variants: a.cover.variants.flatMap((v) => (localFiles.has(v.url) ? [{ ...v, url: localFiles.get(v.url) ?? v.url }] : [])) } : a.cover),
    [a.cover, localFiles],
  );
  useEffect(() => {
    // A wide table scrolls inside the article: it must be reachable by keyboard to scroll it.
    for (const table of bodyRef.current?.querySelectorAll("table") ?? []) table.tabIndex = 0;
  }, [bodyHtml]);
  const date = publishedDate(a);

  return (
    <>
      <BackToNews />
      <PageHeader title={a.title} />
      {notice}
      {deskLink && (
        <p className="article-desk-link">
          <Link to={`/admin/news/${a.id}`}>{t("news.openInDesk")}</Link>
        </p>
      )}
      <article className="article">
        {cover && cover.variants.length > 0 && (
          <figure className="article-cover">
            <CoverImage image={cover} alt={cover.alt} sizes="(min-width: 64em) 42rem, (min-width: 40em) calc(100vw - 6rem), calc(100vw - 4rem)" eager />
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
        {tools}
        <ReadAloud key={a.id} getText={readableText} />
        {/*
          bodyHtml is rendered as HTML only because the server sanitises it against an allow-list
          (apps/api/src/modules/news/news.sanitize.ts: no scripts, styles, event handlers, iframes
          or forms; images only from this server). A saved copy is that same HTML, kept on the
          device, with only its pictures' src pointing at local blob: URLs. Never render HTML from
          anywhere else this way.
        */}
        <div ref={bodyRef} className="article-body" dangerouslySetInnerHTML={{ __html: bodyHtml }} />
        {a.sourceLine && <p className="article-source">{a.sourceLine}</p>}
        {a.attachments.length > 0 && (
          <section className="article-attachments" aria-labelledby={`${a.id}-attachments`}>
            <h2 id={`${a.id}-attachments`} className="section-title">
              {t("news.attachments")}
            </h2>
            <ul className="item-list">
              {a.attachments.map((f) => {
                const url = attachmentUrl(a.id, f.fileId);
                const local = localFiles?.get(url);
                return (
                  <li key={f.fileId} className="item">
                    {/*
                      A plain link: the browser opens a PDF or picture itself and downloads the rest (the server says which).
                      A saved copy's file is a blob: URL with no name of its own: it is downloaded under the file's name.
                    */}
                    <a href={local ?? url} download={local ? f.name : undefined} aria-label={t("news.attachmentLabel", { name: f.name, format: formatLabel(t, f.format), size: formatSize(f.size, i18n.language) })}>
                      {f.name}
                    </a>
                    <span className="meta">
                      {" "}
                      · {formatLabel(t, f.format)} · {formatSize(f.size, i18n.language)}
                    </span>
                  </li>
                );
              })}
            </ul>
          </section>
        )}
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
