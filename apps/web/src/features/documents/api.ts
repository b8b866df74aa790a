import { type InfiniteData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  CreateDocumentBody,
  DocumentEnvelope,
  DocumentLevel,
  DocumentListEnvelope,
  DocumentType,
  FileTextEnvelope,
  NoteEnvelope,
  NoteListEnvelope,
  OpensEnvelope,
  PreviewEnvelope,
  UpdateDocumentBody,
  UploadEnvelope,
  VersionListEnvelope,
} from "@party/shared/schemas/documents";
import { api, uploadWithProgress } from "../../api/client";
import { isApiError } from "../../api/errors";

export type DocumentResponse = z.infer<typeof DocumentEnvelope>;
export type DocumentListPage = z.infer<typeof DocumentListEnvelope>;
export type DocumentHit = DocumentListPage["data"][number];
export type FileText = z.infer<typeof FileTextEnvelope>["data"];
export type Opens = z.infer<typeof OpensEnvelope>["data"];
export type { DocumentDto, DocumentFileDto, DocumentFormat, DocumentLevel, DocumentSummaryDto, DocumentType, NoteDto, UploadDto, VersionDto } from "@party/shared/schemas/documents";

const PAGE_SIZE = 20;
/** How many of each level's newest documents the library's home shows. */
export const LIBRARY_SECTION_SIZE = 3;

/** What the list and search take (GET /api/documents), as kept in the address. */
export interface DocumentFilters {
  q?: string;
  type?: DocumentType;
  level?: DocumentLevel;
  issuer?: string;
  year?: number;
  unitId?: string;
  bookmarked?: boolean;
}

export type DeskStatus = "all" | "active" | "withdrawn";

export const documentKeys = {
  all: ["documents"] as const,
  lists: ["documents", "list"] as const,
  list: (f: DocumentFilters, size: number) =>
    ["documents", "list", f.q ?? "", f.type ?? "", f.level ?? "", f.issuer ?? "", f.year ?? "", f.unitId ?? "", f.bookmarked ? "bookmarked" : "", size] as const,
  one: (id: string) => ["documents", "document", id] as const,
  text: (id: string, position: number) => ["documents", "document", id, "text", position] as const,
  preview: (id: string, position: number) => ["documents", "document", id, "preview", position] as const,
  notes: (id: string) => ["documents", "document", id, "notes"] as const,
  versions: (id: string) => ["documents", "document", id, "versions"] as const,
  opens: (id: string) => ["documents", "document", id, "opens"] as const,
  desk: (unitId: string, status: DeskStatus) => ["documents", "desk", unitId, status] as const,
};

/** The URL of a document's file (bytes, Range supported; PDFs and pictures shown inline). */
export const fileUrl = (documentId: string, position: number) => `/api/documents/${documentId}/files/${position}`;

/** An unknown or unreadable document (404), or an id that cannot be one (the API refuses it with 400). */
export const isNotFound = (error: unknown) => isApiError(error) && (error.status === 404 || (error.status === 400 && error.code === "validation_failed"));

/** The documents the member may read, newest first, or ranked by `q`; page by page ("Xem thêm"). */
export function useDocumentList(filters: DocumentFilters, size = PAGE_SIZE, enabled = true) {
  return useInfiniteQuery({
    queryKey: documentKeys.list(filters, size),
    queryFn: ({ pageParam, signal }) =>
      api.get<DocumentListPage>(
        "/documents",
        {
          q: filters.q,
          type: filters.type,
          level: filters.level,
          issuer: filters.issuer,
          year: filters.year,
          unitId: filters.unitId,
          bookmarked: filters.bookmarked ? "true" : undefined,
          cursor: pageParam,
          limit: size,
        },
        signal,
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled,
  });
}

/** One document with its files and the actor's abilities; nothing is fetched for an empty id. */
export function useDocument(id: string) {
  return useQuery({
    queryKey: documentKeys.one(id),
    queryFn: ({ signal }) => api.get<DocumentResponse>(`/documents/${id}`, undefined, signal),
    enabled: id !== "",
  });
}

/** A file's extracted text, page by page; asked again every few seconds while the extraction runs. */
export function useFileText(id: string, position: number, enabled = true) {
  return useQuery({
    queryKey: documentKeys.text(id, position),
    queryFn: ({ signal }) => api.get<{ data: FileText }>(`/documents/${id}/files/${position}/text`, undefined, signal).then((r) => r.data),
    enabled: enabled && id !== "",
    refetchInterval: (query) => (query.state.data?.status === "pending" ? 5000 : false),
    staleTime: 5 * 60_000,
  });
}

/** A DOCX file as sanitised HTML. */
export function usePreview(id: string, position: number, enabled = true) {
  return useQuery({
    queryKey: documentKeys.preview(id, position),
    queryFn: ({ signal }) => api.get<z.infer<typeof PreviewEnvelope>>(`/documents/${id}/files/${position}/preview`, undefined, signal).then((r) => r.data.html),
    enabled: enabled && id !== "",
    staleTime: 5 * 60_000,
  });
}

/** Sets `bookmarked` on every cached copy of the document: lists and the document itself. */
function setCachedBookmark(queryClient: QueryClient, id: string, bookmarked: boolean): void {
  const change = <T extends { id: string; bookmarked: boolean }>(item: T): T => (item.id === id ? { ...item, bookmarked } : item);
  queryClient.setQueriesData<InfiniteData<DocumentListPage>>({ queryKey: documentKeys.lists }, (old) =>
    old ? { ...old, pages: old.pages.map((page) => ({ ...page, data: page.data.map(change) })) } : old,
  );
  queryClient.setQueryData<DocumentResponse>(documentKeys.one(id), (old) => (old ? { ...old, data: change(old.data) } : old));
}

/** PUT or DELETE /documents/:id/bookmark; the cached copies follow, and the bookmarks list is asked again. */
export function useSetBookmark(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (bookmarked: boolean) => (bookmarked ? api.put<{ ok: true }>(`/documents/${id}/bookmark`) : api.delete<{ ok: true }>(`/documents/${id}/bookmark`)),
    onSuccess: (_ok, bookmarked) => {
      setCachedBookmark(queryClient, id, bookmarked);
      void queryClient.invalidateQueries({ queryKey: documentKeys.lists, predicate: (q) => q.queryKey[8] === "bookmarked" });
    },
  });
}

