import path from "node:path";
import { gzipSync } from "node:zlib";
import { Document, Packer, Paragraph } from "docx";
import ExcelJS from "exceljs";
import sharp, { type Sharp } from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { compoundFile, declareUncompressedSize, emptyEntriesZip, FIXTURES, MSI_CLSID, openDocumentPackage, presentationPackage, tempFolder, wordPackage, zipOf } from "../../../test/fixtures/documents/builders";
import { inspectFile } from "./inspect";

let folder: Awaited<ReturnType<typeof tempFolder>>;
beforeAll(async () => void (folder = await tempFolder()));
afterAll(() => folder.remove());

const padded = (head: number[] | string, size = 1024) => {
  const buffer = Buffer.alloc(size);
  (typeof head === "string" ? Buffer.from(head, "latin1") : Buffer.from(head)).copy(buffer);
  return buffer;
};
const inspect = async (name: string, body: Buffer | string) => inspectFile(await folder.write(name, body));

describe("inspectFile accepts documents and pictures by their content", () => {
  it("accepts a PDF", async () => {
    expect(await inspectFile(path.join(FIXTURES, "nghi-quyet-57.pdf"))).toEqual({ ok: true, format: "pdf", contentType: "application/pdf", extension: "pdf" });
  });

  it("accepts a DOCX made by the docx library", async () => {
    const body = await Packer.toBuffer(new Document({ sections: [{ children: [new Paragraph("Nghị quyết")] }] }));
    expect(await inspect("a.docx", body)).toEqual({ ok: true, format: "docx", contentType: "application/vnd.openxmlformats-officedocument.wordprocessingml.document", extension: "docx" });
  });

  it("accepts an XLSX made by exceljs", async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet("Danh sách").addRow(["Họ và tên", "Chi bộ"]);
    const body = Buffer.from(await workbook.xlsx.writeBuffer());
    expect(await inspect("a.xlsx", body)).toMatchObject({ ok: true, format: "xlsx", extension: "xlsx" });
  });

  it("accepts a PPTX", async () => {
    expect(await inspect("a.pptx", await presentationPackage([{ number: 1, paragraphs: ["Trang chiếu"] }]))).toMatchObject({ ok: true, format: "pptx", contentType: "application/vnd.openxmlformats-officedocument.presentationml.presentation" });
  });

  it("accepts an ODT", async () => {
    expect(await inspect("a.odt", await openDocumentPackage())).toEqual({ ok: true, format: "odt", contentType: "application/vnd.oasis.opendocument.text", extension: "odt" });
  });

  it("tells a DOCX from an XLSX by its parts, not its name", async () => {
    expect(await inspect("bang-tinh.xlsx", await wordPackage())).toMatchObject({ ok: true, format: "docx" });
  });

  it.each([
    ["jpeg", "image/jpeg", "jpg", (image: Sharp) => image.jpeg()],
    ["png", "image/png", "png", (image: Sharp) => image.png()],
    ["webp", "image/webp", "webp", (image: Sharp) => image.webp()],
  ])("accepts a %s picture", async (format, contentType, extension, encode) => {
    const body = await encode(sharp({ create: { width: 4, height: 4, channels: 3, background: "#c00" } })).toBuffer();
    expect(await inspect(`picture.${extension}`, body)).toEqual({ ok: true, format, contentType, extension });
  });
});

describe("inspectFile refuses programs", () => {
  it("refuses a Windows executable renamed to .pdf", async () => {
    expect(await inspect("nghi-quyet.pdf", padded("MZ\x90\x00\x03\x00\x00\x00\x04\x00"))).toEqual({ ok: false, reason: "executable", detected: "exe" });
  });

  it.each([
    ["a Linux ELF binary", [0x7f, 0x45, 0x4c, 0x46, 2, 1, 1, 0]],
    ["a macOS Mach-O binary", [0xcf, 0xfa, 0xed, 0xfe, 7, 0, 0, 1]],
    ["a Java class", [0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34]],
    ["a WebAssembly module", [0x00, 0x61, 0x73, 0x6d, 1, 0, 0, 0]],
  ])("refuses %s", async (_name, head) => {
    expect(await inspect("tai-lieu.docx", padded(head))).toMatchObject({ ok: false, reason: "executable" });
  });

  it("refuses a shell script", async () => {
    expect(await inspect("bao-cao.pdf", "#!/bin/sh\necho 'xin chào'\n")).toEqual({ ok: false, reason: "executable", detected: "script" });
  });

  it("refuses a Windows Installer package (a compound file with the MSI class id)", async () => {
    expect(await inspect("setup.doc", compoundFile(["Property"], MSI_CLSID))).toEqual({ ok: false, reason: "executable", detected: "msi" });
  });

  it("refuses a Java archive", async () => {
    const jar = await zipOf([["META-INF/MANIFEST.MF", "Manifest-Version: 1.0\n"], ["Main.class", padded([0xca, 0xfe, 0xba, 0xbe, 0, 0, 0, 0x34], 16)]]);
    expect(await inspect("tai-lieu.docx", jar)).toMatchObject({ ok: false, reason: "executable" });
  });
});

