import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import { runExtraction } from "./documents.jobs";
import { docxOf, documentsTestApp, documentsTree, metadata, pdfOf, publish, upload, uploadPdf } from "./testing";

const t = await documentsTestApp();

const ids = (res: { json(): { data: { id: string }[] } }) => res.json().data.map((d) => d.id);

describe("GET /api/documents/:id", () => {
  it("shows a ward's document to a member of a cell below, with its files and what they may do", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);

    const res = await (await t.as(people.member)).get(`/api/documents/${id}`);

    expect(res.statusCode).toBe(200);
    expect(res.json().data).toMatchObject({
      id,
      unit: { id: tree.ward.id, kind: "grassroots" },
      numberSymbol: "15-NQ/TU",
      type: "resolution",
      level: "grassroots",
      bookmarked: false,
      files: [{ position: 1, format: "pdf", contentType: "application/pdf", name: "van-ban.pdf" }],
    });
    expect(res.json().abilities).toEqual({ read: true, keep: true, edit: false, withdraw: false, viewHistory: false, viewOpens: false });
  });

  it("returns 404 to a member of a sibling cell, exactly as for a document that does not exist", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.siblingMember);

    const res = await client.get(`/api/documents/${id}`);

    expect(res.statusCode).toBe(404);
    expect(res.json()).toEqual((await client.get(`/api/documents/${randomUUID()}`)).json());
  });

  it("hides a committee-only document from members (404) and shows it to the committee", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id, { committeeOnly: true });

    expect((await (await t.as(people.member)).get(`/api/documents/${id}`)).statusCode).toBe(404);
    expect((await (await t.as(people.cellSecretary)).get(`/api/documents/${id}`)).statusCode).toBe(404);
    expect((await (await t.as(people.wardSecretary)).get(`/api/documents/${id}`)).statusCode).toBe(200);
    expect((await (await t.as(people.districtAdmin)).get(`/api/documents/${id}`)).statusCode).toBe(200);
  });

  it("answers 400 to an id that is not a UUID and 401 without a session", async () => {
    const { people } = await documentsTree(t);
    expect((await (await t.as(people.member)).get("/api/documents/not-a-uuid")).statusCode).toBe(400);
    expect((await t.anonymous.get(`/api/documents/${randomUUID()}`)).statusCode).toBe(401);
  });
});

