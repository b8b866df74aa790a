import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import path from "node:path";
import { Readable } from "node:stream";
import { describe, expect, it } from "vitest";
import { FIXTURES, wordPackage, zipOf } from "../../../test/fixtures/documents/builders";
import { documentsTestApp, documentsTree, pdfOf, upload } from "./testing";

const t = await documentsTestApp();
const { people } = await documentsTree(t);

const sha256 = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");
const fileRow = (hash: string) => t.db.selectFrom("files").selectAll().where("sha256", "=", hash).executeTakeFirst();
const tempFiles = async () => (await fs.readdir(t.tmpDir).catch(() => [] as string[])).length;

describe("POST /api/documents/uploads", () => {
  it("stores a PDF under its SHA-256 and answers the upload with its cleaned name, format and size, its text extraction queued", async () => {
    const bytes = pdfOf([["Ke hoach trien khai nghi quyet"]]);

    const res = await upload(t, people.wardSecretary, bytes, "Kế hoạch số 12.pdf");

    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().data).toEqual({ id: expect.any(String), name: "Kế hoạch số 12.pdf", format: "pdf", size: bytes.length, sha256: sha256(bytes) });
    expect(await t.storage.exists(sha256(bytes))).toBe(true);
    const file = await fileRow(sha256(bytes));
    expect(file).toMatchObject({ kind: "document", contentType: "application/pdf" });
    const uploadRow = await t.db.selectFrom("documentUploads").selectAll().where("id", "=", res.json().data.id).executeTakeFirstOrThrow();
    expect(uploadRow).toMatchObject({ fileId: file!.id, uploadedBy: people.wardSecretary.id, documentId: null });
    expect(await t.db.selectFrom("fileTexts").select("status").where("fileId", "=", file!.id).executeTakeFirst()).toEqual({ status: "pending" });
    const audit = await t.db.selectFrom("events").select(["name", "data"]).where("subjectId", "=", res.json().data.id).execute();
    expect(audit).toEqual([{ name: "documents.file_uploaded", data: { sha256: sha256(bytes), size: bytes.length, format: "pdf" } }]);
    expect(await tempFiles()).toBe(0);
  });

  it("stores the same bytes once but gives each upload its own id", async () => {
    const bytes = pdfOf([["Thong bao ket luan"]]);
    const first = await upload(t, people.wardSecretary, bytes);
    const second = await upload(t, people.districtAdmin, bytes);

    expect(second.statusCode).toBe(201);
    expect(second.json().data.id).not.toBe(first.json().data.id);
    expect(await t.db.selectFrom("files").select("id").where("sha256", "=", sha256(bytes)).execute()).toHaveLength(1);
  });

  it("takes a file sent with any Content-Type, or none, by its content", async () => {
    const bytes = pdfOf([["Bao cao so ket"]]);
    expect((await upload(t, people.wardSecretary, bytes, "bao-cao.pdf", { contentType: "application/json" })).statusCode).toBe(201);
    expect((await upload(t, people.wardSecretary, pdfOf([["Bao cao 2"]]), "bao-cao.pdf", { contentType: "application/octet-stream" })).json().data.format).toBe("pdf");
  });

  it("keeps a path-traversal name as a plain name and never uses it as a path", async () => {
    const res = await upload(t, people.wardSecretary, pdfOf([["Ten tep"]]), "../../etc/passwd.pdf");

    expect(res.statusCode).toBe(201);
    expect(res.json().data.name).toBe("passwd.pdf");
    await expect(fs.access(path.join(t.tmpDir, "..", "..", "etc", "passwd.pdf"))).rejects.toThrow();
  });

  it("replaces the name's extension with the detected one and strips control and direction characters", async () => {
    const res = await upload(t, people.wardSecretary, pdfOf([["Doi ten"]]), "Báo cáo\u202Efdp.exe\r\n");

    expect(res.json().data.name).toBe("Báo cáofdp.pdf");
  });

  it("refuses a Windows executable renamed to .pdf with 415 and keeps nothing", async () => {
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00\x04\x00", "binary"), Buffer.alloc(4096, 1)]);

    const res = await upload(t, people.wardSecretary, exe, "nghi-quyet.pdf");

    expect(res.statusCode).toBe(415);
    expect(res.json().error).toMatchObject({ code: "unsupported_media_type", details: { reason: "executable" } });
    expect(res.json().error.message).toMatch(/PDF, DOCX/);
    expect(await fileRow(sha256(exe))).toBeUndefined();
    expect(await t.storage.exists(sha256(exe))).toBe(false);
    expect(await tempFiles()).toBe(0);
  });

  it("refuses a macro-enabled DOCM with 415 macro_enabled", async () => {
    const docm = await wordPackage({ mainContentType: "application/vnd.ms-word.document.macroEnabled.main+xml" });

    const res = await upload(t, people.wardSecretary, docm, "van-ban.docx");

    expect(res.statusCode).toBe(415);
    expect(res.json().error.details.reason).toBe("macro_enabled");
  });

  it("refuses a zip archive with 415 archive", async () => {
    const zip = await zipOf([["nghi-quyet.pdf", pdfOf([["x"]])]]);

    const res = await upload(t, people.wardSecretary, zip, "tai-lieu.pdf");

    expect(res.statusCode).toBe(415);
    expect(res.json().error.details.reason).toBe("archive");
  });

  it("refuses a document stamped TỐI MẬT and records the refusal in the audit trail", async () => {
    const bytes = await fs.readFile(path.join(FIXTURES, "toi-mat.pdf"));

    const res = await upload(t, people.wardSecretary, bytes, "nghi-quyet-57.pdf");

    expect(res.statusCode).toBe(422);
    expect(res.json().error).toMatchObject({ code: "validation_failed", details: { reason: "classified", mark: "toi_mat" } });
    expect(await fileRow(sha256(bytes))).toBeUndefined();
    expect(await t.storage.exists(sha256(bytes))).toBe(false);
    const refusal = await t.db.selectFrom("events").selectAll().where("name", "=", "documents.upload_refused").where("actorId", "=", people.wardSecretary.id).executeTakeFirstOrThrow();
    expect(refusal).toMatchObject({ result: "denied", data: { reason: "classified", mark: "toi_mat", sha256: sha256(bytes), size: bytes.length, format: "pdf" } });
    expect(JSON.stringify(refusal.data)).not.toMatch(/NGHỊ QUYẾT|Bộ Chính trị/i);
    expect(await tempFiles()).toBe(0);
  });

  it("accepts the same resolution without the stamp", async () => {
    const res = await upload(t, people.wardSecretary, await fs.readFile(path.join(FIXTURES, "nghi-quyet-57.pdf")), "nghi-quyet-57.pdf");

    expect(res.statusCode, res.body).toBe(201);
  });

  it("answers 413 to a file over the limit and leaves no temp file behind", async () => {
    const big = Buffer.concat([pdfOf([["lon"]]), Buffer.alloc(2_100_000, 0x20)]);

    const declared = await upload(t, people.wardSecretary, big);
    expect(declared.statusCode).toBe(413);
    expect(declared.json().error.code).toBe("payload_too_large");

    // Without Content-Length (a chunked body): counted while streaming, stopped past the limit.
    const streamed = await upload(t, people.wardSecretary, Readable.from([big.subarray(0, 1_000_000), big.subarray(1_000_000)]));
    expect(streamed.statusCode).toBe(413);
    expect(await fileRow(sha256(big))).toBeUndefined();
    expect(await tempFiles()).toBe(0);
  });

  it("answers 400 without the not-classified confirmation and stores nothing", async () => {
    const bytes = pdfOf([["Chua xac nhan"]]);

    const res = await upload(t, people.wardSecretary, bytes, "van-ban.pdf", { confirm: false });

    expect(res.statusCode).toBe(400);
    expect(res.json().error.details.fields.notClassified).toBeDefined();
    expect(await fileRow(sha256(bytes))).toBeUndefined();
  });

  it("answers 400 to an empty body", async () => {
    const client = await t.as(people.wardSecretary);
    const res = await t.app.inject({ method: "POST", url: "/api/documents/uploads?name=a.pdf&notClassified=true", headers: client.headers });

    expect(res.statusCode).toBe(400);
  });

  it("returns 403 to a member, who attaches files nowhere, 201 to a news editor (articles' attachments), and 401 without a session", async () => {
    expect((await upload(t, people.member, pdfOf([["a"]]))).statusCode).toBe(403);
    expect((await upload(t, people.editor, pdfOf([["b"]]))).statusCode).toBe(201);
    const anonymous = await t.app.inject({ method: "POST", url: "/api/documents/uploads?name=a.pdf&notClassified=true", headers: { "content-type": "application/pdf" }, payload: pdfOf([["c"]]) });
    expect(anonymous.statusCode).toBe(401);
  });
});
