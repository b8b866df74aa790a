import { EventEmitter } from "node:events";
import { Redis } from "ioredis";

/** A message for live clients: which accounts it concerns and what happened. */
export interface LiveMessage {
  /** What the browser receives as the SSE `event:` name, e.g. `notification`. */
  event: string;
  accountIds: string[];
  data?: Record<string, unknown>;
  /** Only the streams opened by these sessions (all of the accounts' streams when absent). */
  sessionIds?: string[];
  /** End the streams after this message (their session is over). */
  close?: boolean;
}

type Listener = (message: LiveMessage) => void;

/**
 * Publish/subscribe for live updates. In process by default; with Redis, a message published by
 * any process (a worker writing notifications) reaches subscribers in every process, the
 * publisher's included (it receives its own message back through Redis, exactly once).
 */
export interface LiveBus {
  publish(message: LiveMessage): Promise<void>;
  subscribe(listener: Listener): () => void;
  close(): Promise<void>;
}

const CHANNEL = "sotay:live";

export function memoryBus(): LiveBus {
  const emitter = new EventEmitter();
  emitter.setMaxListeners(0);
  return {
    publish: async (message) => {
      emitter.emit("message", message);
    },
    subscribe: (listener) => {
      emitter.on("message", listener);
      return () => emitter.off("message", listener);
    },
    close: async () => {
      emitter.removeAllListeners();
    },
  };
}

/** Resolves once both Redis connections are up and the channel is subscribed; throws if Redis does not answer. */
export async function redisBus(url: string): Promise<LiveBus> {
  const options = { lazyConnect: true, maxRetriesPerRequest: 2, connectTimeout: 3_000 };
  const pub = new Redis(url, options);
  const sub = new Redis(url, options);
  // Reconnection is ioredis's job; an error event without a listener would crash the process.
  pub.on("error", () => undefined);
  sub.on("error", () => undefined);
  try {
    await Promise.all([pub.connect(), sub.connect()]);
    await sub.subscribe(CHANNEL);
  } catch (error) {
    pub.disconnect();
    sub.disconnect();
    throw error;
  }
  const local = memoryBus();
  sub.on("message", (_channel: string, text: string) => {
    try {
      void local.publish(JSON.parse(text) as LiveMessage);
    } catch {
      // not ours: ignore
    }
  });
  return {
    publish: async (message) => {
      await pub.publish(CHANNEL, JSON.stringify(message));
    },
    subscribe: local.subscribe,
    close: async () => {
      await local.close();
      await Promise.allSettled([pub.quit(), sub.quit()]);
    },
  };
}

/** Redis when a URL is given, else in process. */
export const createLiveBus = (redisUrl: string | undefined): Promise<LiveBus> => (redisUrl ? redisBus(redisUrl) : Promise.resolve(memoryBus()));

/**
 * Tells the streams of ended sessions (in every process) that they are signed out, and closes
 * them. Best effort: a stream that misses it fails its next request with 401 anyway.
 */
export async function endStreams(live: LiveBus, accountId: string, sessionIds: string[]): Promise<void> {
  if (sessionIds.length === 0) return;
  await live
    .publish({ event: "signed-out", accountIds: [accountId], sessionIds, close: true, data: { reason: "session_revoked" } })
    .catch(() => undefined);
}
