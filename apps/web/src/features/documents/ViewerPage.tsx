import { type ReactNode, useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isUnreachable, useReaderId } from "../../app/offlineReader";
import { useOnline } from "../../app/useOnline";
import { Alert } from "../../components/Alert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { formatDateTime } from "../../i18n/format";
import { isUuid } from "../news/labels";
import { type DocumentDto, type DocumentFileDto, fileUrl, isNotFound, useDocument, useFileText, usePreview } from "./api";
import { BackToLibrary } from "./BackToLibrary";
import { DocumentUnavailable } from "./DocumentUnavailable";
import { documentName, formatLabel, viewKindOf } from "./labels";
import { PdfViewer } from "./PdfViewer";
import { useSavedDocument, useSavedFile } from "./savedApi";
import type { SavedDocumentRecord } from "./savedStore";
import { TextPages } from "./TextPages";

/** What the viewer needs of a file's text: its pages, "pending" while extracted, null when there is none. */
type TextState = string[] | "pending" | null;

/** A DOCX file as the server's sanitised HTML; its extracted text when there is no preview. */
function DocxView({ html, text }: { html: string | null | undefined; text: TextState }) {
  const { t } = useTranslation();
  const body = useRef<HTMLDivElement>(null);
  useEffect(() => {
    // A wide table scrolls inside the document: it must be reachable by keyboard to scroll it.
    for (const table of body.current?.querySelectorAll("table") ?? []) table.tabIndex = 0;
  }, [html]);
  if (html === undefined) return <Spinner />;
  if (html === null) {
    return (
      <>
        <Alert tone="info">{t("documents.viewer.previewFailed")}</Alert>
        <TextView text={text} />
      </>
    );
  }
  return (
    // The HTML is the server's: converted from the DOCX and sanitised against the articles' allow-list
    // (apps/api/src/modules/news/news.sanitize.ts: no scripts, styles, handlers, iframes or forms).
    // A saved copy is that same HTML kept on the device. Never render HTML from anywhere else this way.
    <div ref={body} className="article-body doc-preview" dangerouslySetInnerHTML={{ __html: html }} />
  );
}

/** Extracted text page by page (XLSX sheets, PPTX slides, ODT), or why there is none. */
function TextView({ text }: { text: TextState }) {
  const { t } = useTranslation();
  if (text === "pending") return <Alert tone="info">{t("documents.viewer.textPending")}</Alert>;
  if (text === null || !text.some((p) => p.trim())) return <Alert tone="info">{t("documents.viewer.noText")}</Alert>;
  return <TextPages pages={text} />;
}

interface FileViewProps {
  document: DocumentDto;
  file: DocumentFileDto;
  /** Where the bytes are: the server's URL, or an object URL of the copy on the device with its Blob. */
  bytes: { url: string; blob?: Blob } | null;
  text: TextState;
  /** The DOCX preview: HTML, null when there is none, undefined while it loads. */
  preview: string | null | undefined;
  notice?: ReactNode;
}

/** The file, shown the way its format allows, with its download button. */
function FileView({ document: d, file, bytes, text, preview, notice }: FileViewProps) {
  const { t } = useTranslation();
  const kind = viewKindOf(file.format);
  return (
    <>
      <BackToLibrary to={`/documents/${d.id}`} label={t("documents.viewer.backToDocument")} />
      <PageHeader
        title={file.name}
        subtitle={`${documentName(t, d)} · ${t("documents.viewer.fileOf", { position: file.position, count: d.files.length, format: formatLabel(t, file.format) })}`}
      />
      {notice}
      <div className="stack doc-viewer">
        {bytes && (
          <p className="button-row">
            <a className="btn btn-secondary" href={bytes.url} download={file.name} aria-label={t("documents.page.downloadFile", { name: file.name })}>
              {t("documents.page.download")}
            </a>
          </p>
        )}
        {kind === "pdf" &&
          (bytes ? (
            <PdfViewer key={bytes.url} source={bytes.blob ? { blob: bytes.blob } : { url: bytes.url }} pages={Array.isArray(text) && text.some((p) => p.trim()) ? text : null} />
          ) : (
            <Alert tone="warning">{t("documents.saved.fileNotSaved")}</Alert>
          ))}
        {kind === "image" &&
          (bytes ? (
            <figure className="doc-image">
              <img src={bytes.url} alt={t("documents.viewer.imageAlt", { name: file.name })} />
            </figure>
          ) : (
            <Alert tone="warning">{t("documents.saved.fileNotSaved")}</Alert>
          ))}
        {kind === "docx" && <DocxView html={preview} text={text} />}
        {kind === "text" && (
          <>
            <p className="meta">{t("documents.viewer.sheetsNote")}</p>
            <TextView text={text} />
          </>
        )}
      </div>
    </>
  );
}

