import { randomUUID } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import fastifyStatic from "@fastify/static";
import Fastify, { type FastifyError, type FastifyInstance, type FastifyReply } from "fastify";
import {
  type ZodTypeProvider,
  hasZodFastifySchemaValidationErrors,
  isResponseSerializationError,
  serializerCompiler,
  validatorCompiler,
} from "fastify-type-provider-zod";
import { z } from "zod";
import type { Db } from "./db/db";
import { DEFAULT_DATA_DIR, type Env } from "./env";
import { createStorage, type Storage } from "./lib/storage";
import { AppError, MfaRequiredError, UnauthenticatedError, ValidationError } from "./lib/errors";
import { insertEvent } from "./lib/events";
import type { JobQueue } from "./lib/jobs";
import { type LiveBus, memoryBus } from "./lib/live";
import { metaOf } from "./lib/http";
import { registerMetrics } from "./lib/metrics";
import { findUnstorableText, normalizeDeep } from "./lib/normalize";
import { mfaStateOf, readSession, safeEqual } from "./lib/session";
import { SessionCache } from "./lib/session-cache";
import { memoryThrottle, type Throttle } from "./lib/throttle";
import { registerOpenApi } from "./lib/openapi";
import { auditRoutes } from "./modules/audit/audit.routes";
import { authRoutes } from "./modules/auth/auth.routes";
import { grantsRoutes } from "./modules/grants/grants.routes";
import { liveRoutes } from "./modules/live/live.routes";
import { membersRoutes } from "./modules/members/members.routes";
import { categoriesRoutes } from "./modules/news/categories.routes";
import { editorialRoutes } from "./modules/news/editorial.routes";
import { newsRoutes } from "./modules/news/news.routes";
import { filesRoutes } from "./modules/files/files.routes";
import { documentsRoutes } from "./modules/documents/documents.routes";
import { documentsStaffRoutes } from "./modules/documents/documents-staff.routes";
import { documentsUploadRoutes } from "./modules/documents/documents-uploads.routes";
import { personalRoutes as documentsPersonalRoutes } from "./modules/documents/personal.routes";
import { feedbackRoutes } from "./modules/feedback/feedback.routes";
import { feedbackStaffRoutes } from "./modules/feedback/feedback-staff.routes";
import { notificationsRoutes } from "./modules/notifications/notifications.routes";
import { pushRoutes } from "./modules/notifications/push.routes";
import { orgUnitsRoutes } from "./modules/org-units/org-units.routes";
import { systemRoutes } from "./modules/system/system.routes";

export interface AppDeps {
  env: Env;
  db: Db;
  /** Where commands enqueue background jobs (pg-boss; see lib/jobs.ts). */
  jobs: JobQueue;
  /** Live updates for SSE clients; defaults to in-process only. */
  live?: LiveBus;
  /** Where uploaded files' bytes live; defaults to the `files` folder of DATA_DIR. */
  storage?: Storage;
  /** Login throttles; default to in-memory counters. */
  throttles?: { loginIp: Throttle; identifier: Throttle };
  /** Sessions kept in memory (see lib/session-cache.ts); by default none are. */
  sessionCache?: SessionCache;
}

declare module "fastify" {
  interface FastifyInstance {
    deps: Required<AppDeps>;
    /** Every route as registered, for the route-walk test. */
    registeredRoutes: { method: string; url: string; policy: string | undefined }[];
  }
}

/**
 * A short code per invalid field, for the PWA to translate (the zod message stays in
 * `details.messages` for developers): required, too_short, too_long, too_small, too_big, invalid.
 */
function fieldErrorCode(keyword: string, params: Record<string, unknown>, message: string): string {
  if (keyword === "invalid_type" && /received undefined/.test(message)) return "required";
  if (keyword === "too_small") return params.origin === "string" ? (params.minimum === 1 ? "required" : "too_short") : "too_small";
  if (keyword === "too_big") return params.origin === "string" ? "too_long" : "too_big";
  return "invalid";
}

/**
 * Public: routes that say so, the PWA's static files and the API docs (plugin routes outside /api
 * or under /api/docs). Every other /api route needs a session; the route-walk test checks each
 * one declares its policy and that "public" ones are on the allow-list.
 */
export const isPublicRoute = (url: string, policy: string | undefined): boolean =>
  policy === "public" || !url.startsWith("/api/") || url.startsWith("/api/docs");

const UNSAFE_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

// PostgreSQL unreachable or shutting down: the client can do nothing about it, so 503.
const DB_UNAVAILABLE = new Set(["ECONNREFUSED", "ECONNRESET", "57P01", "57P02", "57P03", "08000", "08001", "08003", "08006"]);

