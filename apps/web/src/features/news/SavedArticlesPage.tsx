import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { formatDateTime } from "../../i18n/format";
import { BackToNews } from "./BackToNews";
import { channelLabel } from "./labels";
import { useReaderId } from "../../app/offlineReader";
import { useSavedList, useUnsaveArticle } from "./savedApi";
import { type SavedArticleRecord, StorageUnavailableError } from "./savedStore";
import { formatSize } from "./size";

function SavedItem({ record, onRemove, busy }: { record: SavedArticleRecord; onRemove: (record: SavedArticleRecord) => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const metaId = `${useId()}-meta`;
  const a = record.response.data;
  return (
    <li className="item saved-item">
      <h2 className="news-item-title">
        <Link to={`/news/${a.id}`} aria-describedby={metaId}>
          {a.title}
        </Link>
      </h2>
      <p className="meta news-meta" id={metaId}>
        <span>{channelLabel(t, a.unit)}</span>
        <span>{t("news.saved.savedOn", { time: formatDateTime(record.savedAt) })}</span>
        <span>{formatSize(record.size, i18n.language)}</span>
      </p>
      <div className="saved-item-actions">
        {/* The title in the name tells the list's buttons apart; the visible words come first in it. */}
        <Button variant="secondary" onClick={() => onRemove(record)} busy={busy} aria-label={t("news.saved.removeTitle", { title: a.title })}>
          {t("news.saved.remove")}
        </Button>
      </div>
    </li>
  );
}

/**
 * /news/saved: the articles this account saved on the device, newest saved first, each opening
 * offline; their total size; "Bỏ lưu" removes one (announced, focus to the new count).
 */
export function SavedArticlesPage() {
  const { t, i18n } = useTranslation();
  const readerId = useReaderId();
  const list = useSavedList(readerId);
  const unsave = useUnsaveArticle(readerId);
  const [message, setMessage] = useState("");
  const [failed, setFailed] = useState(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const records = list.data ?? [];
  const total = records.reduce((sum, r) => sum + r.size, 0);

  const remove = (record: SavedArticleRecord) => {
    setMessage("");
    setFailed(false);
    unsave.mutate(record.articleId, {
      onSuccess: () => {
        setMessage(t("news.saved.removedTitle", { title: record.response.data.title }));
        // The button is gone with its item: keep the keyboard in the list.
        summaryRef.current?.focus();
      },
      onError: () => setFailed(true),
    });
  };

  return (
    <>
      <BackToNews />
      <PageHeader title={t("news.saved.title")} subtitle={t("news.saved.subtitle")} />
      <p className="saved-status" role="status">
        {message}
      </p>
      {failed && <Alert tone="error">{t("news.saved.problem.remove")}</Alert>}
      <div className="stack">
        {/* Focus comes here after a removal: the new count is read out. */}
        {(list.isSuccess || readerId === null) && (
          <p className="saved-summary" ref={summaryRef} tabIndex={-1}>
            {records.length > 0 ? t("news.saved.summary", { count: records.length, size: formatSize(total, i18n.language) }) : t("news.saved.noneSummary")}
          </p>
        )}
        {list.isPending && readerId !== null && <Spinner />}
        {list.isError && <Alert tone="error">{list.error instanceof StorageUnavailableError ? t("news.saved.problem.unavailable") : t("news.saved.problem.read")}</Alert>}
        {(list.isSuccess || readerId === null) && records.length === 0 && <EmptyState>{t("news.saved.none")}</EmptyState>}
        {records.length > 0 && (
          <ul className="item-list">
            {records.map((record) => (
              <SavedItem key={record.articleId} record={record} onRemove={remove} busy={unsave.isPending && unsave.variables === record.articleId} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
