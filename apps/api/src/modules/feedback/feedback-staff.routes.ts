import { IdParams } from "@party/shared/schemas/common";
import { CommentEnvelope, FeedbackOverviewEnvelope, FeedbackOverviewQuery, ReplyBody, SummaryEnvelope, SummaryFileParams, UnitDocumentParams } from "@party/shared/schemas/feedback";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/db";
import type { Actor } from "../../lib/actor";
import { withTransaction } from "../../lib/context";
import { AppError, NotFoundError } from "../../lib/errors";
import { actorOf, metaOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { cleanFileName, contentDisposition } from "../documents/file-names";
import * as unitsRepo from "../org-units/org-units.repo";
import { commentConfig, draftConfig, loadComment, loadDraft, loadSummaryTarget, summaryConfig, tags } from "./feedback.access";
import { forwardSummary, replyToComment, requestSummary } from "./feedback.commands";
import { feedbackOverview, isOutdated, reviewUnitsOf, summaryAbilities } from "./feedback.overview";
import { summaryPolicy } from "./feedback.policy";
import { presentSummary } from "./feedback.presenter";
import * as feedbackRepo from "./feedback.repo";
import { commentResponse } from "./feedback.routes";

/** The unit's summary as the actor sees it, with what they may do with it now. */
async function summaryResponse(db: Db, actor: Actor, documentId: string, unitId: string) {
  const { doc, unit } = await loadSummaryTarget(db, actor, unitId, documentId, "read");
  const summary = (await feedbackRepo.findSummary(db, doc.id, unit.id))!;
  const outdated = await isOutdated(db, doc, unit, summary);
  return { data: presentSummary(summary, outdated), abilities: summaryAbilities(actor, doc, unit, summary, outdated) };
}

/** The committee's side of a draft for feedback: answering comments, each unit's overview and summary, forwarding it up, and its files. */
export const feedbackStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, storage } = app.deps;

  app.post(
    "/documents/comments/:id/reply",
    {
      config: commentConfig,
      schema: {
        tags,
        summary: "Answer a comment (tiếp thu, không tiếp thu, ghi nhận) as the committee of its cell or of a unit above; the member is notified",
        params: IdParams,
        body: ReplyBody,
        response: { 200: CommentEnvelope },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const { comment, doc } = await loadComment(ctx.db, actor, req.params.id, "reply", true);
        await replyToComment(ctx, doc, comment, req.body);
      });
      return commentResponse(db, actor, req.params.id);
    },
  );

  app.get(
    "/documents/:id/feedback",
    {
      config: draftConfig,
      schema: {
        tags,
        summary: "One unit's feedback on the draft (by default the highest the actor answers for): counts, by section, the units below and the summaries they forwarded",
        params: IdParams,
        querystring: FeedbackOverviewQuery,
        response: { 200: FeedbackOverviewEnvelope },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const doc = await loadDraft(db, actor, req.params.id, "review");
      const reviewUnits = await reviewUnitsOf(db, actor, doc);
      const unit = req.query.unitId ? await unitsRepo.findById(db, req.query.unitId) : reviewUnits[0];
      authorize(summaryPolicy, actor, "read", unit && { unitId: unit.id, unitPath: unit.path, document: doc });
      return feedbackOverview(db, actor, doc, unit!, reviewUnits);
    },
  );

  app.post(
    "/units/:unitId/documents/:id/feedback/summary",
    {
      config: summaryConfig,
      schema: {
        tags,
        summary: "Make the unit's summary files (DOCX, XLSX) after the deadline; a background job makes them (generation: queued, then done)",
        params: UnitDocumentParams,
        response: { 202: SummaryEnvelope },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const { unitId, id } = req.params;
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const { doc, unit } = await loadSummaryTarget(ctx.db, actor, unitId, id, "summarise");
        await requestSummary(ctx, doc, unit);
      });
      return reply.status(202).send(await summaryResponse(db, actor, id, unitId));
    },
  );

  app.post(
    "/units/:unitId/documents/:id/feedback/forward",
    {
      config: summaryConfig,
      schema: {
        tags,
        summary: "Forward the unit's up-to-date summary to the unit above, whose summary then includes it; that unit's committee is notified",
        params: UnitDocumentParams,
        response: { 200: SummaryEnvelope },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { unitId, id } = req.params;
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const { doc, unit } = await loadSummaryTarget(ctx.db, actor, unitId, id, "forward");
        await forwardSummary(ctx, doc, unit);
      });
      return summaryResponse(db, actor, id, unitId);
    },
  );

  app.get(
    "/units/:unitId/documents/:id/feedback/summary/:format",
    { config: summaryConfig, schema: { tags, summary: "Download the unit's summary as DOCX or XLSX", params: SummaryFileParams } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { unitId, id, format } = req.params;
      const { doc, unit } = await loadSummaryTarget(db, actor, unitId, id, "download");
      const summary = await feedbackRepo.findSummary(db, doc.id, unit.id);
      const fileId = format === "docx" ? summary?.docxFileId : summary?.xlsxFileId;
      const file = fileId ? await feedbackRepo.fileOf(db, fileId) : undefined;
      if (!file) throw new NotFoundError("The summary has not been generated yet");
      const body = await storage.read(file.sha256).catch(() => {
        throw new AppError(503, "service_unavailable", "The file could not be read from storage");
      });
      // "15-NQ/TU" must not read as a folder: the name keeps its last segment only.
      const name = cleanFileName(`Tổng hợp góp ý ${doc.numberSymbol ?? ""} ${unit.name}`.replace(/[/\\]/g, "-"), format);
      return reply
        .header("content-type", file.contentType)
        .header("content-disposition", contentDisposition(name, false))
        .header("x-content-type-options", "nosniff")
        .header("content-length", Number(file.size))
        .send(body);
    },
  );
};
