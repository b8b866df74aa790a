/**
 * Highlighted snippets for search results, cut from the original text (with its diacritics) where
 * the folded query words occur in the folded text. Folding is done one character at a time, so
 * positions in the folded text are positions in the original.
 */

export interface SnippetPart {
  text: string;
  match: boolean;
}

const foldChar = (ch: string): string => {
  const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  return base.length === 1 ? base : ch.toLowerCase().length === 1 ? ch.toLowerCase() : "\u0000";
};

/** Same length as `text` (NFC), each character folded. */
const foldAligned = (text: string): string => Array.from(text, foldChar).join("");

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
 * About `length` characters around the first stretch dense in matches, cut at word boundaries,
 * with "…" where text was left out; the start of the text when nothing matches.
 */
export function snippet(text: string, terms: string[], length = 220): SnippetPart[] {
  const flat = text.replace(/\s+/g, " ").trim();
  const hits = matches(flat, terms);
  let start = 0;
  if (hits.length > 0) {
    // The window with the most matches, starting a little before a match.
    let best = 0;
    let bestCount = -1;
    for (let i = 0; i < hits.length; i++) {
      const count = hits.filter((h) => h.start >= hits[i].start && h.end <= hits[i].start + length).length;
      if (count > bestCount) [best, bestCount] = [i, count];
    }
    start = Math.max(0, hits[best].start - 40);
  }
  let end = Math.min(flat.length, start + length);
  if (start > 0) {
    const space = flat.indexOf(" ", start);
    start = space >= 0 && space < hits[0]?.start + length ? space + 1 : start;
  }
  if (end < flat.length) {
    const space = flat.lastIndexOf(" ", end);
    if (space > start) end = space;
  }
  const parts = toParts(flat, hits, start, end);
  if (start > 0) parts.unshift({ text: "…", match: false });
  if (end < flat.length) parts.push({ text: "…", match: false });
  return parts;
}
