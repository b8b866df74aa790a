import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { sql } from "kysely";
import type { Db } from "../../db/db";
import type { DocumentFormat } from "../../db/schema";
import { DEFAULT_DATA_DIR } from "../../env";
import type { JobDeps, JobQueue } from "../../lib/jobs";
import { createStorage } from "../../lib/storage";
import * as documentsRepo from "./documents.repo";
import { CONTENT_TEXT_MAX } from "./documents.repo";
import { extractInChild } from "./extract-child";
import { removeTemp, tempDirOf, tempPath } from "./receive";

export const EXTRACT_QUEUE = "documents.extract";

/** Text kept per file (pages for read-aloud and in-document search); a document's search text is cut shorter. */
const FILE_TEXT_MAX = 1_000_000;

interface ExtractJob {
  fileId: string;
  format: DocumentFormat;
}

/** Queues the extraction of a file's text (in the caller's transaction); a file already done is only re-indexed. */
export async function enqueueExtraction(ctx: { db: Db; jobs: JobQueue }, fileId: string, format: DocumentFormat): Promise<void> {
  await documentsRepo.ensureFileText(ctx.db, fileId);
  await ctx.jobs.send(EXTRACT_QUEUE, { fileId, format } satisfies ExtractJob, { db: ctx.db });
}

// Text PostgreSQL cannot store (NUL; jsonb refuses it too) and halves of surrogate pairs.
const storable = (s: string) => s.replaceAll("\u0000", "").replace(/\p{Cs}/gu, "");

/**
 * Extracts a file's text into file_texts (once: a file already done is not read again), then puts
 * it into the search text of every document holding the file. A failure is recorded on the file
 * (status failed, with the error) and thrown, so pg-boss retries with back-off. Safe to run twice.
 */
export async function runExtraction(deps: JobDeps, { fileId, format }: ExtractJob): Promise<void> {
  const { db, env } = deps;
  const text = await documentsRepo.findFileText(db, fileId);
  if (text?.status !== "done") {
    const file = await db.selectFrom("files").select(["sha256"]).where("id", "=", fileId).executeTakeFirst();
    if (!file) return;
    const storage = deps.storage ?? createStorage(env, env.DATA_DIR ?? DEFAULT_DATA_DIR);
    const tmp = await tempPath(tempDirOf(env), "extract");
    try {
      await pipeline(await storage.read(file.sha256), createWriteStream(tmp, { flags: "wx" }));
      const extracted = await extractInChild(tmp, format, { maxChars: FILE_TEXT_MAX });
      const metadata = Object.fromEntries(Object.entries(extracted.metadata).map(([k, v]) => [storable(k), storable(v)]));
      await documentsRepo.saveFileText(db, fileId, { pages: extracted.pages.map(storable), metadata });
    } catch (error) {
      await documentsRepo.saveFileText(db, fileId, { error: error instanceof Error ? error.message : String(error) });
      throw error;
    } finally {
      await removeTemp(tmp);
    }
  }
  for (const documentId of await documentsRepo.documentsWithFile(db, fileId)) await refreshSearchText(db, documentId);
}

/**
 * Refreshes a document's search text; if PostgreSQL finds the vector too long (a text of rare,
 * long words), with half as much text, down to 20,000 characters.
 */
export async function refreshSearchText(db: Db, documentId: string): Promise<void> {
  // Inside a transaction a failed statement aborts it: each attempt gets a savepoint to return to.
  const inTransaction = db.isTransaction;
  for (let max = CONTENT_TEXT_MAX; ; max = Math.floor(max / 2)) {
    if (inTransaction) await sql`SAVEPOINT search_text`.execute(db);
    try {
      await documentsRepo.refreshContentText(db, documentId, max);
      if (inTransaction) await sql`RELEASE SAVEPOINT search_text`.execute(db);
      return;
    } catch (error) {
      if (inTransaction) await sql`ROLLBACK TO SAVEPOINT search_text`.execute(db);
      // 54000: program_limit_exceeded ("string is too long for tsvector").
      if ((error as { code?: string }).code !== "54000" || max < 40_000) throw error;
    }
  }
}