/** The file of the saved copy, its bytes from the device. */
function SavedFileView({ saved, file }: { saved: SavedDocumentRecord; file: DocumentFileDto }) {
  const { t } = useTranslation();
  const local = useSavedFile(saved, fileUrl(saved.documentId, file.position));
  const kind = viewKindOf(file.format);
  const needsBytes = kind === "pdf" || kind === "image";
  const savedHere = saved.files.includes(fileUrl(saved.documentId, file.position));
  if (needsBytes && savedHere && !local) return <Spinner />;
  return (
    <FileView
      document={saved.response.data}
      file={file}
      bytes={local ? { url: local.objectUrl, blob: local.blob } : null}
      text={saved.texts[file.position] ?? null}
      preview={saved.previews[file.position] ?? null}
      notice={
        <Alert tone="info" className="saved-copy-notice">
          <strong>{t("documents.saved.offlineNotice", { time: formatDateTime(saved.copiedAt) })}</strong>{" "}
          <Link to="/documents/saved">{t("documents.saved.listLink")}</Link>
        </Alert>
      }
    />
  );
}

/** The file from the server, its text and preview asked for as its format needs them. */
function LiveFileView({ document: d, file }: { document: DocumentDto; file: DocumentFileDto }) {
  const kind = viewKindOf(file.format);
  const text = useFileText(d.id, file.position, kind !== "image");
  const preview = usePreview(d.id, file.position, kind === "docx");
  const textState: TextState = text.data ? (text.data.status === "done" ? text.data.pages : text.data.status === "pending" ? "pending" : null) : null;
  return (
    <FileView
      document={d}
      file={file}
      bytes={{ url: fileUrl(d.id, file.position) }}
      text={textState}
      preview={kind !== "docx" ? null : preview.isPending ? undefined : (preview.data ?? null)}
    />
  );
}

/**
 * /documents/:id/files/:position: one file of a document, read in the app. PDFs page by page with
 * pdf.js, DOCX as the server's preview, pictures scaled to the screen, XLSX/PPTX/ODT as their text;
 * each with a download. Without network, the copy saved on the device.
 */
export function ViewerPage() {
  const { t } = useTranslation();
  const params = useParams();
  const id = params.id ?? "";
  const position = Number(params.position);
  const valid = isUuid(id) && Number.isInteger(position) && position >= 1;
  const online = useOnline();
  const readerId = useReaderId();
  const doc = useDocument(valid ? id : "");
  const savedQuery = useSavedDocument(readerId, valid ? id : "");
  const saved = readerId === null ? null : savedQuery.isPending ? undefined : (savedQuery.data ?? null);
  const unreachable = !online || isUnreachable(doc.error) || (doc.isPending && doc.fetchStatus === "paused");

  if (!valid || isNotFound(doc.error)) return <NotFoundPage />;
  if (unreachable && saved === undefined && readerId !== null) return <Spinner />;
  if (unreachable && saved) {
    const file = saved.response.data.files.find((f) => f.position === position);
    return file ? <SavedFileView saved={saved} file={file} /> : <NotFoundPage />;
  }
  if (!doc.data) return <DocumentUnavailable doc={doc} unreachable={unreachable} back={<BackToLibrary to={valid ? `/documents/${id}` : "/documents"} label={t("documents.viewer.backToDocument")} />} />;
  const file = doc.data.data.files.find((f) => f.position === position);
  return file ? <LiveFileView key={`${id}/${position}`} document={doc.data.data} file={file} /> : <NotFoundPage />;
}
