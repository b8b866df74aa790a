import { useEffect, useRef } from "react";

export interface KeepSavedCopy<R, S extends { fingerprint: string }> {
  readerId: string | null;
  id: string;
  /** What the server just sent (undefined while offline or loading). */
  live: R | undefined;
  /** The server says it is not there (any more). */
  gone: boolean;
  /** The copy on the device (null: none; undefined: still looking). */
  saved: S | null | undefined;
  /** Whether what the server sent may no longer be kept (withdrawn, unpublished). Stable across renders. */
  retired: (live: R) => boolean;
  /** What the saved copy is compared with. Stable across renders. */
  fingerprint: (live: R) => string;
  save: (input: { response: R; previous: S }) => void;
  remove: (id: string) => void;
}

/**
 * Keeps a copy saved for offline reading (an article, a document) in step with the server, without
 * a word to the member: one that changed is stored again (what the device already holds is kept),
 * one that is gone or retired is removed. Each change is tried once; failures leave the old copy.
 */
export function useKeepSavedCopyCurrent<R, S extends { fingerprint: string }>({ readerId, id, live, gone, saved, retired, fingerprint, save, remove }: KeepSavedCopy<R, S>) {
  const tried = useRef<string | null>(null);
  useEffect(() => {
    if (!readerId || !saved) return;
    if (gone || (live && retired(live))) {
      if (tried.current === "removed") return;
      tried.current = "removed";
      remove(id);
      return;
    }
    if (!live) return;
    const current = fingerprint(live);
    if (current === saved.fingerprint || tried.current === current) return;
    tried.current = current;
    save({ response: live, previous: saved });
  }, [readerId, id, live, gone, saved, retired, fingerprint, save, remove]);
}
