import type { ArticleResponse } from "./api";

/**
 * Articles saved for offline reading, in IndexedDB on this device. Every key starts with the
 * account id, so one account never reads another's; logout (clearUserData) empties both stores.
 * Written only by the page when the member asks (never by the service worker, which caches nothing
 * under /api).
 */
const DB_NAME = "sotay-saved-articles";
const DB_VERSION = 1;
const ARTICLES = "articles";
const FILES = "files";

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
  /** Bytes on the device: the JSON and every picture. */
  size: number;
  /** The picture URLs (/api/files/…) stored beside it. */
  files: string[];
}

/** A picture of a saved article, by the URL the article uses for it. */
export interface SavedFileRecord {
  accountId: string;
  articleId: string;
  url: string;
  blob: Blob;
}

/** Thrown when the device refuses to store more (QuotaExceededError). */
export class StorageFullError extends Error {
  constructor() {
    super("Storage quota exceeded");
    this.name = "StorageFullError";
  }
}

/** Thrown when this browser keeps no IndexedDB (some private modes). */
export class StorageUnavailableError extends Error {
  constructor() {
    super("IndexedDB is not available");
    this.name = "StorageUnavailableError";
  }
}

const isQuotaError = (error: unknown) => error instanceof DOMException && (error.name === "QuotaExceededError" || error.name === "NS_ERROR_DOM_QUOTA_REACHED");

/** The request's result, or its error. */
function settle<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error ?? new Error("IndexedDB request failed"));
  });
}

/** Resolves when the transaction commits; a quota failure rejects with StorageFullError. */
function committed(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    const fail = () => {
      const error = tx.error;
      reject(isQuotaError(error) ? new StorageFullError() : (error ?? new Error("IndexedDB transaction aborted")));
    };
    tx.onerror = fail;
    tx.onabort = fail;
  });
}

let opening: Promise<IDBDatabase> | null = null;

/** Bumped by deleteAllSaved, so a save that was under way then (downloading pictures) stores nothing. */
let generation = 0;
export const savedGeneration = (): number => generation;

function openDb(): Promise<IDBDatabase> {
  if (typeof indexedDB === "undefined") return Promise.reject(new StorageUnavailableError());
  opening ??= new Promise<IDBDatabase>((resolve, reject) => {
    let request: IDBOpenDBRequest;
    try {
      request = indexedDB.open(DB_NAME, DB_VERSION);
    } catch {
      reject(new StorageUnavailableError());
      return;
    }
    request.onupgradeneeded = () => {
      const db = request.result;
      if (!db.objectStoreNames.contains(ARTICLES)) db.createObjectStore(ARTICLES, { keyPath: ["accountId", "articleId"] });
      if (!db.objectStoreNames.contains(FILES)) db.createObjectStore(FILES, { keyPath: ["accountId", "articleId", "url"] });
    };
    request.onsuccess = () => {
      const db = request.result;
      // Another tab upgrading or deleting the database: let it, and open again next time.
      db.onversionchange = () => {
        db.close();
        opening = null;
      };
      db.onclose = () => {
        opening = null;
      };
      resolve(db);
    };
    request.onerror = () => reject(request.error?.name === "InvalidStateError" ? new StorageUnavailableError() : (request.error ?? new StorageUnavailableError()));
    request.onblocked = () => reject(new Error("IndexedDB upgrade blocked by another tab"));
  }).catch((error: unknown) => {
    opening = null;
    throw error;
  });
  return opening;
}

// Key ranges: article ids and URLs are ASCII, so "\uffff" sorts after every one of them.
const END = "\uffff";
const accountRange = (accountId: string) => IDBKeyRange.bound([accountId, ""], [accountId, END]);
const filesOf = (accountId: string, articleId: string) => IDBKeyRange.bound([accountId, articleId, ""], [accountId, articleId, END]);

/** The account's saved articles, in no particular order. */
export async function listSaved(accountId: string): Promise<SavedArticleRecord[]> {
  const db = await openDb();
  return settle(db.transaction(ARTICLES, "readonly").objectStore(ARTICLES).getAll(accountRange(accountId)) as IDBRequest<SavedArticleRecord[]>);
}

/** One saved article of the account, or null. */
export async function getSaved(accountId: string, articleId: string): Promise<SavedArticleRecord | null> {
  const db = await openDb();
  const record = await settle(db.transaction(ARTICLES, "readonly").objectStore(ARTICLES).get([accountId, articleId]) as IDBRequest<SavedArticleRecord | undefined>);
  return record ?? null;
}

/** The pictures stored with a saved article, by URL. */
export async function getSavedFiles(accountId: string, articleId: string): Promise<Map<string, Blob>> {
  const db = await openDb();
  const files = await settle(db.transaction(FILES, "readonly").objectStore(FILES).getAll(filesOf(accountId, articleId)) as IDBRequest<SavedFileRecord[]>);
  return new Map(files.map((f) => [f.url, f.blob]));
}

/** How many articles the device holds, for every account. */
export async function countAllSaved(): Promise<number> {
  const db = await openDb();
  return settle(db.transaction(ARTICLES, "readonly").objectStore(ARTICLES).count());
}

/**
 * Stores (or replaces) an article and exactly these pictures, in one transaction; nothing when
 * everything was deleted since `since` (savedGeneration() when the save began).
 */
export async function putSaved(record: SavedArticleRecord, files: SavedFileRecord[], since: number): Promise<void> {
  const db = await openDb();
  if (since !== generation) throw new Error("Saved articles were cleared meanwhile");
  const tx = db.transaction([ARTICLES, FILES], "readwrite");
  const done = committed(tx);
  const store = tx.objectStore(FILES);
  store.delete(filesOf(record.accountId, record.articleId));
  for (const file of files) store.put(file);
  tx.objectStore(ARTICLES).put(record);
  await done;
}

/** Removes one saved article and its pictures. */
export async function deleteSaved(accountId: string, articleId: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction([ARTICLES, FILES], "readwrite");
  const done = committed(tx);
  tx.objectStore(ARTICLES).delete([accountId, articleId]);
  tx.objectStore(FILES).delete(filesOf(accountId, articleId));
  await done;
}

/** Removes what other accounts saved on this device (a different account is now signed in). */
export async function deleteSavedExcept(accountId: string): Promise<void> {
  const db = await openDb();
  const tx = db.transaction([ARTICLES, FILES], "readwrite");
  const done = committed(tx);
  for (const name of [ARTICLES, FILES]) {
    const store = tx.objectStore(name);
    // Everything sorting before and after this account's keys.
    store.delete(IDBKeyRange.upperBound([accountId], true));
    store.delete(IDBKeyRange.lowerBound([accountId, END], true));
  }
  await done;
}

/** Removes every saved article and picture of every account on this device. */
export async function deleteAllSaved(): Promise<void> {
  generation += 1;
  const db = await openDb();
  const tx = db.transaction([ARTICLES, FILES], "readwrite");
  const done = committed(tx);
  tx.objectStore(ARTICLES).clear();
  tx.objectStore(FILES).clear();
  await done;
}
