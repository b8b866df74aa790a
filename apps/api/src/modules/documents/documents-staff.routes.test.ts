import { randomUUID } from "node:crypto";
import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { buildAccount } from "../../../test/factories";
import { documentsTestApp, documentsTree, metadata, publish, uploadPdf } from "./testing";

const t = await documentsTestApp();

const notificationsOf = (accountId: string) => t.db.selectFrom("notifications").select(["type", "title", "link"]).where("accountId", "=", accountId).where("type", "=", "document.published").execute();

describe("POST /api/units/:id/documents", () => {
  it("publishes a document with the secretary's uploads in order, records version 1 and the event, and notifies the ward's subtree", async () => {
    const { tree, people } = await documentsTree(t);
    const first = await uploadPdf(t, people.wardSecretary, [], "phu-luc.pdf");
    const second = await uploadPdf(t, people.wardSecretary, [], "nghi-quyet.pdf");
    const client = await t.as(people.wardSecretary);

    const res = await client.post(`/api/units/${tree.ward.id}/documents`, { ...metadata({ effectiveOn: "2026-04-01" }), uploadIds: [second, first] });

    expect(res.statusCode, res.body).toBe(201);
    const { data, abilities } = res.json();
    expect(data).toMatchObject({ numberSymbol: "15-NQ/TU", level: "grassroots", effectiveOn: "2026-04-01", version: 1, committeeOnly: false, fileCount: 2 });
    expect(data.files.map((f: { position: number; name: string }) => [f.position, f.name])).toEqual([
      [1, "nghi-quyet.pdf"],
      [2, "phu-luc.pdf"],
    ]);
    expect(abilities).toMatchObject({ edit: true, withdraw: true, viewHistory: true });
    const versions = (await client.get(`/api/documents/${data.id}/versions`)).json().data;
    expect(versions).toEqual([expect.objectContaining({ version: 1, changedBy: { id: people.wardSecretary.id, name: people.wardSecretary.displayName } })]);
    expect(await t.db.selectFrom("events").select("name").where("subjectId", "=", data.id).execute()).toEqual([{ name: "documents.document_created" }]);

    await t.drainJobs();
    expect(await notificationsOf(people.member.id)).toEqual([{ type: "document.published", title: "15-NQ/TU: Về tăng cường công tác xây dựng Đảng", link: `/documents/${data.id}` }]);
    expect(await notificationsOf(people.siblingMember.id)).toEqual([]);
  });

  it("notifies only the unit's committee of a committee-only document", async () => {
    const { tree, people } = await documentsTree(t);
    const deputy = await buildAccount(t.db, { cell: tree.cell, roles: [["deputy_secretary", tree.cell]] });

    const id = await publish(t, people.districtAdmin, tree.cell.id, { committeeOnly: true, numberSymbol: "04-NQ/CB" });
    await t.drainJobs();

    expect(await notificationsOf(people.cellSecretary.id)).toEqual([expect.objectContaining({ link: `/documents/${id}` })]);
    expect(await notificationsOf(deputy.id)).toHaveLength(1);
    expect(await notificationsOf(people.member.id)).toEqual([]);
  });

  it("gives the unit's level by default, and central to a /TW number", async () => {
    const { tree, people } = await documentsTree(t);
    const cell = await publish(t, people.cellSecretary, tree.cell.id, { numberSymbol: "07-NQ/CB" });
    const central = await publish(t, people.districtAdmin, tree.district.id, { numberSymbol: "57-NQ/TW", issuingBody: "Bộ Chính trị" });
    const client = await t.as(people.member);

    expect((await client.get(`/api/documents/${cell}`)).json().data.level).toBe("cell");
    expect((await client.get(`/api/documents/${central}`)).json().data.level).toBe("central");
  });

  it("refuses another account's upload id with 400 and publishes nothing", async () => {
    const { tree, people } = await documentsTree(t);
    const theirs = await uploadPdf(t, people.siblingAdmin);

    const res = await (await t.as(people.wardSecretary)).post(`/api/units/${tree.ward.id}/documents`, { ...metadata({ summary: "Văn bản mượn tệp" }), uploadIds: [theirs] });

    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual({ uploadIds: "invalid" });
    expect(await t.db.selectFrom("documents").select("id").where("summary", "=", "Văn bản mượn tệp").execute()).toEqual([]);
  });

  it("refuses an upload already attached, one older than a day, or the same upload twice, with 400", async () => {
    const { tree, people } = await documentsTree(t);
    const client = await t.as(people.wardSecretary);
    const used = await uploadPdf(t, people.wardSecretary);
    expect((await client.post(`/api/units/${tree.ward.id}/documents`, { ...metadata(), uploadIds: [used] })).statusCode).toBe(201);
    const old = await uploadPdf(t, people.wardSecretary);
    await sql`UPDATE document_uploads SET created_at = now() - interval '25 hours' WHERE id = ${old}`.execute(t.db);
    const fresh = await uploadPdf(t, people.wardSecretary);

    expect((await client.post(`/api/units/${tree.ward.id}/documents`, { ...metadata(), uploadIds: [used] })).statusCode).toBe(400);
    expect((await client.post(`/api/units/${tree.ward.id}/documents`, { ...metadata(), uploadIds: [old] })).statusCode).toBe(400);
    expect((await client.post(`/api/units/${tree.ward.id}/documents`, { ...metadata(), uploadIds: [fresh, fresh] })).statusCode).toBe(400);
  });

  it("answers 400 to a resolution without a number, an effective date before the issue date, fields the caller may not set, or no files", async () => {
    const { tree, people } = await documentsTree(t);
    const client = await t.as(people.wardSecretary);
    const url = `/api/units/${tree.ward.id}/documents`;
    const uploadId = await uploadPdf(t, people.wardSecretary);

    expect((await client.post(url, { ...metadata({ numberSymbol: null }), uploadIds: [uploadId] })).json().error.details.fields).toEqual({ numberSymbol: "required" });
    expect((await client.post(url, { ...metadata({ effectiveOn: "2026-01-01" }), uploadIds: [uploadId] })).json().error.details.fields).toEqual({ effectiveOn: "too_early" });
    expect((await client.post(url, { ...metadata({ unitPath: "u1", createdBy: people.member.id }), uploadIds: [uploadId] })).statusCode).toBe(400);
    expect((await client.post(url, { ...metadata(), uploadIds: [] })).statusCode).toBe(400);
    expect((await client.post(url, { ...metadata({ numberSymbol: "15-NQ/TU\"; drop" }), uploadIds: [uploadId] })).statusCode).toBe(400);
    // A meeting material needs no number.
    expect((await client.post(url, { ...metadata({ numberSymbol: null, type: "meeting_material" }), uploadIds: [uploadId] })).statusCode).toBe(201);
  });

  it("returns 403 to an editor of the ward (who reads its documents but does not publish), 404 to the sibling district's admin, 401 without a session", async () => {
    const { tree, people } = await documentsTree(t);
    const editorUpload = await uploadPdf(t, people.wardSecretary);
    const body = { ...metadata(), uploadIds: [editorUpload] };

    expect((await (await t.as(people.editor)).post(`/api/units/${tree.ward.id}/documents`, body)).statusCode).toBe(403);
    expect((await (await t.as(people.siblingAdmin)).post(`/api/units/${tree.ward.id}/documents`, body)).statusCode).toBe(404);
    expect((await t.anonymous.post(`/api/units/${tree.ward.id}/documents`, body)).statusCode).toBe(401);
  });
});

