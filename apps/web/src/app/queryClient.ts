import { QueryClient } from "@tanstack/react-query";
import { isApiError } from "../api/errors";

/** Client errors (4xx) are answers, not glitches: never retried. Network and 5xx errors get two retries. */
export const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      gcTime: 10 * 60_000,
      retry: (failureCount, error) => !(isApiError(error) && error.status >= 400 && error.status < 500) && failureCount < 2,
    },
    mutations: { retry: false },
  },
});
