import type { ImageDto } from "@party/shared/schemas/files";

/** `srcset` of a picture's variants ("url 480w, url 960w, …"); the browser picks the width it needs. */
export const srcSetOf = (image: Pick<ImageDto, "variants">): string => image.variants.map((v) => `${v.url} ${v.width}w`).join(", ");

/** The variant for a plain `src`: the widest up to `width`, else the narrowest there is. */
export function variantFor(image: Pick<ImageDto, "variants">, width: number): ImageDto["variants"][number] | undefined {
  const fitting = image.variants.filter((v) => v.width <= width);
  return fitting.at(-1) ?? image.variants[0];
}

export interface CoverImageProps {
  image: Pick<ImageDto, "variants" | "width" | "height">;
  alt: string;
  /** The `sizes` attribute: how wide the picture is drawn at each viewport width. */
  sizes: string;
  className?: string;
  /** The page's main picture (above the fold): loaded at once rather than lazily. */
  eager?: boolean;
}

/**
 * A responsive picture: `srcset` from the server's WebP widths, `sizes` from the layout, and the
 * intrinsic width and height so the page does not jump while it loads (CSS keeps the ratio).
 */
export function CoverImage({ image, alt, sizes, className, eager = false }: CoverImageProps) {
  const fallback = variantFor(image, 960);
  if (!fallback) return null;
  return (
    <img
      className={className}
      src={fallback.url}
      srcSet={srcSetOf(image)}
      sizes={sizes}
      alt={alt}
      width={image.width}
      height={image.height}
      loading={eager ? "eager" : "lazy"}
      decoding="async"
    />
  );
}
