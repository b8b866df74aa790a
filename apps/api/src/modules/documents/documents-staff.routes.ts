import { IdParams } from "@party/shared/schemas/common";
import { CreateDocumentBody, DeskQuery, DocumentEnvelope, DocumentListEnvelope, OpensEnvelope, UpdateDocumentBody, VersionListEnvelope, WithdrawBody } from "@party/shared/schemas/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { withTransaction } from "../../lib/context";
import { actorOf, metaOf } from "../../lib/http";
import { cursorOf, deskConfig, documentConfig as config, documentResponse, loadDesk, loadDocument, tags } from "./documents.access";
import { createDocument, updateDocument, withdrawDocument } from "./documents.commands";
import { encodeIssuedCursor, presentSummary, presentVersion } from "./documents.presenter";
import * as listsRepo from "./documents-lists.repo";
import * as documentsRepo from "./documents.repo";

/** The publishing side: a unit's desk, publishing, editing with history, withdrawing, and who opened a document. */
export const documentsStaffRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.post(
    "/units/:id/documents",
    {
      config: deskConfig,
      schema: { tags, summary: "Publish a document of the unit with the actor's uploads as its files", params: IdParams, body: CreateDocumentBody, response: { 201: DocumentEnvelope } },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const id = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => createDocument(ctx, await loadDesk(ctx.db, actor, req.params.id, "publish"), req.body));
      return reply.status(201).send(await documentResponse(db, actor, id));
    },
  );

  app.get(
    "/units/:id/documents",
    {
      config: deskConfig,
      schema: { tags, summary: "The unit's own documents for its staff, withdrawn ones included", params: IdParams, querystring: DeskQuery, response: { 200: DocumentListEnvelope } },
    },
    async (req) => {
      const actor = actorOf(req);
      const unit = await loadDesk(db, actor, req.params.id, "listDesk");
      const { status, type, cursor, limit } = req.query;
      const after = cursorOf(cursor, "issued");
      const rows = await listsRepo.deskList(db, { accountId: actor.accountId, unitId: unit.id, status, type, limit, after: after ?? undefined });
      const last = rows.at(-1);
      return { data: rows.map(presentSummary), nextCursor: rows.length === limit && last ? encodeIssuedCursor(last.issuedOn, last.id) : null };
    },
  );

  app.patch(
    "/documents/:id",
    {
      config,
      schema: { tags, summary: "Change metadata and files; each change is a new version", params: IdParams, body: UpdateDocumentBody, response: { 200: DocumentEnvelope } },
    },
    async (req) => {
      const actor = actorOf(req);
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => updateDocument(ctx, await loadDocument(ctx.db, actor, req.params.id, "edit", true), req.body));
      return documentResponse(db, actor, req.params.id);
    },
  );

  app.delete(
    "/documents/:id",
    {
      config,
      schema: { tags, summary: "Withdraw the document with a reason: hidden from members, kept for history", params: IdParams, body: WithdrawBody, response: { 200: DocumentEnvelope } },
    },
    async (req) => {
      const actor = actorOf(req);
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => withdrawDocument(ctx, await loadDocument(ctx.db, actor, req.params.id, "withdraw", true), req.body.reason));
      return documentResponse(db, actor, req.params.id);
    },
  );

  app.get("/documents/:id/versions", { config, schema: { tags, summary: "Every version of the metadata, newest first", params: IdParams, response: { 200: VersionListEnvelope } } }, async (req) => {
    const doc = await loadDocument(db, actorOf(req), req.params.id, "viewHistory");
    return { data: (await documentsRepo.listVersions(db, doc.id)).map(presentVersion) };
  });

  app.get(
    "/documents/:id/opens",
    { config, schema: { tags, summary: "Who opened the document's files, and for a cell's document who has not yet", params: IdParams, response: { 200: OpensEnvelope } } },
    async (req) => {
      const doc = await loadDocument(db, actorOf(req), req.params.id, "viewOpens");
      const [opened, notOpened] = await Promise.all([
        documentsRepo.opensOf(db, doc.id),
        doc.unitKind === "cell" && !doc.committeeOnly ? documentsRepo.notOpenedInCell(db, doc.id, doc.unitId) : Promise.resolve(null),
      ]);
      return {
        data: {
          total: opened.length,
          opened: opened.map((o) => ({ ...o, firstAt: new Date(o.firstAt).toISOString() })),
          notOpened,
        },
      };
    },
  );
};
