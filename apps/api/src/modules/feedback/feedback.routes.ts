import { IdParams, OkEnvelope } from "@party/shared/schemas/common";
import { CommentEnvelope, CommentListEnvelope, CommentListQuery, CreateCommentBody, UpdateCommentBody } from "@party/shared/schemas/feedback";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import type { Db } from "../../db/db";
import type { Actor } from "../../lib/actor";
import { withTransaction } from "../../lib/context";
import { ValidationError } from "../../lib/errors";
import { actorOf, idempotencyKeyOf, metaOf } from "../../lib/http";
import { commentConfig, draftConfig, loadComment, loadDraft, tags } from "./feedback.access";
import { createComment, deleteComment, updateComment } from "./feedback.commands";
import { answeringSubtrees } from "./feedback.policy";
import { commentAbilities, presentComment, presentDraft } from "./feedback.presenter";
import * as feedbackRepo from "./feedback.repo";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const AT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{6}Z$/;

/** Opaque keyset cursor (base64url of "<created_at to the microsecond>|<id>"); 400 when malformed. */
const encodeCursor = (c: { cursorAt: string; id: string }) => Buffer.from(`${c.cursorAt}|${c.id}`).toString("base64url");
function decodeCursor(cursor: string | undefined): { at: string; id: string } | undefined {
  if (!cursor) return undefined;
  const [at, id, ...rest] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  if (rest.length > 0 || !AT.test(at ?? "") || !UUID.test(id ?? "") || Number.isNaN(Date.parse(at))) throw new ValidationError("Invalid cursor", { cursor: "invalid" });
  return { at, id };
}

/** One comment as the actor sees it. The caller has authorized `read` (or more). */
export async function commentResponse(db: Db, actor: Actor, id: string) {
  const { comment, doc } = await loadComment(db, actor, id, "read");
  return { data: presentComment(actor, comment), abilities: commentAbilities(actor, comment, doc) };
}

/** The member's side of a draft for feedback: the comments they may see, and their own comments to write, change and delete. */
export const feedbackRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.get(
    "/documents/:id/comments",
    {
      config: draftConfig,
      schema: {
        tags,
        summary: "Comments on the draft the actor may see, oldest first: their own, their cell's when the draft shows them, and for a committee its subtree's",
        params: IdParams,
        querystring: CommentListQuery,
        response: { 200: CommentListEnvelope },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const doc = await loadDraft(db, actor, req.params.id, "read");
      const { cursor, limit, section, ...filters } = req.query;
      const rows = await feedbackRepo.listComments(db, {
        documentId: doc.id,
        scope: { accountId: actor.accountId, cellId: doc.feedbackVisibility === "all" ? (actor.cell?.id ?? null) : null, subtrees: answeringSubtrees(actor) },
        filters: { ...filters, sectionKey: section === undefined ? undefined : (feedbackRepo.sectionKeyOf(section) ?? "") },
        after: decodeCursor(cursor),
        limit,
      });
      const last = rows.at(-1);
      return {
        data: rows.map((r) => presentComment(actor, r)),
        abilities: Object.fromEntries(rows.map((r) => [r.id, commentAbilities(actor, r, doc)])),
        nextCursor: rows.length === limit && last ? encodeCursor(last) : null,
        draft: presentDraft(actor, doc),
      };
    },
  );

  app.post(
    "/documents/:id/comments",
    {
      config: draftConfig,
      schema: {
        tags,
        summary: "Comment on the draft, as a whole or on a section, page or passage, until its deadline (409 after it); a retry with the same Idempotency-Key answers the same comment",
        params: IdParams,
        body: CreateCommentBody,
        response: { 201: CommentEnvelope },
      },
    },
    async (req, reply) => {
      const actor = actorOf(req);
      const key = idempotencyKeyOf(req);
      const { id, replayed } = await withTransaction(app.deps, actor, metaOf(req), async (ctx) => createComment(ctx, await loadDraft(ctx.db, actor, req.params.id, "comment"), req.body, key));
      if (replayed) reply.header("idempotent-replayed", "true");
      return reply.status(201).send(await commentResponse(db, actor, id));
    },
  );

  app.get(
    "/documents/comments/:id",
    { config: commentConfig, schema: { tags, summary: "One comment, with its answer", params: IdParams, response: { 200: CommentEnvelope } } },
    async (req) => commentResponse(db, actorOf(req), req.params.id),
  );

  app.patch(
    "/documents/comments/:id",
    {
      config: commentConfig,
      schema: { tags, summary: "Change one's own comment before the deadline and before it is answered (409 otherwise)", params: IdParams, body: UpdateCommentBody, response: { 200: CommentEnvelope } },
    },
    async (req) => {
      const actor = actorOf(req);
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const { comment, doc } = await loadComment(ctx.db, actor, req.params.id, "edit", true);
        await updateComment(ctx, doc, comment, req.body);
      });
      return commentResponse(db, actor, req.params.id);
    },
  );

  app.delete(
    "/documents/comments/:id",
    { config: commentConfig, schema: { tags, summary: "Delete one's own comment before the deadline and before it is answered (409 otherwise)", params: IdParams, response: { 200: OkEnvelope } } },
    async (req) => {
      const actor = actorOf(req);
      await withTransaction(app.deps, actor, metaOf(req), async (ctx) => {
        const { comment, doc } = await loadComment(ctx.db, actor, req.params.id, "edit", true);
        await deleteComment(ctx, doc, comment);
      });
      return { ok: true as const };
    },
  );
};
