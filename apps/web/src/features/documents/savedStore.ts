import { createSavedStore } from "../../app/savedStore";
import type { DocumentResponse } from "./api";

/**
 * One document saved for offline reading: GET /api/documents/:id's answer as it was saved, the
 * extracted text and DOCX previews of its files, and what the list shows. The files' bytes are
 * stored beside it, by the URL the app uses for them (/api/documents/:id/files/:position).
 */
export interface SavedDocumentRecord {
  accountId: string;
  documentId: string;
  /** When the member saved it (ISO). */
  savedAt: string;
  /** When this copy was taken: the first save, or the last silent refresh (ISO). */
  copiedAt: string;
  response: DocumentResponse;
  /** Extracted text page by page, by file position (files whose text is not extracted are absent). */
  texts: Record<number, string[]>;
  /** The sanitised HTML preview of each DOCX file, by position. */
  previews: Record<number, string>;
  /** The document as compared on refresh (everything but the member's own bookmark). */
  fingerprint: string;
  /** Bytes on the device: the JSON, the texts and every file. */
  size: number;
  /** The file URLs stored beside it. */
  files: string[];
}

export interface SavedDocumentFile {
  accountId: string;
  documentId: string;
  url: string;
  blob: Blob;
}

/** Documents saved for offline reading (see app/savedStore.ts): database "sotay-saved-documents". */
export const savedDocuments = createSavedStore<"documentId", SavedDocumentRecord>({
  dbName: "sotay-saved-documents",
  items: "documents",
  files: "files",
  idKey: "documentId",
});
