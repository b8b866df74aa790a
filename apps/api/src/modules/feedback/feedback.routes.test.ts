import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { answer, closeDraft, comment, feedbackTestApp, feedbackTree, openDraft } from "./feedback.testing";
import { publish } from "../documents/testing";

const t = await feedbackTestApp();

type Comment = { id: string; body: string; mine: boolean; author: { name: string } | null; status: string; reply: string | null; unit: { id: string } };
const bodies = (res: { json: () => { data: Comment[] } }) => res.json().data.map((c) => c.body);

describe("POST /api/documents/:id/comments", () => {
  it("lets a member of a cell below comment on a page until the deadline and refuses after it with 409", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.districtSecretary, tree.district.id);
    const client = await t.as(people.member);

    const res = await client.post(`/api/documents/${id}/comments`, { section: "  Điều   3 ", page: 3, quote: "tăng cường kiểm tra", body: "Đề nghị bổ sung chỉ tiêu cụ thể." });

    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toMatchObject({ section: "Điều 3", page: 3, quote: "tăng cường kiểm tra", status: "pending", mine: true, unit: { id: tree.cell.id }, author: { id: people.member.id } });
    expect(res.json().abilities).toMatchObject({ read: true, edit: true, delete: true, reply: false });
    const events = await t.db.selectFrom("events").select(["name", "unitId", "actorId"]).where("subjectId", "=", res.json().data.id).execute();
    expect(events).toEqual([{ name: "feedback.comment_created", unitId: tree.cell.id, actorId: people.member.id }]);

    await closeDraft(t, id);
    const late = await client.post(`/api/documents/${id}/comments`, { body: "Muộn rồi." });
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toMatch(/deadline/);
  });

  it("answers a retry with the same Idempotency-Key with the comment made the first time, even after the deadline, and makes nothing twice", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);
    const key = randomUUID();
    const send = (payload: Record<string, unknown>, idempotencyKey: string = key) =>
      t.app.inject({ method: "POST", url: `/api/documents/${id}/comments`, headers: { ...client.headers, "idempotency-key": idempotencyKey }, payload });

    const first = await send({ section: "Phần I", body: "Đề nghị làm rõ chỉ tiêu." });
    const twice = await Promise.all([0, 1].map(() => send({ body: "Gửi hai lần cùng lúc." }, "same-moment-key")));
    expect(twice.map((r) => r.statusCode)).toEqual([201, 201]);
    expect(twice[1].json().data.id).toBe(twice[0].json().data.id);
    await closeDraft(t, id);
    const retry = await send({ section: "Phần I", body: "Đề nghị làm rõ chỉ tiêu." });

    expect(first.statusCode, first.body).toBe(201);
    expect(retry.statusCode, retry.body).toBe(201);
    expect(retry.headers["idempotent-replayed"]).toBe("true");
    expect(retry.json().data.id).toBe(first.json().data.id);
    expect(await t.db.selectFrom("feedbackComments").select("id").where("documentId", "=", id).execute()).toHaveLength(2);
    expect(await t.db.selectFrom("events").select("id").where("name", "=", "feedback.comment_created").where("subjectId", "=", first.json().data.id).execute()).toHaveLength(1);
  });

  it("answers 409 to an Idempotency-Key reused for another comment and 400 to a malformed one", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);
    const send = (payload: Record<string, unknown>, key: string) =>
      t.app.inject({ method: "POST", url: `/api/documents/${id}/comments`, headers: { ...client.headers, "idempotency-key": key }, payload });
    const key = randomUUID();
    expect((await send({ body: "Ý kiến thứ nhất." }, key)).statusCode).toBe(201);

    const reused = await send({ body: "Ý kiến khác." }, key);
    const malformed = await send({ body: "Ý kiến." }, "short");

    expect(reused.statusCode).toBe(409);
    expect(reused.json().error.details).toEqual({ "idempotency-key": "reused" });
    expect(malformed.statusCode).toBe(400);
    expect(await t.db.selectFrom("feedbackComments").select("body").where("documentId", "=", id).execute()).toEqual([{ body: "Ý kiến thứ nhất." }]);
  });

  it("refuses fields a member may not set (status, unit, author) with 400 and an empty body with 400", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);

    const forged = await client.post(`/api/documents/${id}/comments`, { body: "Tiếp thu sẵn", status: "accepted", unitId: tree.otherCell.id, accountId: people.member2.id });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().error.details.fields).toMatchObject({ status: "unknown_field", unitId: "unknown_field", accountId: "unknown_field" });
    expect((await client.post(`/api/documents/${id}/comments`, { body: "   " })).statusCode).toBe(400);
    expect((await client.post(`/api/documents/${id}/comments`, { body: "x", page: 0 })).statusCode).toBe(400);
    expect(await t.db.selectFrom("feedbackComments").select("id").where("documentId", "=", id).execute()).toEqual([]);
  });

  it("returns 404 to a member of a sibling district, 403 to a staff account without a cell, 409 on a document that is no draft, 401 without a session", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const plain = await publish(t, people.wardSecretary, tree.ward.id);

    expect((await (await t.as(people.siblingMember)).post(`/api/documents/${id}/comments`, { body: "x" })).statusCode).toBe(404);
    expect((await (await t.as(people.districtSecretary)).post(`/api/documents/${id}/comments`, { body: "x" })).statusCode).toBe(403);
    expect((await (await t.as(people.member)).post(`/api/documents/${plain}/comments`, { body: "x" })).statusCode).toBe(409);
    expect((await (await t.as(people.member)).post(`/api/documents/${randomUUID()}/comments`, { body: "x" })).statusCode).toBe(404);
    expect((await t.anonymous.post(`/api/documents/${id}/comments`, { body: "x" })).statusCode).toBe(401);
  });

  it("refuses a member's comment past the limit per draft with 409", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    await sql`
      INSERT INTO feedback_comments (document_id, account_id, unit_id, unit_path, body)
      SELECT ${id}, ${people.member.id}, ${tree.cell.id}, ${tree.cell.path}::ltree, 'Ý kiến ' || n FROM generate_series(1, 100) n`.execute(t.db);

    const res = await (await t.as(people.member)).post(`/api/documents/${id}/comments`, { body: "Ý kiến thứ 101" });

    expect(res.statusCode).toBe(409);
  });
});

