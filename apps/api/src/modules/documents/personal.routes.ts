import { IdParams, OkEnvelope } from "@party/shared/schemas/common";
import { NoteBody, NoteEnvelope, NoteListEnvelope, UpdateNoteBody } from "@party/shared/schemas/documents";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { actorOf } from "../../lib/http";
import { authorize } from "../../lib/policy";
import { documentConfig as config, loadDocument, tags } from "./documents.access";
import { notePolicy } from "./documents.policy";
import { presentNote } from "./documents.presenter";
import * as documentsRepo from "./documents.repo";

const noteConfig = { policy: notePolicy.name };

/** A member's own: bookmarks (favourites, listed by GET /api/documents?bookmarked=true) and private notes. */
export const personalRoutes: FastifyPluginAsyncZod = async (app) => {
  const { db } = app.deps;

  app.put("/documents/:id/bookmark", { config, schema: { tags, summary: "Bookmark the document (again is a no-op)", params: IdParams, response: { 200: OkEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    const doc = await loadDocument(db, actor, req.params.id, "keep");
    await documentsRepo.addBookmark(db, actor.accountId, doc.id);
    return { ok: true as const };
  });

  app.delete("/documents/:id/bookmark", { config, schema: { tags, summary: "Remove the bookmark (none is a no-op)", params: IdParams, response: { 200: OkEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    const doc = await loadDocument(db, actor, req.params.id, "read");
    await documentsRepo.removeBookmark(db, actor.accountId, doc.id);
    return { ok: true as const };
  });

  app.get("/documents/:id/notes", { config, schema: { tags, summary: "The actor's own notes on the document, oldest first", params: IdParams, response: { 200: NoteListEnvelope } } }, async (req) => {
    const actor = actorOf(req);
    const doc = await loadDocument(db, actor, req.params.id, "read");
    return { data: (await documentsRepo.notesOf(db, actor.accountId, doc.id)).map(presentNote) };
  });

  app.post(
    "/documents/:id/notes",
    { config, schema: { tags, summary: "A private note on the document (optionally on a page); nobody else ever sees it", params: IdParams, body: NoteBody, response: { 201: NoteEnvelope } } },
    async (req, reply) => {
      const actor = actorOf(req);
      const doc = await loadDocument(db, actor, req.params.id, "keep");
      const note = await documentsRepo.insertNote(db, { accountId: actor.accountId, documentId: doc.id, page: req.body.page, body: req.body.body });
      return reply.status(201).send({ data: presentNote(note) });
    },
  );

  app.patch("/documents/notes/:id", { config: noteConfig, schema: { tags, params: IdParams, body: UpdateNoteBody, response: { 200: NoteEnvelope } } }, async (req) => {
    const note = await documentsRepo.findNote(db, req.params.id);
    authorize(notePolicy, actorOf(req), "edit", note);
    return { data: presentNote(await documentsRepo.updateNote(db, note.id, req.body)) };
  });

  app.delete("/documents/notes/:id", { config: noteConfig, schema: { tags, params: IdParams, response: { 200: OkEnvelope } } }, async (req) => {
    const note = await documentsRepo.findNote(db, req.params.id);
    authorize(notePolicy, actorOf(req), "edit", note);
    await documentsRepo.deleteNote(db, note.id);
    return { ok: true as const };
  });
};
