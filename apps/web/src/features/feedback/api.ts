import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CommentEnvelope,
  CommentListEnvelope,
  CreateCommentBody,
  FeedbackOverviewEnvelope,
  FeedbackStatus,
  ReplyBody,
  SummaryEnvelope,
  SummaryFormat,
} from "@party/shared/schemas/feedback";
import { api } from "../../api/client";
import { isApiError } from "../../api/errors";

export type CommentPage = z.infer<typeof CommentListEnvelope>;
export type OverviewResponse = z.infer<typeof FeedbackOverviewEnvelope>;
export type { CommentDto, DraftDto, FeedbackCountsDto, FeedbackOverviewDto, FeedbackStatus, SummaryDto, SummaryFormat } from "@party/shared/schemas/feedback";
/** A comment as the forms send it (new, or all its fields when changed). */
export type CommentInput = CreateCommentBody;

/** What GET /documents/:id/comments takes; `section: ""` is "on the whole draft". */
export interface CommentFilters {
  mine?: boolean;
  status?: FeedbackStatus;
  unitId?: string;
  section?: string;
}

const PAGE_SIZE = 50;
/** A member leaves at most 100 comments on a draft: their own fit on one page. */
const OWN_PAGE_SIZE = 100;

export const feedbackKeys = {
  /** Everything about one draft's feedback: its lists and overviews. */
  draft: (documentId: string) => ["feedback", documentId] as const,
  comments: (documentId: string, f: CommentFilters) => ["feedback", documentId, "comments", f.mine ? "mine" : "", f.status ?? "", f.unitId ?? "", f.section ?? null] as const,
  overview: (documentId: string, unitId: string) => ["feedback", documentId, "overview", unitId] as const,
};

/** Answers that asking again will not change (not allowed, not there, not a draft). */
const final = (error: unknown) => isApiError(error) && [403, 404, 409].includes(error.status);
const retry = (count: number, error: unknown) => !final(error) && count < 2;

/** The comments on the draft the actor may see, oldest first, page by page; the draft's settings come with each page. */
export function useComments(documentId: string, filters: CommentFilters, enabled = true) {
  const limit = filters.mine ? OWN_PAGE_SIZE : PAGE_SIZE;
  return useInfiniteQuery({
    queryKey: feedbackKeys.comments(documentId, filters),
    queryFn: ({ pageParam, signal }) =>
      api.get<CommentPage>(
        `/documents/${documentId}/comments`,
        // "" (the whole draft) would be left out of the address: a space, which the API trims to "".
        { mine: filters.mine ? "true" : undefined, status: filters.status, unitId: filters.unitId, section: filters.section === "" ? " " : filters.section, cursor: pageParam, limit },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: enabled && documentId !== "",
    retry,
  });
}

/**
 * After any change the draft's lists, counts and summaries may all differ: ask again. The mutation
 * ends once they are back, so what the screen then announces matches what it shows.
 */
function useRefreshDraft(documentId: string) {
  const queryClient = useQueryClient();
  return () => queryClient.invalidateQueries({ queryKey: feedbackKeys.draft(documentId) });
}

export function useCreateComment(documentId: string) {
  const refresh = useRefreshDraft(documentId);
  return useMutation({
    /** `idempotencyKey`: the same for every attempt to send the same comment. */
    mutationFn: ({ body, idempotencyKey }: { body: CommentInput; idempotencyKey: string }) =>
      api.post<z.infer<typeof CommentEnvelope>>(`/documents/${documentId}/comments`, body, { "idempotency-key": idempotencyKey }),
    onSuccess: refresh,
  });
}

export function useUpdateComment(documentId: string) {
  const refresh = useRefreshDraft(documentId);
  return useMutation({
    mutationFn: ({ id, ...body }: CommentInput & { id: string }) => api.patch<z.infer<typeof CommentEnvelope>>(`/documents/comments/${id}`, body),
    onSuccess: refresh,
  });
}

export function useDeleteComment(documentId: string) {
  const refresh = useRefreshDraft(documentId);
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/documents/comments/${id}`),
    onSuccess: refresh,
  });
}

/** The committee's answer to a comment; sent again, it replaces the previous one. */
export function useReply(documentId: string) {
  const refresh = useRefreshDraft(documentId);
  return useMutation({
    mutationFn: ({ id, ...body }: ReplyBody & { id: string }) => api.post<z.infer<typeof CommentEnvelope>>(`/documents/comments/${id}/reply`, body),
    onSuccess: refresh,
  });
}

/**
 * One unit's feedback on the draft ("" for the highest unit the actor answers for); asked again
 * every two seconds while the unit's summary files are being made.
 */
export function useOverview(documentId: string, unitId: string) {
  return useQuery({
    queryKey: feedbackKeys.overview(documentId, unitId),
    queryFn: ({ signal }) => api.get<OverviewResponse>(`/documents/${documentId}/feedback`, { unitId }, signal),
    enabled: documentId !== "",
    retry,
    refetchInterval: (query) => (query.state.data?.data.summary?.generation === "queued" ? 2000 : false),
  });
}

type SummaryResponse = z.infer<typeof SummaryEnvelope>;
const summaryPath = (unitId: string, documentId: string) => `/units/${unitId}/documents/${documentId}/feedback`;

/** POST …/feedback/summary: the files are made in the background (generation "queued", then "done"). */
export function useGenerateSummary(documentId: string) {
  const refresh = useRefreshDraft(documentId);
  return useMutation({
    mutationFn: (unitId: string) => api.post<SummaryResponse>(`${summaryPath(unitId, documentId)}/summary`),
    onSuccess: refresh,
  });
}

/** POST …/feedback/forward: the unit's up-to-date summary goes to the unit above. */
export function useForwardSummary(documentId: string) {
  const refresh = useRefreshDraft(documentId);
  return useMutation({
    mutationFn: (unitId: string) => api.post<SummaryResponse>(`${summaryPath(unitId, documentId)}/forward`),
    onSuccess: refresh,
  });
}

/** Where a unit's summary file downloads from (an authorised endpoint, with the session cookie). */
export const summaryFileUrl = (unitId: string, documentId: string, format: SummaryFormat) => `/api${summaryPath(unitId, documentId)}/summary/${format}`;
