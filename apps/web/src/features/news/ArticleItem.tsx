import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import type { ArticleSummaryDto } from "./api";
import { CoverImage } from "./CoverImage";
import { channelLabel, publishedDate } from "./labels";

export interface ArticleItemProps {
  article: ArticleSummaryDto;
  /** The title's heading level: 3 under a section's h2 (feed, home card), 2 straight under the page's h1. */
  headingLevel?: 2 | 3;
  /** The home page's short list: the summary cut to two lines. */
  compact?: boolean;
  /** The title with its matches marked (search results); the plain title otherwise. */
  title?: ReactNode;
  /** Replaces the summary (search results show a snippet). */
  excerpt?: ReactNode;
  /** The category as a link that filters the feed by it (on the feed itself). */
  categoryLink?: (category: NonNullable<ArticleSummaryDto["category"]>) => string;
}

/**
 * One article in a list: title (a heading with the link), summary, then channel and level,
 * category, date, and the "Đã đọc" mark. Guidance carries the words "Thông tin định hướng" and a
 * thick edge, never colour alone.
 */
export function ArticleItem({ article: a, headingLevel = 3, compact = false, title, excerpt, categoryLink }: ArticleItemProps) {
  const { t } = useTranslation();
  const metaId = `${useId()}-meta`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const date = publishedDate(a);
  return (
    <li className={["item", "news-item", a.guidance ? "news-guidance" : "", a.read ? "news-read" : "", a.cover ? "news-with-cover" : ""].filter(Boolean).join(" ")}>
      {a.cover && (
        // A thumbnail beside the title on phones: 6rem wide, so the 480 px variant is plenty even at 3x.
        <CoverImage image={a.cover} alt={a.cover.alt} sizes="(min-width: 40em) 10rem, 6rem" className="news-item-cover" />
      )}
      {a.guidance && <span className="badge badge-guidance">{t("news.guidance")}</span>}
      <Heading className="news-item-title">
        <Link to={`/news/${a.id}`} aria-describedby={metaId}>
          {title ?? a.title}
        </Link>
      </Heading>
      {excerpt ?? (a.summary && <p className={compact ? "news-summary news-summary-line" : "news-summary"}>{a.summary}</p>)}
      <p className="meta news-meta" id={metaId}>
        <span>{channelLabel(t, a.unit)}</span>
        {a.category &&
          (categoryLink ? (
            <Link to={categoryLink(a.category)} aria-label={t("news.categoryFilterLink", { name: a.category.name })}>
              {a.category.name}
            </Link>
          ) : (
            <span>{t("news.categoryValue", { name: a.category.name })}</span>
          ))}
        {date && <time dateTime={a.publishedAt ?? undefined}>{date}</time>}
        {a.read && <span className="badge badge-read">{t("news.read")}</span>}
      </p>
      {a.originUnit && <p className="meta news-origin">{t("news.proposedBy", { name: a.originUnit.name })}</p>}
    </li>
  );
}