describe("PATCH /api/documents/:id", () => {
  it("changes the fields sent, keeps the rest, reorders and adds files, and records a new version with what changed", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.wardSecretary);
    const fileId = (await client.get(`/api/documents/${id}`)).json().data.files[0].fileId;
    const added = await uploadPdf(t, people.wardSecretary, [], "phu-luc.pdf");

    const res = await client.patch(`/api/documents/${id}`, { summary: "Về tăng cường xây dựng Đảng (sửa đổi)", tags: ["chỉnh đốn", "chỉnh đốn"], files: [{ uploadId: added }, { fileId }] });

    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ version: 2, numberSymbol: "15-NQ/TU", summary: "Về tăng cường xây dựng Đảng (sửa đổi)", tags: ["chỉnh đốn"] });
    expect(res.json().data.files.map((f: { name: string }) => f.name)).toEqual(["phu-luc.pdf", "van-ban.pdf"]);
    const versions = (await client.get(`/api/documents/${id}/versions`)).json().data;
    expect(versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    expect(versions[1].metadata.summary).toBe("Về tăng cường công tác xây dựng Đảng");
    expect(versions[0].metadata.files).toHaveLength(2);
    const event = await t.db.selectFrom("events").select("data").where("subjectId", "=", id).where("name", "=", "documents.document_updated").executeTakeFirstOrThrow();
    expect(event.data).toEqual({ version: 2, changed: ["summary", "tags", "files"] });
  });

  it("writes no version when nothing changed", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);

    const res = await (await t.as(people.wardSecretary)).patch(`/api/documents/${id}`, { numberSymbol: "15-NQ/TU" });

    expect(res.json().data.version).toBe(1);
  });

  it("refuses a file of another document with 400", async () => {
    const { tree, people } = await documentsTree(t);
    const one = await publish(t, people.wardSecretary, tree.ward.id);
    const two = await publish(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.wardSecretary);
    const foreign = (await client.get(`/api/documents/${two}`)).json().data.files[0].fileId;

    const res = await client.patch(`/api/documents/${one}`, { files: [{ fileId: foreign }] });

    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields).toEqual({ files: "invalid" });
  });

  it("returns 403 to a member of the cell, 404 to the sibling district's admin, 400 to an unknown field", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);

    expect((await (await t.as(people.member)).patch(`/api/documents/${id}`, { summary: "x" })).statusCode).toBe(403);
    expect((await (await t.as(people.siblingAdmin)).patch(`/api/documents/${id}`, { summary: "x" })).statusCode).toBe(404);
    expect((await (await t.as(people.wardSecretary)).patch(`/api/documents/${id}`, { withdrawnAt: null })).statusCode).toBe(400);
  });
});

