import path from "node:path";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../..");

const bool = z.enum(["true", "false", "1", "0"]).transform((v) => v === "true" || v === "1");
const int = (min: number, max: number) => z.coerce.number().int().min(min).max(max);

/**
 * Every setting the server reads, with its default and meaning. The README's configuration table
 * mirrors this list; nothing else in the code reads process.env.
 */
export const EnvSchema = z.object({
  /** `production` turns on secure cookies by default and hides nothing else; `test` is set by the test harness. */
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  /** HTTP port for the API and the PWA. */
  PORT: int(0, 65535).default(3000),
  /** Interface to listen on. */
  HOST: z.string().default("0.0.0.0"),
  /** A PostgreSQL server to use; without it the embedded PostgreSQL starts in DATA_DIR. */
  DATABASE_URL: z.string().startsWith("postgres").optional(),
  /**
   * Where the embedded database and uploaded files live. Unset: `./data` in the repository, or
   * /var/lib/so-tay-dang-vien when running as root from a folder the postgres user cannot enter.
   */
  DATA_DIR: z.string().optional(),
  /** Maximum connections in the pool of each process. */
  DB_POOL_MAX: int(1, 200).default(10),
  /** Seed the demo organisation when the database has no units yet. */
  SEED_DEMO: bool.default(true),
  /** Log level for pino. */
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
  /** Trust X-Forwarded-* from a reverse proxy (set when behind nginx or a load balancer). */
  TRUST_PROXY: bool.default(false),
  /** `Secure` flag on the session cookie: `auto` sets it when the request came over HTTPS. */
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  /** Session lifetimes for members (long, on their own phone). */
  SESSION_MEMBER_IDLE_HOURS: int(1, 24 * 365).default(24 * 30),
  SESSION_MEMBER_ABSOLUTE_DAYS: int(1, 730).default(180),
  /** Session lifetimes for accounts holding any staff role (short). */
  SESSION_STAFF_IDLE_MINUTES: int(5, 24 * 60).default(30),
  SESSION_STAFF_ABSOLUTE_HOURS: int(1, 72).default(12),
  /** Seconds a process keeps a used session and its roles in memory (0: read them on every request). Changes reach every process at once through LISTEN/NOTIFY. */
  SESSION_CACHE_SECONDS: int(0, 300).default(30),
  /** Login attempts allowed per IP address per minute before 429. */
  LOGIN_RATE_PER_MINUTE: int(1, 10_000).default(20),
  /** Consecutive failures before an account is locked, and for how long. */
  LOGIN_LOCK_AFTER: int(1, 100).default(5),
  LOGIN_LOCK_MINUTES: int(1, 24 * 60).default(15),
  /** How long an activation (or reset) code stays valid. */
  ACTIVATION_CODE_HOURS: int(1, 24 * 30).default(72),
  /** Issuer shown in authenticator apps. */
  TOTP_ISSUER: z.string().min(1).default("Sổ tay đảng viên"),
  /** Largest JSON body accepted, in bytes. */
  BODY_LIMIT_BYTES: int(1024, 50 * 1024 * 1024).default(1024 * 1024),
  /**
   * What this process runs: `all` (HTTP and background jobs), `web` (HTTP only; it still enqueues
   * jobs) or `worker` (background jobs and schedules only, no HTTP listener).
   */
  ROLE: z.enum(["all", "web", "worker"]).default("all"),
  /** How many jobs of each queue one worker process runs at once. */
  WORKER_CONCURRENCY: int(1, 32).default(2),
  /** How often an idle worker looks for new jobs, in seconds (pg-boss accepts 0.5 and up). */
  JOB_POLL_SECONDS: z.coerce.number().min(0.5).max(60).default(2),
  /** Accounts written per job when a notification goes to a whole subtree. */
  FANOUT_BATCH_SIZE: int(100, 50_000).default(5000),
  /**
   * Redis for live updates across processes (e.g. `redis://127.0.0.1:6379`): an event published by
   * one process (a worker writing notifications) reaches browsers connected to another. Unset: in process only.
   */
  REDIS_URL: z.string().startsWith("redis").optional(),
  /**
   * VAPID key pair for Web Push (base64url, as `npx web-push generate-vapid-keys` prints). Unset:
   * a pair is generated on first start and kept in the database (table app_settings), so
   * devices' subscriptions stay valid across restarts. Set both or neither.
   */
  VAPID_PUBLIC_KEY: z.string().regex(/^[A-Za-z0-9_-]{80,100}$/, "Expected a base64url P-256 public key").optional(),
  VAPID_PRIVATE_KEY: z.string().regex(/^[A-Za-z0-9_-]{40,50}$/, "Expected a base64url P-256 private key").optional(),
  /** Contact the push services may use about this server: a `mailto:` address or an https URL. */
  VAPID_SUBJECT: z.string().regex(/^(mailto:|https:\/\/)/, "Expected mailto: or https://").default("mailto:quantri@sotay.invalid"),
  /**
   * Push services the server will post to, comma-separated host names (`*.` matches subdomains).
   * Devices' subscriptions to any other host are refused, so the server never posts to an address a
   * client made up. Plain http is allowed only for loopback hosts listed here (a local push service).
   */
  PUSH_SERVICE_HOSTS: z
    .string()
    .default("fcm.googleapis.com,updates.push.services.mozilla.com,*.push.apple.com,*.notify.windows.com")
    .transform((s) => s.split(",").map((h) => h.trim().toLowerCase()).filter(Boolean)),
  /** Where uploaded files live: `disk` (DATA_DIR/files) or `s3` (the S3_* settings). */
  STORAGE: z.enum(["disk", "s3"]).default("disk"),
  /** S3-compatible object storage: endpoint (unset for AWS itself), region, bucket and keys. */
  S3_ENDPOINT: z.url().optional(),
  S3_REGION: z.string().default("us-east-1"),
  S3_BUCKET: z.string().regex(/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/, "Expected an S3 bucket name").optional(),
  S3_ACCESS_KEY_ID: z.string().optional(),
  S3_SECRET_ACCESS_KEY: z.string().optional(),
  /** Path-style URLs (endpoint/bucket/key), which MinIO, Ceph and most self-hosted servers need. */
  S3_FORCE_PATH_STYLE: bool.default(true),
  /** Largest picture accepted for upload (413 beyond), in bytes. */
  IMAGE_MAX_BYTES: int(100_000, 50 * 1024 * 1024).default(10 * 1024 * 1024),
  /** Largest document file accepted for upload (413 beyond), in bytes; streamed to DATA_DIR/tmp, never held in memory. */
  DOCUMENT_MAX_BYTES: int(100_000, 2 * 1024 * 1024 * 1024).default(50 * 1024 * 1024),
  /** Built PWA to serve; `npm start` builds it first. */
  WEB_DIST: z.string().default(path.join(repoRoot, "apps/web/dist")),
});

