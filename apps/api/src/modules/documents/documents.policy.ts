import { type Actor, audiencePaths, hasRoleOver, inAudience, subtreesWith } from "../../lib/actor";
import { definePolicy } from "../../lib/policy";
import type { UnitRole } from "@party/shared";

/** The roles that publish a unit's documents (on the unit or any unit above it). */
export const PUBLISHER_ROLES: readonly UnitRole[] = ["unit_admin", "secretary", "deputy_secretary", "approver"];

/** Publishes for the unit at `path`: a unit admin, secretary, deputy secretary or approver of it or of a unit above. */
export const publishesFor = (actor: Actor, path: string): boolean => hasRoleOver(actor, path, ...PUBLISHER_ROLES);

type UnitLike = { path: string; status: string };

/**
 * A unit's document desk: its audience reads its documents; those who publish for it publish new
 * ones (while the unit is active) and list its desk (withdrawn documents included).
 */
export const documentDeskPolicy = definePolicy<UnitLike>()("document desk", {
  read: (actor, u) => inAudience(actor, u.path),
  publish: (actor, u) => publishesFor(actor, u.path) && u.status === "active",
  listDesk: (actor, u) => publishesFor(actor, u.path),
});

export interface DocumentLike {
  /** The publishing unit's path. */
  unitPath: string;
  committeeOnly: boolean;
  withdrawnAt: Date | null;
}

/**
 * Who sees a document: the publishing unit's audience (its members and every member below, staff
 * of it, above it or below it). A committee-only document, and a withdrawn one, only those who
 * publish for the unit (its committee: secretary and deputy; unit admins and approvers of it or above).
 * Anyone else gets 404, never 403, so documents cannot be probed.
 */
const sees = (actor: Actor, d: DocumentLike): boolean =>
  d.withdrawnAt !== null || d.committeeOnly ? publishesFor(actor, d.unitPath) : inAudience(actor, d.unitPath);
const manages = (actor: Actor, d: DocumentLike): boolean => publishesFor(actor, d.unitPath);
const live = (d: DocumentLike): boolean => d.withdrawnAt === null;

export const documentPolicy = definePolicy<DocumentLike>()("document", {
  read: sees,
  /** Bookmarks and notes: a reader's own, on a document still in force. */
  keep: (actor, d) => sees(actor, d) && live(d),
  edit: (actor, d) => manages(actor, d) && live(d),
  withdraw: (actor, d) => manages(actor, d) && live(d),
  viewHistory: manages,
  /** Who opened it (pre-reads). */
  viewOpens: manages,
});

/** Uploading document files: anyone who publishes documents for some unit, and news editors (articles' attachments). */
export const documentUploadPolicy = definePolicy<Record<string, never>>()("document upload", {
  read: () => true,
  upload: (actor) => actor.grants.some((g) => PUBLISHER_ROLES.includes(g.role) || g.role === "editor"),
});

/** A private note: its author's alone (anyone else, whatever their role, gets 404). */
export const notePolicy = definePolicy<{ accountId: string }>()("note", {
  read: (actor, n) => n.accountId === actor.accountId,
  edit: (actor, n) => n.accountId === actor.accountId,
});

/**
 * The SQL scope of lists and search, the same rule as `documentPolicy.read` for live documents:
 * units at `above` (the actor's cell, grants and every unit above them), subtrees of the actor's
 * grants, and committee-only documents only inside `publishes`.
 */
export interface DocumentScope {
  above: string[];
  subtrees: string[];
  publishes: string[];
}
export const documentScope = (actor: Actor): DocumentScope => ({
  above: audiencePaths(actor),
  subtrees: subtreesWith(actor, ...actor.grants.map((g) => g.role)),
  publishes: subtreesWith(actor, ...PUBLISHER_ROLES),
});
