import type { FastifyInstance } from "fastify";
import client from "prom-client";
import type { Env } from "../env";

/**
 * Prometheus metrics at /metrics: process defaults plus request durations by route and status.
 * Reachable from the machine itself (127.0.0.1/::1) only, since it is meant for a local scraper.
 */
export function registerMetrics(app: FastifyInstance, env: Env): void {
  const registry = new client.Registry();
  if (env.NODE_ENV !== "test") client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  app.addHook("onResponse", async (req, reply) => {
    duration.observe(
      { method: req.method, route: req.routeOptions.url ?? "unmatched", status: String(reply.statusCode) },
      reply.elapsedTime / 1000,
    );
  });
  app.get("/metrics", { config: { policy: "public" }, schema: { hide: true } }, async (req, reply) => {
    const local = req.ip === "127.0.0.1" || req.ip === "::1" || req.ip === "::ffff:127.0.0.1";
    if (!local) return reply.status(404).send({ error: { code: "not_found", message: "Not found" } });
    return reply.header("content-type", registry.contentType).send(await registry.metrics());
  });
}