describe("GET /api/documents/:id/comments", () => {
  it("shows a member only their own comments by default, and their cell's without names when the draft shows them", async () => {
    const { tree, people } = await feedbackTree(t);
    const own = await openDraft(t, people.wardSecretary, tree.ward.id);
    const shared = await openDraft(t, people.wardSecretary, tree.ward.id, { feedbackVisibility: "all" });
    for (const id of [own, shared]) {
      await comment(t, people.member, id, { body: "Của tôi" });
      await comment(t, people.member2, id, { body: "Của đồng chí cùng chi bộ" });
      await comment(t, people.otherCellMember, id, { body: "Của chi bộ khác" });
    }
    const client = await t.as(people.member);

    const ownList = await client.get(`/api/documents/${own}/comments`);
    expect(bodies(ownList)).toEqual(["Của tôi"]);
    expect(ownList.json().draft).toMatchObject({ visibility: "own", open: true, abilities: { comment: true, review: false } });

    const sharedList = await client.get(`/api/documents/${shared}/comments`);
    expect(bodies(sharedList)).toEqual(["Của tôi", "Của đồng chí cùng chi bộ"]);
    const [mine, theirs] = sharedList.json().data as Comment[];
    expect(mine).toMatchObject({ mine: true, author: { name: people.member.displayName } });
    expect(theirs).toMatchObject({ mine: false, author: null });
    expect(sharedList.json().abilities[theirs.id]).toMatchObject({ read: true, edit: false, reply: false });
    expect(bodies(await client.get(`/api/documents/${shared}/comments?mine=true`))).toEqual(["Của tôi"]);
  });

  it("shows a member the reply and status to their comment", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const commentId = await comment(t, people.member, id, { section: "Điều 2" });
    await answer(t, people.cellSecretary, commentId, "rejected", "Đã có trong Điều 5.");

    const res = await (await t.as(people.member)).get(`/api/documents/${id}/comments`);

    expect(res.json().data).toEqual([
      expect.objectContaining({ id: commentId, status: "rejected", reply: "Đã có trong Điều 5.", repliedBy: { id: people.cellSecretary.id, name: people.cellSecretary.displayName } }),
    ]);
    // Answered: no longer the member's to change.
    expect(res.json().abilities[commentId]).toMatchObject({ edit: false, delete: false });
  });

  it("shows a cell's committee its cell's comments and the ward's committee the whole ward's, filtered by status, unit and section", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.districtSecretary, tree.district.id);
    const a = await comment(t, people.member, id, { section: "Điều 3", body: "A" });
    await comment(t, people.member2, id, { section: "điều  3", body: "B" });
    await comment(t, people.otherCellMember, id, { body: "C" });
    await answer(t, people.cellSecretary, a);

    const cell = await t.as(people.cellSecretary);
    const cellList = await cell.get(`/api/documents/${id}/comments`);
    expect(bodies(cellList)).toEqual(["A", "B"]);
    expect((cellList.json().data as Comment[]).every((c) => c.author !== null)).toBe(true);
    expect(cellList.json().abilities[a]).toMatchObject({ reply: true });

    const ward = await t.as(people.wardSecretary);
    expect(bodies(await ward.get(`/api/documents/${id}/comments`))).toEqual(["A", "B", "C"]);
    expect(bodies(await ward.get(`/api/documents/${id}/comments?status=pending`))).toEqual(["B", "C"]);
    expect(bodies(await ward.get(`/api/documents/${id}/comments?unitId=${tree.otherCell.id}`))).toEqual(["C"]);
    expect(bodies(await ward.get(`/api/documents/${id}/comments?section=${encodeURIComponent("ĐIỀU 3")}`))).toEqual(["A", "B"]);
    expect(bodies(await ward.get(`/api/documents/${id}/comments?section=`))).toEqual(["C"]);
    // A sibling district's cell secretary reads the district's draft? No: it is not in their audience.
    expect((await (await t.as(people.siblingCellSecretary)).get(`/api/documents/${id}/comments`)).statusCode).toBe(404);
  });

  it("pages through the comments oldest first with a cursor", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    for (const body of ["1", "2", "3"]) await comment(t, people.member, id, { body });
    const client = await t.as(people.member);

    const first = await client.get(`/api/documents/${id}/comments?limit=2`);
    expect(bodies(first)).toEqual(["1", "2"]);
    const second = await client.get(`/api/documents/${id}/comments?limit=2&cursor=${first.json().nextCursor}`);
    expect(bodies(second)).toEqual(["3"]);
    expect(second.json().nextCursor).toBeNull();
  });

  it("answers 400 to a malformed cursor or an unknown filter, 404 to a member of a sibling district, 401 without a session", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);

    expect((await client.get(`/api/documents/${id}/comments?cursor=abc`)).statusCode).toBe(400);
    expect((await client.get(`/api/documents/${id}/comments?accountId=${people.member2.id}`)).statusCode).toBe(400);
    expect((await (await t.as(people.siblingMember)).get(`/api/documents/${id}/comments`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/documents/${id}/comments`)).statusCode).toBe(401);
  });
});

describe("GET /api/documents/comments/:id", () => {
  it("shows the comment to its author and to the committees of its cell and above", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.districtSecretary, tree.district.id);
    const commentId = await comment(t, people.member, id);

    for (const who of [people.member, people.cellSecretary, people.wardSecretary, people.districtSecretary]) {
      expect((await (await t.as(who)).get(`/api/documents/comments/${commentId}`)).statusCode).toBe(200);
    }
  });

  it("returns 404 to the committee of a sibling cell asking for a comment, to a fellow member when comments are private, and 401 without a session", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.districtSecretary, tree.district.id);
    const commentId = await comment(t, people.member, id);

    const res = await (await t.as(people.otherCellSecretary)).get(`/api/documents/comments/${commentId}`);

    expect(res.statusCode).toBe(404);
    expect(res.json().error.code).toBe("not_found");
    expect((await (await t.as(people.member2)).get(`/api/documents/comments/${commentId}`)).statusCode).toBe(404);
    expect((await (await t.as(people.member)).get("/api/documents/comments/abc")).statusCode).toBe(400);
    expect((await t.anonymous.get(`/api/documents/comments/${commentId}`)).statusCode).toBe(401);
    const denied = await t.db.selectFrom("events").select(["name", "unitId"]).where("subjectId", "=", commentId).where("name", "=", "access.denied").execute();
    expect(denied).toContainEqual({ name: "access.denied", unitId: tree.cell.id });
  });
});

describe("PATCH and DELETE /api/documents/comments/:id", () => {
  it("lets the author change and delete their comment before the deadline, with audit events", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const commentId = await comment(t, people.member, id, { section: "Điều 1", body: "Bản đầu" });
    const client = await t.as(people.member);

    const changed = await client.patch(`/api/documents/comments/${commentId}`, { body: "Bản sửa", section: null, page: 2 });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json().data).toMatchObject({ body: "Bản sửa", section: null, page: 2 });

    expect((await client.delete(`/api/documents/comments/${commentId}`)).json()).toEqual({ ok: true });
    expect(bodies(await client.get(`/api/documents/${id}/comments`))).toEqual([]);
    expect((await client.get(`/api/documents/comments/${commentId}`)).statusCode).toBe(404);
    const events = await t.db.selectFrom("events").select("name").where("subjectId", "=", commentId).orderBy("id").execute();
    expect(events.map((e) => e.name)).toEqual(["feedback.comment_created", "feedback.comment_updated", "feedback.comment_deleted"]);
  });

  it("refuses changes with 409 once the comment is answered or the deadline has passed", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id);
    const answered = await comment(t, people.member, id);
    const late = await comment(t, people.member, id);
    await answer(t, people.cellSecretary, answered, "noted", null);
    const client = await t.as(people.member);

    expect((await client.patch(`/api/documents/comments/${answered}`, { body: "Sửa" })).statusCode).toBe(409);
    expect((await client.delete(`/api/documents/comments/${answered}`)).statusCode).toBe(409);
    await closeDraft(t, id);
    expect((await client.patch(`/api/documents/comments/${late}`, { body: "Sửa" })).statusCode).toBe(409);
    expect((await client.delete(`/api/documents/comments/${late}`)).statusCode).toBe(409);
    const row = await t.db.selectFrom("feedbackComments").select(["body", "deletedAt"]).where("id", "=", late).executeTakeFirstOrThrow();
    expect(row).toEqual({ body: "Đề nghị làm rõ chỉ tiêu.", deletedAt: null });
  });

  it("returns 404 to a member who cannot see the comment, 403 to those who see it but did not write it (a fellow member, the cell's secretary), 400 to an empty or forged change, 401 without a session", async () => {
    const { tree, people } = await feedbackTree(t);
    const id = await openDraft(t, people.wardSecretary, tree.ward.id, { feedbackVisibility: "all" });
    const commentId = await comment(t, people.member, id);

    expect((await (await t.as(people.otherCellMember)).patch(`/api/documents/comments/${commentId}`, { body: "x" })).statusCode).toBe(404);
    // A fellow member sees it ('all') but may not change it.
    expect((await (await t.as(people.member2)).patch(`/api/documents/comments/${commentId}`, { body: "x" })).statusCode).toBe(403);
    expect((await (await t.as(people.cellSecretary)).delete(`/api/documents/comments/${commentId}`)).statusCode).toBe(403);
    expect((await (await t.as(people.member)).patch(`/api/documents/comments/${commentId}`, {})).statusCode).toBe(400);
    expect((await (await t.as(people.member)).patch(`/api/documents/comments/${commentId}`, { status: "accepted" })).statusCode).toBe(400);
    expect((await t.app.inject({ method: "DELETE", url: `/api/documents/comments/${commentId}` })).statusCode).toBe(401);
    expect((await t.db.selectFrom("feedbackComments").select("body").where("id", "=", commentId).executeTakeFirstOrThrow()).body).toBe("Đề nghị làm rõ chỉ tiêu.");
  });
});
