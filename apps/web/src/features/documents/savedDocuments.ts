import { checkRoomFor, requestPersistence } from "../../app/savedStore";
import { api } from "../../api/client";
import { type DocumentDto, type DocumentResponse, type FileText, fileUrl } from "./api";
import { type SavedDocumentFile, type SavedDocumentRecord, savedDocuments } from "./savedStore";

/** Thrown when a file of the document could not be downloaded (no network, server trouble). */
export class FileDownloadError extends Error {
  constructor(readonly url: string) {
    super(`Could not download ${url}`);
    this.name = "FileDownloadError";
  }
}

/** What a refresh compares: the document as the server sends it, without the member's own bookmark. */
export function fingerprintOf(document: DocumentDto): string {
  return JSON.stringify({ ...document, bookmarked: false });
}

async function download(url: string): Promise<Blob> {
  let response: Response;
  try {
    response = await fetch(url, { credentials: "same-origin", cache: "no-store" });
  } catch {
    throw new FileDownloadError(url);
  }
  if (!response.ok) throw new FileDownloadError(url);
  try {
    return await response.blob();
  } catch {
    throw new FileDownloadError(url);
  }
}

/** The extracted text of a file whose extraction is done; null when it cannot be had now (saved without it). */
async function textOf(id: string, position: number): Promise<string[] | null> {
  try {
    const { data } = await api.get<{ data: FileText }>(`/documents/${id}/files/${position}/text`);
    return data.status === "done" ? data.pages : null;
  } catch {
    return null;
  }
}

/** A DOCX file's preview; null when the server could not make one (the text is shown instead). */
async function previewOf(id: string, position: number): Promise<string | null> {
  try {
    return (await api.get<{ data: { html: string } }>(`/documents/${id}/files/${position}/preview`)).data.html;
  } catch {
    return null;
  }
}

/**
 * Stores the document (GET /api/documents/:id's answer) for the account with every file's bytes,
 * extracted text and DOCX preview, replacing an earlier copy. Bytes already stored with `previous`
 * for the same file are kept, the others are downloaded. The first content saved on the device asks
 * for persistent storage. Rejects with FileDownloadError, StorageFullError or StorageUnavailableError;
 * stores nothing then.
 */
export async function saveDocument(accountId: string, response: DocumentResponse, previous: SavedDocumentRecord | null): Promise<SavedDocumentRecord> {
  const since = savedDocuments.generation();
  const doc = response.data;
  const have = previous ? await savedDocuments.getFiles(accountId, doc.id) : new Map<string, Blob>();
  const kept = new Map((previous?.response.data.files ?? []).map((f) => [f.position, f.fileId]));
  const files: SavedDocumentFile[] = [];
  const texts: Record<number, string[]> = {};
  const previews: Record<number, string> = {};
  for (const file of doc.files) {
    const url = fileUrl(doc.id, file.position);
    const old = kept.get(file.position) === file.fileId ? have.get(url) : undefined;
    files.push({ accountId, documentId: doc.id, url, blob: old ?? (await download(url)) });
    const text = file.textStatus === "done" ? await textOf(doc.id, file.position) : null;
    if (text) texts[file.position] = text;
    if (file.format === "docx") {
      const html = await previewOf(doc.id, file.position);
      if (html !== null) previews[file.position] = html;
    }
  }
  const json = JSON.stringify({ response, texts, previews });
  const size = new Blob([json]).size + files.reduce((sum, f) => sum + f.blob.size, 0);
  await checkRoomFor(size);

  const now = new Date().toISOString();
  const record: SavedDocumentRecord = {
    accountId,
    documentId: doc.id,
    savedAt: previous?.savedAt ?? now,
    copiedAt: now,
    response,
    texts,
    previews,
    fingerprint: fingerprintOf(doc),
    size,
    files: files.map((f) => f.url),
  };
  const first = previous === null && (await savedDocuments.countAll().catch(() => 1)) === 0;
  await savedDocuments.put(record, files, since);
  if (first) requestPersistence();
  return record;
}
