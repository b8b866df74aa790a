import type { FastifyInstance } from "fastify";
import client from "prom-client";
import { sql } from "kysely";
import type { Db } from "../db/db";
import type { Env } from "../env";
import { JOBS_SCHEMA } from "./jobs";

/**
 * Prometheus metrics at /metrics: process defaults, request durations by route and status, and
 * background jobs by queue and state (read from pg-boss's table at scrape time, so jobs of every
 * worker process count; alert on `sotay_jobs{state="failed"}` rising).
 * Reachable from the machine itself (127.0.0.1/::1) only, since it is meant for a local scraper.
 */
export function registerMetrics(app: FastifyInstance, env: Env, db: Db): void {
  const registry = new client.Registry();
  if (env.NODE_ENV !== "test") client.collectDefaultMetrics({ register: registry });
  const duration = new client.Histogram({
    name: "http_request_duration_seconds",
    help: "HTTP request duration by method, route and status",
    labelNames: ["method", "route", "status"] as const,
    buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
    registers: [registry],
  });
  new client.Gauge({
    name: "sotay_jobs",
    help: "Background jobs kept by pg-boss, by queue and state (created, retry, active, completed, cancelled, failed)",
    labelNames: ["queue", "state"] as const,
    registers: [registry],
    async collect() {
      this.reset();
      const { rows } = await sql<{ name: string; state: string; n: number }>`
        SELECT name, state::text, count(*)::int AS n FROM ${sql.table(`${JOBS_SCHEMA}.job`)} GROUP BY name, state`.execute(db);
      for (const r of rows) this.set({ queue: r.name, state: r.state }, r.n);
    },
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
