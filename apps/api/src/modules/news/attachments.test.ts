import { beforeAll, describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { documentsTestApp, pdfOf, upload, uploadPdf } from "../documents/testing";

const t = await documentsTestApp();
let people: Record<"editor" | "otherEditor" | "approver" | "member" | "siblingMember", { id: string }>;
let tree: Awaited<ReturnType<typeof buildTree>>;

beforeAll(async () => {
  tree = await buildTree(t.db);
  people = {
    editor: await buildAccount(t.db, { cell: tree.cell, roles: [["editor", tree.district]] }),
    otherEditor: await buildAccount(t.db, { cell: tree.cell, roles: [["editor", tree.district]] }),
    approver: await buildAccount(t.db, { cell: tree.cell, roles: [["approver", tree.district]] }),
    member: await buildAccount(t.db, { cell: tree.cell }),
    siblingMember: await buildAccount(t.db, { cell: tree.siblingCell }),
  };
});

const draft = (attachments: unknown[], title = "Quán triệt Nghị quyết 57") => ({ unitId: tree.district.id, title, attachments });

describe("article attachments", () => {
  it("attaches an uploaded PDF, which a member downloads once published (with Range) and a sibling district's member never", async () => {
    const editor = await t.as(people.editor);
    const pdf = pdfOf([["Nghi quyet so 57-NQ/TW"]]);
    const uploaded = await upload(t, people.editor, pdf, "Nghị quyết 57.pdf");
    expect(uploaded.statusCode, uploaded.body).toBe(201);
    const created = await editor.post("/api/articles", draft([{ uploadId: uploaded.json().data.id }]));
    expect(created.statusCode, created.body).toBe(201);
    const { id, working } = created.json().data;
    expect(working.attachments).toEqual([{ fileId: expect.any(String), name: "Nghị quyết 57.pdf", format: "pdf", size: pdf.length }]);
    const url = `/api/articles/${id}/attachments/${working.attachments[0].fileId}`;

    const member = await t.as(people.member);
    expect((await member.get(url)).statusCode).toBe(404); // a draft is the editors' own
    expect((await editor.get(url)).statusCode).toBe(200);
    expect((await editor.post(`/api/articles/${id}/submit`)).statusCode).toBe(200);
    expect((await (await t.as(people.approver)).post(`/api/articles/${id}/approve`, {})).statusCode).toBe(200);

    const res = await member.get(url);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-disposition"]).toContain("inline;");
    expect(res.headers["content-disposition"]).toContain("filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%2057.pdf");
    expect(res.rawPayload.equals(pdf)).toBe(true);
    const part = await t.app.inject({ method: "GET", url, headers: { ...member.headers, range: "bytes=0-3" } });
    expect([part.statusCode, part.body]).toEqual([206, "%PDF"]);
    expect((await member.get(`/api/articles/${id}`)).json().data.attachments).toHaveLength(1);

    expect((await (await t.as(people.siblingMember)).get(url)).statusCode).toBe(404);
    expect((await t.anonymous.get(url)).statusCode).toBe(401);
    expect((await member.get(`/api/articles/${id}/attachments/not-a-uuid`)).statusCode).toBe(400);
  });

  it("keeps a file by its id in a new revision, and refuses another editor's upload, a used upload and an unknown file", async () => {
    const editor = await t.as(people.editor);
    const first = await uploadPdf(t, people.editor, ["Ke hoach"]);
    const created = (await editor.post("/api/articles", draft([{ uploadId: first }], "Kế hoạch học tập"))).json().data;
    const kept = created.working.attachments[0].fileId;

    const others = await uploadPdf(t, people.otherEditor, ["Cua nguoi khac"]);
    const refused = await editor.put(`/api/articles/${created.id}`, { title: "Kế hoạch học tập", attachments: [{ fileId: kept }, { uploadId: others }] });
    expect(refused.statusCode, refused.body).toBe(400);
    expect(refused.json().error.details).toEqual({ fields: { "attachments.1": "invalid" } });
    const reused = await editor.post("/api/articles", draft([{ uploadId: first }], "Bài khác"));
    expect(reused.statusCode).toBe(400);
    const unknown = await editor.put(`/api/articles/${created.id}`, { title: "Kế hoạch học tập", attachments: [{ fileId: "00000000-0000-4000-8000-000000000000" }] });
    expect(unknown.json().error.details).toEqual({ fields: { "attachments.0": "invalid" } });

    const second = await uploadPdf(t, people.editor, ["Phu luc"], "Phụ lục.pdf");
    const saved = await editor.put(`/api/articles/${created.id}`, { title: "Kế hoạch học tập", attachments: [{ uploadId: second }, { fileId: kept }] });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json().data.working.attachments.map((a: { name: string }) => a.name)).toEqual(["Phụ lục.pdf", "van-ban.pdf"]);
  });
});
