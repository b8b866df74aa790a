import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { DocumentResponse } from "./api";
import { saveDocument } from "./savedDocuments";
import { type SavedDocumentRecord, savedDocuments } from "./savedStore";

/** Under the documents keys, so clearUserData's removal of every user query takes them too. */
export const savedKeys = {
  list: (accountId: string) => ["documents", "saved", accountId, "list"] as const,
  one: (accountId: string, documentId: string) => ["documents", "saved", accountId, "document", documentId] as const,
};

// The device's own storage answers with or without network.
const local = { networkMode: "always", staleTime: Infinity, retry: false } as const;

/** The account's saved documents, newest saved first; empty for nobody. */
export function useSavedDocuments(accountId: string | null) {
  return useQuery({
    ...local,
    queryKey: savedKeys.list(accountId ?? ""),
    queryFn: async () => (await savedDocuments.list(accountId ?? "")).sort((a, b) => b.savedAt.localeCompare(a.savedAt)),
    enabled: accountId !== null,
  });
}

/** The saved copy of one document, or null when it is not saved. */
export function useSavedDocument(accountId: string | null, documentId: string) {
  return useQuery({
    ...local,
    queryKey: savedKeys.one(accountId ?? "", documentId),
    queryFn: () => savedDocuments.get(accountId ?? "", documentId),
    enabled: accountId !== null && documentId !== "",
  });
}

/** Saves (or refreshes) a document for the account; the list and the copy follow. */
export function useSaveDocument(accountId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: "always",
    mutationFn: ({ response, previous }: { response: DocumentResponse; previous: SavedDocumentRecord | null }) => {
      if (!accountId) throw new Error("Nobody is signed in");
      return saveDocument(accountId, response, previous);
    },
    onSuccess: (record) => {
      queryClient.setQueryData(savedKeys.one(record.accountId, record.documentId), record);
      void queryClient.invalidateQueries({ queryKey: savedKeys.list(record.accountId) });
    },
  });
}

/** Removes one saved document of the account. */
export function useUnsaveDocument(accountId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: "always",
    mutationFn: async (documentId: string) => {
      if (!accountId) throw new Error("Nobody is signed in");
      await savedDocuments.remove(accountId, documentId);
      return documentId;
    },
    onSuccess: (documentId) => {
      if (!accountId) return;
      queryClient.setQueryData(savedKeys.one(accountId, documentId), null);
      queryClient.setQueryData<SavedDocumentRecord[]>(savedKeys.list(accountId), (old) => old?.filter((r) => r.documentId !== documentId));
    },
  });
}

/**
 * The bytes of a saved document's file as an object URL (and the Blob), or null while they are
 * read or when the copy has none. The URL is revoked when the file changes or the component unmounts.
 */
export function useSavedFile(record: SavedDocumentRecord | null | undefined, url: string): { objectUrl: string; blob: Blob } | null {
  const [state, setState] = useState<{ key: string; objectUrl: string; blob: Blob } | null>(null);
  const accountId = record?.accountId;
  const documentId = record?.documentId;
  const key = `${accountId}/${documentId}/${record?.copiedAt}/${url}`;
  useEffect(() => {
    if (!accountId || !documentId) return;
    let cancelled = false;
    let created: string | null = null;
    savedDocuments
      .getFiles(accountId, documentId)
      .catch(() => new Map<string, Blob>())
      .then((files) => {
        const blob = files.get(url);
        if (cancelled || !blob) return;
        created = URL.createObjectURL(blob);
        setState({ key, objectUrl: created, blob });
      });
    return () => {
      cancelled = true;
      if (created) URL.revokeObjectURL(created);
    };
  }, [accountId, documentId, url, key]);
  return state?.key === key ? { objectUrl: state.objectUrl, blob: state.blob } : null;
}
