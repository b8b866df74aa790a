import { createSavedStore } from "../../app/savedStore";
import type { ArticleResponse } from "./api";

export { StorageFullError, StorageUnavailableError } from "../../app/savedStore";

/** One saved article: GET /api/articles/:id's answer as it was saved, and what the list shows. */
export interface SavedArticleRecord {
  accountId: string;
  articleId: string;
  /** When the member saved it (ISO). */
  savedAt: string;
  /** When this copy was taken: the first save, or the last silent refresh (ISO). */
  copiedAt: string;
  response: ArticleResponse;
  /** The article's content as compared on refresh (everything but the member's own `read`). */
  fingerprint: string;
  /** Bytes on the device: the JSON, every picture and every attached file. */
  size: number;
  /** The URLs of the pictures (/api/files/…) and attached files (/api/articles/…/attachments/…) stored beside it. */
  files: string[];
}

/** A picture or an attached file of a saved article, by the URL the article uses for it. */
export interface SavedFileRecord {
  accountId: string;
  articleId: string;
  url: string;
  blob: Blob;
}

/** Articles saved for offline reading (see app/savedStore.ts): database "sotay-saved-articles". */
const store = createSavedStore<"articleId", SavedArticleRecord>({ dbName: "sotay-saved-articles", items: "articles", files: "files", idKey: "articleId" });

export const savedGeneration = store.generation;
/** The account's saved articles, in no particular order. */
export const listSaved = store.list;
/** One saved article of the account, or null. */
export const getSaved = store.get;
/** The pictures and attached files stored with a saved article, by URL. */
export const getSavedFiles = store.getFiles;
/** How many articles the device holds, for every account. */
export const countAllSaved = store.countAll;
/** Stores (or replaces) an article and exactly these files; nothing when everything was deleted since `since`. */
export const putSaved = (record: SavedArticleRecord, files: SavedFileRecord[], since: number) => store.put(record, files, since);
/** Removes one saved article and its files. */
export const deleteSaved = store.remove;
/** Removes what other accounts saved on this device. */
export const deleteSavedExcept = store.removeExcept;
/** Removes every saved article and file of every account on this device. */
export const deleteAllSaved = store.removeAll;
