import type { TFunction } from "i18next";
import { type ChangeEvent, useCallback, useEffect, useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Limits } from "@party/shared/limits";
import { isApiError } from "../../api/errors";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { errorMessage } from "../../i18n/errors";
import { formatSize } from "../news/size";
import { type DocumentFileDto, type DocumentFormat, uploadDocumentFile } from "./api";
import { formatLabel } from "./labels";

/** What the picker offers (the server decides by content, whatever the name says). */
const ACCEPT = [
  ".pdf",
  ".docx",
  ".xlsx",
  ".pptx",
  ".odt",
  ".jpg",
  ".jpeg",
  ".png",
  ".webp",
  "application/pdf",
  "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
  "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
  "application/vnd.openxmlformats-officedocument.presentationml.presentation",
  "application/vnd.oasis.opendocument.text",
  "image/jpeg",
  "image/png",
  "image/webp",
].join(",");

/** One file of the document being written: one it already holds, or one uploaded (or being uploaded) now. */
export interface FileEntry {
  key: string;
  name: string;
  size: number;
  format?: DocumentFormat;
  state: "attached" | "uploading" | "uploaded" | "refused";
  /** 0 to 1 while uploading. */
  progress: number;
  fileId?: string;
  uploadId?: string;
  /** Why it was refused, as the member reads it. */
  problem?: string;
  /** Kept for "Thử lại" after a network failure. */
  file?: File;
}

let nextKey = 0;
const newKey = () => `f${(nextKey += 1)}`;

/** The entries of a document's current files. */
export const attachedEntries = (files: readonly DocumentFileDto[]): FileEntry[] =>
  files.map((f) => ({ key: newKey(), name: f.name, size: f.size, format: f.format, state: "attached", progress: 1, fileId: f.fileId }));

/** The refusal of an upload in the member's words: by `details.reason`, the size limit in MB, or the error's code. */
function refusalOf(t: TFunction, error: unknown): { text: string; retry: boolean } {
  if (!isApiError(error)) return { text: t("documents.refusal.failed"), retry: true };
  const reason = typeof error.details.reason === "string" ? error.details.reason : null;
  if (error.status === 413) {
    const max = typeof error.details.maxBytes === "number" ? error.details.maxBytes : null;
    return { text: max ? t("documents.refusal.tooLarge", { mb: Math.floor(max / (1024 * 1024)) }) : t("documents.refusal.tooLargeUnknown"), retry: false };
  }
  if (reason === "classified") {
    const mark = error.details.mark === "mat" || error.details.mark === "toi_mat" || error.details.mark === "tuyet_mat" ? error.details.mark : "mat";
    return { text: t("documents.refusal.classified", { mark: t(`documents.marks.${mark}`) }), retry: false };
  }
  if (reason === "executable" || reason === "archive" || reason === "macro_enabled" || reason === "encrypted" || reason === "unsupported_type" || reason === "empty" || reason === "unreadable") {
    return { text: t(`documents.refusal.${reason}`), retry: false };
  }
  if (error.status === 0) return { text: t("documents.refusal.failed"), retry: true };
  return { text: errorMessage(t, error), retry: error.status >= 500 };
}

/**
 * The files of a document being written: each chosen file is uploaded at once (one after another),
 * with its progress; refusals are explained in the member's words; files can be reordered and
 * removed. Uploads still running when the form goes away are stopped.
 */
