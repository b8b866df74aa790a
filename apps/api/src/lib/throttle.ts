import type { Redis } from "ioredis";

/**
 * Counts attempts per key in fixed windows. Without Redis the counters live in memory (one process);
 * with REDIS_URL every app process shares them, as the live updates do (ARCHITECTURE.md).
 */
export interface Throttle {
  /** Counts one attempt for `key`; returns the seconds to wait when the limit is exceeded, else 0. */
  hit(key: string): Promise<number>;
  /** Seconds to wait for `key` without counting an attempt, 0 when free. */
  peek(key: string): Promise<number>;
  reset(key: string): Promise<void>;
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
    async hit(key) {
      let w = current(key);
      if (!w) {
        w = { count: 0, resetAt: now() + windowMs };
        windows.set(key, w);
      }
      w.count += 1;
      return w.count > limit ? (w.resetAt - now()) / 1000 : 0;
    },
    async peek(key) {
      const w = current(key);
      return w && w.count >= limit ? (w.resetAt - now()) / 1000 : 0;
    },
    async reset(key) {
      windows.delete(key);
    },
  };
}

// One round trip per attempt: count, start the window on the first attempt, and read what is left of it.
const HIT = `local n = redis.call('INCR', KEYS[1])
if n == 1 then redis.call('PEXPIRE', KEYS[1], ARGV[1]) end
return {n, redis.call('PTTL', KEYS[1])}`;

/**
 * The same fixed windows in Redis, shared by every process. `name` keeps two throttles' keys apart.
 * While Redis does not answer, this process counts in memory instead: the limit then holds per
 * process rather than not at all.
 */
export function redisThrottle(redis: Redis, name: string, limit: number, windowMs: number): Throttle {
  const k = (key: string) => `sotay:throttle:${name}:${key}`;
  const fallback = memoryThrottle(limit, windowMs);
  return {
    async hit(key) {
      try {
        const [count, ttl] = (await redis.eval(HIT, 1, k(key), windowMs)) as [number, number];
        return count > limit ? Math.max(ttl, 0) / 1000 : 0;
      } catch {
        return fallback.hit(key);
      }
    },
    async peek(key) {
      try {
        const [count, ttl] = await Promise.all([redis.get(k(key)), redis.pttl(k(key))]);
        return Number(count ?? 0) >= limit ? Math.max(ttl, 0) / 1000 : 0;
      } catch {
        return fallback.peek(key);
      }
    },
    async reset(key) {
      await fallback.reset(key);
      await redis.del(k(key)).catch(() => undefined);
    },
  };
}
