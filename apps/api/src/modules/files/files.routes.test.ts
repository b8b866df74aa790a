import { randomUUID } from "node:crypto";
import sharp from "sharp";
import { describe, expect, it } from "vitest";
import { buildAccount, buildTree } from "../../../test/factories";
import { createTestApp } from "../../../test/server";

const t = await createTestApp({ env: { IMAGE_MAX_BYTES: "2000000" } });
const tree = await buildTree(t.db);
const editor = await buildAccount(t.db, { cell: tree.cell, roles: [["editor", tree.ward]] });
const member = await buildAccount(t.db, { cell: tree.cell });

/** A camera-like JPEG: 2000×1500 stored sideways (EXIF orientation 6) with a GPS position and a camera name. */
const photo = () =>
  sharp({ create: { width: 2000, height: 1500, channels: 3, background: { r: 183, g: 28, b: 28 } } })
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: "Máy ảnh của tác giả", Artist: "Nguyễn Văn A" }, IFD3: { GPSLatitudeRef: "N", GPSLatitude: "21/1 1/1 0/1" } } })
    .toBuffer();

const upload = async (who: { id: string }, body: Buffer, type = "image/jpeg") =>
  t.app.inject({ method: "POST", url: "/api/images", headers: { ...(await t.as(who)).headers, "content-type": type }, payload: body });

describe("POST /api/images", () => {
  it("keeps a picture as upright WebP in 480, 960 and 1600 px widths with every bit of metadata stripped", async () => {
    const res = await upload(editor, await photo());

    expect(res.statusCode, res.body).toBe(201);
    const image = res.json().data;
    expect([image.width, image.height]).toEqual([1500, 2000]); // turned upright
    expect(image.variants.map((v: { width: number }) => v.width)).toEqual([480, 960, 1500]);
    const smallest = await (await t.as(member)).get(image.variants[0].url);
    expect(smallest.statusCode).toBe(200);
    expect(smallest.headers["content-type"]).toBe("image/webp");
    const meta = await sharp(smallest.rawPayload).metadata();
    expect(meta).toMatchObject({ format: "webp", width: 480, height: 640 });
    expect(meta.exif).toBeUndefined();
    expect(meta.icc).toBeUndefined();
    expect(meta.orientation).toBeUndefined();
  });

  it("stores the same picture once: a second upload points at the same files", async () => {
    const bytes = await photo();
    const first = (await upload(editor, bytes)).json().data;
    const second = (await upload(editor, bytes)).json().data;
    expect(second.id).not.toBe(first.id);
    expect(second.variants.map((v: { url: string }) => v.url)).toEqual(first.variants.map((v: { url: string }) => v.url));
  });

  it("answers 415 to a program renamed as a picture, 413 beyond the size limit, and keeps nothing", async () => {
    const before = await t.db.selectFrom("files").select("id").execute();
    const exe = Buffer.concat([Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "binary"), Buffer.alloc(4096, 7)]);
    expect((await upload(editor, exe, "image/png")).statusCode).toBe(415);
    expect((await upload(editor, Buffer.alloc(2_100_000, 1), "image/png")).statusCode).toBe(413);
    expect((await upload(editor, Buffer.from("<svg onload=alert(1)>"), "image/svg+xml")).statusCode).toBe(415);
    expect(await t.db.selectFrom("files").select("id").execute()).toEqual(before);
  });

  it("returns 403 to a member without an editorial role and 401 without a session", async () => {
    expect((await upload(member, await photo())).statusCode).toBe(403);
    expect((await t.app.inject({ method: "POST", url: "/api/images", headers: { "content-type": "image/jpeg" }, payload: await photo() })).statusCode).toBe(401);
  });
});

describe("GET /api/files/:id", () => {
  it("serves byte ranges (206), whole files with nosniff and a private immutable cache, and 416 past the end", async () => {
    const image = (await upload(editor, await photo())).json().data;
    const client = await t.as(member);
    const whole = await client.get(image.variants[1].url);
    const size = whole.rawPayload.length;
    expect(whole.headers["x-content-type-options"]).toBe("nosniff");
    expect(whole.headers["cache-control"]).toBe("private, max-age=31536000, immutable");
    expect(whole.headers["content-disposition"]).toMatch(/^inline; filename="[0-9a-f-]+\.webp"$/);

    const part = await t.app.inject({ method: "GET", url: image.variants[1].url, headers: { ...client.headers, range: "bytes=10-19" } });
    expect(part.statusCode).toBe(206);
    expect(part.headers["content-range"]).toBe(`bytes 10-19/${size}`);
    expect(part.rawPayload).toEqual(whole.rawPayload.subarray(10, 20));
    const tail = await t.app.inject({ method: "GET", url: image.variants[1].url, headers: { ...client.headers, range: "bytes=-5" } });
    expect(tail.rawPayload).toEqual(whole.rawPayload.subarray(size - 5));
    expect((await t.app.inject({ method: "GET", url: image.variants[1].url, headers: { ...client.headers, range: `bytes=${size}-` } })).statusCode).toBe(416);
  });

  it("returns 404 for an unknown id and for a document's file (reached only through its document), 401 without a session", async () => {
    const doc = await t.db
      .insertInto("files")
      .values({ sha256: "a".repeat(64), size: 10, contentType: "application/pdf", kind: "document" })
      .returning("id")
      .executeTakeFirstOrThrow();
    const client = await t.as(member);
    expect((await client.get(`/api/files/${doc.id}`)).statusCode).toBe(404);
    expect((await client.get(`/api/files/${randomUUID()}`)).statusCode).toBe(404);
    expect((await t.anonymous.get(`/api/files/${doc.id}`)).statusCode).toBe(401);
  });
});
