import { useTranslation } from "react-i18next";
import type { CoverDto } from "@party/shared/schemas/news";
import { CoverImage } from "../news/CoverImage";

export interface PreviewContent {
  title: string;
  summary: string;
  bodyHtml: string;
  tags: string[];
  sourceLine: string;
  cover: CoverDto | null;
}

/**
 * A revision as members would read it: cover, title, summary, body, source and tags. The body is
 * the server's sanitised HTML (every revision is sanitised when saved, see the API's
 * news.sanitize.ts); never render HTML from anywhere else this way.
 */
export function ArticlePreview({ content: c }: { content: PreviewContent }) {
  const { t } = useTranslation();
  return (
    <div className="article article-preview">
      {c.cover && (
        <figure className="article-cover">
          <CoverImage image={c.cover} alt={c.cover.alt} sizes="(min-width: 64em) 42rem, 100vw" />
        </figure>
      )}
      <h3 className="article-preview-title">{c.title || t("editorial.untitled")}</h3>
      {c.summary && <p className="article-lead">{c.summary}</p>}
      <div className="article-body" dangerouslySetInnerHTML={{ __html: c.bodyHtml }} />
      {c.sourceLine && <p className="article-source">{c.sourceLine}</p>}
      {c.tags.length > 0 && (
        <p className="meta">
          {t("news.tags")} {c.tags.join(", ")}
        </p>
      )}
    </div>
  );
}
