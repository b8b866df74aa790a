import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useCallback } from "react";
import type { ChangePasswordBody, PreferencesBody, SessionDto } from "@party/shared/schemas/auth";
import { api } from "../../api/client";
import { SESSION_KEY, type SessionResponse, useStoreSession } from "../../app/session";

/**
 * PATCH /auth/preferences. `save(body)` updates the session in the same tick as the click (so the
 * control, the language and the text size change at once), puts it back if the server refuses,
 * and keeps the server's answer when it accepts.
 */
export function useUpdatePreferences() {
  const queryClient = useQueryClient();
  const storeSession = useStoreSession();
  const mutation = useMutation({
    mutationFn: (body: PreferencesBody) => api.patch<SessionResponse>("/auth/preferences", body),
    onSuccess: ({ data }) => storeSession(data),
  });
  const { mutate } = mutation;
  const save = useCallback(
    (body: PreferencesBody) => {
      const previous = queryClient.getQueryData<SessionDto | null>(SESSION_KEY);
      if (previous) {
        const next: SessionDto = {
          ...previous,
          account: {
            ...previous.account,
            language: body.language ?? previous.account.language,
            largeText: body.largeText ?? previous.account.largeText,
          },
        };
        queryClient.setQueryData(SESSION_KEY, next);
      }
      mutate(body, {
        // Put the old preferences back, unless the session itself has ended meanwhile (401).
        onError: () => {
          if (previous && queryClient.getQueryData(SESSION_KEY)) queryClient.setQueryData(SESSION_KEY, previous);
        },
      });
    },
    [queryClient, mutate],
  );
  return { save, mutation };
}

/** POST /auth/password: the server also logs out every other session of the account. */
export function useChangePassword() {
  return useMutation({ mutationFn: (body: ChangePasswordBody) => api.post<{ ok: true }>("/auth/password", body) });
}
