/**
 * Vietnamese text helpers shared by the API, the web app and the bench generator.
 * The SQL twin of `foldVietnamese` is the immutable function `vn_fold(text)` in the first migration;
 * both must fold the same way, and apps/api/src/db/vn-fold.test.ts compares them.
 */

/** NFC-normalises and trims; what every text input goes through at the edge. */
export const normalizeText = (value: string): string => value.normalize("NFC");

/** Lower case, no diacritics, `đ`/`Đ` folded to `d`, whitespace collapsed: "Nghị quyết Đại hội" → "nghi quyet dai hoi". */
export function foldVietnamese(value: string): string {
  return value
    .normalize("NFD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[đĐ]/g, "d")
    .toLowerCase()
    .replace(/\s+/g, " ")
    .trim();
}

// Vietnamese alphabet order: a ă â b c d đ e ê g h i k l m n o ô ơ p q r s t u ư v x y.
// Letters outside it (f, j, w, z in foreign names) are slotted in Latin order.
const ALPHABET = "aăâbcdđeêfghijklmnoôơpqrstuưvwxyz";
const TONES = ["", "\u0300", "\u0309", "\u0303", "\u0301", "\u0323"]; // ngang, huyền, hỏi, ngã, sắc, nặng

/** Splits one NFD letter cluster into base letter (with its vowel-quality marks) and tone index. */
function letterKey(cluster: string): { primary: string; tone: number } {
  let tone = 0;
  let base = "";
  for (const ch of cluster) {
    const t = TONES.indexOf(ch);
    if (t > 0) tone = t;
    else base += ch;
  }
  const letter = base.normalize("NFC").toLowerCase();
  const index = ALPHABET.indexOf(letter);
  // Two base-36 digits keep the key sortable with the C collation; unknown characters sort last by code point.
  const primary = index >= 0 ? index.toString(36).padStart(2, "0") : `~${letter}`;
  return { primary, tone };
}

function wordKey(word: string): { primary: string; tones: string } {
  const clusters = word.normalize("NFD").match(/\P{M}\p{M}*/gu) ?? [];
  const keys = clusters.map(letterKey);
  return { primary: keys.map((k) => k.primary).join(""), tones: keys.map((k) => k.tone).join("") };
}

/**
 * A string key that sorts people the Vietnamese way with the C collation: by given name (the last
 * word), then middle names, then family name; letters in Vietnamese order; tones break ties.
 */
export function vietnameseNameSortKey(fullName: string): string {
  const words = normalizeText(fullName).trim().split(/\s+/).filter(Boolean);
  if (words.length === 0) return "";
  const ordered = [words[words.length - 1], ...words.slice(1, -1), words[0]].slice(0, words.length);
  const keys = ordered.map(wordKey);
  return `${keys.map((k) => k.primary).join(" ")}|${keys.map((k) => k.tones).join(" ")}`;
}

/** Compares two full names the Vietnamese way (see `vietnameseNameSortKey`). */
export const compareVietnameseNames = (a: string, b: string): number => {
  const ka = vietnameseNameSortKey(a);
  const kb = vietnameseNameSortKey(b);
  return ka < kb ? -1 : ka > kb ? 1 : 0;
};
