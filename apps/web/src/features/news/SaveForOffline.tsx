import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { formatDateTime } from "../../i18n/format";
import type { ArticleResponse } from "./api";
import { useSaveArticle, useUnsaveArticle } from "./savedApi";
import { PictureDownloadError } from "./savedArticles";
import { type SavedArticleRecord, StorageFullError, StorageUnavailableError } from "./savedStore";

type Outcome = "saved" | "removed" | null;
type Problem = "full" | "pictures" | "unavailable" | "save" | "remove" | null;

const problemOf = (error: unknown): Problem =>
  error instanceof StorageFullError ? "full" : error instanceof PictureDownloadError ? "pictures" : error instanceof StorageUnavailableError ? "unavailable" : "save";

export interface SaveForOfflineProps {
  readerId: string;
  /** The article as the server just sent it. */
  response: ArticleResponse;
  /** The copy on the device, null when there is none (undefined while it is looked up). */
  saved: SavedArticleRecord | null | undefined;
}

/**
 * "Lưu để đọc khi không có mạng" / "Bỏ lưu" on an article read online: one button (focus stays on
 * it when its label changes), the time of the saved copy, and the outcome announced politely
 * (problems assertively).
 */
export function SaveForOffline({ readerId, response, saved }: SaveForOfflineProps) {
  const { t } = useTranslation();
  const save = useSaveArticle(readerId);
  const unsave = useUnsaveArticle(readerId);
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [problem, setProblem] = useState<Problem>(null);
  const busy = save.isPending || unsave.isPending;
  const isSaved = Boolean(saved);
  const rowRef = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState(false);

  useEffect(() => {
    // A busy button is disabled, which drops focus: give it back once the work is done.
    if (busy || !refocus) return;
    setRefocus(false);
    const active = document.activeElement;
    if (!active || active === document.body) rowRef.current?.querySelector("button")?.focus();
  }, [busy, refocus]);

  const toggle = () => {
    setOutcome(null);
    setProblem(null);
    setRefocus(true);
    if (saved) {
      unsave.mutate(response.data.id, { onSuccess: () => setOutcome("removed"), onError: () => setProblem("remove") });
    } else {
      save.mutate({ response, previous: null }, { onSuccess: () => setOutcome("saved"), onError: (error) => setProblem(problemOf(error)) });
    }
  };

  return (
    <div className="save-offline">
      <div className="save-offline-row" ref={rowRef}>
        <Button variant="secondary" onClick={toggle} busy={busy} busyLabel={save.isPending ? t("news.saved.saving") : t("news.saved.removing")} disabled={saved === undefined}>
          {isSaved ? t("news.saved.remove") : t("news.saved.save")}
        </Button>
        <Link to="/news/saved" className="save-offline-link">
          {t("news.saved.listLink")}
        </Link>
      </div>
      <p className="meta save-offline-info">{saved ? t("news.saved.savedAt", { time: formatDateTime(saved.copiedAt) }) : t("news.saved.hint")}</p>
      <p className="save-offline-status" role="status">
        {outcome === "saved" ? t("news.saved.savedNow") : outcome === "removed" ? t("news.saved.removedNow") : ""}
      </p>
      {problem && <Alert tone="error">{t(`news.saved.problem.${problem}`)}</Alert>}
    </div>
  );
}
