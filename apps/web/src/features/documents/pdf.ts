import { GlobalWorkerOptions, TextLayer, VerbosityLevel, getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import type { PDFDocumentLoadingTask } from "pdfjs-dist/legacy/build/pdf.mjs";
// The worker is a file of the app itself (worker-src 'self'), found and hashed by Vite.
import workerUrl from "pdfjs-dist/legacy/build/pdf.worker.min.mjs?url";

export type { PDFDocumentProxy, PDFPageProxy, PageViewport } from "pdfjs-dist/legacy/build/pdf.mjs";
export type { TextContent, TextItem } from "pdfjs-dist/types/src/display/api";
export { TextLayer };

/**
 * pdf.js, the legacy build (older phones' browsers too), set up for the app's Content-Security-Policy:
 * no eval (`isEvalSupported: false`) and no WebAssembly (`useWasm: false`: script-src has no
 * 'wasm-unsafe-eval'; JPEG 2000 and JBIG2 images use pdf.js's JavaScript decoders). Its standard
 * fonts, character maps and JavaScript decoder are served from /pdfjs/ on the app's own origin
 * (copied there by vite.config.ts).
 */
GlobalWorkerOptions.workerSrc = workerUrl;

const ASSETS = "/pdfjs/";

/** Opens a PDF from the server (`url`: read in ranges, the session cookie sent) or from the device (`data`). */
export function openPdf(source: { url: string } | { data: Uint8Array }): PDFDocumentLoadingTask {
  return getDocument({
    ...source,
    isEvalSupported: false,
    useWasm: false,
    enableXfa: false,
    withCredentials: false,
    standardFontDataUrl: `${ASSETS}standard_fonts/`,
    cMapUrl: `${ASSETS}cmaps/`,
    cMapPacked: true,
    wasmUrl: `${ASSETS}wasm/`,
    verbosity: VerbosityLevel.ERRORS,
  });
}
