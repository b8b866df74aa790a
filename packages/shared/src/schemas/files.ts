import { z } from "zod";

/** A picture in responsive widths (WebP), for `srcset`. */
export const ImageDto = z.object({
  id: z.uuid(),
  width: z.number().int(),
  height: z.number().int(),
  /** Narrowest first; `url` is served by GET /api/files/:id. */
  variants: z.array(z.object({ url: z.string(), width: z.number().int(), height: z.number().int() })),
});
export type ImageDto = z.infer<typeof ImageDto>;
export const ImageEnvelope = z.object({ data: ImageDto });
