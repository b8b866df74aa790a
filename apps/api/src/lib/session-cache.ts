import pg from "pg";
import type * as sessionsRepo from "../modules/auth/sessions.repo";

export type SessionWithActor = NonNullable<Awaited<ReturnType<typeof sessionsRepo.findLiveWithActor>>>;

/** The channel the triggers of migration 202611281300 notify on. */
export const AUTH_CHANNEL = "sotay_auth";

/**
 * Sessions with their actor, kept in this process for a few seconds so an authenticated request
 * needs no query for them. Correct only while this process hears the database's change
 * notifications (see listenForAuthChanges): until it does, and whenever that connection is lost,
 * it holds nothing and every request reads the database.
 */
export class SessionCache {
  private readonly entries = new Map<string, { value: SessionWithActor; expires: number }>();
  private readonly byAccount = new Map<string, Set<string>>();
  /** True while the notifications arrive; set by the listener. */
  listening = false;

  constructor(
    readonly ttlMs: number,
    private readonly maxEntries = 50_000,
  ) {}

  get(sessionId: string, now = Date.now()): SessionWithActor | undefined {
    if (!this.listening) return undefined;
    const hit = this.entries.get(sessionId);
    if (!hit) return undefined;
    const { session } = hit.value;
    if (hit.expires <= now || session.idleExpiresAt.getTime() <= now || session.absoluteExpiresAt.getTime() <= now) {
      this.dropSession(sessionId);
      return undefined;
    }
    return hit.value;
  }

  set(value: SessionWithActor, now = Date.now()): void {
    if (!this.listening || this.ttlMs <= 0) return;
    const { id, accountId } = value.session;
    if (this.entries.size >= this.maxEntries && !this.entries.has(id)) {
      // Oldest first out: a Map iterates in insertion order.
      this.dropSession(this.entries.keys().next().value!);
    }
    this.entries.set(id, { value, expires: now + this.ttlMs });
    let ids = this.byAccount.get(accountId);
    if (!ids) this.byAccount.set(accountId, (ids = new Set()));
    ids.add(id);
  }

  dropSession(sessionId: string): void {
    const hit = this.entries.get(sessionId);
    if (!hit) return;
    this.entries.delete(sessionId);
    const ids = this.byAccount.get(hit.value.session.accountId);
    ids?.delete(sessionId);
    if (ids?.size === 0) this.byAccount.delete(hit.value.session.accountId);
  }

  dropAccount(accountId: string): void {
    for (const id of this.byAccount.get(accountId) ?? []) this.entries.delete(id);
    this.byAccount.delete(accountId);
  }

  clear(): void {
    this.entries.clear();
    this.byAccount.clear();
  }

  get size(): number {
    return this.entries.size;
  }

  /** Applies one notification payload: `session:<id>`, `account:<id>` or `all`. */
  apply(payload: string | undefined): void {
    if (payload?.startsWith("session:")) this.dropSession(payload.slice(8));
    else if (payload?.startsWith("account:")) this.dropAccount(payload.slice(8));
    else this.clear();
  }
}

/**
 * Keeps one connection LISTENing on AUTH_CHANNEL and applies what arrives to `cache`. The cache is
 * used only while this connection is up; on loss it is emptied and switched off, and the listener
 * reconnects every few seconds. Resolves once listening (or after the first failed attempt).
 */
export async function listenForAuthChanges(
  connectionString: string,
  cache: SessionCache,
  options: { retryMs?: number; onError?: (error: Error) => void } = {},
): Promise<{ close(): Promise<void> }> {
  const retryMs = options.retryMs ?? 5_000;
  let client: pg.Client | null = null;
  let closed = false;
  let timer: NodeJS.Timeout | null = null;

  const lost = (error?: Error) => {
    cache.listening = false;
    cache.clear();
    if (error) options.onError?.(error);
    const old = client;
    client = null;
    old?.end().catch(() => undefined);
    if (!closed && !timer) {
      timer = setTimeout(() => {
        timer = null;
        void connect();
      }, retryMs);
      timer.unref();
    }
  };

  const connect = async () => {
    const next = new pg.Client({ connectionString });
    next.on("error", (error) => lost(error));
    next.on("end", () => {
      if (client === next) lost();
    });
    next.on("notification", (message) => {
      if (message.channel === AUTH_CHANNEL) cache.apply(message.payload);
    });
    try {
      await next.connect();
      await next.query(`LISTEN ${AUTH_CHANNEL}`);
      if (closed) {
        await next.end();
        return;
      }
      client = next;
      // Whatever changed while nobody listened is unknown: start empty.
      cache.clear();
      cache.listening = true;
    } catch (error) {
      next.end().catch(() => undefined);
      lost(error as Error);
    }
  };

  await connect();
  return {
    close: async () => {
      closed = true;
      if (timer) clearTimeout(timer);
      cache.listening = false;
      cache.clear();
      await client?.end().catch(() => undefined);
      client = null;
    },
  };
}
