import { useLayoutEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatDateTime } from "../i18n/format";
import { Alert } from "./Alert";
import { Button } from "./Button";

/** What a save or removal reports back (react-query's mutate options). */
export interface Done {
  onSuccess: () => void;
  onError: (error: unknown) => void;
}

export interface SaveOfflineToggleProps {
  /** Where the words live: `${ns}.save`, `.remove`, `.saving`, `.removing`, `.listLink`, `.savedAt`, `.hint`, `.savedNow`, `.removedNow`. */
  ns: "news.saved" | "documents.saved";
  /** The list of what this device keeps. */
  listPath: string;
  /** The copy on the device, null when there is none (undefined while it is looked up). */
  saved: { copiedAt: string } | null | undefined;
  saving: boolean;
  removing: boolean;
  save: (done: Done) => void;
  remove: (done: Done) => void;
  /** What went wrong, in words: a failed save (storage full, a file that would not download…) or removal. */
  problemText: (action: "save" | "remove", error: unknown) => string;
}

/**
 * "Lưu để đọc khi không có mạng" / "Bỏ lưu" for what is read online (an article, a document): one
 * button (focus stays on it while its label changes), the time of the saved copy, the outcome
 * announced politely and problems assertively.
 */
export function SaveOfflineToggle({ ns, listPath, saved, saving, removing, save, remove, problemText }: SaveOfflineToggleProps) {
  const { t } = useTranslation();
  const [outcome, setOutcome] = useState<"saved" | "removed" | null>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const busy = saving || removing;
  const rowRef = useRef<HTMLDivElement>(null);
  // Set by a press of the button, until the work it started is over. The render that first shows
  // the work as busy may come after the press's own render, so "over" is a busy that has ended.
  const pressed = useRef<"pressed" | "busy" | null>(null);

  // A layout effect: focus is back before anything (a screen reader, a test) looks at the new label.
  useLayoutEffect(() => {
    if (busy) {
      if (pressed.current) pressed.current = "busy";
      return;
    }
    if (pressed.current !== "busy") return;
    pressed.current = null;
    // A busy button is disabled, which drops focus: give it back once the work is done.
    const active = document.activeElement;
    if (!active || active === document.body) rowRef.current?.querySelector("button")?.focus();
  }, [busy]);

  const toggle = () => {
    setOutcome(null);
    setProblem(null);
    pressed.current = "pressed";
    if (saved) remove({ onSuccess: () => setOutcome("removed"), onError: (error) => setProblem(problemText("remove", error)) });
    else save({ onSuccess: () => setOutcome("saved"), onError: (error) => setProblem(problemText("save", error)) });
  };

  return (
    <div className="save-offline">
      <div className="save-offline-row" ref={rowRef}>
        <Button variant="secondary" onClick={toggle} busy={busy} busyLabel={saving ? t(`${ns}.saving`) : t(`${ns}.removing`)} disabled={saved === undefined}>
          {saved ? t(`${ns}.remove`) : t(`${ns}.save`)}
        </Button>
        <Link to={listPath} className="save-offline-link">
          {t(`${ns}.listLink`)}
        </Link>
      </div>
      <p className="meta save-offline-info">{saved ? t(`${ns}.savedAt`, { time: formatDateTime(saved.copiedAt) }) : t(`${ns}.hint`)}</p>
      <p className="save-offline-status" role="status">
        {outcome === "saved" ? t(`${ns}.savedNow`) : outcome === "removed" ? t(`${ns}.removedNow`) : ""}
      </p>
      {problem && <Alert tone="error">{problem}</Alert>}
    </div>
  );
}
