import fs from "node:fs/promises";
import path from "node:path";
import { DEFAULT_DATA_DIR } from "../../env";
import type { JobDeps, JobHandler } from "../../lib/jobs";
import { createStorage } from "../../lib/storage";
import { tempDirOf } from "../documents/receive";
import * as filesRepo from "./files.repo";

export const FILES_HOUSEKEEPING_QUEUE = "files.housekeeping";

/**
 * How long an upload waits to be attached (as documents.repo's attachableUploads allows), and how
 * old a temporary file or an unused stored file must be before it goes.
 */
const GRACE_MS = 24 * 3_600_000;
const BATCH = 500;

export interface FileHousekeeping {
  /** Temporary files (interrupted uploads, extractions cut short) removed. */
  temporary: number;
  /** Uploads never attached, removed. */
  uploads: number;
  /** Stored files no row referred to any more, removed with their bytes. */
  files: number;
}

/** Removes the regular files in `dir` last changed before `before` (ms); a missing folder is nothing to do. */
async function sweepTemporary(dir: string, before: number): Promise<number> {
  const entries = await fs.readdir(dir, { withFileTypes: true }).catch((error: NodeJS.ErrnoException) => {
    if (error.code === "ENOENT") return [];
    throw error;
  });
  let removed = 0;
  for (const entry of entries) {
    if (!entry.isFile()) continue;
    const file = path.join(dir, entry.name);
    const stat = await fs.stat(file).catch(() => null);
    if (!stat || stat.mtimeMs >= before) continue;
    await fs.rm(file, { force: true });
    removed++;
  }
  return removed;
}

/**
 * Daily clean-up of files: temporary files in DATA_DIR/tmp older than a day; uploads never attached
 * to a document or an article within a day; then every stored file made more than a day ago that
 * nothing refers to any more (those uploads' files, earlier versions of feedback summaries), its row,
 * its extracted text and its bytes, on disk or in S3. A file still referred to (files.repo's
 * isReferenced) is never touched. Each file goes in its own transaction that holds its row while the
 * bytes are removed, so an upload of the same content meanwhile waits for it, then stores the bytes
 * again (uploads.commands' recordUpload). Safe to run any number of times, and beside uploads.
 */
export async function cleanUpFiles(deps: JobDeps): Promise<FileHousekeeping> {
  const { db, env } = deps;
  const storage = deps.storage ?? createStorage(env, env.DATA_DIR ?? DEFAULT_DATA_DIR);
  const before = new Date(Date.now() - GRACE_MS);
  const result: FileHousekeeping = { temporary: await sweepTemporary(tempDirOf(env), before.getTime()), uploads: 0, files: 0 };
  result.uploads = await filesRepo.deleteStaleUploads(db, before);

  let after: string | null = null;
  for (;;) {
    const ids = await filesRepo.unreferencedFiles(db, before, after, BATCH);
    for (const id of ids) {
      const removed = await db
        .transaction()
        .execute(async (trx) => {
          const sha256 = await filesRepo.deleteUnreferencedFile(trx, id, before);
          if (sha256) await storage.remove(sha256);
          return sha256 !== null;
        })
        // 23503: a row referring to the file arrived while it was being deleted: it stays.
        .catch((error: { code?: string }) => (error.code === "23503" ? false : Promise.reject(error)));
      if (removed) result.files++;
    }
    if (ids.length < BATCH) return result;
    after = ids[ids.length - 1];
  }
}

/** The job: cleanUpFiles, what it removed is of no further use. */
export const runFileHousekeeping: JobHandler<Record<string, never>> = async (deps) => {
  await cleanUpFiles(deps);
};
