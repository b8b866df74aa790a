/** What the readers of extract.ts share: the shape of their answer and of its text. */

/** The text of a document, for search, read-aloud and the classification gate. */
export interface ExtractedText {
  /** PDF: one entry per page; PPTX: per slide; XLSX: per sheet; DOCX/ODT: one entry per ~3,000 characters of body text, split at paragraph ends (there are no pages). */
  pages: string[];
  /** Document properties that exist: title, subject, keywords, description, author… lowercase keys. */
  metadata: Record<string, string>;
  /** Text of page headers/footers where the format has them (DOCX word/header*.xml, footer*.xml; ODT styles.xml), where a classification stamp usually sits. */
  headers: string;
}

export interface ReadOptions {
  firstPageOnly?: boolean;
  maxChars?: number;
}

/** Options with their defaults applied, as the readers get them. */
export type ReadLimits = Required<ReadOptions>;
export type Reader = (filePath: string, limits: ReadLimits) => Promise<ExtractedText>;

/** DOCX and ODT have no pages: the body is cut into pieces about this long, at paragraph ends. */
const CHUNK_CHARS = 3_000;

/** One string's shape everywhere: NFC, no runs of spaces, no blank-line runs, trimmed lines. */
export function normaliseText(text: string): string {
  return text
    .normalize("NFC")
    .replace(/[\t\f\v \u00a0\u2000-\u200b\u202f\u205f\u3000\ufeff]+/g, " ")
    .replace(/\r\n?/g, "\n")
    .replace(/ *\n */g, "\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

/** Body text cut at paragraph ends into pieces of about CHUNK_CHARS; a longer paragraph is cut at a space. */
export function chunkParagraphs(text: string, limit: number): string[] {
  const chunks: string[] = [];
  let current = "";
  let total = 0;
  for (let paragraph of normaliseText(text).split(/\n+/)) {
    if (total >= limit) break;
    while (paragraph.length > CHUNK_CHARS) {
      const cut = paragraph.lastIndexOf(" ", CHUNK_CHARS) > 0 ? paragraph.lastIndexOf(" ", CHUNK_CHARS) : CHUNK_CHARS;
      if (current) chunks.push(current);
      current = "";
      chunks.push(paragraph.slice(0, cut));
      total += cut;
      paragraph = paragraph.slice(cut).trim();
    }
    if (current && current.length + paragraph.length + 1 > CHUNK_CHARS) {
      chunks.push(current);
      current = "";
    }
    current = current ? `${current}\n${paragraph}` : paragraph;
    total += paragraph.length;
  }
  if (current) chunks.push(current);
  return chunks;
}

