import type { Ctx } from "../../lib/context";
import { recordEvent } from "../../lib/events";
import type { Storage } from "../../lib/storage";
import { processImage } from "./images";
import * as filesRepo from "./files.repo";

/**
 * Stores an uploaded picture: each WebP width goes to storage (content-addressed, so a picture
 * uploaded twice is stored once) and gets a file row; the image row lists them. The caller has
 * authorized `upload`. Records `files.image_uploaded`.
 */
export async function storeImage(ctx: Ctx, storage: Storage, bytes: Buffer) {
  const processed = await processImage(bytes);
  const variants = [];
  for (const v of processed.variants) {
    await storage.putBuffer(v.sha256, v.body, "image/webp");
    const fileId = await filesRepo.upsertFile(ctx.db, { sha256: v.sha256, size: v.body.length, contentType: "image/webp", kind: "image", createdBy: ctx.actor!.accountId });
    variants.push({ fileId, width: v.width, height: v.height });
  }
  const image = await filesRepo.insertImage(ctx.db, { width: processed.width, height: processed.height, variants, createdBy: ctx.actor!.accountId });
  await recordEvent(ctx, { name: "files.image_uploaded", unitId: ctx.actor?.cell?.id ?? ctx.actor?.grants[0]?.unitId ?? null, subjectType: "image", subjectId: image.id, data: { bytes: bytes.length, width: processed.width, height: processed.height } });
  return image;
}
