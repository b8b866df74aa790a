/**
 * The classification gate (DOMAIN.md, Content: classified material must never be stored on a
 * networked system). Vietnamese state-secret documents carry one of three marks (Law on Protection
 * of State Secrets 2018): MẬT, TỐI MẬT, TUYỆT MẬT, stamped on a line of its own near the top of the
 * first page, or placed in a header or the document's properties.
 *
 * Diacritics matter here on purpose: "MẶT TRẬN" (mặt, with a breve) is the Fatherland Front, not a
 * mark, so text is compared after NFC normalisation and Vietnamese upper-casing, never after
 * stripping accents. Only a whole stamp counts: "giữ bí mật nhà nước" or "mật độ dân số" inside a
 * sentence does not.
 */
export type ClassificationMark = "mat" | "toi_mat" | "tuyet_mat";

const STAMPS: Record<string, ClassificationMark> = { "MẬT": "mat", "TỐI MẬT": "toi_mat", "TUYỆT MẬT": "tuyet_mat" };
const RANK: Record<ClassificationMark, number> = { mat: 1, toi_mat: 2, tuyet_mat: 3 };
/** "Độ mật:", "Mức độ mật:" label a stamp; on their own they are no mark. */
const LABEL = /^(MỨC )?ĐỘ MẬT( |$)/;
/** Urgency marks often share the stamp's line ("TỐI MẬT - HỎA TỐC"); both spellings of hỏa. */
const URGENCY = new Set(["KHẨN", "THƯỢNG KHẨN", "HỎA TỐC", "HOẢ TỐC", "HỎA TỐC HẸN GIỜ", "HOẢ TỐC HẸN GIỜ"]);
/** A property or header that begins with a stamp and a separator: "TỐI MẬT - Báo cáo…", "[Mật] …". */
const LEADING_STAMP = /^[^\p{L}\p{N}]*(TUYỆT MẬT|TỐI MẬT|MẬT)\s*[-–—:|)\]}»]/u;

const fold = (text: string) => text.normalize("NFC").toLocaleUpperCase("vi").normalize("NFC");
const startsCapitalised = (text: string) => text[0] !== text[0].toLocaleLowerCase("vi");
const higher = (a: ClassificationMark | null, b: ClassificationMark | null) => (!a ? b : !b ? a : RANK[a] >= RANK[b] ? a : b);

/**
 * The strongest classification mark found (tuyet_mat > toi_mat > mat), or null. Looks at every
 * line of the first page and of the headers, and at every document property. The caller passes
 * extracted text (extractText), in any Unicode normalisation form.
 */
export function findClassificationMark(input: { firstPage: string; headers: string; metadata: Record<string, string> }): ClassificationMark | null {
  let found: ClassificationMark | null = null;
  for (const line of lines(input.firstPage)) found = higher(found, stampLine(line, true));
  for (const line of lines(input.headers)) found = higher(found, higher(stampLine(line, true), leadingStamp(line)));
  for (const value of Object.values(input.metadata)) {
    found = higher(found, leadingStamp(value));
    for (const item of value.split(/[,;\n]/)) found = higher(found, stampLine(item, false));
  }
  return found;
}

const lines = (text: string) => text.normalize("NFC").split(/\r?\n/);

/**
 * The mark a line is, when the whole line is a stamp: the mark, perhaps boxed or bracketed,
 * perhaps labelled "Độ mật:", perhaps beside an urgency mark. Anything else on the line and it is
 * ordinary text. In body text a bare mark must start with a capital, so a sentence wrapped to a
 * last line of "mật." is not taken for a stamp.
 */
function stampLine(line: string, capitalRequired: boolean): ClassificationMark | null {
  const parts = letterSpacedJoined(line.normalize("NFC").trim())
    .split(/[^\p{L}\p{M}\p{N} ]+/u)
    .map((part) => part.replace(/\s+/g, " ").trim())
    .filter(Boolean);
  const labelled = parts.some((part) => LABEL.test(fold(part)));
  let mark: ClassificationMark | null = null;
  for (const part of parts) {
    const folded = fold(part).replace(LABEL, "");
    if (folded === "" || URGENCY.has(folded)) continue;
    const stamp = STAMPS[folded];
    if (!stamp) return null;
    if (capitalRequired && !labelled && !startsCapitalised(part)) return null;
    mark = higher(mark, stamp);
  }
  return mark;
}

/** "M Ậ T", "T Ố I   M Ậ T": a stamp typed letter by letter reads as its words. */
function letterSpacedJoined(line: string): string {
  if (!/^\p{L}( +\p{L})+$/u.test(line)) return line;
  const joined = line.split(/ {2,}/).map((word) => word.replace(/ /g, "")).join(" ");
  const word = fold(joined).replace(/ /g, "");
  const match = Object.keys(STAMPS).find((stamp) => stamp.replace(/ /g, "") === word);
  return match ?? joined;
}

function leadingStamp(value: string): ClassificationMark | null {
  const match = LEADING_STAMP.exec(fold(value.trim()));
  return match ? STAMPS[match[1]] : null;
}