describe("DELETE /api/documents/:id (withdraw)", () => {
  it("withdraws with a reason: members get 404, staff still see it with its reason, and it is audited", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);

    const res = await (await t.as(people.wardSecretary)).delete(`/api/documents/${id}`, { reason: "Thay thế bằng văn bản khác" });

    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({ withdrawnAt: expect.any(String), withdrawnReason: "Thay thế bằng văn bản khác" });
    expect(res.json().abilities).toMatchObject({ read: true, edit: false, withdraw: false });
    expect((await (await t.as(people.member)).get(`/api/documents/${id}`)).statusCode).toBe(404);
    expect((await (await t.as(people.member)).get(`/api/documents/${id}/files/1`)).statusCode).toBe(404);
    expect(await t.db.selectFrom("events").select("data").where("subjectId", "=", id).where("name", "=", "documents.document_withdrawn").execute()).toEqual([{ data: { reason: "Thay thế bằng văn bản khác" } }]);
    expect((await (await t.as(people.wardSecretary)).delete(`/api/documents/${id}`, { reason: "lần nữa" })).statusCode).toBe(403);
  });

  it("answers 400 without a reason, 403 to a member and 404 to a sibling's admin", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);

    expect((await (await t.as(people.wardSecretary)).delete(`/api/documents/${id}`, {})).statusCode).toBe(400);
    expect((await (await t.as(people.member)).delete(`/api/documents/${id}`, { reason: "x" })).statusCode).toBe(403);
    expect((await (await t.as(people.siblingAdmin)).delete(`/api/documents/${id}`, { reason: "x" })).statusCode).toBe(404);
  });
});

describe("GET /api/units/:id/documents (the desk)", () => {
  it("lists the unit's own documents, withdrawn ones too, and filters them", async () => {
    const { tree, people } = await documentsTree(t);
    const live = await publish(t, people.wardSecretary, tree.ward.id, { issuedOn: "2026-02-01" });
    const gone = await publish(t, people.wardSecretary, tree.ward.id, { issuedOn: "2026-03-01" });
    await publish(t, people.cellSecretary, tree.cell.id, { numberSymbol: "01-NQ/CB" });
    const client = await t.as(people.wardSecretary);
    await client.delete(`/api/documents/${gone}`, { reason: "Hết hiệu lực" });

    const ids = async (query: string) => (await client.get(`/api/units/${tree.ward.id}/documents${query}`)).json().data.map((d: { id: string }) => d.id);

    expect(await ids("")).toEqual([gone, live]);
    expect(await ids("?status=active")).toEqual([live]);
    expect(await ids("?status=withdrawn")).toEqual([gone]);
  });

  it("returns 403 to a member of the unit, 404 to a sibling's admin, 400 to a bad status", async () => {
    const { tree, people } = await documentsTree(t);

    expect((await (await t.as(people.member)).get(`/api/units/${tree.cell.id}/documents`)).statusCode).toBe(403);
    expect((await (await t.as(people.siblingAdmin)).get(`/api/units/${tree.ward.id}/documents`)).statusCode).toBe(404);
    expect((await (await t.as(people.wardSecretary)).get(`/api/units/${tree.ward.id}/documents?status=deleted`)).statusCode).toBe(400);
    expect((await (await t.as(people.wardSecretary)).get(`/api/units/${randomUUID()}/documents`)).statusCode).toBe(404);
  });
});

describe("GET /api/documents/:id/opens", () => {
  it("tells the cell's secretary who opened a cell document, how often, and who has not yet", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.cellSecretary, tree.cell.id, { numberSymbol: "09-NQ/CB", type: "meeting_material" });
    const reader = await t.as(people.member);
    await reader.get(`/api/documents/${id}/files/1`);
    await t.app.inject({ method: "GET", url: `/api/documents/${id}/files/1`, headers: { ...reader.headers, range: "bytes=500-599" } });
    await reader.get(`/api/documents/${id}/files/1`);

    const res = await (await t.as(people.cellSecretary)).get(`/api/documents/${id}/opens`);

    expect(res.statusCode).toBe(200);
    expect(res.json().data.total).toBe(1);
    expect(res.json().data.opened).toEqual([expect.objectContaining({ accountId: people.member.id, days: 1, count: 2 })]);
    const notOpened = res.json().data.notOpened.map((a: { accountId: string }) => a.accountId);
    expect(notOpened).toEqual(expect.arrayContaining([people.cellSecretary.id, people.wardSecretary.id, people.editor.id]));
    expect(notOpened).not.toContain(people.member.id);
  });

  it("returns 403 to a member and 404 to a sibling's admin", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);

    expect((await (await t.as(people.member)).get(`/api/documents/${id}/opens`)).statusCode).toBe(403);
    expect((await (await t.as(people.siblingAdmin)).get(`/api/documents/${id}/opens`)).statusCode).toBe(404);
    expect((await (await t.as(people.member)).get(`/api/documents/${id}/versions`)).statusCode).toBe(403);
  });
});
