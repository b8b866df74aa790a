import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { LIBRARY_SECTION_SIZE, useDocumentList } from "./api";
import { DocumentItem } from "./DocumentItem";

/** The home page's documents: the newest few the member may read (all levels), with the way to the library. */
export function LatestDocumentsCard() {
  const { t } = useTranslation();
  const latest = useDocumentList({}, LIBRARY_SECTION_SIZE);
  const items = latest.data?.pages[0]?.data ?? [];
  return (
    <Card title={t("home.documents")}>
      {latest.isPending && <Spinner inline />}
      {latest.isError && <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />}
      {latest.data && items.length === 0 && <EmptyState>{t("documents.home.none")}</EmptyState>}
      {items.length > 0 && (
        <ul className="item-list">
          {items.map((d) => (
            <DocumentItem key={d.id} document={d} />
          ))}
        </ul>
      )}
      <p className="card-foot">
        <Link to="/documents">{t("documents.home.seeAll")}</Link>
      </p>
    </Card>
  );
}
