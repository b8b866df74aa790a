import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { Spinner } from "../../components/Spinner";
import { unitKindLabel } from "../org-units/labels";
import { useNewsFeed } from "./api";
import { ArticleItem } from "./ArticleItem";
import { UNIT_KINDS, isUnitKind, isUuid } from "./labels";
import { NewsSearchForm } from "./NewsSearchForm";

/**
 * /news: the member's feed. Guidance pinned now comes first under its own heading, then everything
 * else newest first, with "Xem thêm" paging. Filters (level, category) live in the address, so
 * going back keeps them; the API sends no pinned items for a filtered feed.
 */
export function NewsPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const levelParam = params.get("level");
  const level = isUnitKind(levelParam) ? levelParam : undefined;
  const categoryParam = params.get("categoryId");
  const categoryId = isUuid(categoryParam) ? categoryParam : undefined;
  const feed = useNewsFeed({ level, categoryId });

  const pinned = feed.data?.pages[0]?.pinned ?? [];
  const items = feed.data?.pages.flatMap((page) => page.data) ?? [];
  const filtered = level !== undefined || categoryId !== undefined;
  const categoryName = categoryId ? [...pinned, ...items].find((a) => a.category?.id === categoryId)?.category?.name : undefined;

  const setFilter = (key: "level" | "categoryId", value: string | undefined) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      },
      { replace: true },
    );
  const categoryLink = (category: { id: string }) => {
    const next = new URLSearchParams(params);
    next.set("categoryId", category.id);
    return `/news?${next.toString()}`;
  };

  return (
    <>
      <PageHeader
        title={t("news.title")}
        subtitle={t("news.subtitle")}
        actions={
          <Link className="btn btn-secondary" to="/news/saved">
            {t("news.saved.listLinkShort")}
          </Link>
        }
      />
      <div className="stack">
        <Card>
          <NewsSearchForm />
          <div className="news-filters">
            <SelectField
              label={t("news.level")}
              value={level ?? ""}
              onChange={(e) => setFilter("level", e.target.value || undefined)}
              options={[{ value: "", label: t("news.allLevels") }, ...UNIT_KINDS.map((kind) => ({ value: kind, label: unitKindLabel(t, kind) }))]}
            />
            {categoryId && (
              <p className="news-filter-chip">
                <span>{categoryName ? t("news.categoryValue", { name: categoryName }) : t("news.categoryChosen")}</span>
                <Link to={`/news${level ? `?level=${level}` : ""}`} replace>
                  {t("news.clearCategory")}
                </Link>
              </p>
            )}
          </div>
        </Card>

        {pinned.length > 0 && (
          <section className="news-section" aria-labelledby="news-pinned-heading">
            <h2 id="news-pinned-heading" className="news-section-title">
              {t("news.pinnedHeading")}
            </h2>
            <ul className="item-list">
              {pinned.map((article) => (
                <ArticleItem key={article.id} article={article} categoryLink={categoryLink} />
              ))}
            </ul>
          </section>
        )}

        <section className="news-section" aria-labelledby="news-feed-heading">
          <h2 id="news-feed-heading" className="news-section-title">
            {filtered ? t("news.filteredHeading") : t("news.feedHeading")}
          </h2>
          {feed.isPending && <Spinner />}
          {feed.isError && <ErrorAlert error={feed.error} onRetry={() => void feed.refetch()} />}
          {feed.data && items.length === 0 && <EmptyState>{filtered ? t("news.noneFiltered") : pinned.length > 0 ? t("news.noneBesidesPinned") : t("news.none")}</EmptyState>}
          {items.length > 0 && (
            <>
              <ul className="item-list" aria-busy={feed.isFetching || undefined}>
                {items.map((article) => (
                  <ArticleItem key={article.id} article={article} categoryLink={categoryLink} />
                ))}
              </ul>
              <div className="news-more">
                <LoadMore pages={feed} />
              </div>
            </>
          )}
        </section>
      </div>
    </>
  );
}
