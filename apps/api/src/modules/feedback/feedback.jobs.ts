import { createHash } from "node:crypto";
import { Limits } from "@party/shared";
import type { Db } from "../../db/db";
import { DEFAULT_DATA_DIR } from "../../env";
import { withTransaction } from "../../lib/context";
import { recordEvent } from "../../lib/events";
import type { JobDeps, JobQueue } from "../../lib/jobs";
import { createStorage } from "../../lib/storage";
import * as documentsRepo from "../documents/documents.repo";
import * as filesRepo from "../files/files.repo";
import { notifyAccounts } from "../notifications/notifications.commands";
import * as unitsRepo from "../org-units/org-units.repo";
import { draftName, short } from "./feedback.presenter";
import * as feedbackRepo from "./feedback.repo";
import { type ReportInput, summaryDocx, summaryXlsx } from "./feedback.report";

export const SUMMARISE_QUEUE = "feedback.summarise";

const DOCX = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";
const XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";

interface SummariseJob {
  documentId: string;
  unitId: string;
}

/**
 * Queues the making of a unit's summary files, in the caller's transaction. Two requests make two
 * jobs: the later one reads the later comments, and the files' fingerprint tells which is current.
 */
export async function enqueueSummary(ctx: { db: Db; jobs: JobQueue }, documentId: string, unitId: string): Promise<void> {
  await ctx.jobs.send(SUMMARISE_QUEUE, { documentId, unitId } satisfies SummariseJob, { db: ctx.db });
}

/** Everything the files hold, read in one snapshot so the counts, the comments and the fingerprint agree. */
async function readSummary(db: Db, documentId: string, unitId: string, unitPath: string) {
  return db
    .transaction()
    .setIsolationLevel("repeatable read")
    .execute(async (trx) => {
      const [counts, comments, fingerprint, below] = [
        await feedbackRepo.summaryCounts(trx, documentId, unitPath),
        await feedbackRepo.summaryComments(trx, documentId, unitPath),
        await feedbackRepo.summaryFingerprint(trx, documentId, unitPath),
        await feedbackRepo.unitsBelow(trx, documentId, unitId),
      ];
      const forwarded = new Set((await feedbackRepo.summariesFor(trx, documentId, below.map((u) => u.id))).filter((s) => s.status === "forwarded").map((s) => s.unitId));
      const notForwarded = below.filter((u) => u.total > 0 && !forwarded.has(u.id)).map((u) => ({ name: u.name, total: u.total }));
      return { counts, comments, fingerprint, notForwarded };
    });
}

/**
 * Makes a unit's summary files (DOCX and XLSX) from the comments as they are now, stores them
 * (content-addressed, `files` rows of kind document), records `feedback.summary_generated` for
 * whoever asked and tells them the files are ready (`feedback.summary_ready`). Nothing to do for a forwarded summary or a vanished draft; running twice makes the
 * same files again. A failure is kept on the summary (generation failed) and thrown for a retry.
 */
export async function runSummarise(deps: JobDeps, { documentId, unitId }: SummariseJob): Promise<void> {
  const { db, env } = deps;
  const [doc, unit, summary] = await Promise.all([documentsRepo.findDocument(db, documentId), unitsRepo.findById(db, unitId), feedbackRepo.findSummary(db, documentId, unitId)]);
  if (!doc || !unit || !summary || doc.feedbackUntil === null || summary.status === "forwarded") return;
  try {
    const readAt = new Date();
    const data = await readSummary(db, documentId, unitId, unit.path);
    const input: ReportInput = {
      document: { numberSymbol: doc.numberSymbol, summary: doc.summary, issuingBody: doc.issuingBody, unitName: doc.unitName },
      unit: { id: unit.id, name: unit.name },
      deadline: doc.feedbackUntil,
      generatedAt: readAt,
      counts: data.counts,
      comments: data.comments,
      notForwarded: data.notForwarded,
    };
    const files = [
      { body: await summaryDocx(input), contentType: DOCX },
      { body: await summaryXlsx(input), contentType: XLSX },
    ].map((f) => ({ ...f, sha256: createHash("sha256").update(f.body).digest("hex") }));
    const storage = deps.storage ?? createStorage(env, env.DATA_DIR ?? DEFAULT_DATA_DIR);
    for (const f of files) await storage.putBuffer(f.sha256, f.body, f.contentType);

    await withTransaction(deps, null, { ip: null, requestId: null }, async (ctx) => {
      const row = await feedbackRepo.lockSummary(ctx.db, documentId, unitId);
      // Forwarded meanwhile, or a later request's job already saved newer files.
      if (row.status === "forwarded" || (row.generatedAt !== null && row.generatedAt > readAt)) return;
      const createdBy = row.requestedBy ?? summary.requestedBy;
      const ids: string[] = [];
      for (const f of files) ids.push(await filesRepo.upsertFile(ctx.db, { sha256: f.sha256, size: f.body.length, contentType: f.contentType, kind: "document", createdBy: createdBy! }));
      await feedbackRepo.saveGenerated(ctx.db, row.id, { counts: data.counts, fingerprint: data.fingerprint, docxFileId: ids[0], xlsxFileId: ids[1], readAt, generatedBy: createdBy });
      // The summary holds the file rows now; file housekeeping may have removed an unused file with the same bytes since they were stored.
      for (const f of files) await storage.putBuffer(f.sha256, f.body, f.contentType);
      await recordEvent(ctx, {
        name: "feedback.summary_generated",
        actorId: createdBy,
        unitId,
        subjectType: "feedback_summary",
        subjectId: row.id,
        data: { documentId, counts: data.counts, notForwarded: data.notForwarded.length },
      });
      if (!createdBy) return;
      await notifyAccounts(ctx, [createdBy], {
        type: "feedback.summary_ready",
        title: short(`Đã có tệp tổng hợp ý kiến góp ý dự thảo ${draftName(doc)} của ${unit.name}`, Limits.notificationTitleMax),
        body: `${data.counts.total} ý kiến`,
        link: `/documents/${documentId}/feedback?unitId=${unitId}`,
        subjectType: "feedback_summary",
        subjectId: row.id,
        // Once per request: a retried job, or a second job of the same request, tells nobody twice.
        dedupeKey: `feedback-summary:${row.id}:ready:${(row.requestedAt ?? readAt).getTime()}`,
      });
    });
  } catch (error) {
    await feedbackRepo.markFailed(db, documentId, unitId, error instanceof Error ? error.message : String(error));
    throw error;
  }
}
