/**
 * Highlighted snippets for search results, cut from the original text (with its diacritics) where
 * the folded query words occur in the folded text. Folding is done one character at a time, so
 * positions in the folded text are positions in the original.
 */

export interface SnippetPart {
  text: string;
  match: boolean;
}

/** One UTF-16 unit folded to one: diacritics dropped, đ → d, lower case; what would not stay one unit becomes a non-letter. */
const foldUnit = (ch: string): string => {
  const base = ch.normalize("NFD").replace(/[\u0300-\u036f]/g, "").replace(/[đĐ]/g, "d").toLowerCase();
  if (base.length === 1) return base;
  const lower = ch.toLowerCase();
  return lower.length === 1 ? lower : "\u0000";
};

/** Folded code unit by code unit (0xffff: not worked out yet); filled as characters are met. */
const table = new Uint16Array(0x10000).fill(0xffff);
const utf16 = new TextDecoder("utf-16le");

/**
 * Same length as `text` (NFC), each character folded: one table lookup per UTF-16 unit into a typed
 * array, decoded once. (A lone surrogate stays one unit, so positions still match the original.)
 */
const foldAligned = (text: string): string => {
  const out = new Uint16Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    let f = table[code];
    if (f === 0xffff) {
      const ch = foldUnit(String.fromCharCode(code));
      f = ch.length === 1 ? ch.charCodeAt(0) : 0;
      table[code] = f;
    }
    out[i] = f;
  }
  return utf16.decode(out);
};

/** The words of a query, folded, without search operators. */
export function queryTerms(q: string): string[] {
  const folded = foldAligned(q.normalize("NFC"));
  return [...new Set(folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w.length > 0 && w !== "or"))];
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/**
 * A whole-word pattern for any of the terms (each written as a pattern by `make`), made once per set
 * of terms: a page of results asks with the same terms twenty times. Each kind keeps its last one.
 */
function wordPattern(make: (term: string) => string, flags: string): (terms: string[]) => RegExp {
  let lastKey = "";
  let last: RegExp | null = null;
  return (terms) => {
    const key = terms.join("\u0001");
    if (key !== lastKey || !last) {
      lastKey = key;
      last = new RegExp(`(?<![\\p{L}\\p{N}])(?:${terms.map(make).join("|")})(?![\\p{L}\\p{N}])`, flags);
    }
    return last;
  };
}

/** The terms as they are, over folded text; global, for walking every match. */
const termsPattern = wordPattern(escape, "gu");

/** Every match of `terms` in the folded text, from `from` until one starts at or after `until`. */
function foldedMatches(folded: string, terms: string[], from = 0, until = Infinity): { start: number; end: number }[] {
  if (terms.length === 0) return [];
  const re = termsPattern(terms);
  re.lastIndex = from;
  const out: { start: number; end: number }[] = [];
  for (let m = re.exec(folded); m && m.index < until; m = re.exec(folded)) out.push({ start: m.index, end: m.index + m[0].length });
  return out;
}

const matches = (text: string, terms: string[]) => foldedMatches(foldAligned(text), terms);

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
 * Each folded letter as a character class of every letter that folds to it ("d" → [dđDĐ], "a" →
 * [aàáảãạăằ…Ạ]), so the first match can be found in the original text by a compiled regular
 * expression: no folded copy of a long body is made just to find where its snippet starts.
 */
const variants = (() => {
  const byFolded = new Map<string, string>();
  const ranges: [number, number][] = [[0x30, 0x39], [0x41, 0x5a], [0x61, 0x7a], [0xc0, 0x24f], [0x1e00, 0x1eff]];
  for (const [from, to] of ranges)
    for (let code = from; code <= to; code++) {
      const ch = String.fromCharCode(code);
      const f = foldUnit(ch);
      if (f.length === 1 && f !== "\u0000") byFolded.set(f, (byFolded.get(f) ?? "") + ch);
    }
  return byFolded;
})();

const variantClass = (folded: string): string => {
  const known = variants.get(folded);
  if (known) return `[${known}]`;
  const upper = folded.toUpperCase();
  return upper.length === 1 && upper !== folded ? `[${escape(folded)}${escape(upper)}]` : escape(folded);
};

/** The terms as one pattern over the original text (diacritics and case in any form), whole words only. */
const locatePattern = wordPattern((term) => Array.from(term, variantClass).join(""), "u");

/** Where the first match of `terms` starts in the original text, or -1. */
const locate = (text: string, terms: string[]): number => (terms.length === 0 ? -1 : text.search(locatePattern(terms)));

/**
 * About `length` characters from a little before the first match, cut at word boundaries, with "…"
 * where text was left out; the start of the text when nothing matches.
 */
export function snippet(text: string, terms: string[], length = 220): SnippetPart[] {
  return around(text, locate(text, terms), terms, length).parts;
}

/** The body's snippet when the body mentions the words, else the summary's. */
export function bestSnippet(body: string, summary: string, terms: string[], length = 220): SnippetPart[] {
  const at = locate(body, terms);
  return at >= 0 || !summary ? around(body, at, terms, length).parts : snippet(summary, terms, length);
}

/**
 * The snippet from a window of the text around `at` (the first match, or -1 for the beginning):
 * only the window's spaces are flattened and only it is folded, however long the text.
 */
function around(text: string, at: number, terms: string[], length: number): { parts: SnippetPart[]; matched: boolean } {
  const from = at > 0 ? Math.max(0, at - length) : 0;
  const to = Math.min(text.length, Math.max(at, 0) + 2 * length);
  let flat = text.slice(from, to).replace(/\s+/g, " ");
  if (from === 0) flat = flat.trimStart();
  if (to === text.length) flat = flat.trimEnd();
  return cut(flat, terms, length, from > 0, to < text.length);
}

/** The first match and those after it within the snippet's reach (the text is folded once). */
function firstMatches(flat: string, terms: string[], window: number): { start: number; end: number }[] {
  if (terms.length === 0) return [];
  const folded = foldAligned(flat);
  const re = termsPattern(terms);
  re.lastIndex = 0;
  const first = re.exec(folded);
  return first ? foldedMatches(folded, terms, first.index, first.index + window) : [];
}

function cut(flat: string, terms: string[], length: number, before = false, after = false): { parts: SnippetPart[]; matched: boolean } {
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
  if (start > 0 || before) parts.unshift({ text: "…", match: false });
  if (end < flat.length || after) parts.push({ text: "…", match: false });
  return { parts, matched: hits.length > 0 };
}
