import { createContext, useContext } from "react";
import { isApiError } from "../api/errors";
import { useSession } from "./session";

/**
 * The account whose saved articles and documents this device may show while the session cannot be checked
 * (no network). Written only while a session of that account is confirmed; a `sotay.user.` key, so
 * logout and a lapsed session (clearUserData) remove it.
 */
const READER_KEY = "sotay.user.offlineReader";

export function rememberedReader(): string | null {
  try {
    return localStorage.getItem(READER_KEY);
  } catch {
    return null;
  }
}

export function rememberReader(accountId: string): void {
  try {
    if (localStorage.getItem(READER_KEY) !== accountId) localStorage.setItem(READER_KEY, accountId);
  } catch {
    // storage disabled: offline reading then needs the session
  }
}

export function forgetReader(): void {
  try {
    localStorage.removeItem(READER_KEY);
  } catch {
    // storage disabled: nothing remembered
  }
}

/** The server could not be reached (no network, or a gateway or server that is down). */
export const isUnreachable = (error: unknown): boolean => isApiError(error) && (error.status === 0 || error.status === 502 || error.status === 503 || error.status === 504);

/** Set by the offline gate when it lets the remembered account read its saved content without a session. */
export const OfflineReaderContext = createContext<string | null>(null);

/** Whose saved content to show: the signed-in account, or offline the remembered one; null for nobody. */
export function useReaderId(): string | null {
  const { session } = useSession();
  const offlineReader = useContext(OfflineReaderContext);
  return session?.account.id ?? offlineReader;
}
