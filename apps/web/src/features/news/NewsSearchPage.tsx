import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Limits } from "@party/shared/limits";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useNewsSearch } from "./api";
import { ArticleItem } from "./ArticleItem";
import { BackToNews } from "./BackToNews";
import { Highlighted } from "./Highlighted";
import { NewsSearchForm } from "./NewsSearchForm";

/** /news/search?q=…: ranked results with the matching words marked, "Xem thêm" paging, an honest empty state. */
export function NewsSearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const q = (params.get("q") ?? "").trim().slice(0, Limits.searchMax);
  const search = useNewsSearch(q);
  const hits = search.data?.pages.flatMap((page) => page.data) ?? [];

  return (
    <>
      <BackToNews />
      <PageHeader title={t("news.search.title")} subtitle={q ? t("news.search.for", { q }) : undefined} />
      <div className="stack">
        <Card>
          <NewsSearchForm key={q} initial={q} />
        </Card>
        {!q && <p className="meta">{t("news.search.prompt")}</p>}
        {q && search.isPending && <Spinner />}
        {search.isError && <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
        {q && search.data && hits.length === 0 && <EmptyState>{t("news.search.none", { q })}</EmptyState>}
        {hits.length > 0 && (
          <section aria-labelledby="news-results-heading">
            <h2 id="news-results-heading" className="news-section-title">
              {t("news.search.results")}
            </h2>
            <p className="meta" role="status">
              {search.hasNextPage ? t("news.search.shownMore", { count: hits.length }) : t("news.search.shown", { count: hits.length })}
            </p>
            <ul className="item-list" aria-busy={search.isFetching || undefined}>
              {hits.map((hit) => (
                <ArticleItem
                  key={hit.id}
                  article={hit}
                  title={<Highlighted parts={hit.titleParts} />}
                  excerpt={
                    hit.snippet.length > 0 ? (
                      <p className="news-summary news-snippet">
                        <Highlighted parts={hit.snippet} />
                      </p>
                    ) : undefined
                  }
                />
              ))}
            </ul>
            <div className="news-more">
              <LoadMore pages={search} />
            </div>
          </section>
        )}
      </div>
    </>
  );
}
