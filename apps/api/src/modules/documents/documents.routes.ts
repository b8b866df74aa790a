import { createWriteStream } from "node:fs";
import { pipeline } from "node:stream/promises";
import { IdParams } from "@party/shared/schemas/common";
import { DocumentEnvelope, DocumentListEnvelope, DocumentListQuery, FilePositionParams, FileTextEnvelope, PreviewEnvelope } from "@party/shared/schemas/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { AppError, ConflictError } from "../../lib/errors";
import { actorOf } from "../../lib/http";
import { sendStoredFile } from "../../lib/send-file";
import { bestSnippet, highlightAll, queryTerms } from "../../lib/snippets";
import { sanitizeArticleHtml } from "../news/news.sanitize";
import { cursorOf, documentConfig as config, documentResponse, loadDocument, loadFile, tags } from "./documents.access";
import { documentScope } from "./documents.policy";
import { encodeIssuedCursor, encodeOffsetCursor, presentSummary } from "./documents.presenter";
import * as listsRepo from "./documents-lists.repo";
import * as documentsRepo from "./documents.repo";
import { docxPreviewHtml } from "./extract";
import { contentDisposition, INLINE_FORMATS } from "./file-names";
import { removeTemp, tempDirOf, tempPath } from "./receive";

/** Formats a browser shows itself; Office files are downloaded. */
/** Search pages by position up to here; past it, narrow the query. */
const MAX_OFFSET = 1000;

/** Reading documents: the list and search, one document, its files (with Range), their text and a DOCX preview. */
export const documentsRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db, env, storage } = app.deps;

  app.get(
    "/documents",
    {
      config,
      schema: {
        tags,
        summary: "Documents the actor may see: newest first, or with q diacritic-insensitive and ranked (a matching number/symbol first), with filters",
        querystring: DocumentListQuery,
        response: { 200: DocumentListEnvelope },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const { q, cursor, limit, ...filters } = req.query;
      const scope = documentScope(actor);
      if (!q) {
        const after = cursorOf(cursor, "issued");
        const rows = await listsRepo.listVisible(db, { accountId: actor.accountId, scope, filters, limit, after: after ?? undefined });
        const last = rows.at(-1);
        return { data: rows.map(presentSummary), nextCursor: rows.length === limit && last ? encodeIssuedCursor(last.issuedOn, last.id) : null };
      }
      const offset = cursorOf(cursor, "offset")?.offset ?? 0;
      const terms = queryTerms(q);
      const prefix = listsRepo.symbolPrefix(q);
      if (terms.length === 0 && !prefix) return { data: [], nextCursor: null };
      const rows = await listsRepo.search(db, { accountId: actor.accountId, q, symbolPrefix: prefix, scope, filters, limit: limit + 1, offset });
      const more = rows.length > limit && offset + limit < MAX_OFFSET;
      return {
        data: rows.slice(0, limit).map((r) => ({
          ...presentSummary(r),
          summaryParts: highlightAll(r.summary, terms),
          snippet: bestSnippet(r.contentHead ?? "", r.summary, terms),
          rank: r.symbolHit ? 1 + Number(r.rank ?? 0) : Number(r.rank ?? 0),
        })),
        nextCursor: more ? encodeOffsetCursor(offset + limit) : null,
      };
    },
  );

  app.get("/documents/:id", { config, schema: { tags, params: IdParams, response: { 200: DocumentEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    await loadDocument(db, actor, req.params.id, "read");
    return documentResponse(db, actor, req.params.id);
  });

  app.get(
    "/documents/:id/files/:position",
    { config, schema: { tags, summary: "A file of the document (Range supported); opening it is recorded for pre-reads", params: FilePositionParams } },
    async (req, reply) => {
      const actor = actorOf(req);
      const { doc, file } = await loadFile(db, actor, req.params.id, req.params.position);
      // A viewer reads a PDF in many ranges: only the whole file or its first range counts as an open.
      return sendStoredFile(reply, storage, file, contentDisposition(file.name, INLINE_FORMATS.has(file.format)), { onWhole: () => documentsRepo.recordOpen(db, doc.id, actor.accountId) });
    },
  );

  app.get(
    "/documents/:id/files/:position/text",
    { config, schema: { tags, summary: "The file's extracted text page by page (read-aloud, search in the document); status pending until extracted", params: FilePositionParams, response: { 200: FileTextEnvelope } } },
    async (req) => {
      const { file } = await loadFile(db, actorOf(req), req.params.id, req.params.position);
      const text = await documentsRepo.findFileText(db, file.fileId);
      const status = text?.status ?? "pending";
      return { data: { status, pages: status === "done" ? (text?.pages ?? []) : [] } };
    },
  );

  app.get(
    "/documents/:id/files/:position/preview",
    { config, schema: { tags, summary: "A DOCX file as sanitised HTML for reading on a phone (409 for other formats)", params: FilePositionParams, response: { 200: PreviewEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      const { doc, file } = await loadFile(db, actor, req.params.id, req.params.position);
      if (file.format !== "docx") throw new ConflictError("A preview exists only for DOCX files", { format: file.format });
      const tmp = await tempPath(tempDirOf(env), "preview");
      try {
        await pipeline(await storage.read(file.sha256), createWriteStream(tmp, { flags: "wx" })).catch(() => {
          throw new AppError(503, "service_unavailable", "The file could not be read from storage");
        });
        const html = await docxPreviewHtml(tmp).catch(() => {
          throw new AppError(422, "validation_failed", "The file could not be shown");
        });
        await documentsRepo.recordOpen(db, doc.id, actor.accountId);
        // Sanitised again here with the articles' allow-list, whatever the converter produced.
        return { data: { html: sanitizeArticleHtml(html) } };
      } finally {
        await removeTemp(tmp);
      }
    },
  );
};
