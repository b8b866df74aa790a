import { Limits } from "@party/shared";

/**
 * File names as the uploader's device sent them are shown and offered for download, never used as
 * a path: storage keys are SHA-256 digests and temporary files get random names.
 */

// Control characters, format characters (bidirectional overrides such as U+202E make "gpj.exe"
// read as "exe.jpg"), private-use and unassigned code points.
const INVISIBLE = /[\p{Cc}\p{Cf}\p{Co}\p{Cn}]/gu;
// Characters Windows refuses in names, and quotes that would end a header's quoted string.
const RESERVED = /[<>:"|?*\\/]/g;

/**
 * The name to keep for an uploaded file: NFC, only the last path segment, no control or format
 * characters, no leading dots, at most 200 characters, and the extension of the detected format in
 * place of whatever the name ended with ("../../etc/passwd.pdf" → "passwd.pdf").
 */
export function cleanFileName(raw: string, extension: string): string {
  const base = raw.normalize("NFC").split(/[\\/]/).pop() ?? "";
  let stem = base
    .replace(INVISIBLE, "")
    .replace(RESERVED, "_")
    .replace(/\s+/g, " ")
    .trim()
    .replace(/^[.\s]+/, "");
  // The name's own extension goes: the content decides what the file is.
  stem = stem.replace(/\.[\p{L}\p{N}]{1,10}$/u, "").replace(/[.\s]+$/, "");
  if (!stem) stem = "tai-lieu";
  const suffix = `.${extension}`;
  const room = Limits.documentFileNameMax - suffix.length;
  // Cut by code point, never inside a surrogate pair.
  const chars = Array.from(stem);
  if (chars.length > room) stem = chars.slice(0, room).join("").trimEnd();
  return `${stem}${suffix}`;
}

/** ASCII for the old `filename=` parameter: diacritics dropped, `đ` → d, anything else outside printable ASCII (and quotes, backslashes) → `_`. */
export function asciiFileName(name: string): string {
  return name
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/đ/g, "d")
    .replace(/Đ/g, "D")
    .replace(/[^\x20-\x7e]|["\\%]/g, "_");
}

/** RFC 5987 `ext-value` percent-encoding (what encodeURIComponent leaves out of attr-char is encoded too). */
const encodeRfc5987 = (value: string): string =>
  encodeURIComponent(value).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);

/** Formats the browser shows itself (a PDF, a picture); Office files are downloaded. */
export const INLINE_FORMATS: ReadonlySet<string> = new Set(["pdf", "jpeg", "png", "webp"]);

/**
 * `Content-Disposition` (RFC 6266) with an ASCII fallback and the UTF-8 name: PDFs and pictures open
 * in the browser (`inline`), Office files download (`attachment`). CR, LF and quotes never get through.
 */
export function contentDisposition(name: string, inline: boolean): string {
  const clean = name.replace(/[\r\n]/g, "");
  return `${inline ? "inline" : "attachment"}; filename="${asciiFileName(clean)}"; filename*=UTF-8''${encodeRfc5987(clean)}`;
}
