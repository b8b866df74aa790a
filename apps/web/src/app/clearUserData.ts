import type { QueryClient } from "@tanstack/react-query";
import { setCsrfToken } from "../api/client";
import { savedDocuments } from "../features/documents/savedStore";
import { deleteAllSaved } from "../features/news/savedStore";
import { SESSION_KEY } from "./session";

/** Keys of this prefix hold a user's data in localStorage; device preferences (`sotay.pref.*`) stay. */
const USER_PREFIX = "sotay.user.";

/**
 * Forgets everything of the user who was logged in: the query cache, the CSRF token, session
 * storage, user keys in local storage, the articles and documents saved for offline reading (of
 * every account on this device, with their pictures and files) and every Cache Storage cache except the service worker's
 * precache (which holds only the public app shell). The session is marked as gone first.
 */
export async function clearUserData(queryClient: QueryClient): Promise<void> {
  // The session goes first and synchronously, so the guards react before anything else runs.
  setCsrfToken(null);
  queryClient.setQueryData(SESSION_KEY, null);
  const notSession = { predicate: (q: { queryKey: readonly unknown[] }) => q.queryKey[0] !== SESSION_KEY[0] };
  await queryClient.cancelQueries(notSession);
  queryClient.removeQueries(notSession);
  queryClient.getMutationCache().clear();
  try {
    sessionStorage.clear();
    for (const key of Object.keys(localStorage)) if (key.startsWith(USER_PREFIX)) localStorage.removeItem(key);
  } catch {
    // storage disabled: nothing stored there
  }
  try {
    await Promise.all([deleteAllSaved(), savedDocuments.removeAll()]);
  } catch {
    // IndexedDB unavailable (some private modes): nothing was saved
  }
  if (typeof caches !== "undefined") {
    try {
      const names = await caches.keys();
      await Promise.all(names.filter((name) => !name.startsWith("workbox-precache")).map((name) => caches.delete(name)));
    } catch {
      // Cache Storage unavailable (insecure context): nothing cached
    }
  }
}
