import type { Db } from "../../db/db";
import type { Actor } from "../../lib/actor";
import { NotFoundError, ValidationError } from "../../lib/errors";
import { authorize } from "../../lib/policy";
import * as unitsRepo from "../org-units/org-units.repo";
import { documentDeskPolicy, documentPolicy } from "./documents.policy";
import { type Cursor, decodeCursor, presentDocument } from "./documents.presenter";
import * as documentsRepo from "./documents.repo";

/** Shared by the documents route files: loading with authorisation, and the document as the actor sees it. */

export const tags = ["documents"];
export const documentConfig = { policy: documentPolicy.name };
export const deskConfig = { policy: documentDeskPolicy.name };

/** The document, if the actor may do `action` with it (404 unreadable or missing, 403 readable but not allowed). */
export async function loadDocument(db: Db, actor: Actor, id: string, action: (typeof documentPolicy.actions)[number], forUpdate = false) {
  const doc = await documentsRepo.findDocument(db, id, { forUpdate });
  authorize(documentPolicy, actor, action, doc);
  return doc;
}

/** The document and its file at `position`, if the actor may read the document; a position it does not have is a 404 too. */
export async function loadFile(db: Db, actor: Actor, id: string, position: number) {
  const doc = await loadDocument(db, actor, id, "read");
  const file = (await documentsRepo.documentFiles(db, doc.id)).find((f) => f.position === position);
  if (!file) throw new NotFoundError("file not found");
  return { doc, file };
}

/** The unit as a document desk, if the actor may do `action` there. */
export async function loadDesk(db: Db, actor: Actor, unitId: string, action: (typeof documentDeskPolicy.actions)[number]) {
  const unit = await unitsRepo.findById(db, unitId);
  authorize(documentDeskPolicy, actor, action, unit);
  return unit;
}

/** The document with its files, the actor's bookmark and abilities. The caller has authorized `read`. */
export async function documentResponse(db: Db, actor: Actor, id: string) {
  const doc = (await documentsRepo.findDocument(db, id))!;
  const [files, bookmarked] = await Promise.all([documentsRepo.documentFiles(db, id), documentsRepo.isBookmarked(db, id, actor.accountId)]);
  return { data: presentDocument(doc, files, bookmarked), abilities: documentPolicy.serialize(actor, doc) };
}

/** The cursor of a list, of the kind the list pages by (by issue date, or by position in search results); 400 otherwise. */
export function cursorOf<K extends Cursor["kind"]>(cursor: string | undefined, kind: K): Extract<Cursor, { kind: K }> | null {
  if (!cursor) return null;
  const decoded = decodeCursor(cursor);
  if (!decoded || decoded.kind !== kind) throw new ValidationError("Invalid cursor", { cursor: "invalid" });
  return decoded as Extract<Cursor, { kind: K }>;
}
