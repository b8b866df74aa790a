import { type InfiniteData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { UnitKind } from "@party/shared/enums";
import type { ArticleEnvelope, ArticleSummaryDto, FeedEnvelope, SearchEnvelope } from "@party/shared/schemas/news";
import { api } from "../../api/client";

export type FeedPage = z.infer<typeof FeedEnvelope>;
export type ArticleResponse = z.infer<typeof ArticleEnvelope>;
export type SearchPage = z.infer<typeof SearchEnvelope>;
export type SearchHit = SearchPage["data"][number];
export type { ArticleDto, ArticleSummaryDto } from "@party/shared/schemas/news";

const PAGE_SIZE = 20;
const SEARCH_PAGE_SIZE = 20;
/** How many of the feed's first items the home page shows. */
export const LATEST_NEWS_COUNT = 3;

export interface FeedFilter {
  level?: UnitKind;
  categoryId?: string;
}

export const newsKeys = {
  all: ["news"] as const,
  feed: (filter: FeedFilter) => ["news", "feed", filter.level ?? "", filter.categoryId ?? ""] as const,
  latest: ["news", "latest"] as const,
  article: (id: string) => ["news", "article", id] as const,
  search: (q: string) => ["news", "search", q] as const,
};

/** The member's feed, page by page (keyset cursor); the first page also brings the pinned guidance (none when filtered). */
export function useNewsFeed(filter: FeedFilter) {
  return useInfiniteQuery({
    queryKey: newsKeys.feed(filter),
    queryFn: ({ pageParam, signal }) =>
      api.get<FeedPage>("/news/feed", { cursor: pageParam, limit: PAGE_SIZE, level: filter.level, categoryId: filter.categoryId }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The first few items of the feed as the member sees it: pinned guidance first, then the newest. */
export function useLatestNews() {
  return useQuery({
    queryKey: newsKeys.latest,
    queryFn: ({ signal }) =>
      api.get<FeedPage>("/news/feed", { limit: LATEST_NEWS_COUNT }, signal).then((r) => [...r.pinned, ...r.data].slice(0, LATEST_NEWS_COUNT)),
  });
}

/** One article and the actor's abilities on it; nothing is fetched for an empty id. */
export function useArticle(id: string) {
  return useQuery({
    queryKey: newsKeys.article(id),
    queryFn: ({ signal }) => api.get<ArticleResponse>(`/articles/${id}`, undefined, signal),
    enabled: id !== "",
  });
}

/** Search results, page by page ("Xem thêm" asks for the next offset while the server says there is more). */
export function useNewsSearch(q: string) {
  return useInfiniteQuery({
    queryKey: newsKeys.search(q),
    queryFn: ({ pageParam, signal }) => api.get<SearchPage>("/news/search", { q, limit: SEARCH_PAGE_SIZE, offset: pageParam }, signal),
    initialPageParam: 0,
    getNextPageParam: (last, pages) => (last.hasMore ? pages.reduce((n, page) => n + page.data.length, 0) : undefined),
    enabled: q !== "",
  });
}

/** Sets `read` on every cached copy of the article: feeds, the home page's list, search results and the article itself. */
function markCachedRead(queryClient: QueryClient, id: string): void {
  const change = <T extends Pick<ArticleSummaryDto, "id" | "read">>(item: T): T => (item.id === id && !item.read ? { ...item, read: true } : item);
  queryClient.setQueriesData<InfiniteData<FeedPage>>({ queryKey: ["news", "feed"] }, (old) =>
    old ? { ...old, pages: old.pages.map((page) => ({ ...page, pinned: page.pinned.map(change), data: page.data.map(change) })) } : old,
  );
  queryClient.setQueriesData<InfiniteData<SearchPage>>({ queryKey: ["news", "search"] }, (old) =>
    old ? { ...old, pages: old.pages.map((page) => ({ ...page, data: page.data.map(change) })) } : old,
  );
  queryClient.setQueryData<ArticleSummaryDto[]>(newsKeys.latest, (old) => old?.map(change));
  queryClient.setQueryData<ArticleResponse>(newsKeys.article(id), (old) => (old ? { ...old, data: change(old.data) } : old));
}

/** POST /articles/:id/read (today's read, for the "Đã đọc" mark and the readers per day); the cached copies follow. */
export function useMarkArticleRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.post<{ ok: true }>(`/articles/${id}/read`),
    onSuccess: (_ok, id) => markCachedRead(queryClient, id),
  });
}
