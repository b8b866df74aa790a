import type { FeedbackOverviewDto } from "@party/shared/schemas/feedback";
import type { Db } from "../../db/db";
import { type Actor, covers } from "../../lib/actor";
import type { DocumentRow } from "../documents/documents.repo";
import { PUBLISHER_ROLES } from "../documents/documents.policy";
import * as unitsRepo from "../org-units/org-units.repo";
import type { UnitRow } from "../org-units/org-units.repo";
import { summaryPolicy } from "./feedback.policy";
import { isOpen, presentDraft, presentSummary, unitRef } from "./feedback.presenter";
import * as feedbackRepo from "./feedback.repo";
import type { SummaryRow } from "./feedback.repo";

/** Queries behind GET /api/documents/:id/feedback: one unit's view of a draft's feedback. */

const collator = new Intl.Collator("vi", { numeric: true, sensitivity: "base" });

/**
 * The units of the draft's subtree the actor answers for directly, shallowest first: for a grant
 * on or above the publishing unit, the publishing unit; for a grant below it, the grant's unit.
 */
export async function reviewUnitsOf(db: Db, actor: Actor, doc: DocumentRow): Promise<UnitRow[]> {
  const ids = new Set<string>();
  for (const g of actor.grants) {
    if (!PUBLISHER_ROLES.includes(g.role)) continue;
    if (covers(g.path, doc.unitPath)) ids.add(doc.unitId);
    else if (covers(doc.unitPath, g.path)) ids.add(g.unitId);
  }
  const units = await unitsRepo.findByIds(db, [...ids]);
  return units.sort((a, b) => a.depth - b.depth || collator.compare(a.name, b.name));
}

/** Whether a draft summary's files no longer match its comments. */
export async function isOutdated(db: Db, doc: DocumentRow, unit: UnitRow, summary: SummaryRow | undefined): Promise<boolean> {
  if (!summary || summary.status !== "draft" || summary.generation !== "done" || !summary.fingerprint) return false;
  return (await feedbackRepo.summaryFingerprint(db, doc.id, unit.path)) !== summary.fingerprint;
}

/**
 * What the actor may do with the unit's summary now: the policy's answers narrowed by the state
 * (after the deadline; not once forwarded; forward only up-to-date files; download once made).
 */
export function summaryAbilities(actor: Actor, doc: DocumentRow, unit: UnitRow, summary: SummaryRow | undefined, outdated: boolean): Record<string, boolean> {
  const can = summaryPolicy.serialize(actor, { unitId: unit.id, unitPath: unit.path, document: doc });
  const closed = !isOpen(doc);
  const draft = summary?.status !== "forwarded";
  const made = summary?.generation === "done" && summary.docxFileId !== null;
  return {
    ...can,
    summarise: can.summarise && closed && draft,
    forward: can.forward && closed && draft && made && !outdated,
    download: can.download && made,
  };
}

/** The overview of the unit's feedback. The caller has authorized `read` on the unit's summary. */
export async function feedbackOverview(db: Db, actor: Actor, doc: DocumentRow, unit: UnitRow, reviewUnits: UnitRow[]): Promise<{ data: FeedbackOverviewDto; abilities: Record<string, boolean> }> {
  const [counts, sections, below, own] = await Promise.all([
    feedbackRepo.summaryCounts(db, doc.id, unit.path),
    feedbackRepo.summaryBySection(db, doc.id, unit.path),
    feedbackRepo.unitsBelow(db, doc.id, unit.id),
    feedbackRepo.findSummary(db, doc.id, unit.id),
  ]);
  const summaries = await feedbackRepo.summariesFor(db, doc.id, below.map((u) => u.id));
  const outdated = await isOutdated(db, doc, unit, own);
  const bySection = sections.sort((a, b) => (a.section === null ? -1 : b.section === null ? 1 : collator.compare(a.section, b.section)));
  const data: FeedbackOverviewDto = {
    draft: presentDraft(actor, doc),
    unit: unitRef(unit.id, unit.name, unit.kind),
    reviewUnits: reviewUnits.map((u) => unitRef(u.id, u.name, u.kind)),
    counts,
    bySection,
    units: below.map((u) => {
      const summary = summaries.find((s) => s.unitId === u.id);
      return { unit: unitRef(u.id, u.name, u.kind), total: u.total, pending: u.pending, summary: summary ? presentSummary(summary) : null };
    }),
    received: summaries.filter((s) => s.status === "forwarded").map((s) => presentSummary(s)),
    summary: own ? presentSummary(own, outdated) : null,
  };
  return { data, abilities: summaryAbilities(actor, doc, unit, own, outdated) };
}
