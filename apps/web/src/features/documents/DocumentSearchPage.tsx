import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router-dom";
import { Limits } from "@party/shared/limits";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { Highlighted } from "../news/Highlighted";
import { isUuid } from "../news/labels";
import { type DocumentFilters, useDocumentList } from "./api";
import { BackToLibrary } from "./BackToLibrary";
import { DocumentItem } from "./DocumentItem";
import { DocumentSearchForm, searchPath } from "./DocumentSearchForm";
import { isDocumentLevel, isDocumentType } from "./labels";

/** The filters in the address, each only when it is valid (anything else is ignored). */
export function filtersOf(params: URLSearchParams): DocumentFilters {
  const text = (key: string) => (params.get(key) ?? "").trim().slice(0, Limits.searchMax) || undefined;
  const type = params.get("type");
  const level = params.get("level");
  const year = Number(params.get("year"));
  const unitId = params.get("unitId");
  return {
    q: text("q"),
    type: isDocumentType(type) ? type : undefined,
    level: isDocumentLevel(level) ? level : undefined,
    issuer: text("issuer"),
    year: Number.isInteger(year) && year >= 1930 && year <= 2200 ? year : undefined,
    unitId: isUuid(unitId) ? unitId : undefined,
  };
}

/**
 * /documents/search?q=…&type=…&level=…&issuer=…&year=…&unitId=…: the filters live in the address
 * (going back keeps them). With words, ranked results with the matches marked in the summary and a
 * snippet of the text; without, newest first. "Xem thêm" pages on.
 */
export function DocumentSearchPage() {
  const { t } = useTranslation();
  const [params] = useSearchParams();
  const filters = filtersOf(params);
  const active = Object.values(filters).some((v) => v !== undefined);
  const list = useDocumentList(filters, undefined, active);
  const hits = list.data?.pages.flatMap((page) => page.data) ?? [];
  const unitName = filters.unitId ? hits.find((d) => d.unit.id === filters.unitId)?.unit.name : undefined;

  return (
    <>
      <BackToLibrary />
      <PageHeader title={t("documents.search.title")} subtitle={filters.q ? t("documents.search.for", { q: filters.q }) : undefined} />
      <div className="stack">
        <Card>
          <DocumentSearchForm key={params.toString()} initial={filters} withFilters />
          {filters.unitId && (
            <p className="news-filter-chip">
              <span>{unitName ? t("documents.search.unitChosen", { name: unitName }) : t("documents.search.unitChosenUnknown")}</span>
              <Link to={searchPath({ ...filters, unitId: undefined })} replace>
                {t("documents.search.clearUnit")}
              </Link>
            </p>
          )}
          {active && (
            <p>
              <Link to="/documents/search">{t("documents.search.clear")}</Link>
            </p>
          )}
        </Card>
        {!active && <p className="meta">{t("documents.search.prompt")}</p>}
        {active && list.isPending && <Spinner />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {active && list.data && hits.length === 0 && <EmptyState>{filters.q ? t("documents.search.noneFor", { q: filters.q }) : t("documents.search.none")}</EmptyState>}
        {hits.length > 0 && (
          <section aria-labelledby="doc-results-heading">
            <h2 id="doc-results-heading" className="news-section-title">
              {filters.q ? t("documents.search.results") : t("documents.search.list")}
            </h2>
            <p className="meta" role="status">
              {list.hasNextPage ? t("documents.search.shownMore", { count: hits.length }) : t("documents.search.shown", { count: hits.length })}
            </p>
            <ul className="item-list" aria-busy={list.isFetching || undefined}>
              {hits.map((hit) => (
                <DocumentItem
                  key={hit.id}
                  document={hit}
                  summary={hit.summaryParts ? <Highlighted parts={hit.summaryParts} /> : undefined}
                  snippet={hit.snippet && hit.snippet.some((p) => p.match) ? <Highlighted parts={hit.snippet} /> : undefined}
                />
              ))}
            </ul>
            <div className="news-more">
              <LoadMore pages={list} />
            </div>
          </section>
        )}
      </div>
    </>
  );
}