export type Env = z.infer<typeof EnvSchema>;

/** Settings that depend on each other (both VAPID keys or neither; a bucket for S3): checked after parsing, with the other settings' problems. */
const checkPairs = (env: Env): string[] => [
  ...((env.VAPID_PUBLIC_KEY === undefined) !== (env.VAPID_PRIVATE_KEY === undefined) ? ["  VAPID_PUBLIC_KEY, VAPID_PRIVATE_KEY: set both or neither"] : []),
  ...(env.STORAGE === "s3" && !env.S3_BUCKET ? ["  S3_BUCKET: required with STORAGE=s3"] : []),
];

export const DEFAULT_DATA_DIR = path.join(repoRoot, "data");

/** Parses the environment once; on any problem, throws one error that lists all of them. */
export function loadEnv(source: NodeJS.ProcessEnv = process.env): Env {
  const relevant = Object.fromEntries(
    Object.keys(EnvSchema.shape).flatMap((key) => (source[key] === undefined || source[key] === "" ? [] : [[key, source[key]]])),
  );
  const parsed = EnvSchema.safeParse(relevant);
  const problems = parsed.success ? checkPairs(parsed.data) : parsed.error.issues.map((issue) => `  ${issue.path.join(".")}: ${issue.message}`);
  if (!parsed.success || problems.length > 0) throw new Error(`Invalid configuration:\n${problems.join("\n")}`);
  return parsed.data;
}

/** Test and tool code builds an Env from defaults plus overrides without touching process.env. */
export const envWith = (overrides: Partial<Record<keyof Env, string>>): Env => loadEnv(overrides as NodeJS.ProcessEnv);