/** Builds the whole HTTP app (API, docs, metrics, PWA); used by main.ts and by the tests. */
export async function buildApp(input: AppDeps): Promise<FastifyInstance> {
  const { env, db } = input;
  const deps: Required<AppDeps> = {
    ...input,
    live: input.live ?? memoryBus(),
    storage: input.storage ?? createStorage(env, env.DATA_DIR ?? DEFAULT_DATA_DIR),
    throttles: input.throttles ?? {
      loginIp: memoryThrottle(env.LOGIN_RATE_PER_MINUTE, 60_000),
      identifier: memoryThrottle(env.LOGIN_LOCK_AFTER, env.LOGIN_LOCK_MINUTES * 60_000),
    },
    sessionCache: input.sessionCache ?? new SessionCache(0),
  };
  const app = Fastify({
    logger:
      env.NODE_ENV === "test" || env.LOG_LEVEL === "silent"
        ? false
        : { level: env.LOG_LEVEL, redact: ["req.headers.cookie", "req.headers.authorization", "req.headers['x-csrf-token']"] },
    genReqId: () => randomUUID(),
    bodyLimit: env.BODY_LIMIT_BYTES,
    trustProxy: env.TRUST_PROXY,
    return503OnClosing: true,
    ajv: undefined,
    // Errors Fastify raises before routing (a malformed %-escape, an over-long path parameter) get
    // the same envelope as every other error instead of Fastify's own shape.
    frameworkErrors: (error, _req, reply: FastifyReply) => {
      const status = error.statusCode && error.statusCode >= 400 && error.statusCode < 500 ? error.statusCode : 400;
      // Sent before any hook runs, so the headers the hooks would add are set here.
      void reply
        .status(status)
        .headers({ "cache-control": "no-store", "x-content-type-options": "nosniff" })
        .send({ error: { code: "validation_failed", message: "Invalid request URL" } });
    },
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  // The API reads JSON only: Fastify's built-in text/plain parser would let a text body through
  // to schema validation (400) instead of refusing the media type (415).
  app.removeContentTypeParser("text/plain");
  app.decorate("deps", deps);
  app.decorateRequest("actor", null);
  app.decorateRequest("session", null);
  app.decorate("registeredRoutes", []);
  app.addHook("onRoute", (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    // Unknown query parameters and bodies are refused on every API route, including routes that
    // take none: a route without a querystring (or body) schema gets an empty strict one.
    if (route.url.startsWith("/api/") && !route.url.startsWith("/api/docs")) {
      route.schema ??= {};
      route.schema.querystring ??= z.object({}).strict();
      if (methods.some((m) => UNSAFE_METHODS.has(m))) route.schema.body ??= z.object({}).strict().nullish();
    }
    for (const method of methods) app.registeredRoutes.push({ method, url: route.url, policy: route.config?.policy });
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'"],
        imgSrc: ["'self'", "data:", "blob:"],
        fontSrc: ["'self'"],
        connectSrc: ["'self'"],
        manifestSrc: ["'self'"],
        workerSrc: ["'self'"],
        mediaSrc: ["'self'", "blob:"],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
        upgradeInsecureRequests: null,
      },
    },
    referrerPolicy: { policy: "same-origin" },
    crossOriginEmbedderPolicy: false,
    strictTransportSecurity: env.NODE_ENV === "production" ? { maxAge: 31_536_000 } : false,
  });
  registerMetrics(app, env, db);

  app.addHook("onRequest", async (req, reply) => {
    reply.header("x-request-id", req.id);
  });

  // Every route is closed unless it says otherwise; see FastifyContextConfig.policy.
  app.addHook("onRequest", async (req) => {
    const config = req.routeOptions.config;
    if (req.is404 || isPublicRoute(req.routeOptions.url ?? "", config.policy)) return;
    const found = await readSession(db, env, req, deps.sessionCache);
    if (!found) throw new UnauthenticatedError();
    const { session, memberId, cell, grants } = found;
    const mfa = mfaStateOf(session, grants.length);
    if ((mfa === "enroll" || mfa === "verify") && !config.allowMfaPending) throw new MfaRequiredError();
    req.session = session;
    req.actor = { accountId: session.accountId, memberId, cell, grants: mfa === "verified" ? grants : [] };
  });

  // CSRF: a logged-in browser must echo the session's token; every unsafe request must be same-origin.
  // Runs before body validation, so a forged request is refused as such whatever its body.
  app.addHook("onRequest", async (req) => {
    if (!UNSAFE_METHODS.has(req.method)) return;
    const origin = req.headers.origin;
    if (origin && origin !== "null") {
      let host: string | null = null;
      try {
        host = new URL(origin).host;
      } catch {
        host = null;
      }
      // req.host honours X-Forwarded-Host when TRUST_PROXY is set, so a proxy may rewrite Host.
      if (host !== req.host) throw new AppError(403, "csrf_failed", "Cross-site request refused");
    }
    if (req.session) {
      const token = req.headers["x-csrf-token"];
      if (typeof token !== "string" || !safeEqual(token, req.session.csrfToken)) {
        throw new AppError(403, "csrf_failed", "Missing or wrong CSRF token");
      }
    }
  });

  // Text arrives in NFC whatever the keyboard produced; validation then runs on normalised input.
  app.addHook("preValidation", async (req) => {
    if (req.body !== undefined) req.body = normalizeDeep(req.body);
    req.query = normalizeDeep(req.query) as typeof req.query;
    req.params = normalizeDeep(req.params) as typeof req.params;
    // NUL and lone surrogates pass every string schema but make PostgreSQL fail (500) or alter the text.
    for (const [part, value] of [["body", req.body], ["querystring", req.query], ["params", req.params]] as const) {
      const field = findUnstorableText(value);
      if (field !== null) throw new ValidationError("Text holds a NUL character or invalid Unicode", { [field || part]: "invalid_text" });
    }
  });

  app.addHook("onSend", async (req, reply) => {
    // Authenticated answers are never cached, except content-addressed files that say so themselves.
    const keep = String(reply.getHeader("cache-control") ?? "").includes("immutable");
    if (req.url.startsWith("/api/") && !req.url.startsWith("/api/docs") && !keep) reply.header("cache-control", "no-store");
    reply.removeHeader("x-powered-by");
  });

  app.setErrorHandler(async (error: FastifyError, req, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const fields: Record<string, string> = {};
      const messages: Record<string, string> = {};
      for (const issue of error.validation) {
        const where = issue.instancePath.replace(/^\//, "").replace(/\//g, ".") || error.validationContext || "request";
        const params = issue.params as { keys?: string[] };
        if (issue.keyword === "unrecognized_keys" && params.keys) {
          for (const key of params.keys) fields[where === error.validationContext ? key : `${where}.${key}`] = "unknown_field";
          continue;
        }
        fields[where] = fieldErrorCode(issue.keyword, issue.params as Record<string, unknown>, issue.message ?? "");
        messages[where] = issue.message ?? "";
      }
      return reply.status(400).send({
        error: { code: "validation_failed", message: "Invalid request", details: { in: error.validationContext, fields, messages } },
      });
    }
    if (error instanceof AppError) {
      if (error.denied && req.actor) {
        await insertEvent(
          db,
          {
            name: "access.denied",
            result: "denied",
            actorId: req.actor.accountId,
            unitId: error.denied.unitId,
            subjectType: error.denied.policy,
            subjectId: error.denied.subjectId,
            data: { action: error.denied.action, status: error.statusCode, route: req.routeOptions.url },
          },
          metaOf(req),
        ).catch((e) => req.log.error(e, "could not audit a denied access"));
      }
      return reply
        .status(error.statusCode)
        .headers(error.headers)
        .send({ error: { code: error.code, message: error.message, details: error.details } });
    }
    if (isResponseSerializationError(error)) {
      req.log.error(error, "response did not match its schema");
      return reply.status(500).send({ error: { code: "internal_error", message: "Internal error" } });
    }
    const pgCode = (error as { code?: string }).code;
    if ((pgCode && DB_UNAVAILABLE.has(pgCode)) || /timeout exceeded when trying to connect|Connection terminated/i.test(error.message)) {
      req.log.warn({ err: error }, "database unavailable");
      return reply
        .status(503)
        .header("retry-after", "5")
        .send({ error: { code: "service_unavailable", message: "Service temporarily unavailable" } });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const code =
        status === 413
          ? "payload_too_large"
          : status === 415
            ? "unsupported_media_type"
            : status === 429
              ? "rate_limited"
              : status === 404
                ? "not_found"
                : status === 401
                  ? "unauthenticated"
                  : status === 403
                    ? "forbidden"
                    : "validation_failed";
      return reply.status(status).send({ error: { code, message: error.message } });
    }
    req.log.error(error);
    return reply.status(500).send({ error: { code: "internal_error", message: "Internal error" } });
  });

  await registerOpenApi(app);
  await app.register(
    async (api) => {
      await api.register(systemRoutes);
      await api.register(authRoutes);
      await api.register(orgUnitsRoutes);
      await api.register(membersRoutes);
      await api.register(grantsRoutes);
      await api.register(auditRoutes);
      await api.register(notificationsRoutes);
      await api.register(pushRoutes);
      await api.register(newsRoutes);
      await api.register(editorialRoutes);
      await api.register(categoriesRoutes);
      await api.register(filesRoutes);
      await api.register(documentsRoutes);
      await api.register(documentsStaffRoutes);
      await api.register(documentsUploadRoutes);
      await api.register(documentsPersonalRoutes);
      await api.register(feedbackRoutes);
      await api.register(feedbackStaffRoutes);
      await api.register(liveRoutes);
    },
    { prefix: "/api" },
  );

  const webRoot = path.resolve(env.WEB_DIST);
  const hasWeb = fs.existsSync(path.join(webRoot, "index.html"));
  if (hasWeb) {
    await app.register(fastifyStatic, {
      root: webRoot,
      wildcard: false,
      index: false,
      // Hashed assets never change; the shell and the service worker must always be revalidated.
      setHeaders: (res, filePath) => {
        const immutable = filePath.includes(`${path.sep}assets${path.sep}`);
        res.header("cache-control", immutable ? "public, max-age=31536000, immutable" : "no-cache");
      },
    });
  }
  app.setNotFoundHandler({ preHandler: undefined }, async (req, reply) => {
    if (req.method === "GET" && hasWeb && !req.url.startsWith("/api/") && !path.extname(req.url.split("?")[0])) {
      return reply.header("cache-control", "no-cache").sendFile("index.html");
    }
    return reply.status(404).send({ error: { code: "not_found", message: "Not found" } });
  });

  return app;
}
