/**
 * Highlighted snippets for search results, cut from the original text (with its diacritics) where
 * the folded query words occur in the folded text. Folding is done one character at a time, so
 * positions in the folded text are positions in the original.
 */

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** Each distinct character is folded once: a body has a few hundred distinct characters and thousands of letters. */
const folded = new Map<string, string>();
const foldChar = (ch: string): string => {
  let out = folded.get(ch);
  if (out === undefined) {
    const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
    // One UTF-16 unit in, one out, so positions match the original; anything else becomes a non-letter.
    out = base.length === 1 && ch.length === 1 ? base : ch.length === 1 && ch.toLowerCase().length === 1 ? ch.toLowerCase() : ch.length === 1 ? "\u0000" : "\u0000\u0000";
    if (folded.size < 10_000) folded.set(ch, out);
  }
  return out;
};

/** Same length as `text` (NFC), each character folded. */
const foldAligned = (text: string): string => {
  let out = "";
  for (const ch of text) out += foldChar(ch);
  return out;
};

/** The words of a query, folded, without search operators. */
export function queryTerms(q: string): string[] {
  const folded = foldAligned(q.normalize("NFC"));
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && w !== "or"))];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

function matches(text: string, terms: string[]): { start: number; end: number }[] {
  if (terms.length === 0) return [];
  const folded = foldAligned(text);
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(escape).join("|")})(?![\\p{L}\\p{N}])`, "gu");
  return Array.from(folded.matchAll(re), (m) => ({ start: m.index, end: m.index + m[0].length }));
}

function toParts(text: string, hits: { start: number; end: number }[], from = 0, to = text.length): SnippetPart[] {
  const parts: SnippetPart[] = [];
  let at = from;
  for (const h of hits) {
    if (h.end <= from || h.start >= to) continue;
    if (h.start > at) parts.push({ text: text.slice(at, h.start), match: false });
    parts.push({ text: text.slice(Math.max(h.start, at), Math.min(h.end, to)), match: true });
    at = Math.min(h.end, to);
  }
  if (at < to) parts.push({ text: text.slice(at, to), match: false });
  return parts;
}

/** The whole (short) text with its matches marked: for titles. */
export const highlightAll = (text: string, terms: string[]): SnippetPart[] => toParts(text, matches(text, terms));


/**
 * About `length` characters from a little before the first match, cut at word boundaries, with "…"
 * where text was left out; the start of the text when nothing matches.
 */
export function snippet(text: string, terms: string[], length = 220): SnippetPart[] {
  return cut(text.slice(0, 20_000).replace(/\s+/g, " ").trim(), terms, length).parts;
}

/** The body's snippet when the body mentions the words, else the summary's (folded once each). */
export function bestSnippet(body: string, summary: string, terms: string[], length = 220): SnippetPart[] {
  const fromBody = cut(body.slice(0, 20_000).replace(/\s+/g, " ").trim(), terms, length);
  return fromBody.matched || !summary ? fromBody.parts : snippet(summary, terms, length);
}

/** Matches in the first stretch of `flat` that has any, read 2,000 characters at a time (most bodies match early). */
function firstMatches(flat: string, terms: string[], window: number): { start: number; end: number }[] {
  for (let from = 0; from < flat.length; from += 2000) {
    // Start a word earlier than the chunk so a word cut by the chunk boundary is still found.
    const begin = from === 0 ? 0 : flat.lastIndexOf(" ", from) + 1;
    const hits = matches(flat.slice(begin, from + 2000 + window), terms).map((h) => ({ start: h.start + begin, end: h.end + begin }));
    if (hits.length > 0) return hits;
  }
  return [];
}

function cut(flat: string, terms: string[], length: number): { parts: SnippetPart[]; matched: boolean } {
  const hits = firstMatches(flat, terms, length);
  let start = hits.length > 0 ? Math.max(0, hits[0].start - 40) : 0;
  let end = Math.min(flat.length, start + length);
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    if (space >= 0 && space < hits[0].start) start = space + 1;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const parts = toParts(flat, hits, start, end);
  if (start > 0) parts.unshift({ text: "…", match: false });
  if (end < flat.length) parts.push({ text: "…", match: false });
  return { parts, matched: hits.length > 0 };
}
