import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { sql } from "kysely";
import { z } from "zod";

const Health = z.object({ status: z.enum(["ok", "unavailable"]), database: z.enum(["ok", "unavailable"]) });

export const systemRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/health",
    { config: { policy: "public" }, schema: { tags: ["system"], summary: "Liveness and database check", response: { 200: Health, 503: Health } } },
    async (_req, reply) => {
      const ok = await Promise.race([
        sql`SELECT 1`.execute(db).then(() => true, () => false),
        new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 2_000).unref()),
      ]);
      return reply.status(ok ? 200 : 503).send({ status: ok ? "ok" : "unavailable", database: ok ? "ok" : "unavailable" });
    },
  );
};
