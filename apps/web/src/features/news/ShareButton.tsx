import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { TextField } from "../../components/TextField";

type Outcome = "shared" | "copied" | "failed" | null;

const isAbort = (error: unknown) => error instanceof DOMException && error.name === "AbortError";

/**
 * Shares the article's in-app link (readers need to log in to open it): the system share sheet
 * where the browser has one, else the clipboard. Where neither works, the link is shown to copy by
 * hand.
 */
export function ShareButton({ articleId, title }: { articleId: string; title: string }) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<Outcome>(null);
  const [busy, setBusy] = useState(false);
  const url = new URL(`/news/${articleId}`, window.location.origin).href;

  const share = async () => {
    setOutcome(null);
    setBusy(true);
    try {
      const data = { title, url };
      if (typeof navigator.share === "function" && (navigator.canShare?.(data) ?? true)) {
        try {
          await navigator.share(data);
          setOutcome("shared");
          return;
        } catch (error) {
          if (isAbort(error)) return; // the member closed the share sheet
          // otherwise fall back to the clipboard
        }
      }
      try {
        await navigator.clipboard.writeText(url);
        setOutcome("copied");
      } catch {
        setOutcome("failed");
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="share">
      <Button variant="secondary" onClick={() => void share()} busy={busy}>
        {t("news.share.button")}
      </Button>
      <p className="meta">{t("news.share.hint")}</p>
      <p className="share-status" role="status">
        {outcome === "shared" ? t("news.share.shared") : outcome === "copied" ? t("news.share.copied") : outcome === "failed" ? t("news.share.failed") : ""}
      </p>
      {outcome === "failed" && <TextField label={t("news.share.link")} value={url} readOnly onFocus={(e) => e.currentTarget.select()} />}
    </div>
  );
}