export function useFileEntries(initial: FileEntry[]) {
  const { t } = useTranslation();
  const [entries, setEntries] = useState<FileEntry[]>(initial);
  const [announcement, setAnnouncement] = useState("");
  const queue = useRef<Promise<void>>(Promise.resolve());
  const controller = useRef(new AbortController());

  useEffect(() => {
    const uploads = controller.current;
    return () => uploads.abort();
  }, []);

  const update = useCallback((key: string, change: Partial<FileEntry>) => setEntries((old) => old.map((e) => (e.key === key ? { ...e, ...change } : e))), []);

  const upload = useCallback(
    (key: string, file: File) => {
      queue.current = queue.current.then(async () => {
        if (controller.current.signal.aborted) return;
        update(key, { state: "uploading", progress: 0, problem: undefined });
        try {
          const done = await uploadDocumentFile(file, (progress) => update(key, { progress }), controller.current.signal);
          update(key, { state: "uploaded", progress: 1, uploadId: done.id, name: done.name, format: done.format, size: done.size, file: undefined });
          setAnnouncement(t("documents.form.uploadedNow", { name: done.name }));
        } catch (error) {
          if (error instanceof DOMException && error.name === "AbortError") return;
          const refusal = refusalOf(t, error);
          update(key, { state: "refused", problem: refusal.text, file: refusal.retry ? file : undefined });
          setAnnouncement(t("documents.form.refusedNow", { name: file.name, reason: refusal.text }));
        }
      });
    },
    [t, update],
  );

  const add = useCallback(
    (files: File[]) => {
      const added = files.map((file) => ({ key: newKey(), name: file.name, size: file.size, state: "uploading" as const, progress: 0, file }));
      setEntries((old) => [...old, ...added]);
      for (const entry of added) upload(entry.key, entry.file);
    },
    [upload],
  );

  const move = useCallback((key: string, delta: -1 | 1) => {
    setEntries((old) => {
      const i = old.findIndex((e) => e.key === key);
      const j = i + delta;
      if (i < 0 || j < 0 || j >= old.length) return old;
      const next = [...old];
      [next[i], next[j]] = [next[j], next[i]];
      return next;
    });
  }, []);

  const remove = useCallback((key: string) => setEntries((old) => old.filter((e) => e.key !== key)), []);

  const retry = useCallback(
    (key: string) => {
      const entry = entries.find((e) => e.key === key);
      if (entry?.file) upload(key, entry.file);
    },
    [entries, upload],
  );

  return { entries, add, move, remove, retry, announcement, setAnnouncement };
}

export type FileEntries = ReturnType<typeof useFileEntries>;

export interface FilesFieldProps {
  files: FileEntries;
  confirmed: boolean;
  onConfirm: (confirmed: boolean) => void;
  /** A problem with the list as a whole (none, still uploading, refused ones left). */
  error?: string;
  /** Another title and hint than a document's (an article's attachments). */
  legend?: string;
  hint?: string;
  /** How many files the list may hold (a document's limit by default). */
  max?: number;
}

/**
 * The files part of the document form: the required confirmation that the document is not
 * classified (the picker opens only after it), the picker (several files at once), and the list
 * with each file's format, size, progress or refusal, and Lên / Xuống / Bỏ / Thử lại.
 */
