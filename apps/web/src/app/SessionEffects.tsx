import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { setAuthErrorHandler, setCsrfToken } from "../api/client";
import { applyLanguage } from "../i18n";
import { clearUserData } from "./clearUserData";
import { applyLargeText } from "./preferences";
import { SESSION_KEY, useSession } from "./session";

/**
 * Keeps the browser in step with the session: CSRF token, the account's language and text size,
 * and what a 401 from any call means (session over: forget the user's data; second factor owed:
 * re-read the session so the guards send the user to the right screen).
 */
export function SessionEffects() {
  const queryClient = useQueryClient();
  const { session } = useSession();
  const language = session?.account.language;
  const largeText = session?.account.largeText;

  useEffect(() => {
    setCsrfToken(session?.csrfToken ?? null);
  }, [session?.csrfToken]);

  useEffect(() => {
    if (language) applyLanguage(language);
  }, [language]);

  useEffect(() => {
    if (largeText !== undefined) applyLargeText(largeText);
  }, [largeText]);

  useEffect(() => {
    setAuthErrorHandler((error) => {
      if (!queryClient.getQueryData(SESSION_KEY)) return;
      if (error.code === "mfa_required") void queryClient.invalidateQueries({ queryKey: SESSION_KEY });
      else void clearUserData(queryClient);
    });
    return () => setAuthErrorHandler(null);
  }, [queryClient]);

  return null;
}
