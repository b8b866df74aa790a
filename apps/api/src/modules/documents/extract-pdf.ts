import { open } from "node:fs/promises";
import { createRequire } from "node:module";
import path from "node:path";
import type { ExtractedText, ReadLimits } from "./extract-common";

// ---------------------------------------------------------------------------------------------
// PDF (pdfjs, in this thread: no worker, no eval, no fonts turned into code)

const pdfjsRoot = path.dirname(createRequire(import.meta.url).resolve("pdfjs-dist/package.json"));
const PDF_INFO_KEYS = ["Title", "Subject", "Keywords", "Author", "Creator", "Producer"];

interface PdfTextItem {
  str: string;
  transform: number[];
  width: number;
  height: number;
  hasEOL: boolean;
}

export async function readPdf(filePath: string, limits: ReadLimits): Promise<ExtractedText> {
  const { getDocument, PDFDataRangeTransport } = await import("pdfjs-dist/legacy/build/pdf.mjs");
  // pdf.js asks for the byte ranges it needs (the cross-reference table, then the objects of the
  // pages it reads), so the first page of a 50 MB PDF costs a few chunks of memory, not the file.
  const handle = await open(filePath, "r");
  const { size } = await handle.stat();
  const transport = new PDFDataRangeTransport(size, new Uint8Array(0));
  transport.requestDataRange = (begin: number, end: number) => {
    const chunk = new Uint8Array(end - begin);
    handle.read(chunk, 0, chunk.length, begin).then(
      () => transport.onDataRange(begin, chunk),
      () => transport.abort(),
    );
  };
  const task = getDocument({
    range: transport,
    length: size,
    disableAutoFetch: true,
    disableStream: true,
    rangeChunkSize: 256 * 1024,
    isEvalSupported: false,
    disableFontFace: true,
    useSystemFonts: false,
    useWorkerFetch: false,
    isOffscreenCanvasSupported: false,
    enableXfa: false,
    verbosity: 0,
    cMapUrl: `${pdfjsRoot}/cmaps/`,
    cMapPacked: true,
    standardFontDataUrl: `${pdfjsRoot}/standard_fonts/`,
  });
  try {
    const pdf = await task.promise;
    const pages: string[] = [];
    let chars = 0;
    const last = limits.firstPageOnly ? 1 : pdf.numPages;
    for (let number = 1; number <= last && chars < limits.maxChars; number++) {
      const page = await pdf.getPage(number);
      const content = await page.getTextContent();
      const text = joinPdfItems(content.items.flatMap((item) => ("str" in item ? [item] : [])));
      pages.push(text);
      chars += text.length;
      page.cleanup();
    }
    const { info } = await pdf.getMetadata();
    const metadata: Record<string, string> = {};
    for (const key of PDF_INFO_KEYS) {
      const value = (info as Record<string, unknown>)[key];
      if (typeof value === "string") metadata[key.toLowerCase()] = value;
    }
    return { pages, metadata, headers: "" };
  } finally {
    await task.destroy();
    await handle.close();
  }
}

/**
 * A page's text items in reading order, as lines: pdfjs says where a line ends (hasEOL); a jump to
 * another baseline also ends one, a small gap is a space, and a wide gap (another column, like the
 * two header columns of an official document) starts a new line so a stamp stays on its own.
 */
function joinPdfItems(items: PdfTextItem[]): string {
  let text = "";
  let previous: { y: number; end: number } | undefined;
  for (const item of items) {
    const [a, b, , , x, y] = item.transform;
    const size = Math.hypot(a, b) || item.height || 10;
    if (previous && item.str && !text.endsWith("\n")) {
      const gap = x - previous.end;
      if (Math.abs(y - previous.y) > size * 0.5 || gap > size * 2) text += "\n";
      else if (gap > size * 0.15 && !/\s$/.test(text) && !/^\s/.test(item.str)) text += " ";
    }
    text += item.str;
    if (item.hasEOL) text += "\n";
    if (item.str) previous = { y, end: x + item.width };
  }
  return text;
}
