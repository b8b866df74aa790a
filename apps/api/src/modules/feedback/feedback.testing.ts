import { sql } from "kysely";
import { expect } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { type DocumentsTestApp, documentsTestApp, publish } from "../documents/testing";

/**
 * Shared by the feedback route tests: the documents test app, a tree with the committees of each
 * level and members of two cells of one ward and of a cell of the sibling district, and drafts.
 *
 *   city ─ district ─ ward ─ cell (member, member2, cellSecretary, wardSecretary)
 *                         └─ otherCell (otherCellMember, otherCellSecretary)
 *        └ sibling ─ siblingWard ─ siblingCell (siblingMember, siblingCellSecretary)
 */
export const feedbackTestApp = documentsTestApp;
export type FeedbackTestApp = DocumentsTestApp;

export async function feedbackTree(t: FeedbackTestApp) {
  const tree = await buildTree(t.db);
  const people = {
    cityApprover: await buildAccount(t.db, { homeUnit: tree.city, roles: [["approver", tree.city]] }),
    districtSecretary: await buildAccount(t.db, { homeUnit: tree.district, roles: [["secretary", tree.district]] }),
    wardSecretary: await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.ward]] }),
    cellSecretary: await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] }),
    otherCellSecretary: await buildAccount(t.db, { cell: tree.otherCell, roles: [["secretary", tree.otherCell]] }),
    siblingCellSecretary: await buildAccount(t.db, { cell: tree.siblingCell, roles: [["secretary", tree.siblingCell]] }),
    wardEditor: await buildAccount(t.db, { cell: tree.cell, roles: [["editor", tree.ward]] }),
    member: await buildAccount(t.db, { cell: tree.cell }),
    member2: await buildAccount(t.db, { cell: tree.cell }),
    otherCellMember: await buildAccount(t.db, { cell: tree.otherCell }),
    siblingMember: await buildAccount(t.db, { cell: tree.siblingCell }),
  };
  return { tree, people };
}

/** A week from now, as the API takes it (with Vietnam's offset). */
export const nextWeek = () => new Date(Date.now() + 7 * 86_400_000).toISOString().replace("Z", "+00:00");

/** Publishes a draft for feedback of `unitId` as `who`, open for a week; returns its id. */
export function openDraft(t: FeedbackTestApp, who: { id: string }, unitId: string, extra: Record<string, unknown> = {}): Promise<string> {
  return publish(t, who, unitId, { numberSymbol: "20-DT/TU", summary: "Dự thảo Nghị quyết về công tác xây dựng Đảng", feedbackUntil: nextWeek(), ...extra });
}

/** Moves the draft's deadline into the past, as if the time had come. */
export async function closeDraft(t: FeedbackTestApp, documentId: string): Promise<void> {
  await sql`UPDATE documents SET feedback_until = now() - interval '1 minute' WHERE id = ${documentId}`.execute(t.db);
}

/** Comments on the draft as `who`; returns the comment's id. */
export async function comment(t: FeedbackTestApp, who: { id: string }, documentId: string, body: Record<string, unknown> = {}): Promise<string> {
  const res = await (await t.as(who)).post(`/api/documents/${documentId}/comments`, { body: "Đề nghị làm rõ chỉ tiêu.", ...body });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id;
}

/** Answers a comment as `who`. */
export async function answer(t: FeedbackTestApp, who: { id: string }, commentId: string, status = "accepted", reply: string | null = "Xin tiếp thu.") {
  const res = await (await t.as(who)).post(`/api/documents/comments/${commentId}/reply`, { status, reply });
  expect(res.statusCode, res.body).toBe(200);
}

/** Generates the unit's summary and runs the job; returns the summary. */
export async function summarise(t: FeedbackTestApp, who: { id: string }, unitId: string, documentId: string) {
  const res = await (await t.as(who)).post(`/api/units/${unitId}/documents/${documentId}/feedback/summary`);
  expect(res.statusCode, res.body).toBe(202);
  await t.drainJobs();
  return (await (await t.as(who)).get(`/api/documents/${documentId}/feedback?unitId=${unitId}`)).json();
}

/** Generates and forwards the unit's summary. */
export async function summariseAndForward(t: FeedbackTestApp, who: { id: string }, unitId: string, documentId: string) {
  await summarise(t, who, unitId, documentId);
  const res = await (await t.as(who)).post(`/api/units/${unitId}/documents/${documentId}/feedback/forward`);
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}
