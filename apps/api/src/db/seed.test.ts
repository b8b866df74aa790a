import { describe, expect, it } from "vitest";
import { createTestApp } from "../../test/server";
import { seedDemo } from "./seed";

// The demo seed runs on every first `npm start` and before the browser tests: it must work against
// the current schema, and its news, documents and drafts must read through the API as the PWA reads them.
const t = await createTestApp();
const logins = await seedDemo(t.db, { storage: t.storage, env: t.env });

/** A session of the demo account with this login (staff: second factor passed). */
async function demo(login: string) {
  const account = await t.db.selectFrom("accountIdentifiers").select("accountId as id").where("value", "=", login).executeTakeFirstOrThrow();
  const staff = await t.db.selectFrom("roleGrants").select("id").where("accountId", "=", account.id).executeTakeFirst();
  return t.as(account, { mfa: staff ? "verified" : "none" });
}

type Hit = { id: string; numberSymbol: string | null; summary: string; unit: { kind: string; name: string }; feedbackUntil: string | null };

describe("the demo seed", () => {
  it("seeds once, with a login per role, and the second cell's member and secretary and the ward's secretary", async () => {
    expect(logins?.map((l) => l.identifier)).toEqual([...Array.from({ length: 10 }, (_, i) => `09000000${String(i + 1).padStart(2, "0")}`), "admin@sotay.demo"]);
    expect(logins?.slice(7).map((l) => [l.role, l.unit])).toEqual([
      ["member", "Chi bộ tổ dân phố số 2"],
      ["secretary", "Chi bộ tổ dân phố số 2"],
      ["secretary", "Đảng ủy phường Điện Biên"],
      ["unit_admin", "Thành ủy Hà Nội"],
    ]);
    expect(await seedDemo(t.db, { storage: t.storage, env: t.env })).toBeNull();
  });

  it("has news the demo member reads: pinned guidance on top, searchable without diacritics", async () => {
    const member = await demo("0900000001");
    const feed = await member.get("/api/news/feed");
    expect(feed.statusCode).toBe(200);
    const { pinned, data } = feed.json();
    expect(pinned).toHaveLength(1);
    expect(pinned[0]).toMatchObject({ guidance: true, read: false, unit: { kind: "province" } });
    expect(Date.parse(pinned[0].pinnedUntil) - Date.now()).toBeGreaterThan(29 * 86_400_000);
    expect(data).toHaveLength(11);
    expect(new Set(data.map((a: { unit: { kind: string } }) => a.unit.kind))).toEqual(new Set(["province", "district", "grassroots", "cell"]));
    expect(data.some((a: { originUnit: { name: string } | null }) => a.originUnit?.name === "Đảng ủy phường Điện Biên")).toBe(true);
    const dates = data.map((a: { publishedAt: string }) => a.publishedAt);
    expect([...dates].sort().reverse()).toEqual(dates);

    const article = await member.get(`/api/articles/${pinned[0].id}`);
    expect(article.statusCode).toBe(200);
    expect(article.json().data).toMatchObject({ status: "published", publishedRevision: 1 });
    expect(article.json().data.bodyHtml).toContain("<ul>");
    expect((await member.post(`/api/articles/${pinned[0].id}/read`)).statusCode).toBe(200);
    expect((await member.get("/api/news/feed")).json().pinned[0].read).toBe(true);

    const search = await member.get(`/api/news/search?q=${encodeURIComponent("nghi quyet")}`);
    expect(search.statusCode).toBe(200);
    const hits = search.json().data as { titleParts: { text: string; match: boolean }[] }[];
    expect(hits.length).toBeGreaterThanOrEqual(2);
    expect(hits[0].titleParts.filter((p) => p.match).map((p) => p.text.toLowerCase())).toEqual(expect.arrayContaining(["nghị", "quyết"]));

    const revisions = await t.db.selectFrom("articleRevisions").select(["state", "number"]).execute();
    expect(revisions).toHaveLength(12);
    expect(revisions.every((r) => r.state === "approved" && r.number === 1)).toBe(true);
  });

  it("has documents at every level above the demo member, newest first, each file stored and its text extracted", async () => {
    const member = await demo("0900000001");
    const list = await member.get("/api/documents?limit=100");
    expect(list.statusCode).toBe(200);
    const docs = list.json().data as (Hit & { issuedOn: string; fileCount: number })[];
    for (const kind of ["province", "district", "grassroots", "cell"]) expect(docs.filter((d) => d.unit.kind === kind).length, kind).toBeGreaterThanOrEqual(8);
    expect(docs.map((d) => d.issuedOn)).toEqual(docs.map((d) => d.issuedOn).sort().reverse());
    expect(docs.every((d) => d.fileCount >= 1)).toBe(true);
    // The second cell's documents are its own.
    expect(docs.some((d) => d.unit.name === "Chi bộ tổ dân phố số 2")).toBe(false);

    const files = await t.db.selectFrom("files as f").leftJoin("fileTexts as x", "x.fileId", "f.id").select(["f.sha256", "x.status"]).execute();
    expect(files.length).toBeGreaterThan(40);
    expect(files.every((f) => f.status === "done")).toBe(true);
    for (const f of files) expect(await t.storage.exists(f.sha256)).toBe(true);

    const resolution = docs.find((d) => d.numberSymbol === "05-NQ/TU")!;
    const doc = (await member.get(`/api/documents/${resolution.id}`)).json().data;
    expect(doc).toMatchObject({ type: "resolution", issuingBody: "Thành ủy Hà Nội", level: "province", files: [{ format: "docx", textStatus: "done" }] });
    const file = await member.get(`/api/documents/${resolution.id}/files/1`);
    expect(file.statusCode).toBe(200);
    expect(file.rawPayload.subarray(0, 2).toString()).toBe("PK");
  });

  it("finds documents by words of their files' text without diacritics, and by number", async () => {
    const member = await demo("0900000001");
    const search = async (q: string) => (await member.get(`/api/documents?q=${encodeURIComponent(q)}`)).json().data as Hit[];
    // Only in the text of the file, not in the metadata.
    expect((await search("dang vien tre kem cap")).map((d) => d.numberSymbol)).toContain("27-HD/BTGDVTU");
    expect((await search("sinh hoat chuyen de")).length).toBeGreaterThanOrEqual(3);
    expect((await search("12-CT/QU"))[0]).toMatchObject({ numberSymbol: "12-CT/QU", unit: { name: "Quận ủy Ba Đình" } });
    // The second cell's PDF (a central resolution as meeting material) is read by its members only.
    const second = await demo("0900000008");
    const hits = (await (await second.get(`/api/documents?q=${encodeURIComponent("tri tue nhan tao")}`)).json().data) as Hit[];
    expect(hits.map((d) => d.unit.name)).toEqual(["Chi bộ tổ dân phố số 2"]);
    expect(await search("tri tue nhan tao")).toEqual([]);
  });

  it("has the ward's open draft, whose comments a member's cell shares", async () => {
    const member = await demo("0900000001");
    const drafts = ((await member.get(`/api/documents?q=${encodeURIComponent("du thao bao cao chinh tri")}`)).json().data as Hit[]).filter((d) => d.feedbackUntil);
    expect(drafts.map((d) => d.summary)).toEqual(["Dự thảo Báo cáo chính trị Đại hội Đảng bộ phường Điện Biên nhiệm kỳ 2025–2030", "Dự thảo Quy chế làm việc của Đảng ủy phường Điện Biên"]);
    const days = (Date.parse(drafts[0].feedbackUntil!) - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(13);
    expect(days).toBeLessThan(15.5);

    const comments = (await member.get(`/api/documents/${drafts[0].id}/comments`)).json();
    expect(comments.draft).toMatchObject({ open: true, visibility: "all", abilities: { comment: true } });
    // The deputy secretary's, from the same cell, without the name; the second cell's is not shown.
    expect(comments.data.map((c: { section: string; author: unknown; mine: boolean }) => [c.section, c.author, c.mine])).toEqual([["Phần II", null, false]]);
    const text = (await member.get(`/api/documents/${drafts[0].id}/files/1/text`)).json().data;
    expect(JSON.stringify(text)).toMatch(/Phần I\..*Phần II\..*Điều 1\./);
  });

  it("has the ward's closed draft with answered comments: the cells summarise and forward them, and the ward receives them", async () => {
    const [cellSecretary, otherSecretary, wardSecretary] = [await demo("0900000002"), await demo("0900000009"), await demo("0900000010")];
    const draft = ((await wardSecretary.get(`/api/documents?q=${encodeURIComponent("quy che lam viec")}`)).json().data as Hit[]).find((d) => d.feedbackUntil)!;
    expect(draft.summary).toBe("Dự thảo Quy chế làm việc của Đảng ủy phường Điện Biên");
    expect(Date.parse(draft.feedbackUntil!)).toBeLessThan(Date.now());

    const ward = (await wardSecretary.get(`/api/documents/${draft.id}/feedback`)).json().data;
    expect(ward.units.map((u: { unit: { name: string }; total: number; pending: number }) => [u.unit.name, u.total, u.pending])).toEqual([
      ["Chi bộ tổ dân phố số 1", 5, 1],
      ["Chi bộ tổ dân phố số 2", 3, 1],
    ]);
    const cell = (await cellSecretary.get(`/api/documents/${draft.id}/feedback`)).json().data;
    expect(cell.counts).toEqual({ total: 5, commenters: 2, units: 1, byStatus: { pending: 1, accepted: 2, rejected: 1, noted: 1 } });
    expect(cell.bySection.map((s: { section: string | null }) => s.section)).toEqual([null, "Điều 5", "Điều 6", "Điều 7", "Điều 8"]);
    const replied = await t.db.selectFrom("notifications as n").innerJoin("accountIdentifiers as i", "i.accountId", "n.accountId").select("i.value").where("n.type", "=", "feedback.replied").where("i.kind", "=", "phone").execute();
    expect(replied.map((r) => r.value).sort()).toEqual(["0900000001", "0900000001", "0900000001", "0900000003", "0900000008", "0900000008"]);

    for (const [secretary, unit] of [[cellSecretary, ward.units[0].unit.id], [otherSecretary, ward.units[1].unit.id]] as const) {
      expect((await secretary.post(`/api/units/${unit}/documents/${draft.id}/feedback/summary`)).statusCode).toBe(202);
      await t.drainJobs();
      const forwarded = await secretary.post(`/api/units/${unit}/documents/${draft.id}/feedback/forward`);
      expect(forwarded.statusCode, forwarded.body).toBe(200);
    }
    const received = (await wardSecretary.get(`/api/documents/${draft.id}/feedback`)).json().data;
    expect(received.received.map((s: { unit: { name: string } }) => s.unit.name).sort()).toEqual(["Chi bộ tổ dân phố số 1", "Chi bộ tổ dân phố số 2"]);
  });
});
