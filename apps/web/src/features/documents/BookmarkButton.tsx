import { useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { errorMessage } from "../../i18n/errors";
import { useSetBookmark } from "./api";

/**
 * "Lưu dấu" / "Bỏ lưu dấu": one button whose label says what it will do (focus stays on it while
 * the label changes), the outcome announced politely, a failure assertively.
 */
export function BookmarkButton({ documentId, bookmarked }: { documentId: string; bookmarked: boolean }) {
  const { t } = useTranslation();
  const set = useSetBookmark(documentId);
  const [outcome, setOutcome] = useState<"added" | "removed" | null>(null);
  const row = useRef<HTMLDivElement>(null);
  const [refocus, setRefocus] = useState(false);

  useEffect(() => {
    // A busy button is disabled, which drops focus: give it back once the work is done.
    if (set.isPending || !refocus) return;
    setRefocus(false);
    const active = document.activeElement;
    if (!active || active === document.body) row.current?.querySelector("button")?.focus();
  }, [set.isPending, refocus]);

  return (
    <div className="doc-bookmark" ref={row}>
      <Button
        variant="secondary"
        busy={set.isPending}
        onClick={() => {
          setOutcome(null);
          setRefocus(true);
          set.mutate(!bookmarked, { onSuccess: () => setOutcome(bookmarked ? "removed" : "added") });
        }}
      >
        {bookmarked ? t("documents.bookmark.remove") : t("documents.bookmark.add")}
      </Button>
      <p className="doc-status" role="status">
        {outcome === "added" ? t("documents.bookmark.added") : outcome === "removed" ? t("documents.bookmark.removed") : ""}
      </p>
      {set.isError && <Alert tone="error">{errorMessage(t, set.error)}</Alert>}
    </div>
  );
}
