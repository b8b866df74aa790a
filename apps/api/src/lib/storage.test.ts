import { createHash } from "node:crypto";
import fs from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import type { Readable } from "node:stream";
import { afterAll, describe, expect, it } from "vitest";
import { s3TestServer } from "../../test/s3";
import { diskStorage, s3Storage, type Storage } from "./storage";

const text = async (stream: Readable) => {
  const chunks: Buffer[] = [];
  for await (const c of stream) chunks.push(Buffer.from(c as Buffer));
  return Buffer.concat(chunks).toString("utf8");
};
const keyOf = (s: string) => createHash("sha256").update(s).digest("hex");
const tmp = await fs.mkdtemp(path.join(os.tmpdir(), "sotay-storage-"));
afterAll(() => fs.rm(tmp, { recursive: true, force: true }));

const settings = await s3TestServer(tmp);

const implementations: [string, Storage][] = [
  ["disk", diskStorage(path.join(tmp, "disk"))],
  ["s3", s3Storage(settings)],
];

describe.each(implementations)("%s storage", (_name, storage) => {
  it("stores a file under its hash, reads it whole and by range, and knows what it holds", async () => {
    const content = "Nghị quyết số 57-NQ/TW về đột phá phát triển khoa học, công nghệ";
    const key = keyOf(content);
    const source = path.join(tmp, `${key}.upload`);
    await fs.writeFile(source, content);

    expect(await storage.exists(key)).toBe(false);
    await storage.putFile(key, source, "text/plain");
    await storage.putFile(key, source, "text/plain"); // again: already there
    expect(await storage.exists(key)).toBe(true);
    expect(await text(await storage.read(key))).toBe(content);
    const bytes = Buffer.from(content);
    expect(await text(await storage.read(key, { start: 0, end: 13 }))).toBe(bytes.subarray(0, 14).toString());
  });

  it("stores buffers, and refuses keys that are not SHA-256 digests (nothing a client sends becomes a path)", async () => {
    const key = keyOf("buffer");
    await storage.putBuffer(key, Buffer.from("buffer"), "application/octet-stream");
    expect(await text(await storage.read(key))).toBe("buffer");
    await expect(storage.read("../../etc/passwd")).rejects.toThrow(/Invalid storage key/);
    await expect(storage.exists("A".repeat(64))).rejects.toThrow(/Invalid storage key/);
  });

  it("removes a key, and removing one it does not hold is fine", async () => {
    const key = keyOf("to remove");
    await storage.putBuffer(key, Buffer.from("to remove"), "text/plain");
    await storage.remove(key);
    expect(await storage.exists(key)).toBe(false);
    await storage.remove(key);
    await expect(storage.remove("../../etc/passwd")).rejects.toThrow(/Invalid storage key/);
  });

  it("fails to read a key it does not hold", async () => {
    await expect(storage.read(keyOf("never stored")).then(text)).rejects.toThrow();
  });
});
