import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { Document, Packer, Paragraph } from "docx";
import { afterAll, expect } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";
import type { Storage } from "../../lib/storage";

/**
 * Shared by the documents route tests: an app whose DATA_DIR (and so its temporary folder) is a
 * fresh folder (the files themselves go to a folder of their own, or to `storage`), small documents
 * built in memory, and a unit tree with the people who publish and read.
 */

export async function documentsTestApp(env: Record<string, string> = {}, storage?: Storage) {
  const dataDir = await fs.mkdtemp(path.join(os.tmpdir(), "sotay-documents-"));
  afterAll(() => fs.rm(dataDir, { recursive: true, force: true }));
  const t = await createTestApp({ env: { DATA_DIR: dataDir, DOCUMENT_MAX_BYTES: "2000000", ...env }, storage });
  return { ...t, tmpDir: path.join(dataDir, "tmp") };
}
export type DocumentsTestApp = Awaited<ReturnType<typeof documentsTestApp>>;

const escapePdf = (s: string) => s.replace(/[\\()]/g, (c) => `\\${c}`);

/** A small, valid PDF with one page per entry, each page's lines in Helvetica (ASCII text only). */
export function pdfOf(pages: string[][]): Buffer {
  const objects: string[] = [];
  const pageIds = pages.map((_, i) => 4 + i * 2);
  objects[1] = "<< /Type /Catalog /Pages 2 0 R >>";
  objects[2] = `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(" ")}] /Count ${pages.length} >>`;
  objects[3] = "<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>";
  pages.forEach((lines, i) => {
    const content = `BT /F1 12 Tf 72 770 Td 16 TL ${lines.map((l) => `(${escapePdf(l)}) Tj T*`).join(" ")} ET`;
    objects[pageIds[i]] = `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents ${pageIds[i] + 1} 0 R /Resources << /Font << /F1 3 0 R >> >> >>`;
    objects[pageIds[i] + 1] = `<< /Length ${Buffer.byteLength(content, "latin1")} >>\nstream\n${content}\nendstream`;
  });
  let out = "%PDF-1.4\n";
  const offsets: number[] = [];
  for (let id = 1; id < objects.length; id++) {
    offsets[id] = Buffer.byteLength(out, "latin1");
    out += `${id} 0 obj\n${objects[id]}\nendobj\n`;
  }
  const xref = Buffer.byteLength(out, "latin1");
  out += `xref\n0 ${objects.length}\n0000000000 65535 f \n`;
  for (let id = 1; id < objects.length; id++) out += `${String(offsets[id]).padStart(10, "0")} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, "latin1");
}

/** A DOCX whose body is these paragraphs (any Unicode text). */
export const docxOf = (paragraphs: string[]): Promise<Buffer> =>
  Packer.toBuffer(new Document({ sections: [{ children: paragraphs.map((text) => new Paragraph(text)) }] }));

/** A tree with a ward secretary who publishes, members of two cells, a member of a sibling district's cell, and a city admin. */
export async function documentsTree(t: DocumentsTestApp) {
  const tree = await buildTree(t.db);
  const people = {
    wardSecretary: await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.ward]] }),
    cellSecretary: await buildAccount(t.db, { cell: tree.cell, roles: [["secretary", tree.cell]] }),
    districtAdmin: await buildAccount(t.db, { homeUnit: tree.district, roles: [["unit_admin", tree.district]] }),
    siblingAdmin: await buildAccount(t.db, { homeUnit: tree.sibling, roles: [["unit_admin", tree.sibling]] }),
    editor: await buildAccount(t.db, { cell: tree.cell, roles: [["editor", tree.ward]] }),
    member: await buildAccount(t.db, { cell: tree.cell }),
    otherCellMember: await buildAccount(t.db, { cell: tree.otherCell }),
    siblingMember: await buildAccount(t.db, { cell: tree.siblingCell }),
  };
  return { tree, people };
}

/** POST /api/documents/uploads as `who`, the bytes as the body. */
export async function upload(t: DocumentsTestApp, who: { id: string }, body: Buffer | NodeJS.ReadableStream, name = "van-ban.pdf", options: { confirm?: boolean; contentType?: string } = {}) {
  const client = await t.as(who);
  const query = `name=${encodeURIComponent(name)}${options.confirm === false ? "" : "&notClassified=true"}`;
  return t.app.inject({
    method: "POST",
    url: `/api/documents/uploads?${query}`,
    headers: { ...client.headers, "content-type": options.contentType ?? "application/pdf" },
    payload: body as Buffer,
  });
}

let counter = 0;
/** An upload of a fresh PDF (unique bytes) by `who`; returns its id. */
export async function uploadPdf(t: DocumentsTestApp, who: { id: string }, lines: string[] = [], name = "van-ban.pdf"): Promise<string> {
  const res = await upload(t, who, pdfOf([[...lines, `Ban so ${process.pid}-${++counter}-${Date.now()}`]]), name);
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id;
}

/** Valid metadata for a new document, with the given changes. */
export const metadata = (extra: Record<string, unknown> = {}) => ({
  numberSymbol: "15-NQ/TU",
  type: "resolution",
  issuingBody: "Thành ủy Hà Nội",
  issuedOn: "2026-03-15",
  summary: "Về tăng cường công tác xây dựng Đảng",
  tags: ["xây dựng Đảng"],
  ...extra,
});

/** Publishes a document of `unitId` as `who` with one fresh PDF; returns its id. */
export async function publish(t: DocumentsTestApp, who: { id: string }, unitId: string, extra: Record<string, unknown> = {}, lines: string[] = []): Promise<string> {
  const uploadId = await uploadPdf(t, who, lines);
  const res = await (await t.as(who)).post(`/api/units/${unitId}/documents`, { ...metadata(extra), uploadIds: [uploadId] });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().data.id;
}