/** The member's own notes on the document, oldest first. */
export function useNotes(id: string, enabled = true) {
  return useQuery({
    queryKey: documentKeys.notes(id),
    queryFn: ({ signal }) => api.get<z.infer<typeof NoteListEnvelope>>(`/documents/${id}/notes`, undefined, signal).then((r) => r.data),
    enabled: enabled && id !== "",
  });
}

export function useAddNote(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { page: number | null; body: string }) => api.post<z.infer<typeof NoteEnvelope>>(`/documents/${documentId}/notes`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: documentKeys.notes(documentId) }),
  });
}

export function useUpdateNote(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, ...body }: { id: string; page: number | null; body: string }) => api.patch<z.infer<typeof NoteEnvelope>>(`/documents/notes/${id}`, body),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: documentKeys.notes(documentId) }),
  });
}

export function useDeleteNote(documentId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (id: string) => api.delete<{ ok: true }>(`/documents/notes/${id}`),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: documentKeys.notes(documentId) }),
  });
}

// ---- the publishing side ----

/** A unit's own documents for its staff (withdrawn ones included unless filtered), newest first. */
export function useDeskDocuments(unitId: string, status: DeskStatus) {
  return useInfiniteQuery({
    queryKey: documentKeys.desk(unitId, status),
    queryFn: ({ pageParam, signal }) => api.get<DocumentListPage>(`/units/${unitId}/documents`, { status, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    enabled: unitId !== "",
    retry: (count, error) => !(isApiError(error) && (error.status === 403 || error.status === 404)) && count < 2,
  });
}

/** Every cached list and document may have changed after a publication, an edit or a withdrawal. */
const refreshAll = (queryClient: QueryClient) => queryClient.invalidateQueries({ queryKey: documentKeys.all });

export function useCreateDocument(unitId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateDocumentBody) => api.post<DocumentResponse>(`/units/${unitId}/documents`, body),
    onSuccess: (response) => {
      queryClient.setQueryData(documentKeys.one(response.data.id), response);
      void refreshAll(queryClient);
    },
  });
}

export function useUpdateDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateDocumentBody) => api.patch<DocumentResponse>(`/documents/${id}`, body),
    onSuccess: (response) => {
      queryClient.setQueryData(documentKeys.one(id), response);
      void refreshAll(queryClient);
    },
  });
}

/** DELETE /documents/:id with the reason: the document is withdrawn (kept for history). */
export function useWithdrawDocument(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (reason: string) => api.delete<DocumentResponse>(`/documents/${id}`, { reason }),
    onSuccess: (response) => {
      queryClient.setQueryData(documentKeys.one(id), response);
      void refreshAll(queryClient);
    },
  });
}

export function useVersions(id: string, enabled: boolean) {
  return useQuery({
    queryKey: documentKeys.versions(id),
    queryFn: ({ signal }) => api.get<z.infer<typeof VersionListEnvelope>>(`/documents/${id}/versions`, undefined, signal).then((r) => r.data),
    enabled: enabled && id !== "",
  });
}

export function useOpens(id: string, enabled: boolean) {
  return useQuery({
    queryKey: documentKeys.opens(id),
    queryFn: ({ signal }) => api.get<z.infer<typeof OpensEnvelope>>(`/documents/${id}/opens`, undefined, signal).then((r) => r.data),
    enabled: enabled && id !== "",
  });
}

/**
 * Uploads one file (its bytes as the body), the uploader having confirmed it is not classified.
 * Resolves with the upload; rejects with ApiError (413 too large, 415 or 422 with `details.reason`).
 */
export function uploadDocumentFile(file: File, onProgress: (fraction: number) => void, signal?: AbortSignal) {
  return uploadWithProgress<z.infer<typeof UploadEnvelope>>("/documents/uploads", { name: file.name, notClassified: "true" }, file, onProgress, signal).then((r) => r.data);
}
