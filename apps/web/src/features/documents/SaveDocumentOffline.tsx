import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { StorageFullError, StorageUnavailableError } from "../../app/savedStore";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { formatDateTime } from "../../i18n/format";
import type { DocumentResponse } from "./api";
import { useSaveDocument, useUnsaveDocument } from "./savedApi";
import { FileDownloadError } from "./savedDocuments";
import type { SavedDocumentRecord } from "./savedStore";

type Problem = "full" | "files" | "unavailable" | "save" | "remove" | null;

const problemOf = (error: unknown): Problem =>
  error instanceof StorageFullError ? "full" : error instanceof FileDownloadError ? "files" : error instanceof StorageUnavailableError ? "unavailable" : "save";

/**
 * "Lưu để đọc khi không có mạng" / "Bỏ lưu" on a document read online (its files, their text and
 * previews go to the device): one button that keeps focus while its label changes, the time of the
 * saved copy, the outcome announced politely (problems assertively). Like the news' SaveForOffline.
 */
export function SaveDocumentOffline({ readerId, response, saved }: { readerId: string; response: DocumentResponse; saved: SavedDocumentRecord | null | undefined }) {
  const { t } = useTranslation();
  const save = useSaveDocument(readerId);
  const unsave = useUnsaveDocument(readerId);
  const [outcome, setOutcome] = useState<"saved" | "removed" | null>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const busy = save.isPending || unsave.isPending;
  const rowRef = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState(false);

  useEffect(() => {
    if (busy || !refocus) return;
    setRefocus(false);
    const active = document.activeElement;
    if (!active || active === document.body) rowRef.current?.querySelector("button")?.focus();
  }, [busy, refocus]);

  const toggle = () => {
    setOutcome(null);
    setProblem(null);
    setRefocus(true);
    if (saved) unsave.mutate(response.data.id, { onSuccess: () => setOutcome("removed"), onError: () => setProblem("remove") });
    else save.mutate({ response, previous: null }, { onSuccess: () => setOutcome("saved"), onError: (error) => setProblem(problemOf(error)) });
  };

  return (
    <div className="save-offline">
      <div className="save-offline-row" ref={rowRef}>
        <Button variant="secondary" onClick={toggle} busy={busy} busyLabel={save.isPending ? t("documents.saved.saving") : t("documents.saved.removing")} disabled={saved === undefined}>
          {saved ? t("documents.saved.remove") : t("documents.saved.save")}
        </Button>
        <Link to="/documents/saved" className="save-offline-link">
          {t("documents.saved.listLink")}
        </Link>
      </div>
      <p className="meta save-offline-info">{saved ? t("documents.saved.savedAt", { time: formatDateTime(saved.copiedAt) }) : t("documents.saved.hint")}</p>
      <p className="save-offline-status" role="status">
        {outcome === "saved" ? t("documents.saved.savedNow") : outcome === "removed" ? t("documents.saved.removedNow") : ""}
      </p>
      {problem && <Alert tone="error">{t(`documents.saved.problem.${problem}`)}</Alert>}
    </div>
  );
}
