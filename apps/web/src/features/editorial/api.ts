import { type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { ImageEnvelope } from "@party/shared/schemas/files";
import type {
  ApproveBody,
  ArticleStatus,
  CalendarEnvelope,
  CategoryEnvelope,
  CategoryListEnvelope,
  CreateArticleBody,
  DiffEnvelope,
  EditorialListEnvelope,
  ReaderStatsEnvelope,
  RevisionListEnvelope,
  UpdateArticleBody,
} from "@party/shared/schemas/news";
import { api } from "../../api/client";
import { isApiError } from "../../api/errors";
import { type ArticleResponse, newsKeys } from "../news/api";

export type EditorialList = z.infer<typeof EditorialListEnvelope>;
export type CategoryList = z.infer<typeof CategoryListEnvelope>;
export type DiffResult = z.infer<typeof DiffEnvelope>["data"];
export type ReaderStats = z.infer<typeof ReaderStatsEnvelope>["data"];
export type UploadedImage = z.infer<typeof ImageEnvelope>["data"];
export type { ArticleStatus, CategoryDto, EditorialItemDto, RevisionDto } from "@party/shared/schemas/news";

const PAGE_SIZE = 20;
const QUEUE_SIZE = 100;

export const editorialKeys = {
  all: ["editorial"] as const,
  channel: (unitId: string, status: string) => ["editorial", "channel", unitId, status] as const,
  calendar: (unitId: string, from: string, to: string) => ["editorial", "calendar", unitId, from, to] as const,
  queue: ["editorial", "queue"] as const,
  revisions: (id: string) => ["editorial", "revisions", id] as const,
  diff: (id: string, from: number, to: number) => ["editorial", "diff", id, from, to] as const,
  readers: (id: string) => ["editorial", "readers", id] as const,
  categories: (unitId: string) => ["editorial", "categories", unitId] as const,
};

/** After any change to an article: the article's cached copy is the answer; lists, queue, history and the members' feed are re-read. */
function afterArticleChange(queryClient: QueryClient, response: ArticleResponse): void {
  queryClient.setQueryData(newsKeys.article(response.data.id), response);
  void queryClient.invalidateQueries({ queryKey: editorialKeys.all });
  void queryClient.invalidateQueries({ queryKey: newsKeys.all, predicate: (q) => q.queryKey[1] !== "article" });
}

/** The actor's review queue: submissions to their channels and proposals from below, oldest first. */
export function useReviewQueue(enabled = true) {
  return useQuery({
    queryKey: editorialKeys.queue,
    queryFn: ({ signal }) => api.get<EditorialList>("/news/review-queue", { limit: QUEUE_SIZE }, signal).then((r) => r.data),
    enabled,
  });
}

/** A channel's articles and the unit's proposals, most recently changed first, page by page. */
export function useChannelArticles(unitId: string, status: ArticleStatus | "") {
  return useInfiniteQuery({
    queryKey: editorialKeys.channel(unitId, status),
    queryFn: ({ pageParam, signal }) =>
      api.get<EditorialList>(`/units/${unitId}/articles`, { cursor: pageParam, limit: PAGE_SIZE, status: status || undefined }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: unitId !== "",
    retry: (count, error) => !isForbidden(error) && count < 2,
  });
}

/** Scheduled and published items of a channel between two calendar dates (at most 62 days). */
export function useNewsCalendar(unitId: string, from: string, to: string, enabled = true) {
  return useQuery({
    queryKey: editorialKeys.calendar(unitId, from, to),
    queryFn: ({ signal }) => api.get<z.infer<typeof CalendarEnvelope>>(`/units/${unitId}/news-calendar`, { from, to }, signal).then((r) => r.data),
    enabled: enabled && unitId !== "",
  });
}

export function useRevisions(id: string, enabled = true) {
  return useQuery({
    queryKey: editorialKeys.revisions(id),
    queryFn: ({ signal }) => api.get<z.infer<typeof RevisionListEnvelope>>(`/articles/${id}/revisions`, undefined, signal).then((r) => r.data),
    enabled: enabled && id !== "",
  });
}

/** Word-level changes between two revisions; nothing is fetched when either is missing or they are the same. */
export function useDiff(id: string, from: number | null, to: number | null) {
  return useQuery({
    queryKey: editorialKeys.diff(id, from ?? 0, to ?? 0),
    queryFn: ({ signal }) => api.get<z.infer<typeof DiffEnvelope>>(`/articles/${id}/diff`, { from: from ?? 0, to: to ?? 0 }, signal).then((r) => r.data),
    enabled: id !== "" && from !== null && to !== null && from !== to,
  });
}

export function useReaders(id: string, enabled = true) {
  return useQuery({
    queryKey: editorialKeys.readers(id),
    queryFn: ({ signal }) => api.get<z.infer<typeof ReaderStatsEnvelope>>(`/articles/${id}/readers`, undefined, signal).then((r) => r.data),
    enabled: enabled && id !== "",
  });
}

/** A channel's categories (archived ones too for its admins). */
export function useCategories(unitId: string) {
  return useQuery({
    queryKey: editorialKeys.categories(unitId),
    queryFn: ({ signal }) => api.get<CategoryList>(`/units/${unitId}/news-categories`, undefined, signal).then((r) => r.data),
    enabled: unitId !== "",
  });
}

export function useCreateCategory(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (name: string) => api.post<z.infer<typeof CategoryEnvelope>>(`/units/${unitId}/news-categories`, { name }).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: editorialKeys.categories(unitId) }),
  });
}

