import { type ExtractedText, normaliseText, type ReadLimits, type ReadOptions, type Reader } from "./extract-common";
import { docxPreviewHtml, readDocx, readOdt, readPptx, readXlsx } from "./extract-office";
import { readPdf } from "./extract-pdf";
import type { DocumentFormat } from "./inspect";

export { type ExtractedText, docxPreviewHtml, normaliseText };

/** Text extraction: this file chooses the reader (extract-pdf.ts, extract-office.ts) and shapes what it read. */

const DEFAULT_MAX_CHARS = 1_000_000;
const MAX_HEADER_CHARS = 100_000;

/**
 * Text of a file that inspectFile accepted as `format`, NFC-normalised with whitespace collapsed,
 * at most `maxChars` (default 1,000,000) characters of pages in all. Meant for a background job:
 * it may hold a PDF or a spreadsheet in memory. A damaged file throws a plain Error saying what
 * could not be read, for the job to record.
 */
export async function extractText(filePath: string, format: DocumentFormat, options: ReadOptions = {}): Promise<ExtractedText> {
  const limits = { firstPageOnly: options.firstPageOnly ?? false, maxChars: options.maxChars ?? DEFAULT_MAX_CHARS };
  let raw: ExtractedText;
  try {
    raw = await READERS[format](filePath, limits);
  } catch (error) {
    throw new Error(`The ${format.toUpperCase()} file could not be read: ${error instanceof Error ? error.message : String(error)}`, { cause: error });
  }
  return finish(raw, limits);
}

const noText: Reader = async () => ({ pages: [], metadata: {}, headers: "" });

const READERS: Record<DocumentFormat, Reader> = {
  pdf: readPdf,
  docx: readDocx,
  xlsx: readXlsx,
  pptx: readPptx,
  odt: readOdt,
  jpeg: noText,
  png: noText,
  webp: noText,
};

function finish(raw: ExtractedText, limits: ReadLimits): ExtractedText {
  const pages: string[] = [];
  let budget = limits.maxChars;
  for (const page of limits.firstPageOnly ? raw.pages.slice(0, 1) : raw.pages) {
    if (budget <= 0) break;
    const text = normaliseText(page).slice(0, budget);
    pages.push(text);
    budget -= text.length;
  }
  const metadata: Record<string, string> = {};
  for (const [key, value] of Object.entries(raw.metadata)) {
    const text = normaliseText(value);
    if (text) metadata[key.toLowerCase()] = text;
  }
  return { pages, metadata, headers: normaliseText(raw.headers).slice(0, MAX_HEADER_CHARS) };
}
