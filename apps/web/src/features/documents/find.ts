/**
 * Finding words in a document's text the way search does: case, diacritics and `đ` ignored,
 * runs of whitespace read as one space. Offsets are in the original text, so matches can be marked.
 */

const foldChar = (c: string): string =>
  c
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase();

/** The folded text and, for each of its characters, the offset of the original character it came from. */
export function foldWithOffsets(text: string): { folded: string; offsets: number[] } {
  let folded = "";
  const offsets: number[] = [];
  let offset = 0;
  let lastSpace = false;
  for (const c of text) {
    if (/\s/.test(c)) {
      if (!lastSpace) {
        folded += " ";
        offsets.push(offset);
      }
      lastSpace = true;
    } else {
      for (const f of foldChar(c)) {
        folded += f;
        offsets.push(offset);
      }
      lastSpace = false;
    }
    offset += c.length;
  }
  return { folded, offsets };
}

/** The query as it is compared: folded, trimmed, whitespace collapsed. */
export const foldQuery = (q: string): string => foldWithOffsets(q.trim()).folded.trim();

export interface Match {
  /** 1-based page. */
  page: number;
  /** Offsets in the page's original text. */
  start: number;
  end: number;
}

/** Every occurrence of the folded query in the pages, in reading order. */
export function findInPages(pages: readonly string[], query: string): Match[] {
  if (!query) return [];
  const matches: Match[] = [];
  pages.forEach((text, i) => {
    const { folded, offsets } = foldWithOffsets(text);
    for (let at = folded.indexOf(query); at >= 0; at = folded.indexOf(query, at + query.length)) {
      const next = at + query.length;
      // Up to the next folded character: a letter's combining marks (NFD text) stay inside the match.
      matches.push({ page: i + 1, start: offsets[at], end: next < offsets.length ? offsets[next] : text.length });
    }
  });
  return matches;
}

/** Whether `text` contains the folded query. */
export const containsFolded = (text: string, query: string): boolean => query !== "" && foldWithOffsets(text).folded.includes(query);
