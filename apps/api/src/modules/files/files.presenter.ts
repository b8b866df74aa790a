import type { ImageDto } from "@party/shared/schemas/files";
import type { ImageVariant } from "../../db/schema";

export const presentImage = (image: { id: string; width: number; height: number; variants: ImageVariant[] }): ImageDto => ({
  id: image.id,
  width: image.width,
  height: image.height,
  variants: image.variants.map((v) => ({ url: `/api/files/${v.fileId}`, width: v.width, height: v.height })),
});