describe("inspectFile refuses archives", () => {
  it("refuses a plain zip", async () => {
    expect(await inspect("van-ban.docx", await zipOf([["van-ban.pdf", "%PDF-1.7"]]))).toEqual({ ok: false, reason: "archive", detected: "zip" });
  });

  it.each([
    ["rar", padded([0x52, 0x61, 0x72, 0x21, 0x1a, 0x07, 0x01, 0x00])],
    ["7z", padded([0x37, 0x7a, 0xbc, 0xaf, 0x27, 0x1c, 0, 4])],
    ["gz", gzipSync(Buffer.from("Nghị quyết"))],
    ["bz2", padded("BZh91AY&SY")],
    ["xz", padded([0xfd, 0x37, 0x7a, 0x58, 0x5a, 0x00, 0x00])],
    ["cab", padded("MSCF\0\0\0\0")],
    ["tar", padded(`${"van-ban.txt".padEnd(257, "\0")}ustar\x0000`)],
  ])("refuses a %s archive", async (detected, body) => {
    expect(await inspect("van-ban.pdf", body)).toEqual({ ok: false, reason: "archive", detected });
  });

  it("refuses a zip with more than 10,000 entries as a zip bomb", async () => {
    const bomb = emptyEntriesZip(["[Content_Types].xml", ...Array.from({ length: 10_000 }, (_, i) => `word/media/${i}.txt`)]);
    expect(await inspect("bomb.docx", bomb)).toEqual({ ok: false, reason: "archive", detected: "zip bomb" });
  });

  it("refuses a zip declaring more than 500 MB uncompressed as a zip bomb", async () => {
    const bomb = declareUncompressedSize(await wordPackage(), 200 * 1024 * 1024);
    expect(await inspect("bomb.docx", bomb)).toEqual({ ok: false, reason: "archive", detected: "zip bomb" });
  });
});

describe("inspectFile refuses documents that can run code", () => {
  it("refuses a document whose content types are macro-enabled (.docm)", async () => {
    const docm = await wordPackage({ mainContentType: "application/vnd.ms-word.document.macroEnabled.main+xml" });
    expect(await inspect("van-ban.docx", docm)).toEqual({ ok: false, reason: "macro_enabled" });
  });

  it("refuses a DOCX that carries a VBA project", async () => {
    const docx = await wordPackage({ extraEntries: [["word/vbaProject.bin", padded([0xd0, 0xcf, 0x11, 0xe0], 64)]] });
    expect(await inspect("van-ban.docx", docx)).toEqual({ ok: false, reason: "macro_enabled" });
  });

  it("refuses a spreadsheet whose VBA project is declared only in its content types (.xlsm)", async () => {
    const xlsm = await wordPackage({
      mainContentType: "application/vnd.ms-excel.sheet.macroEnabled.main+xml",
      extraTypes: '<Override PartName="/xl/vbaProject.bin" ContentType="application/vnd.ms-office.vbaProject"/>',
    });
    expect(await inspect("bang.xlsx", xlsm)).toEqual({ ok: false, reason: "macro_enabled" });
  });

  it("refuses an ODT with Basic macros", async () => {
    const odt = await openDocumentPackage({ extraEntries: [["Basic/Standard/Module1.xml", "<script:module/>"]] });
    expect(await inspect("van-ban.odt", odt)).toEqual({ ok: false, reason: "macro_enabled" });
  });

  it("refuses an ODT with scripts", async () => {
    const odt = await openDocumentPackage({ extraEntries: [["Scripts/python/run.py", "import os"]] });
    expect(await inspect("van-ban.odt", odt)).toEqual({ ok: false, reason: "macro_enabled" });
  });
});

describe("inspectFile refuses what it cannot read", () => {
  it("refuses a password-protected PDF", async () => {
    expect(await inspectFile(path.join(FIXTURES, "encrypted.pdf"))).toEqual({ ok: false, reason: "encrypted", detected: "pdf" });
  });

  it("refuses a password-protected DOCX (a compound file holding EncryptionInfo)", async () => {
    expect(await inspect("van-ban.docx", compoundFile(["EncryptionInfo", "EncryptedPackage"]))).toEqual({ ok: false, reason: "encrypted", detected: "ooxml" });
  });

  it("refuses a password-protected ODT", async () => {
    const odt = await openDocumentPackage({ manifestExtra: '<manifest:encryption-data manifest:checksum-type="SHA1/1K"/>' });
    expect(await inspect("van-ban.odt", odt)).toEqual({ ok: false, reason: "encrypted" });
  });

  it("refuses a legacy Word .doc as unsupported, naming it", async () => {
    expect(await inspect("van-ban.doc", compoundFile(["WordDocument", "1Table"]))).toEqual({ ok: false, reason: "unsupported_type", detected: "doc" });
  });

  it("refuses a legacy Excel .xls as unsupported, naming it", async () => {
    expect(await inspect("bang.xls", compoundFile(["Workbook"]))).toEqual({ ok: false, reason: "unsupported_type", detected: "xls" });
  });

  it("refuses an empty file", async () => {
    expect(await inspect("trong.pdf", "")).toEqual({ ok: false, reason: "empty" });
  });

  it.each([
    ["HTML", "<!doctype html><html><body><script>alert(1)</script></body></html>"],
    ["SVG", '<?xml version="1.0"?><svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'],
    ["plain text", "Nghị quyết số 57-NQ/TW"],
  ])("refuses %s", async (_name, body) => {
    expect(await inspect("van-ban.pdf", body)).toMatchObject({ ok: false, reason: "unsupported_type" });
  });

  it("refuses an OpenDocument spreadsheet (only text documents are taken)", async () => {
    expect(await inspect("bang.odt", await openDocumentPackage({ mimetype: "application/vnd.oasis.opendocument.spreadsheet" }))).toEqual({
      ok: false,
      reason: "unsupported_type",
      detected: "opendocument spreadsheet",
    });
  });

  it("refuses a damaged zip", async () => {
    const zip = await wordPackage();
    expect(await inspect("hong.docx", zip.subarray(0, zip.length - 30))).toEqual({ ok: false, reason: "unsupported_type", detected: "damaged zip" });
  });
});
