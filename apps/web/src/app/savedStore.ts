/**
 * Content saved for offline reading (news articles, documents), in IndexedDB on this device. Each
 * kind has its own database with two stores: the items (keyed by account and item id) and the files
 * stored beside them (keyed by account, item id and URL). Every key starts with the account id, so
 * one account never reads another's; logout (clearUserData) empties every kind. Written only by the
 * page when the member asks (never by the service worker, which caches nothing under /api).
 */

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

/** Where one kind of saved content lives. */
export interface SavedStoreConfig<K extends string> {
  dbName: string;
  /** The object store of the items. */
  items: string;
  /** The object store of the files beside them. */
  files: string;
  /** The items' id property (the second part of every key). */
  idKey: K;
}

/** A file stored beside an item, by the URL the item uses for it. */
export type SavedFile<K extends string> = { accountId: string; url: string; blob: Blob } & Record<K, string>;

// Key ranges: ids and URLs are ASCII, so "\uffff" sorts after every one of them.
const END = "\uffff";
const accountRange = (accountId: string) => IDBKeyRange.bound([accountId, ""], [accountId, END]);
const filesOf = (accountId: string, id: string) => IDBKeyRange.bound([accountId, id, ""], [accountId, id, END]);

/** One kind of saved content: its items of type R and their files. */
export function createSavedStore<K extends string, R extends { accountId: string } & Record<K, string>>(config: SavedStoreConfig<K>) {
  const { dbName, items, files, idKey } = config;
  let opening: Promise<IDBDatabase> | null = null;
  // Bumped by removeAll, so a save that was under way then (downloading files) stores nothing.
  let generation = 0;

  function openDb(): Promise<IDBDatabase> {
    if (typeof indexedDB === "undefined") return Promise.reject(new StorageUnavailableError());
    opening ??= new Promise<IDBDatabase>((resolve, reject) => {
      let request: IDBOpenDBRequest;
      try {
        request = indexedDB.open(dbName, 1);
      } catch {
        reject(new StorageUnavailableError());
        return;
      }
      request.onupgradeneeded = () => {
        const db = request.result;
        if (!db.objectStoreNames.contains(items)) db.createObjectStore(items, { keyPath: ["accountId", idKey] });
        if (!db.objectStoreNames.contains(files)) db.createObjectStore(files, { keyPath: ["accountId", idKey, "url"] });
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

  return {
    /** Changes whenever everything is removed; a save compares it before and after. */
    generation: (): number => generation,

    /** The account's saved items, in no particular order. */
    async list(accountId: string): Promise<R[]> {
      const db = await openDb();
      return settle(db.transaction(items, "readonly").objectStore(items).getAll(accountRange(accountId)) as IDBRequest<R[]>);
    },

    /** One saved item of the account, or null. */
    async get(accountId: string, id: string): Promise<R | null> {
      const db = await openDb();
      const record = await settle(db.transaction(items, "readonly").objectStore(items).get([accountId, id]) as IDBRequest<R | undefined>);
      return record ?? null;
    },

    /** The files stored with a saved item, by URL. */
    async getFiles(accountId: string, id: string): Promise<Map<string, Blob>> {
      const db = await openDb();
      const rows = await settle(db.transaction(files, "readonly").objectStore(files).getAll(filesOf(accountId, id)) as IDBRequest<SavedFile<K>[]>);
      return new Map(rows.map((f) => [f.url, f.blob]));
    },

    /** How many items the device holds, for every account. */
    async countAll(): Promise<number> {
      const db = await openDb();
      return settle(db.transaction(items, "readonly").objectStore(items).count());
    },

    /**
     * Stores (or replaces) an item and exactly these files, in one transaction; nothing when
     * everything was removed since `since` (generation() when the save began).
     */
    async put(record: R, recordFiles: SavedFile<K>[], since: number): Promise<void> {
      const db = await openDb();
      if (since !== generation) throw new Error("Saved content was cleared meanwhile");
      const tx = db.transaction([items, files], "readwrite");
      const done = committed(tx);
      const store = tx.objectStore(files);
      store.delete(filesOf(record.accountId, record[idKey]));
      for (const file of recordFiles) store.put(file);
      tx.objectStore(items).put(record);
      await done;
    },

    /** Removes one saved item and its files. */
    async remove(accountId: string, id: string): Promise<void> {
      const db = await openDb();
      const tx = db.transaction([items, files], "readwrite");
      const done = committed(tx);
      tx.objectStore(items).delete([accountId, id]);
      tx.objectStore(files).delete(filesOf(accountId, id));
      await done;
    },

    /** Removes what other accounts saved on this device (a different account is now signed in). */
    async removeExcept(accountId: string): Promise<void> {
      const db = await openDb();
      const tx = db.transaction([items, files], "readwrite");
      const done = committed(tx);
      for (const name of [items, files]) {
        const store = tx.objectStore(name);
        // Everything sorting before and after this account's keys.
        store.delete(IDBKeyRange.upperBound([accountId], true));
        store.delete(IDBKeyRange.lowerBound([accountId, END], true));
      }
      await done;
    },

    /** Removes every saved item and file of every account on this device. */
    async removeAll(): Promise<void> {
      generation += 1;
      const db = await openDb();
      const tx = db.transaction([items, files], "readwrite");
      const done = committed(tx);
      tx.objectStore(items).clear();
      tx.objectStore(files).clear();
      await done;
    },
  };
}

/** Asks the browser to keep this site's storage under pressure; best effort, its answer is not needed. */
export function requestPersistence(): void {
  try {
    void navigator.storage?.persisted?.().then((persisted) => (persisted ? undefined : navigator.storage.persist())).catch(() => undefined);
  } catch {
    // not supported
  }
}

/** Rejects with StorageFullError when the browser already says `size` more bytes will not fit. */
export async function checkRoomFor(size: number): Promise<void> {
  const estimate = await navigator.storage?.estimate?.().catch(() => undefined);
  if (estimate?.quota !== undefined && estimate.usage !== undefined && estimate.usage + size > estimate.quota) throw new StorageFullError();
}
