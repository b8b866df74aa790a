/** Returns `value` with every string inside normalised to NFC (objects and arrays are copied). */
export function normalizeDeep(value: unknown, depth = 0): unknown {
  if (typeof value === "string") return value.normalize("NFC");
  if (depth > 32 || value === null || typeof value !== "object") return value;
  if (Array.isArray(value)) return value.map((v) => normalizeDeep(v, depth + 1));
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === "__proto__" || k === "constructor") continue; // never let input reach a prototype
    out[k.normalize("NFC")] = normalizeDeep(v, depth + 1);
  }
  return out;
}
