import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect, useState } from "react";
import type { ArticleResponse } from "./api";
import { saveArticle } from "./savedArticles";
import { type SavedArticleRecord, deleteSaved, getSaved, getSavedFiles, listSaved } from "./savedStore";

/** Under the news keys, so clearUserData's removal of every user query takes them too. */
export const savedKeys = {
  all: ["news", "saved"] as const,
  list: (accountId: string) => ["news", "saved", accountId, "list"] as const,
  one: (accountId: string, articleId: string) => ["news", "saved", accountId, "article", articleId] as const,
};

// The device's own storage answers with or without network.
const local = { networkMode: "always", staleTime: Infinity, retry: false } as const;

/** The account's saved articles, newest saved first; empty for nobody. */
export function useSavedList(accountId: string | null) {
  return useQuery({
    ...local,
    queryKey: savedKeys.list(accountId ?? ""),
    queryFn: async () => (await listSaved(accountId ?? "")).sort((a, b) => b.savedAt.localeCompare(a.savedAt)),
    enabled: accountId !== null,
  });
}

/** The saved copy of one article, or null when it is not saved. */
export function useSavedArticle(accountId: string | null, articleId: string) {
  return useQuery({
    ...local,
    queryKey: savedKeys.one(accountId ?? "", articleId),
    queryFn: () => getSaved(accountId ?? "", articleId),
    enabled: accountId !== null && articleId !== "",
  });
}

/** Saves (or refreshes) an article for the account; the list and the copy follow. */
export function useSaveArticle(accountId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: "always",
    mutationFn: ({ response, previous }: { response: ArticleResponse; previous: SavedArticleRecord | null }) => {
      if (!accountId) throw new Error("Nobody is signed in");
      return saveArticle(accountId, response, previous);
    },
    onSuccess: (record) => {
      queryClient.setQueryData(savedKeys.one(record.accountId, record.articleId), record);
      void queryClient.invalidateQueries({ queryKey: savedKeys.list(record.accountId) });
    },
  });
}

/** Removes one saved article of the account. */
export function useUnsaveArticle(accountId: string | null) {
  const queryClient = useQueryClient();
  return useMutation({
    networkMode: "always",
    mutationFn: async (articleId: string) => {
      if (!accountId) throw new Error("Nobody is signed in");
      await deleteSaved(accountId, articleId);
      return articleId;
    },
    onSuccess: (articleId) => {
      if (!accountId) return;
      queryClient.setQueryData(savedKeys.one(accountId, articleId), null);
      queryClient.setQueryData<SavedArticleRecord[]>(savedKeys.list(accountId), (old) => old?.filter((r) => r.articleId !== articleId));
    },
  });
}

/**
 * Object URLs for the pictures and attached files stored with a saved article (by the URL the
 * article uses), or null while they are read. Every URL is revoked when the record changes or the
 * component unmounts.
 */
export function useSavedFiles(record: SavedArticleRecord | null | undefined): ReadonlyMap<string, string> | null {
  const [state, setState] = useState<{ key: string; urls: ReadonlyMap<string, string> } | null>(null);
  const accountId = record?.accountId;
  const articleId = record?.articleId;
  const copiedAt = record?.copiedAt;
  const key = `${accountId}/${articleId}/${copiedAt}`;
  useEffect(() => {
    if (!accountId || !articleId) return;
    let cancelled = false;
    const created: string[] = [];
    getSavedFiles(accountId, articleId)
      .catch(() => new Map<string, Blob>())
      .then((files) => {
        if (cancelled) return;
        const urls = new Map<string, string>();
        for (const [url, blob] of files) {
          const objectUrl = URL.createObjectURL(blob);
          created.push(objectUrl);
          urls.set(url, objectUrl);
        }
        setState({ key, urls });
      });
    return () => {
      cancelled = true;
      for (const url of created) URL.revokeObjectURL(url);
    };
  }, [accountId, articleId, key]);
  return state?.key === key ? state.urls : null;
}
