import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useReaderId } from "../../app/offlineReader";
import { StorageUnavailableError } from "../../app/savedStore";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { formatDateTime } from "../../i18n/format";
import { formatSize } from "../news/size";
import { BackToLibrary } from "./BackToLibrary";
import { documentName } from "./labels";
import { useSavedDocuments, useUnsaveDocument } from "./savedApi";
import type { SavedDocumentRecord } from "./savedStore";

function SavedItem({ record, onRemove, busy }: { record: SavedDocumentRecord; onRemove: (record: SavedDocumentRecord) => void; busy: boolean }) {
  const { t, i18n } = useTranslation();
  const metaId = `${useId()}-meta`;
  const d = record.response.data;
  const name = documentName(t, d);
  return (
    <li className="item saved-item">
      <h2 className="doc-item-title">
        <Link to={`/documents/${d.id}`} aria-describedby={metaId}>
          {name}
        </Link>
      </h2>
      <p className="doc-summary">{d.summary}</p>
      <p className="meta doc-meta" id={metaId}>
        <span>{d.issuingBody}</span>
        <span>{t("documents.saved.savedOn", { time: formatDateTime(record.savedAt) })}</span>
        <span>{formatSize(record.size, i18n.language)}</span>
      </p>
      <div className="saved-item-actions">
        <Button variant="secondary" onClick={() => onRemove(record)} busy={busy} aria-label={t("documents.saved.removeTitle", { title: name })}>
          {t("documents.saved.remove")}
        </Button>
      </div>
    </li>
  );
}

/**
 * /documents/saved: the documents this account saved on the device, newest saved first, each
 * opening offline; their total size; "Bỏ lưu" removes one (announced, focus to the new count).
 */
export function SavedDocumentsPage() {
  const { t, i18n } = useTranslation();
  const readerId = useReaderId();
  const list = useSavedDocuments(readerId);
  const unsave = useUnsaveDocument(readerId);
  const [message, setMessage] = useState("");
  const [failed, setFailed] = useState(false);
  const summaryRef = useRef<HTMLParagraphElement>(null);
  const records = list.data ?? [];
  const total = records.reduce((sum, r) => sum + r.size, 0);

  const remove = (record: SavedDocumentRecord) => {
    setMessage("");
    setFailed(false);
    unsave.mutate(record.documentId, {
      onSuccess: () => {
        setMessage(t("documents.saved.removedTitle", { title: documentName(t, record.response.data) }));
        summaryRef.current?.focus();
      },
      onError: () => setFailed(true),
    });
  };

  return (
    <>
      <BackToLibrary />
      <PageHeader title={t("documents.saved.title")} subtitle={t("documents.saved.subtitle")} />
      <p className="saved-status" role="status">
        {message}
      </p>
      {failed && <Alert tone="error">{t("documents.saved.problem.remove")}</Alert>}
      <div className="stack">
        {(list.isSuccess || readerId === null) && (
          <p className="saved-summary" ref={summaryRef} tabIndex={-1}>
            {records.length > 0 ? t("documents.saved.summary", { count: records.length, size: formatSize(total, i18n.language) }) : t("documents.saved.noneSummary")}
          </p>
        )}
        {list.isPending && readerId !== null && <Spinner />}
        {list.isError && <Alert tone="error">{list.error instanceof StorageUnavailableError ? t("documents.saved.problem.unavailable") : t("documents.saved.problem.read")}</Alert>}
        {(list.isSuccess || readerId === null) && records.length === 0 && <EmptyState>{t("documents.saved.none")}</EmptyState>}
        {records.length > 0 && (
          <ul className="item-list">
            {records.map((record) => (
              <SavedItem key={record.documentId} record={record} onRemove={remove} busy={unsave.isPending && unsave.variables === record.documentId} />
            ))}
          </ul>
        )}
      </div>
    </>
  );
}
