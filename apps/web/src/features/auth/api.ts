import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { useNavigate } from "react-router-dom";
import type { z } from "zod";
import type { ActivateBody, LoginBody, TotpCodeBody, TotpSetupEnvelope } from "@party/shared/schemas/auth";
import { api } from "../../api/client";
import { clearUserData } from "../../app/clearUserData";
import { SESSION_KEY, type SessionResponse, useStoreSession } from "../../app/session";
import { forgetPushBeforeLogout } from "../notifications/push";

export type TotpSetup = z.infer<typeof TotpSetupEnvelope>["data"];

/** POST /auth/login; on success the session is stored and the guards move on. */
export function useLogin() {
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (body: LoginBody) => api.post<SessionResponse>("/auth/login", body),
    onSuccess: ({ data }) => storeSession(data),
  });
}

/** POST /auth/activate (first activation or password reset with a code); logs in. */
export function useActivate() {
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (body: ActivateBody) => api.post<SessionResponse>("/auth/activate", body),
    onSuccess: ({ data }) => storeSession(data),
  });
}

/** POST /auth/totp/setup: a new secret and its QR code (not active until a code is verified). */
export function useTotpSetup() {
  return useMutation({ mutationFn: () => api.post<{ data: TotpSetup }>("/auth/totp/setup").then((r) => r.data) });
}

/** POST /auth/totp/verify: completes enrolment or the login's second step. */
export function useTotpVerify() {
  const storeSession = useStoreSession();
  return useMutation({
    mutationFn: (body: TotpCodeBody) => api.post<SessionResponse>("/auth/totp/verify", body),
    onSuccess: ({ data }) => storeSession(data),
  });
}

/**
 * Logs out: drops this device's push subscription (best effort, briefly: never holds the logout
 * up), revokes the session on the server (if it still exists), goes to /login and forgets every
 * piece of the user's data kept in the browser.
 */
export function useLogout() {
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [busy, setBusy] = useState(false);
  const logout = async () => {
    setBusy(true);
    await forgetPushBeforeLogout();
    try {
      await api.post("/auth/logout");
    } catch {
      // Already logged out or offline: the local data is cleared all the same.
    }
    // Same tick: the guards see "no session" together with the new location.
    queryClient.setQueryData(SESSION_KEY, null);
    navigate("/login", { replace: true });
    await clearUserData(queryClient);
  };
  return { logout, busy };
}
