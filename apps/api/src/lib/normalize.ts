import { Stream } from "node:stream";

/** Returns `value` with every string inside normalised to NFC (objects and arrays are copied). */
export function normalizeDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (Buffer.isBuffer(value) || value instanceof Stream) return value; // a binary upload (bytes or a stream) is not text
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => normalizeDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__" || k === "constructor") continue; // never let input reach a prototype
    out[k.normalize("NFC")] = normalizeDeep(v, depth + 1);
  }
  return out;
}

// A lone surrogate (half of a UTF-16 pair) is not Unicode text; PostgreSQL would store U+FFFD instead.
const LONE_SURROGATE = /\p{Cs}/u;

/**
 * Where in `value` the first string (or key) sits that cannot be stored as text: one holding a NUL
 * character, which PostgreSQL refuses with an error, or a lone surrogate. "" for `value` itself,
 * null when every string is fine.
 */
export function findUnstorableText(value: unknown, path = "", depth = 0): string | null {
  const bad = (s: string) => s.includes("\u0000") || LONE_SURROGATE.test(s);
  if (typeof value === "string") return bad(value) ? path : null;
  if (Buffer.isBuffer(value) || value instanceof Stream) return null;
  if (depth > 32 || value === null || typeof value !== "object") return null;
  for (const [k, v] of Object.entries(value)) {
    const here = path ? `${path}.${k}` : k;
    if (bad(k)) return here;
    const found = findUnstorableText(v, here, depth + 1);
    if (found !== null) return found;
  }
  return null;
}
