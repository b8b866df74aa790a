import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useDocumentList } from "./api";
import { BackToLibrary } from "./BackToLibrary";
import { DocumentItem } from "./DocumentItem";

/** /documents/bookmarks: "Văn bản đã lưu dấu", the member's bookmarked documents, newest issued first. */
export function BookmarksPage() {
  const { t } = useTranslation();
  const list = useDocumentList({ bookmarked: true });
  const items = list.data?.pages.flatMap((page) => page.data) ?? [];
  return (
    <>
      <BackToLibrary />
      <PageHeader title={t("documents.bookmark.title")} subtitle={t("documents.bookmark.subtitle")} />
      <div className="stack">
        {list.isPending && <Spinner />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && items.length === 0 && <EmptyState>{t("documents.bookmark.none")}</EmptyState>}
        {items.length > 0 && (
          <>
            <ul className="item-list" aria-busy={list.isFetching || undefined}>
              {items.map((d) => (
                <DocumentItem key={d.id} document={d} headingLevel={2} />
              ))}
            </ul>
            <div className="news-more">
              <LoadMore pages={list} />
            </div>
          </>
        )}
      </div>
    </>
  );
}
