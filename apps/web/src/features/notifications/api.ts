import { type InfiniteData, type QueryClient, useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type {
  AnnouncementAcceptedEnvelope,
  AnnouncementBody,
  NotificationDto,
  NotificationEnvelope,
  NotificationListEnvelope,
  NotificationPreferencesEnvelope,
  UnreadCountEnvelope,
  UpdateNotificationPreferencesBody,
} from "@party/shared/schemas/notifications";
import { api } from "../../api/client";

export type NotificationList = z.infer<typeof NotificationListEnvelope>;
export type NotificationPreferences = z.infer<typeof NotificationPreferencesEnvelope>["data"];
export type { NotificationDto } from "@party/shared/schemas/notifications";

const PAGE_SIZE = 20;
/** How many of the newest notifications the home page shows. */
export const LATEST_COUNT = 3;

export const notificationKeys = {
  unread: ["notifications", "unread"] as const,
  list: ["notifications", "list"] as const,
  latest: ["notifications", "latest"] as const,
  preferences: ["notifications", "preferences"] as const,
};

/** Re-reads the inbox lists (not the count, which the live stream sets, nor the preferences). */
export function invalidateInbox(queryClient: QueryClient): Promise<void> {
  return queryClient.invalidateQueries({
    predicate: (q) => q.queryKey[0] === "notifications" && (q.queryKey[1] === "list" || q.queryKey[1] === "latest"),
  });
}

/** The account's unread count; kept live by the event stream (useLiveNotifications). */
export function useUnreadCount() {
  return useQuery({
    queryKey: notificationKeys.unread,
    queryFn: ({ signal }) => api.get<z.infer<typeof UnreadCountEnvelope>>("/notifications/unread-count", undefined, signal).then((r) => r.data.unread),
    staleTime: 60_000,
  });
}

/** The inbox, newest first, page by page (keyset cursor). */
export function useInbox() {
  return useInfiniteQuery({
    queryKey: notificationKeys.list,
    queryFn: ({ pageParam, signal }) => api.get<NotificationList>("/notifications", { cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
  });
}

/** The few newest notifications (home page, and whether there is anything at all). */
export function useLatestNotifications() {
  return useQuery({
    queryKey: notificationKeys.latest,
    queryFn: ({ signal }) => api.get<NotificationList>("/notifications", { limit: LATEST_COUNT }, signal).then((r) => r.data),
  });
}

/** Applies `change` to every cached copy of the inbox (paged list and the home page's newest). */
function patchCachedNotifications(queryClient: QueryClient, change: (n: NotificationDto) => NotificationDto): void {
  queryClient.setQueryData<InfiniteData<NotificationList>>(notificationKeys.list, (old) =>
    old ? { ...old, pages: old.pages.map((page) => ({ ...page, data: page.data.map(change) })) } : old,
  );
  queryClient.setQueryData<NotificationDto[]>(notificationKeys.latest, (old) => old?.map(change));
}

/**
 * POST /notifications/:id/read. The item and the count change at once (the stream confirms the
 * count a moment later); on failure both are re-read.
 */
export function useMarkRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (notification: NotificationDto) =>
      api.post<z.infer<typeof NotificationEnvelope>>(`/notifications/${notification.id}/read`).then((r) => r.data),
    onMutate: (notification) => {
      if (notification.readAt) return;
      const now = new Date().toISOString();
      patchCachedNotifications(queryClient, (n) => (n.id === notification.id && !n.readAt ? { ...n, readAt: now } : n));
      queryClient.setQueryData<number>(notificationKeys.unread, (old) => (old === undefined ? old : Math.max(0, old - 1)));
    },
    onSuccess: (read) => patchCachedNotifications(queryClient, (n) => (n.id === read.id ? read : n)),
    onError: () => {
      void invalidateInbox(queryClient);
      void queryClient.invalidateQueries({ queryKey: notificationKeys.unread });
    },
  });
}

/** POST /notifications/read-all. */
export function useMarkAllRead() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ ok: true }>("/notifications/read-all"),
    onSuccess: () => {
      const now = new Date().toISOString();
      patchCachedNotifications(queryClient, (n) => (n.readAt ? n : { ...n, readAt: now }));
      queryClient.setQueryData(notificationKeys.unread, 0);
      void invalidateInbox(queryClient);
    },
  });
}

/** GET /me/notification-preferences: which types are pushed, quiet hours, how many devices receive push. */
export function useNotificationPreferences() {
  return useQuery({
    queryKey: notificationKeys.preferences,
    queryFn: ({ signal }) => api.get<z.infer<typeof NotificationPreferencesEnvelope>>("/me/notification-preferences", undefined, signal).then((r) => r.data),
  });
}

/** PATCH /me/notification-preferences; the answer replaces the cached preferences. */
export function useUpdateNotificationPreferences() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: UpdateNotificationPreferencesBody) =>
      api.patch<z.infer<typeof NotificationPreferencesEnvelope>>("/me/notification-preferences", body).then((r) => r.data),
    onSuccess: (preferences) => queryClient.setQueryData(notificationKeys.preferences, preferences),
  });
}

/** POST /units/:id/announcements: queued (202); members of the subtree find it in their inbox a moment later. */
export function useAnnounce(unitId: string) {
  return useMutation({
    mutationFn: (body: AnnouncementBody) =>
      api.post<z.infer<typeof AnnouncementAcceptedEnvelope>>(`/units/${unitId}/announcements`, body).then((r) => r.data),
  });
}
