import path from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { extractInChild, extractionChildPid } from "./extract-child";

const FIXTURES = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../../../test/fixtures/documents");
const pdf = path.join(FIXTURES, "nghi-quyet-57.pdf");

describe("text extraction in a child process", () => {
  it("reads a PDF's text in a child process, and the next file in the same child", async () => {
    const first = await extractInChild(pdf, "pdf");
    const pid = extractionChildPid();
    const second = await extractInChild(pdf, "pdf", { firstPageOnly: true });

    expect(first.pages[0]).toContain("NGHỊ QUYẾT");
    expect(second.pages).toHaveLength(1);
    expect(pid).toBeDefined();
    expect(pid).not.toBe(process.pid);
    expect(extractionChildPid()).toBe(pid);
  });

  it("answers a file it cannot read with the reader's error, and keeps working", async () => {
    await expect(extractInChild(path.join(FIXTURES, "missing.pdf"), "pdf")).rejects.toThrow(/PDF file could not be read: ENOENT/);
    expect((await extractInChild(pdf, "pdf")).pages.length).toBeGreaterThan(0);
  });

  it("stops a child that takes too long, fails that file, and reads the next in a new child", async () => {
    await extractInChild(pdf, "pdf");
    const before = extractionChildPid();

    await expect(extractInChild(pdf, "pdf", {}, 1)).rejects.toThrow(/stopped after/);
    const after = await extractInChild(pdf, "pdf");

    expect(after.pages[0]).toContain("NGHỊ QUYẾT");
    expect(extractionChildPid()).not.toBe(before);
  });
});