export function FilesField({ files, confirmed, onConfirm, error, legend, hint, max = Limits.documentFilesMax }: FilesFieldProps) {
  const { t, i18n } = useTranslation();
  const id = useId();
  const inputId = `${id}-input`;
  const errorId = `${id}-error`;
  const [pickError, setPickError] = useState<string | undefined>();
  const { entries } = files;
  const focusAfter = useRef<string | null>(null);
  const list = useRef<HTMLOListElement>(null);

  useEffect(() => {
    // After a move, the moved file's button keeps the keyboard.
    if (!focusAfter.current) return;
    list.current?.querySelector<HTMLButtonElement>(`[data-focus="${focusAfter.current}"]`)?.focus();
    focusAfter.current = null;
  }, [entries]);

  const pick = (event: ChangeEvent<HTMLInputElement>) => {
    const chosen = [...(event.target.files ?? [])];
    event.target.value = "";
    if (chosen.length === 0) return;
    if (!confirmed) {
      setPickError(t("documents.form.confirmFirst"));
      return;
    }
    const room = max - entries.length;
    setPickError(chosen.length > room ? t("documents.form.tooManyFiles", { max }) : undefined);
    files.add(chosen.slice(0, Math.max(0, room)));
  };

  const problem = pickError ?? error;
  return (
    <fieldset className={["fieldset", "doc-files-field", problem ? "field-invalid" : ""].filter(Boolean).join(" ")}>
      <legend className="field-label">{legend ?? t("documents.form.files")}</legend>
      <p className="field-hint">{hint ?? t("documents.form.filesHint", { max })}</p>
      <Checkbox label={t("documents.form.confirmNotClassified")} hint={t("documents.form.confirmHint")} checked={confirmed} onChange={(e) => onConfirm(e.target.checked)} required />
      <div className="field doc-file-picker">
        <label htmlFor={inputId} className="field-label">
          {t("documents.form.choose")}
        </label>
        <input
          id={inputId}
          className="input doc-file-input"
          type="file"
          multiple
          accept={ACCEPT}
          disabled={!confirmed || entries.length >= max}
          onChange={pick}
          aria-describedby={problem ? errorId : undefined}
          aria-invalid={problem ? true : undefined}
        />
        {problem && (
          <p className="field-error" id={errorId}>
            {problem}
          </p>
        )}
      </div>
      <p className="doc-status" role="status">
        {files.announcement}
      </p>
      {entries.length > 0 && (
        <ol className="item-list doc-upload-list" ref={list} aria-label={t("documents.form.fileList")}>
          {entries.map((entry, i) => (
            <li key={entry.key} className={["item", "doc-upload", entry.state === "refused" ? "doc-upload-refused" : ""].filter(Boolean).join(" ")}>
              <p className="doc-file-name">
                <span className="meta">{t("documents.form.position", { position: i + 1 })}: </span>
                {entry.name}
              </p>
              <p className="meta">
                {entry.format ? `${formatLabel(t, entry.format)} · ` : ""}
                {formatSize(entry.size, i18n.language)}
                {" · "}
                {entry.state === "attached"
                  ? t("documents.form.attached")
                  : entry.state === "uploaded"
                    ? t("documents.form.uploaded")
                    : entry.state === "uploading"
                      ? t("documents.form.uploading", { percent: Math.round(entry.progress * 100) })
                      : ""}
              </p>
              {entry.state === "uploading" && (
                <progress className="doc-progress" max={100} value={Math.round(entry.progress * 100)} aria-label={t("documents.form.uploading", { percent: Math.round(entry.progress * 100) })} />
              )}
              {entry.problem && <p className="field-error doc-refusal">{entry.problem}</p>}
              <div className="button-row doc-upload-actions">
                <Button
                  variant="secondary"
                  disabled={i === 0}
                  data-focus={`${entry.key}-up`}
                  aria-label={t("documents.form.moveUpLabel", { name: entry.name })}
                  onClick={() => {
                    focusAfter.current = i - 1 === 0 ? `${entry.key}-down` : `${entry.key}-up`;
                    files.move(entry.key, -1);
                  }}
                >
                  {t("documents.form.moveUp")}
                </Button>
                <Button
                  variant="secondary"
                  disabled={i === entries.length - 1}
                  data-focus={`${entry.key}-down`}
                  aria-label={t("documents.form.moveDownLabel", { name: entry.name })}
                  onClick={() => {
                    focusAfter.current = i + 1 === entries.length - 1 ? `${entry.key}-up` : `${entry.key}-down`;
                    files.move(entry.key, 1);
                  }}
                >
                  {t("documents.form.moveDown")}
                </Button>
                {entry.state === "refused" && entry.file && (
                  <Button variant="secondary" aria-label={t("documents.form.retryLabel", { name: entry.name })} onClick={() => files.retry(entry.key)}>
                    {t("documents.form.retry")}
                  </Button>
                )}
                <Button variant="quiet" aria-label={t("documents.form.removeFileLabel", { name: entry.name })} onClick={() => files.remove(entry.key)}>
                  {t("documents.form.removeFile")}
                </Button>
              </div>
            </li>
          ))}
        </ol>
      )}
    </fieldset>
  );
}
