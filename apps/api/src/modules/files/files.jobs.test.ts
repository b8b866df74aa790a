import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, describe, expect, it } from "vitest";
import { s3TestServer } from "../../../test/s3";
import { s3Storage } from "../../lib/storage";
import { type DocumentsTestApp, documentsTestApp, documentsTree, metadata, pdfOf, upload } from "../documents/testing";
import { closeDraft, comment, openDraft, summarise } from "../feedback/feedback.testing";
import { cleanUpFiles } from "./files.jobs";
import * as filesRepo from "./files.repo";

const s3Dir = await fs.mkdtemp(path.join(os.tmpdir(), "sotay-files-jobs-"));
afterAll(() => fs.rm(s3Dir, { recursive: true, force: true }));
const apps: [string, DocumentsTestApp][] = [
  ["disk", await documentsTestApp()],
  ["s3", await documentsTestApp({}, s3Storage(await s3TestServer(s3Dir)))],
];

const hoursAgo = (h: number) => new Date(Date.now() - h * 3_600_000);
const sha = (bytes: Buffer) => createHash("sha256").update(bytes).digest("hex");

describe.each(apps)("file housekeeping with %s storage", (_name, t) => {
  /** Uploads `bytes` as `who`; returns the upload's id. */
  const uploaded = async (who: { id: string }, bytes: Buffer, name = "van-ban.pdf") => {
    const res = await upload(t, who, bytes, name);
    expect(res.statusCode, res.body).toBe(201);
    return res.json().data.id as string;
  };
  const fileOf = async (bytes: Buffer) => t.db.selectFrom("files").select("id").where("sha256", "=", sha(bytes)).executeTakeFirst();
  const uploadRow = (id: string) => t.db.selectFrom("documentUploads").select("id").where("id", "=", id).executeTakeFirst();

  it("removes old temporary files, uploads never attached and stored files nothing refers to, and keeps everything in use", async () => {
    const { tree, people } = await documentsTree(t);
    const stamp = `${_name} ${Date.now()}`;
    const [published, stale, fresh, attachment] = ["Van ban da dang", "Ban nhap bo do", "Ban nhap moi", "Tep dinh kem bai viet"].map((line) => pdfOf([[`${line} ${stamp}`]]));

    // A document's file, and the same bytes uploaded again but never attached.
    const publishedUpload = await uploaded(people.wardSecretary, published);
    const created = await (await t.as(people.wardSecretary)).post(`/api/units/${tree.ward.id}/documents`, { ...metadata(), uploadIds: [publishedUpload] });
    expect(created.statusCode, created.body).toBe(201);
    const documentId = created.json().data.id;
    const duplicate = await uploaded(people.wardSecretary, published);
    // Uploads never attached: one old, one of this morning.
    const staleUpload = await uploaded(people.wardSecretary, stale);
    const freshUpload = await uploaded(people.wardSecretary, fresh);
    // An article's attachment, and a picture (its sizes are referred to only from the image's JSON).
    const editor = await t.as(people.editor);
    const article = await editor.post("/api/articles", { unitId: tree.ward.id, title: "Bài có tệp đính kèm", attachments: [{ uploadId: await uploaded(people.editor, attachment) }] });
    expect(article.statusCode, article.body).toBe(201);
    const png = await sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 183, g: 28, b: 28 } } }).png().toBuffer();
    const image = await t.app.inject({ method: "POST", url: "/api/images", headers: { ...editor.headers, "content-type": "image/png" }, payload: png });
    expect(image.statusCode, image.body).toBe(201);
    // A draft's feedback summary (a DOCX and an XLSX no upload refers to).
    const draft = await openDraft(t, people.wardSecretary, tree.ward.id);
    await comment(t, people.member, draft);
    await closeDraft(t, draft);
    await summarise(t, people.cellSecretary, tree.cell.id, draft);
    await t.drainJobs();
    // A stored file nothing refers to (as an earlier version of a summary becomes), with its bytes.
    const orphan = Buffer.from(`Tổng hợp cũ ${stamp}`);
    await t.storage.putBuffer(sha(orphan), orphan, "text/plain");
    await filesRepo.upsertFile(t.db, { sha256: sha(orphan), size: orphan.length, contentType: "text/plain", kind: "document", createdBy: people.cellSecretary.id });
    // Temporary files: one from an upload cut off two days ago, one being written now.
    await fs.mkdir(t.tmpDir, { recursive: true });
    const [oldTemp, newTemp] = [path.join(t.tmpDir, "cut-off.upload"), path.join(t.tmpDir, "in-progress.upload")];
    await fs.writeFile(oldTemp, "half");
    await fs.utimes(oldTemp, hoursAgo(48), hoursAgo(48));
    await fs.writeFile(newTemp, "half");

    // Two days pass for everything but the fresh upload.
    await t.db.updateTable("files").set({ createdAt: hoursAgo(48) }).execute();
    await t.db.updateTable("documentUploads").set({ createdAt: hoursAgo(48) }).where("id", "!=", freshUpload).execute();
    const inUse = await t.db.selectFrom("files").select(["id", "sha256"]).where("sha256", "not in", [sha(stale), sha(orphan)]).execute();
    const staleFile = (await fileOf(stale))!;

    expect(await cleanUpFiles(t.jobDeps)).toEqual({ temporary: 1, uploads: 2, files: 2 });

    expect([await uploadRow(staleUpload), await uploadRow(duplicate)]).toEqual([undefined, undefined]);
    expect([await fileOf(stale), await fileOf(orphan)]).toEqual([undefined, undefined]);
    expect(await t.db.selectFrom("fileTexts").select("fileId").where("fileId", "=", staleFile.id).execute()).toEqual([]);
    expect([await t.storage.exists(sha(stale)), await t.storage.exists(sha(orphan))]).toEqual([false, false]);
    expect(await fs.readdir(t.tmpDir)).toEqual(["in-progress.upload"]);

    // Kept: the fresh upload, and every file something refers to, bytes included.
    expect(await uploadRow(freshUpload)).toBeDefined();
    expect(await t.db.selectFrom("files").select(["id", "sha256"]).where("sha256", "not in", [sha(stale), sha(orphan)]).execute()).toEqual(inUse);
    expect(inUse.length).toBeGreaterThanOrEqual(8); // the document's, fresh, attachment, 2 picture sizes, the draft's, DOCX and XLSX summary
    for (const f of inUse) expect(await t.storage.exists(f.sha256), f.sha256).toBe(true);
    const file = await (await t.as(people.member)).get(`/api/documents/${documentId}/files/1`);
    expect([file.statusCode, file.rawPayload.equals(published)]).toEqual([200, true]);

    // Twice is the same as once.
    expect(await cleanUpFiles(t.jobDeps)).toEqual({ temporary: 0, uploads: 0, files: 0 });

    // The bytes of a removed file come back when they are uploaded again.
    const again = await uploaded(people.wardSecretary, stale);
    expect(await uploadRow(again)).toBeDefined();
    expect(await t.storage.exists(sha(stale))).toBe(true);
  });
});

describe("the files.housekeeping queue", () => {
  it("is registered with the worker", async () => {
    const { queues } = await import("../../worker");
    expect(Object.keys(queues)).toContain("files.housekeeping");
  });
});
