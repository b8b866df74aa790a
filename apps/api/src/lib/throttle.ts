/**
 * Counts attempts per key in fixed windows. In one process the counters live in memory; issue #3
 * adds a Redis-backed store behind the same interface so several app processes share them.
 */
export interface Throttle {
  /** Counts one attempt for `key`; returns the seconds to wait when the limit is exceeded, else 0. */
  hit(key: string): number;
  /** Seconds to wait for `key` without counting an attempt, 0 when free. */
  peek(key: string): number;
  reset(key: string): void;
}

export function memoryThrottle(limit: number, windowMs: number, now: () => number = Date.now): Throttle {
  const windows = new Map<string, { count: number; resetAt: number }>();
  const sweep = () => {
    const t = now();
    for (const [key, w] of windows) if (w.resetAt <= t) windows.delete(key);
  };
  const timer = setInterval(sweep, Math.max(windowMs, 10_000));
  timer.unref();
  const current = (key: string) => {
    const w = windows.get(key);
    return w && w.resetAt > now() ? w : undefined;
  };
  return {
    hit(key) {
      let w = current(key);
      if (!w) {
        w = { count: 0, resetAt: now() + windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > limit ? (w.resetAt - now()) / 1000 : 0;
    },
    peek(key) {
      const w = current(key);
      return w && w.count >= limit ? (w.resetAt - now()) / 1000 : 0;
    },
    reset(key) {
      windows.delete(key);
    },
  };
}
