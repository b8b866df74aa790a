import { type QueryClient, useQuery, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { z } from "zod";
import type { SessionDto, SessionEnvelope } from "@party/shared/schemas/auth";
import { api, setCsrfToken } from "../api/client";
import { isApiError } from "../api/errors";

export const SESSION_KEY = ["session"] as const;
export type SessionResponse = z.infer<typeof SessionEnvelope>;

/**
 * The current session, or null when nobody is logged in (today a 401; a `{ data: null }` answer is
 * read the same way). Other failures throw.
 */
export async function fetchSession(): Promise<SessionDto | null> {
  try {
    const { data } = await api.get<{ data: SessionResponse["data"] | null }>("/auth/session");
    setCsrfToken(data?.csrfToken ?? null);
    return data ?? null;
  } catch (error) {
    if (isApiError(error) && error.status === 401) {
      setCsrfToken(null);
      return null;
    }
    throw error;
  }
}

/** Stores a session the API just returned (login, activation, TOTP, preferences) as the current one. */
export function storeSession(queryClient: QueryClient, session: SessionDto | null): void {
  setCsrfToken(session?.csrfToken ?? null);
  queryClient.setQueryData(SESSION_KEY, session);
}

export interface SessionState {
  session: SessionDto | null;
  /** True only while the first answer is awaited. */
  isPending: boolean;
  /** Set when the session could not be checked at all (offline, server down) and none is known. */
  error: unknown;
  refetch: () => void;
}

export function useSession(): SessionState {
  const query = useQuery({ queryKey: SESSION_KEY, queryFn: fetchSession, staleTime: 60_000 });
  const session = query.data ?? null;
  return {
    session,
    isPending: query.isPending,
    error: query.data === undefined ? query.error : null,
    refetch: () => void query.refetch(),
  };
}

/** `(session) => void` that replaces the current session. */
export function useStoreSession() {
  const queryClient = useQueryClient();
  return useCallback((session: SessionDto | null) => storeSession(queryClient, session), [queryClient]);
}

/** Where a session that still owes the second factor must go, or null when it owes nothing. */
export function mfaPath(session: SessionDto): "/mfa/setup" | "/mfa" | null {
  if (session.mfa === "enroll") return "/mfa/setup";
  if (session.mfa === "verify") return "/mfa";
  return null;
}

/** Staff: the session holds at least one role grant (the API decides what each allows). */
export const isStaff = (session: SessionDto | null): boolean => (session?.grants.length ?? 0) > 0;
