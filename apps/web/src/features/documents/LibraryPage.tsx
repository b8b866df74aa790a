import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Card } from "../../components/Card";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { type DocumentLevel, LIBRARY_SECTION_SIZE, useDocumentList } from "./api";
import { DocumentItem } from "./DocumentItem";
import { DocumentSearchForm, searchPath } from "./DocumentSearchForm";
import { DOCUMENT_LEVELS, levelLabel } from "./labels";

/** One level's newest documents, with "Xem thêm" to all of that level. */
function LevelSection({ level }: { level: DocumentLevel }) {
  const { t } = useTranslation();
  const list = useDocumentList({ level }, LIBRARY_SECTION_SIZE);
  const items = list.data?.pages[0]?.data ?? [];
  const name = levelLabel(t, level);
  return (
    <Card title={name} className="doc-section">
      {list.isPending && <Spinner inline />}
      {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
      {list.data && items.length === 0 && <p className="meta">{t("documents.library.noneAtLevel")}</p>}
      {items.length > 0 && (
        <>
          <ul className="item-list">
            {items.map((d) => (
              <DocumentItem key={d.id} document={d} />
            ))}
          </ul>
          {list.hasNextPage && (
            <p className="card-foot">
              <Link to={searchPath({ level })} aria-label={t("documents.library.seeMoreLevel", { level: name })}>
                {t("documents.library.seeMore")}
              </Link>
            </p>
          )}
        </>
      )}
    </Card>
  );
}

/**
 * /documents: the library's home. The search box, the ways to the bookmarked and saved documents,
 * then the newest documents of each level, top down, each with "Xem thêm".
 */
export function LibraryPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("documents.title")} subtitle={t("documents.subtitle")} />
      <div className="stack">
        <Card>
          <DocumentSearchForm />
          <ul className="doc-links">
            <li>
              <Link className="btn btn-secondary" to="/documents/bookmarks">
                {t("documents.library.bookmarks")}
              </Link>
            </li>
            <li>
              <Link className="btn btn-secondary" to="/documents/saved">
                {t("documents.library.saved")}
              </Link>
            </li>
          </ul>
        </Card>
        {DOCUMENT_LEVELS.map((level) => (
          <LevelSection key={level} level={level} />
        ))}
      </div>
    </>
  );
}