export function useUpdateCategory(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; name?: string; archived?: boolean }) =>
      api.patch<z.infer<typeof CategoryEnvelope>>(`/news-categories/${id}`, body).then((r) => r.data),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: editorialKeys.categories(unitId) }),
  });
}

/** POST /articles: a new draft in the channel (a proposal when the channel is above the writer's unit). */
export function useCreateArticle() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateArticleBody) => api.post<ArticleResponse>("/articles", body),
    onSuccess: (response) => afterArticleChange(queryClient, response),
  });
}

/** PUT /articles/:id: saves the working revision (a published article gets a new one; the live one stays). */
export function useUpdateArticle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateArticleBody) => api.put<ArticleResponse>(`/articles/${id}`, body),
    onSuccess: (response) => afterArticleChange(queryClient, response),
  });
}

/**
 * Saves the form and sends it for approval in one go: POST (new) or PUT, then POST …/submit.
 * Resolves with the submitted article.
 */
export function useSaveAndSubmit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: { id: string; content: UpdateArticleBody } | { id: null; content: CreateArticleBody }) => {
      const saved = input.id ? await api.put<ArticleResponse>(`/articles/${input.id}`, input.content) : await api.post<ArticleResponse>("/articles", input.content);
      afterArticleChange(queryClient, saved);
      return api.post<ArticleResponse>(`/articles/${saved.data.id}/submit`);
    },
    onSuccess: (response) => afterArticleChange(queryClient, response),
  });
}

export type Transition =
  | { action: "submit" }
  | { action: "return" | "decline" | "unpublish"; reason: string }
  | { action: "approve"; body: ApproveBody }
  | { action: "restore"; number: number };

/** One review transition (submit, return, decline, approve, unpublish, restore); the answer is the article. */
export function useArticleTransition(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (t: Transition) => {
      const path = `/articles/${id}/${t.action}`;
      if (t.action === "submit") return api.post<ArticleResponse>(path);
      if (t.action === "approve") return api.post<ArticleResponse>(path, t.body);
      if (t.action === "restore") return api.post<ArticleResponse>(path, { number: t.number });
      return api.post<ArticleResponse>(path, { reason: t.reason });
    },
    onSuccess: (response) => afterArticleChange(queryClient, response),
  });
}

/** DELETE /articles/:id (never-published articles only). */
export function useDeleteArticle(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.delete<{ ok: true }>(`/articles/${id}`),
    // The article's own cached copy stays until the page showing it is gone (removing it now would
    // make that page fetch it again, and get a 404); a later visit re-reads it and finds nothing.
    onSuccess: () => queryClient.invalidateQueries({ queryKey: editorialKeys.all }),
  });
}

/** The picture types the server reads (by content; the declared type only has to be one of these). */
export const IMAGE_TYPES = ["image/jpeg", "image/png", "image/webp", "image/gif", "image/avif", "image/heic", "image/heif"] as const;

/** Uploads a picture's bytes (POST /images); the answer has its id and responsive variants. */
export function useUploadImage() {
  return useMutation({
    mutationFn: (file: File) => {
      // Some phones give HEIC pictures no type at all: the server reads the content anyway.
      const type = (IMAGE_TYPES as readonly string[]).includes(file.type) ? file.type : "image/jpeg";
      return api.upload<z.infer<typeof ImageEnvelope>>("/images", file, type).then((r) => r.data);
    },
  });
}

/** A 403: the actor may see the unit but not this part of its editorial work (e.g. a unit admin without an editorial role). */
export const isForbidden = (error: unknown): boolean => isApiError(error) && error.status === 403;
