import { createHash } from "node:crypto";
import sharp, { type Metadata } from "sharp";
import { AppError } from "../../lib/errors";

/** Widths kept for each picture: a phone, a tablet or a phone at 2x, a desktop. Never upscaled. */
export const IMAGE_WIDTHS = [480, 960, 1600] as const;
/** Decompression bombs stop here: 40 megapixels is more than any camera picture needs. */
const MAX_PIXELS = 40_000_000;
const ACCEPTED = new Set(["jpeg", "png", "webp", "gif", "avif", "heif"]);

export interface ProcessedVariant {
  sha256: string;
  body: Buffer;
  width: number;
  height: number;
}

/**
 * Reads a picture by its content (not its name or declared type), applies its EXIF orientation,
 * drops all metadata (location, camera, author) and makes WebP copies in IMAGE_WIDTHS.
 * Anything that is not a picture sharp can read is a 415.
 */
export async function processImage(input: Buffer): Promise<{ width: number; height: number; variants: ProcessedVariant[] }> {
  let meta: Metadata;
  try {
    meta = await sharp(input, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw new AppError(415, "unsupported_media_type", "Not a picture this server can read (JPEG, PNG, WebP, GIF, AVIF or HEIC)");
  }
  if (!meta.format || !ACCEPTED.has(meta.format) || !meta.width || !meta.height) {
    throw new AppError(415, "unsupported_media_type", "Not a picture this server can read (JPEG, PNG, WebP, GIF, AVIF or HEIC)");
  }
  const rotated = (meta.orientation ?? 1) >= 5;
  const width = rotated ? meta.height : meta.width;
  const height = rotated ? meta.width : meta.height;
  const widths = [...new Set(IMAGE_WIDTHS.map((w) => Math.min(w, width)))];
  const variants: ProcessedVariant[] = [];
  for (const w of widths) {
    try {
      const { data, info } = await sharp(input, { limitInputPixels: MAX_PIXELS, animated: false })
        .rotate()
        .resize({ width: w, withoutEnlargement: true })
        .webp({ quality: 80 })
        .toBuffer({ resolveWithObject: true });
      variants.push({ sha256: createHash("sha256").update(data).digest("hex"), body: data, width: info.width, height: info.height });
    } catch {
      throw new AppError(415, "unsupported_media_type", "The picture could not be read");
    }
  }
  return { width, height, variants };
}
