import type { ServerResponse } from "node:http";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../lib/http";
import type { LiveMessage } from "../../lib/live";
import * as notificationsRepo from "../notifications/notifications.repo";

const HEARTBEAT_MS = 25_000;
/** Open streams per account (tabs, devices); the oldest is closed beyond this. */
const MAX_STREAMS_PER_ACCOUNT = 8;

const frame = (event: string, data: unknown) => `event: ${event}\ndata: ${JSON.stringify(data)}\n\n`;

/**
 * Server-Sent Events: each signed-in account gets the events published for it on the live bus,
 * from this process or (with Redis) any other. `notification` carries the account's unread count.
 */
export const liveRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, live } = app.deps;
  /** Open streams per account, each with the session that opened it. */
  const streams = new Map<string, Map<ServerResponse, string>>();

  /** What each account receives for one message; the inbox count is read once for all local recipients. */
  async function deliver(message: LiveMessage): Promise<void> {
    const here = message.accountIds.filter((id) => streams.has(id));
    if (here.length === 0) return;
    const counts = message.event === "notification" ? await notificationsRepo.unreadCounts(db, here) : null;
    for (const id of here) {
      const text = frame(message.event, counts ? { unread: counts.get(id) ?? 0 } : (message.data ?? {}));
      for (const [res, sessionId] of streams.get(id) ?? []) {
        if (message.sessionIds && !message.sessionIds.includes(sessionId)) continue;
        res.write(text);
        if (message.close) res.end();
      }
    }
  }
  const unsubscribe = live.subscribe((message) => void deliver(message).catch((error: unknown) => app.log.error(error, "live delivery failed")));

  // Proxies drop idle connections; a comment line every ~25 s keeps the stream open.
  const heartbeat = setInterval(() => {
    for (const set of streams.values()) for (const res of set.keys()) res.write(": heartbeat\n\n");
  }, HEARTBEAT_MS);
  heartbeat.unref();

  // Open streams never finish by themselves: end them so closing the app does not wait for them.
  app.addHook("preClose", async () => {
    clearInterval(heartbeat);
    unsubscribe();
    for (const set of streams.values()) for (const res of set.keys()) res.end();
    streams.clear();
  });

  app.get(
    "/events/stream",
    { config: { policy: "session" }, schema: { tags: ["live"], summary: "Server-Sent Events for the signed-in account (text/event-stream)" } },
    async (req, reply) => {
      const { accountId } = actorOf(req);
      const sessionId = req.session!.id;
      const unread = await notificationsRepo.unreadCount(db, accountId);
      reply.hijack();
      const res = reply.raw;
      res.writeHead(200, {
        ...(reply.getHeaders() as Record<string, string>),
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-store",
        connection: "keep-alive",
        "x-accel-buffering": "no",
      });
      res.write(frame("notification", { unread }));
      const set = streams.get(accountId) ?? new Map<ServerResponse, string>();
      streams.set(accountId, set);
      set.set(res, sessionId);
      if (set.size > MAX_STREAMS_PER_ACCOUNT) {
        const oldest = set.keys().next().value!;
        set.delete(oldest);
        oldest.end();
      }
      req.raw.on("close", () => {
        set.delete(res);
        if (set.size === 0 && streams.get(accountId) === set) streams.delete(accountId);
      });
    },
  );
};
