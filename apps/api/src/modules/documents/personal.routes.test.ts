import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { documentsTestApp, documentsTree, publish } from "./testing";

const t = await documentsTestApp();

describe("bookmarks", () => {
  it("bookmarks a document (twice is once), lists it with ?bookmarked=true and removes it", async () => {
    const { tree, people } = await documentsTree(t);
    const kept = await publish(t, people.wardSecretary, tree.ward.id);
    await publish(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);

    expect((await client.put(`/api/documents/${kept}/bookmark`)).json()).toEqual({ ok: true });
    expect((await client.put(`/api/documents/${kept}/bookmark`)).statusCode).toBe(200);

    const list = await client.get("/api/documents?bookmarked=true");
    expect(list.json().data.map((d: { id: string; bookmarked: boolean }) => [d.id, d.bookmarked])).toEqual([[kept, true]]);
    expect((await client.get(`/api/documents/${kept}`)).json().data.bookmarked).toBe(true);
    expect((await (await t.as(people.otherCellMember)).get("/api/documents?bookmarked=true")).json().data).toEqual([]);

    expect((await client.delete(`/api/documents/${kept}/bookmark`)).statusCode).toBe(200);
    expect((await client.get("/api/documents?bookmarked=true")).json().data).toEqual([]);
  });

  it("returns 404 to a member of a sibling cell bookmarking a document they cannot see, 400 to a bad id, 401 without a session", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);

    expect((await (await t.as(people.siblingMember)).put(`/api/documents/${id}/bookmark`)).statusCode).toBe(404);
    expect((await (await t.as(people.member)).put("/api/documents/abc/bookmark")).statusCode).toBe(400);
    expect((await t.app.inject({ method: "PUT", url: `/api/documents/${id}/bookmark` })).statusCode).toBe(401);
  });
});

describe("private notes", () => {
  it("keeps a member's notes on a document, on a page or not, for them alone to list, change and delete", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);

    const created = await client.post(`/api/documents/${id}/notes`, { page: 3, body: "Chú ý mục 2: chỉ tiêu kết nạp đảng viên" });
    await client.post(`/api/documents/${id}/notes`, { body: "Hỏi lại bí thư" });
    expect(created.statusCode).toBe(201);
    const noteId = created.json().data.id;

    const changed = await client.patch(`/api/documents/notes/${noteId}`, { body: "Chú ý mục 2 và mục 3" });
    expect(changed.json().data).toMatchObject({ id: noteId, page: 3, body: "Chú ý mục 2 và mục 3" });
    expect((await client.get(`/api/documents/${id}/notes`)).json().data.map((n: { body: string }) => n.body)).toEqual(["Chú ý mục 2 và mục 3", "Hỏi lại bí thư"]);
    // The ward's secretary reads the document but sees none of the member's notes.
    expect((await (await t.as(people.wardSecretary)).get(`/api/documents/${id}/notes`)).json().data).toEqual([]);

    expect((await client.delete(`/api/documents/notes/${noteId}`)).statusCode).toBe(200);
    expect((await client.get(`/api/documents/${id}/notes`)).json().data).toHaveLength(1);
  });

  it("returns 404 to anyone else touching a note, a unit admin above included, and changes nothing", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);
    const note = (await (await t.as(people.member)).post(`/api/documents/${id}/notes`, { body: "Riêng tư" })).json().data;

    for (const who of [people.otherCellMember, people.districtAdmin, people.wardSecretary]) {
      const client = await t.as(who);
      expect((await client.patch(`/api/documents/notes/${note.id}`, { body: "Sửa trộm" })).statusCode).toBe(404);
      expect((await client.delete(`/api/documents/notes/${note.id}`)).statusCode).toBe(404);
    }
    expect((await (await t.as(people.member)).patch(`/api/documents/notes/${randomUUID()}`, { body: "x" })).statusCode).toBe(404);
    const row = await t.db.selectFrom("documentNotes").select("body").where("id", "=", note.id).executeTakeFirstOrThrow();
    expect(row.body).toBe("Riêng tư");
  });

  it("answers 400 to an empty note or a page below 1, 404 on a document the member cannot see", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);

    expect((await client.post(`/api/documents/${id}/notes`, { body: "  " })).statusCode).toBe(400);
    expect((await client.post(`/api/documents/${id}/notes`, { body: "x", page: 0 })).statusCode).toBe(400);
    expect((await (await t.as(people.siblingMember)).post(`/api/documents/${id}/notes`, { body: "x" })).statusCode).toBe(404);
    expect((await (await t.as(people.siblingMember)).get(`/api/documents/${id}/notes`)).statusCode).toBe(404);
  });
});
