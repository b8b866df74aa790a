import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { apiUrl } from "../../api/client";
import { SESSION_KEY } from "../../app/session";
import { invalidateInbox, notificationKeys } from "./api";
import { syncPushSubscription } from "./push";

/** After the server refuses the stream (the browser then stops retrying), wait this long, doubling up to the maximum. */
const RETRY_MIN_MS = 5_000;
const RETRY_MAX_MS = 120_000;

function parse(data: unknown): Record<string, unknown> | null {
  try {
    const value: unknown = JSON.parse(String(data));
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}

/**
 * One Server-Sent Events stream per tab while `accountId` is signed in (mount it once, in the
 * logged-in layout). `notification` carries the unread count: it replaces the cached count and the
 * inbox lists are re-read. `signed-out` means this session was ended elsewhere: the stream closes
 * and the session is re-read, which leads to the login page. The browser reconnects after network
 * drops by itself; a refused stream (401, 5xx) is retried here with back-off after re-checking the
 * session. Closed on unmount (logout).
 */
export function useLiveNotifications(accountId: string | null): void {
  const queryClient = useQueryClient();

  useEffect(() => {
    if (!accountId || typeof EventSource === "undefined") return;
    let source: EventSource | null = null;
    let retryTimer: ReturnType<typeof setTimeout> | undefined;
    let retryDelay = RETRY_MIN_MS;
    let stopped = false;

    const stop = () => {
      stopped = true;
      clearTimeout(retryTimer);
      source?.close();
      source = null;
    };

    const open = () => {
      if (stopped) return;
      const stream = new EventSource(apiUrl("/events/stream"));
      source = stream;
      let firstEvent = true;
      stream.addEventListener("open", () => {
        retryDelay = RETRY_MIN_MS;
        firstEvent = true;
      });
      stream.addEventListener("notification", (event) => {
        const unread = parse((event as MessageEvent).data)?.unread;
        if (typeof unread === "number" && Number.isFinite(unread)) {
          const previous = queryClient.getQueryData<number>(notificationKeys.unread);
          queryClient.setQueryData(notificationKeys.unread, unread);
          // The first event of a connection only states the count: the lists are re-read if it moved.
          // Later events each mean the inbox changed (new items, or read marks made elsewhere).
          if (!firstEvent || previous !== unread) void invalidateInbox(queryClient);
          firstEvent = false;
        } else {
          void queryClient.invalidateQueries({ queryKey: notificationKeys.unread });
        }
      });
      stream.addEventListener("signed-out", () => {
        stop();
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      });
      stream.addEventListener("error", () => {
        if (stream.readyState !== EventSource.CLOSED || stopped) return; // the browser is reconnecting
        source = null;
        void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
        retryTimer = setTimeout(open, retryDelay);
        retryDelay = Math.min(retryDelay * 2, RETRY_MAX_MS);
      });
    };

    open();
    return stop;
  }, [accountId, queryClient]);

  useEffect(() => {
    if (accountId) void syncPushSubscription(accountId);
  }, [accountId]);
}
