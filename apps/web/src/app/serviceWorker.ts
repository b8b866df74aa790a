import { useSyncExternalStore } from "react";
import { registerSW } from "virtual:pwa-register";

interface SwState {
  /** A new version is installed and waits for the user to accept it. */
  needRefresh: boolean;
}

let state: SwState = { needRefresh: false };
const listeners = new Set<() => void>();
let updateSW: ((reloadPage?: boolean) => Promise<void>) | null = null;

function set(next: SwState) {
  state = next;
  for (const listener of listeners) listener();
}

/**
 * Registers the service worker (production builds only) from this module, never from an inline
 * script. It precaches the public app shell only; the API is never cached (see vite.config.ts).
 */
export function startServiceWorker(): void {
  if (import.meta.env.DEV || !("serviceWorker" in navigator)) return;
  updateSW = registerSW({ immediate: true, onNeedRefresh: () => set({ needRefresh: true }) });
}

/** Activates the waiting version and reloads the page. */
export const applyUpdate = () => void updateSW?.(true);
export const dismissUpdate = () => set({ needRefresh: false });

export function useServiceWorkerState(): SwState {
  return useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => state,
  );
}
