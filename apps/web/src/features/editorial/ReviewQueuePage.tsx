import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useReviewQueue } from "./api";
import { BackLink } from "./BackLink";
import { EditorialItem } from "./EditorialItem";

/** /admin/news/review: everything waiting for the actor's approval, oldest first (their channels' submissions and proposals from below). */
export function ReviewQueuePage() {
  const { t } = useTranslation();
  const queue = useReviewQueue();
  return (
    <>
      <PageHeader title={t("editorial.queue.title")} subtitle={t("editorial.queue.subtitle")} before={<BackLink to="/admin/news" label={t("editorial.desk.title")} />} />
      {queue.isPending && <Spinner />}
      {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && queue.data.length === 0 && (
        <EmptyState action={<Link to="/admin/news">{t("editorial.desk.title")}</Link>}>{t("editorial.queue.none")}</EmptyState>
      )}
      {queue.data && queue.data.length > 0 && (
        <>
          <p role="status">{t("editorial.queue.count", { count: queue.data.length })}</p>
          <ul className="item-list">
            {queue.data.map((item) => (
              <EditorialItem key={item.id} item={item} headingLevel={2} />
            ))}
          </ul>
        </>
      )}
    </>
  );
}