describe("GET /api/documents/:id/files/:position", () => {
  it("serves the PDF inline with its name in both forms (quotes never pass), nosniff and the detected type, and counts the opens of the day", async () => {
    const { tree, people } = await documentsTree(t);
    const uploadId = await uploadPdf(t, people.wardSecretary, ["Tai lieu"], "Nghị quyết \"đặc biệt\".pdf");
    const created = await (await t.as(people.wardSecretary)).post(`/api/units/${tree.ward.id}/documents`, { ...metadata(), uploadIds: [uploadId] });
    const id = created.json().data.id;
    const client = await t.as(people.member);

    const res = await client.get(`/api/documents/${id}/files/1`);
    await client.get(`/api/documents/${id}/files/1`);

    expect(res.statusCode).toBe(200);
    expect(res.rawPayload.subarray(0, 5).toString()).toBe("%PDF-");
    expect(res.headers["content-type"]).toBe("application/pdf");
    expect(res.headers["x-content-type-options"]).toBe("nosniff");
    expect(res.headers["content-disposition"]).toBe(`inline; filename="Nghi quyet _dac biet_.pdf"; filename*=UTF-8''Ngh%E1%BB%8B%20quy%E1%BA%BFt%20_%C4%91%E1%BA%B7c%20bi%E1%BB%87t_.pdf`);
    expect(res.headers.etag).toMatch(/^"[0-9a-f]{64}"$/);
    expect(res.headers["cache-control"]).toBe("no-store");
    const opens = await t.db.selectFrom("documentOpens").selectAll().where("documentId", "=", id).execute();
    expect(opens).toEqual([expect.objectContaining({ accountId: people.member.id, count: 2 })]);
  });

  it("serves a byte range with 206, and 416 past the end", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);
    const whole = await client.get(`/api/documents/${id}/files/1`);
    const size = whole.rawPayload.length;

    const part = await t.app.inject({ method: "GET", url: `/api/documents/${id}/files/1`, headers: { ...client.headers, range: "bytes=100-199" } });
    const past = await t.app.inject({ method: "GET", url: `/api/documents/${id}/files/1`, headers: { ...client.headers, range: `bytes=${size}-` } });

    expect(part.statusCode).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 100-199/${size}`);
    expect(part.rawPayload).toEqual(whole.rawPayload.subarray(100, 200));
    expect(past.statusCode).toBe(416);
  });

  it("offers a DOCX as an attachment", async () => {
    const { tree, people } = await documentsTree(t);
    const up = await upload(t, people.wardSecretary, await docxOf(["Hướng dẫn sinh hoạt chi bộ"]), "huong-dan.docx", { contentType: "application/octet-stream" });
    const created = await (await t.as(people.wardSecretary)).post(`/api/units/${tree.ward.id}/documents`, { ...metadata({ type: "guidance", numberSymbol: "03-HD/ĐU" }), uploadIds: [up.json().data.id] });

    const res = await (await t.as(people.member)).get(`/api/documents/${created.json().data.id}/files/1`);

    expect(res.headers["content-type"]).toBe("application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    expect(res.headers["content-disposition"]).toMatch(/^attachment; filename="huong-dan.docx"; filename\*=UTF-8''huong-dan\.docx$/);
  });

  it("returns 404 to a member of a sibling cell asking for a document's file, and for a position the document does not have", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);

    expect((await (await t.as(people.siblingMember)).get(`/api/documents/${id}/files/1`)).statusCode).toBe(404);
    expect((await (await t.as(people.member)).get(`/api/documents/${id}/files/2`)).statusCode).toBe(404);
    expect((await (await t.as(people.member)).get(`/api/documents/${id}/files/0`)).statusCode).toBe(400);
    expect((await t.anonymous.get(`/api/documents/${id}/files/1`)).statusCode).toBe(401);
  });

  it("does not serve a document's file by its id through /api/files", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id);
    const fileId = (await (await t.as(people.member)).get(`/api/documents/${id}`)).json().data.files[0].fileId;

    expect((await (await t.as(people.member)).get(`/api/files/${fileId}`)).statusCode).toBe(404);
  });
});

describe("text extraction", () => {
  it("fills the search index: after the job, a word found only in the file finds the document, and its text is served page by page", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id, {}, ["Trien khai phan mem quanlyhoso tai chi bo", "Trang mot"]);
    const client = await t.as(people.member);
    expect((await client.get(`/api/documents/${id}/files/1/text`)).json().data).toEqual({ status: "pending", pages: [] });
    expect(ids(await client.get("/api/documents?q=quanlyhoso"))).toEqual([]);

    await t.drainJobs();

    const text = (await client.get(`/api/documents/${id}/files/1/text`)).json().data;
    expect(text.status).toBe("done");
    expect(text.pages[0]).toContain("quanlyhoso");
    const found = await client.get("/api/documents?q=quanlyhoso");
    expect(ids(found)).toEqual([id]);
    expect(found.json().data[0].snippet).toContainEqual({ text: "quanlyhoso", match: true });
    expect((await client.get(`/api/documents/${id}`)).json().data.files[0].textStatus).toBe("done");
  });

  it("pages through the matches in the summary first, then those only in the files, newest first", async () => {
    const { tree, people } = await documentsTree(t);
    const inSummary = [];
    for (const day of ["01", "02", "03"]) inSummary.push(await publish(t, people.wardSecretary, tree.ward.id, { issuedOn: `2026-04-${day}`, summary: "Về phòng chống tham nhũng" }));
    const inFile = [];
    for (const day of ["05", "04"]) inFile.push(await publish(t, people.wardSecretary, tree.ward.id, { issuedOn: `2026-05-${day}`, summary: "Về công tác cán bộ" }, ["Phong chong tham nhung tai co so"]));
    await t.drainJobs();
    const client = await t.as(people.member);

    const pages: string[][] = [];
    let cursor: string | null = "";
    while (cursor !== null) {
      const res = await client.get(`/api/documents?q=${encodeURIComponent("phong chong tham nhung")}&limit=2${cursor ? `&cursor=${cursor}` : ""}`);
      expect(res.statusCode, res.body).toBe(200);
      pages.push(ids(res));
      cursor = res.json().nextCursor;
    }

    expect(pages.flat().slice(0, 3).sort()).toEqual([...inSummary].sort());
    expect(pages.flat().slice(3)).toEqual(inFile);
    expect(pages.map((p) => p.length)).toEqual([2, 2, 1]);
  });

  it("gives a document the text of a file extracted earlier at once (the same bytes uploaded again)", async () => {
    const { tree, people } = await documentsTree(t);
    const bytes = pdfOf([["Noi dung trung lap vanbantrunglap"]]);
    const first = await upload(t, people.wardSecretary, bytes);
    await (await t.as(people.wardSecretary)).post(`/api/units/${tree.ward.id}/documents`, { ...metadata(), uploadIds: [first.json().data.id] });
    await t.drainJobs();

    const second = await upload(t, people.wardSecretary, bytes);
    const created = await (await t.as(people.wardSecretary)).post(`/api/units/${tree.cell.id}/documents`, { ...metadata({ numberSymbol: "02-NQ/CB" }), uploadIds: [second.json().data.id] });

    expect(ids(await (await t.as(people.member)).get(`/api/documents?q=vanbantrunglap&unitId=${tree.cell.id}`))).toEqual([created.json().data.id]);
  });

  it("records a file that cannot be read as failed, with the error, and throws so the job is retried", async () => {
    const bytes = Buffer.from("%PDF-1.4\nnot really a pdf\n");
    const hash = (await import("node:crypto")).createHash("sha256").update(bytes).digest("hex");
    await t.storage.putBuffer(hash, bytes, "application/pdf");
    const file = await t.db.insertInto("files").values({ sha256: hash, size: bytes.length, contentType: "application/pdf", kind: "document" }).returning("id").executeTakeFirstOrThrow();

    await expect(runExtraction(t.jobDeps, { fileId: file.id, format: "pdf" })).rejects.toThrow(/could not be read/);

    const row = await t.db.selectFrom("fileTexts").selectAll().where("fileId", "=", file.id).executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "failed", attempts: 1, error: expect.stringMatching(/PDF/) });
  });
});

describe("GET /api/documents/:id/files/:position/preview", () => {
  it("shows a DOCX as sanitised HTML, and answers 409 for a PDF", async () => {
    const { tree, people } = await documentsTree(t);
    const up = await upload(t, people.wardSecretary, await docxOf(["Tài liệu sinh hoạt chi bộ tháng 5", "<script>alert(1)</script>"]), "tai-lieu.docx");
    const created = await (await t.as(people.wardSecretary)).post(`/api/units/${tree.ward.id}/documents`, { ...metadata({ type: "meeting_material", numberSymbol: null }), uploadIds: [up.json().data.id] });
    const pdfDoc = await publish(t, people.wardSecretary, tree.ward.id);
    const client = await t.as(people.member);

    const res = await client.get(`/api/documents/${created.json().data.id}/files/1/preview`);

    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data.html).toContain("Tài liệu sinh hoạt chi bộ tháng 5");
    expect(res.json().data.html).not.toContain("<script");
    expect((await client.get(`/api/documents/${pdfDoc}/files/1/preview`)).statusCode).toBe(409);
  });
});

describe("GET /api/documents", () => {
  it("finds 15-NQ/TW from 15-nq, 15-NQ/TW and 15-nq/tw, the number's match first", async () => {
    const { tree, people } = await documentsTree(t);
    const other = await publish(t, people.districtAdmin, tree.district.id, { numberSymbol: "16-KL/QU", summary: "Kết luận về số 15-NQ" });
    const target = await publish(t, people.districtAdmin, tree.district.id, { numberSymbol: "15-NQ/TW", summary: "Về đột phá phát triển khoa học" });
    const client = await t.as(people.member);

    for (const q of ["15-nq", "15-NQ/TW", "15-nq/tw", "15 NQ"]) {
      const res = await client.get(`/api/documents?q=${encodeURIComponent(q)}`);
      expect(res.statusCode).toBe(200);
      expect(ids(res)[0], q).toBe(target);
    }
    expect(ids(await client.get(`/api/documents?q=${encodeURIComponent("15-nq")}`))).toContain(other);
    expect((await client.get(`/api/documents/${target}`)).json().data.level).toBe("central");
  });

  it("finds Nghị quyết from nghi quyet and Đảng from dang, with the words highlighted in the summary", async () => {
    const { tree, people } = await documentsTree(t);
    const id = await publish(t, people.wardSecretary, tree.ward.id, { summary: "Nghị quyết về công tác xây dựng Đảng năm 2026" });
    await publish(t, people.wardSecretary, tree.ward.id, { summary: "Kế hoạch tổ chức hội nghị", tags: [] });
    const client = await t.as(people.member);

    const res = await client.get("/api/documents?q=nghi%20quyet%20dang");

    expect(ids(res)).toEqual([id]);
    expect(res.json().data[0].summaryParts).toEqual(
      expect.arrayContaining([
        { text: "Nghị", match: true },
        { text: "Đảng", match: true },
      ]),
    );
  });

  it("lists what the member may see newest first, page by page, and nothing of a sibling, of a committee or withdrawn", async () => {
    const { tree, people } = await documentsTree(t);
    const city = await publish(t, people.districtAdmin, tree.district.id, { issuedOn: "2026-01-10" });
    const ward = await publish(t, people.wardSecretary, tree.ward.id, { issuedOn: "2026-02-10" });
    const cell = await publish(t, people.cellSecretary, tree.cell.id, { issuedOn: "2026-03-10", numberSymbol: "01-NQ/CB" });
    await publish(t, people.siblingAdmin, tree.sibling.id, { issuedOn: "2026-04-10" });
    await publish(t, people.wardSecretary, tree.ward.id, { issuedOn: "2026-05-10", committeeOnly: true });
    const withdrawn = await publish(t, people.wardSecretary, tree.ward.id, { issuedOn: "2026-06-10" });
    await (await t.as(people.wardSecretary)).delete(`/api/documents/${withdrawn}`, { reason: "Ban hành nhầm" });
    const client = await t.as(people.member);

    const first = await client.get("/api/documents?limit=2");
    const second = await client.get(`/api/documents?limit=2&cursor=${first.json().nextCursor}`);

    expect(ids(first)).toEqual([cell, ward]);
    expect(ids(second)).toEqual([city]);
    expect(second.json().nextCursor).toBeNull();
  });

  it("lets staff of a unit above see the documents of units below them, committee ones included for its admin", async () => {
    const { tree, people } = await documentsTree(t);
    const cellDoc = await publish(t, people.cellSecretary, tree.cell.id, { numberSymbol: "02-NQ/CB" });
    const committee = await publish(t, people.cellSecretary, tree.cell.id, { numberSymbol: "03-NQ/CB", committeeOnly: true });

    expect(ids(await (await t.as(people.districtAdmin)).get("/api/documents"))).toEqual(expect.arrayContaining([cellDoc, committee]));
    expect(ids(await (await t.as(people.editor)).get("/api/documents"))).toContain(cellDoc);
    expect(ids(await (await t.as(people.editor)).get("/api/documents"))).not.toContain(committee);
    expect(ids(await (await t.as(people.otherCellMember)).get("/api/documents"))).not.toContain(cellDoc);
  });

  it("filters by type, level, issuer, year and publishing unit", async () => {
    const { tree, people } = await documentsTree(t);
    const plan = await publish(t, people.wardSecretary, tree.ward.id, { type: "plan", numberSymbol: "05-KH/ĐU", issuingBody: "Đảng ủy phường Điện Biên", issuedOn: "2025-06-01" });
    const resolution = await publish(t, people.districtAdmin, tree.district.id, { issuedOn: "2026-06-01" });
    const client = await t.as(people.member);

    expect(ids(await client.get("/api/documents?type=plan"))).toEqual([plan]);
    expect(ids(await client.get("/api/documents?level=district"))).toEqual([resolution]);
    expect(ids(await client.get(`/api/documents?issuer=${encodeURIComponent("dang uy phuong")}`))).toEqual([plan]);
    expect(ids(await client.get("/api/documents?year=2025"))).toEqual([plan]);
    expect(ids(await client.get(`/api/documents?unitId=${tree.district.id}`))).toEqual([resolution]);
    expect(ids(await client.get(`/api/documents?q=${encodeURIComponent("xay dung")}&year=2026`))).toEqual([resolution]);
  });

  it("answers 400 to a malformed cursor or an unknown filter, and 401 without a session", async () => {
    const { people } = await documentsTree(t);
    const client = await t.as(people.member);
    expect((await client.get("/api/documents?cursor=%FF%FE")).statusCode).toBe(400);
    expect((await client.get(`/api/documents?cursor=${Buffer.from("d|0000-01-01|x").toString("base64url")}`)).statusCode).toBe(400);
    expect((await client.get("/api/documents?status=withdrawn")).statusCode).toBe(400);
    expect((await t.anonymous.get("/api/documents")).statusCode).toBe(401);
  });
});
