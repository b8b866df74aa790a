import { type FormEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Spinner } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { ReadAloud } from "../news/ReadAloud";
import { containsFolded, findInPages, foldQuery, type Match } from "./find";
import { type PDFDocumentProxy, type TextItem, TextLayer, openPdf } from "./pdf";
import { TextPages } from "./TextPages";

/** Zoom steps, as a share of the width that fits the screen. */
const ZOOMS = [0.5, 0.75, 1, 1.25, 1.5, 2, 2.5, 3] as const;
const FIT = ZOOMS.indexOf(1);
/** A canvas larger than this many pixels is drawn at a lower resolution (phones run out of memory). */
const MAX_CANVAS_PIXELS = 8_000_000;
/** Room left for the page box's padding and a scrollbar. */
const BOX_GUTTER = 24;

type Size = { width: number; height: number };

/**
 * Sizes are set through the CSSOM (custom properties read by documents.css): the CSP forbids style
 * attributes, not this.
 */
function setSize(el: HTMLElement | null, size: Size, scale: number) {
  if (!el) return;
  el.style.setProperty("--page-width", `${Math.floor(size.width * scale)}px`);
  el.style.setProperty("--page-height", `${Math.floor(size.height * scale)}px`);
  el.style.setProperty("--total-scale-factor", String(scale));
}

interface PdfPageProps {
  pdf: PDFDocumentProxy;
  number: number;
  total: number;
  scale: number;
  /** Page 1's size at scale 1: the placeholder's size until the page itself is drawn. */
  base: Size;
  /** Close to the visible part of the box: drawn; far away: an empty placeholder of the same size. */
  near: boolean;
  /** The folded words to mark in the text layer, or "". */
  highlight: string;
  /** Brings the first marked words into view once drawn (the current search result's page). */
  reveal: boolean;
  register: (number: number, el: HTMLDivElement | null) => void;
}

/**
 * One page: a canvas drawn by pdf.js (hidden from screen readers) under pdf.js's text layer, whose
 * transparent text lies over the printed words: selectable, found by the browser, read by screen
 * readers. A visually hidden heading names the page ("Trang 2") for moving by headings and for the
 * page jump.
 */
function PdfPage({ pdf, number, total, scale, base, near, highlight, reveal, register }: PdfPageProps) {
  const { t } = useTranslation();
  const box = useRef<HTMLDivElement>(null);
  const canvas = useRef<HTMLCanvasElement>(null);
  const layer = useRef<HTMLDivElement>(null);
  const [drawn, setDrawn] = useState(0);

  useEffect(() => {
    setSize(box.current, base, scale);
  }, [base, scale]);

  useEffect(() => {
    const c = canvas.current;
    const text = layer.current;
    if (!c || !text) return;
    if (!near) {
      // Far from view: give the memory back.
      c.width = 0;
      c.height = 0;
      text.replaceChildren();
      return;
    }
    let cancelled = false;
    let cancel: (() => void) | null = null;
    void (async () => {
      const page = await pdf.getPage(number);
      if (cancelled) return;
      const viewport = page.getViewport({ scale });
      setSize(box.current, { width: viewport.width / scale, height: viewport.height / scale }, scale);
      const ratio = Math.min(window.devicePixelRatio || 1, 2, Math.sqrt(MAX_CANVAS_PIXELS / (viewport.width * viewport.height)));
      c.width = Math.floor(viewport.width * ratio);
      c.height = Math.floor(viewport.height * ratio);
      const task = page.render({ canvas: c, viewport, transform: ratio !== 1 ? [ratio, 0, 0, ratio, 0, 0] : undefined });
      cancel = () => task.cancel();
      await task.promise;
      if (cancelled) return;
      const content = await page.getTextContent({ includeMarkedContent: true, disableNormalization: true });
      if (cancelled) return;
      text.replaceChildren();
      const textLayer = new TextLayer({ textContentSource: content, container: text, viewport });
      cancel = () => textLayer.cancel();
      await textLayer.render();
      if (!cancelled) setDrawn((n) => n + 1);
    })().catch(() => {
      // Cancelled (scrolled away, zoomed) or a page pdf.js cannot draw: the placeholder stays.
    });
    return () => {
      cancelled = true;
      cancel?.();
    };
  }, [pdf, number, scale, near]);

  useEffect(() => {
    const text = layer.current;
    if (!text || drawn === 0) return;
    const spans = [...text.querySelectorAll<HTMLElement>("span:not(.markedContent)")];
    let hits = highlight ? spans.filter((s) => containsFolded(s.textContent ?? "", highlight)) : [];
    // Words split over several pieces of text: mark the pieces holding the first word.
    if (highlight && hits.length === 0) {
      const first = highlight.split(" ")[0];
      if (first.length > 1) hits = spans.filter((s) => containsFolded(s.textContent ?? "", first));
    }
    for (const s of spans) s.classList.toggle("pdf-hit", hits.includes(s));
    if (reveal && hits[0]) hits[0].scrollIntoView({ block: "center", inline: "nearest" });
  }, [drawn, highlight, reveal]);

  const setBox = useCallback(
    (el: HTMLDivElement | null) => {
      box.current = el;
      register(number, el);
    },
    [register, number],
  );

  return (
    <div className="pdf-page" ref={setBox} data-page={number}>
      <h2 className="visually-hidden pdf-page-heading" tabIndex={-1}>
        {t("documents.viewer.pageHeading", { page: number })} {t("documents.viewer.pageOf", { total })}
      </h2>
      <canvas ref={canvas} className="pdf-canvas" aria-hidden="true" />
      <div ref={layer} className="textLayer" />
    </div>
  );
}

/** The page's text from pdf.js, items joined as pdf.js lays them out (line ends as new lines). */
async function pageText(pdf: PDFDocumentProxy, number: number): Promise<string> {
  const content = await (await pdf.getPage(number)).getTextContent();
  return content.items
    .filter((item): item is TextItem => "str" in item)
    .map((item) => item.str + (item.hasEOL ? "\n" : ""))
    .join("");
}

export interface PdfViewerProps {
  /** From the server (read in ranges) or from the device. */
  source: { url: string } | { blob: Blob };
  /** The extracted text by page when known (the API's or the saved copy's); else pdf.js reads it. */
  pages: string[] | null;
}

/**
 * The in-app PDF reader for phones: pages drawn with pdf.js into a scrolling box that fits the
 * screen's width, only those near the visible part (far ones are released); zoom out, fit, zoom in
 * (the browser's own pinch zoom still works on the page); "Trang __ / N" to jump; search in the
 * text with the next and previous result and the page it is on, the words marked; a text view of
 * every page (large, reflowed, readable by screen readers) and read-aloud from the current page.
 */
export function PdfViewer({ source, pages: givenPages }: PdfViewerProps) {
  const { t, i18n } = useTranslation();
  const [pdf, setPdf] = useState<PDFDocumentProxy | null>(null);
  const [base, setBase] = useState<Size | null>(null);
  const [failed, setFailed] = useState(false);
  const [boxWidth, setBoxWidth] = useState(0);
  const [zoom, setZoom] = useState(FIT);
  const [current, setCurrent] = useState(1);
  const [near, setNear] = useState<ReadonlySet<number>>(new Set([1]));
  const [mode, setMode] = useState<"pages" | "text">("pages");
  const [readPages, setReadPages] = useState<string[] | null>(null);
  const [jump, setJump] = useState("1");
  const [jumpError, setJumpError] = useState<string | undefined>();
  const [query, setQuery] = useState("");
  const [search, setSearch] = useState<{ q: string; folded: string; matches: Match[]; index: number } | null>(null);
  const [searchError, setSearchError] = useState<string | undefined>();
  const [revealPage, setRevealPage] = useState(0);
  const boxRef = useRef<HTMLDivElement>(null);
  const pageEls = useRef(new Map<number, HTMLDivElement>());
  const observer = useRef<IntersectionObserver | null>(null);
  const currentRef = useRef(1);
  const texts = givenPages ?? readPages;
  const total = pdf?.numPages ?? 0;
  const url = "url" in source ? source.url : null;
  const blob = "blob" in source ? source.blob : null;

  // Open the document (again when the source changes); destroyed on leaving.
  useEffect(() => {
    let cancelled = false;
    let task: ReturnType<typeof openPdf> | null = null;
    setPdf(null);
    setFailed(false);
    void (async () => {
      const from = url !== null ? { url } : { data: new Uint8Array(await (blob as Blob).arrayBuffer()) };
      if (cancelled) return;
      task = openPdf(from);
      const doc = await task.promise;
      const first = (await doc.getPage(1)).getViewport({ scale: 1 });
      if (cancelled) return;
      setBase({ width: first.width, height: first.height });
      setPdf(doc);
    })().catch(() => {
      if (!cancelled) setFailed(true);
    });
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [url, blob]);

  // Without extracted text from the server, pdf.js reads it (search, text view, read-aloud).
  useEffect(() => {
    if (!pdf || givenPages) return;
    let cancelled = false;
    void (async () => {
      const out: string[] = [];
      for (let n = 1; n <= pdf.numPages; n += 1) out.push(await pageText(pdf, n));
      if (!cancelled) setReadPages(out);
    })().catch(() => undefined);
    return () => {
      cancelled = true;
    };
  }, [pdf, givenPages]);

  // The box's width decides the scale that fits the screen.
  useEffect(() => {
    const box = boxRef.current;
    if (!box) return;
    const resize = new ResizeObserver(() => setBoxWidth(box.clientWidth));
    resize.observe(box);
    setBoxWidth(box.clientWidth);
    return () => resize.disconnect();
  }, [pdf]);

  // Pages within a screen's height above or below the visible part are drawn.
  useEffect(() => {
    const box = boxRef.current;
    if (!box || !pdf) return;
    const io = new IntersectionObserver(
      (entries) =>
        setNear((old) => {
          const next = new Set(old);
          for (const entry of entries) {
            const n = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting) next.add(n);
            else next.delete(n);
          }
          return next;
        }),
      { root: box, rootMargin: "100% 0px 100% 0px" },
    );
    observer.current = io;
    for (const el of pageEls.current.values()) io.observe(el);
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, [pdf]);

  const register = useCallback((n: number, el: HTMLDivElement | null) => {
    const old = pageEls.current.get(n);
    if (old && old !== el) observer.current?.unobserve(old);
    if (el) {
      pageEls.current.set(n, el);
      observer.current?.observe(el);
    } else pageEls.current.delete(n);
  }, []);

  const scale = base && boxWidth > 0 ? (Math.max(boxWidth - BOX_GUTTER, 100) / base.width) * ZOOMS[zoom] : 0;

  const goTo = useCallback((n: number, focus: boolean) => {
    const box = boxRef.current;
    const el = pageEls.current.get(n);
    if (!box || !el) return;
    // The box is the pages' offset parent (position: relative in documents.css).
    box.scrollTop = el.offsetTop;
    currentRef.current = n;
    setCurrent(n);
    setJump(String(n));
    if (focus) el.querySelector<HTMLElement>(".pdf-page-heading")?.focus({ preventScroll: true });
  }, []);

  // The page being read: the one across the middle of the box.
  const onScroll = () => {
    const box = boxRef.current;
    if (!box) return;
    const line = box.scrollTop + box.clientHeight / 2;
    let page = 1;
    for (const [n, el] of pageEls.current) if (el.offsetTop <= line && n > page) page = n;
    if (page !== currentRef.current) {
      currentRef.current = page;
      setCurrent(page);
      setJump(String(page));
    }
  };

  // Zooming keeps the page being read in view.
  useEffect(() => {
    if (scale > 0 && mode === "pages") goTo(currentRef.current, false);
  }, [scale, mode, goTo]);

  const submitJump = (event: FormEvent) => {
    event.preventDefault();
    const n = Number(jump.trim());
    if (!Number.isInteger(n) || n < 1 || n > total) {
      setJumpError(t("documents.viewer.pageInvalid", { total }));
      return;
    }
    setJumpError(undefined);
    if (mode === "text") {
      currentRef.current = n;
      setCurrent(n);
      document.getElementById(`text-page-${n}`)?.focus();
    } else goTo(n, true);
  };

  const showMatch = (matches: Match[], index: number) => {
    const match = matches[index];
    if (!match) return;
    currentRef.current = match.page;
    setCurrent(match.page);
    setJump(String(match.page));
    setRevealPage(match.page);
    if (mode === "pages") goTo(match.page, false);
    else document.getElementById(`text-page-${match.page}`)?.scrollIntoView({ block: "start" });
  };

  const submitSearch = (event: FormEvent) => {
    event.preventDefault();
    const folded = foldQuery(query);
    if (!folded) {
      setSearchError(t("documents.viewer.searchEmpty"));
      setSearch(null);
      return;
    }
    setSearchError(undefined);
    const matches = findInPages(texts ?? [], folded);
    setSearch({ q: query.trim(), folded, matches, index: 0 });
    showMatch(matches, 0);
  };

  const step = (delta: number) => {
    if (!search || search.matches.length === 0) return;
    const index = (search.index + delta + search.matches.length) % search.matches.length;
    setSearch({ ...search, index });
    showMatch(search.matches, index);
  };

  const fromCurrent = useMemo(() => (texts ?? []).slice(current - 1).join("\n"), [texts, current]);
  const readText = useCallback(() => fromCurrent, [fromCurrent]);
  const match = search?.matches[search.index];

  if (failed) return <Alert tone="error">{t("documents.viewer.failed")}</Alert>;

  return (
    <div className="pdf-viewer">
      <div className="pdf-tools" role="group" aria-label={t("documents.viewer.tools")}>
        <form className="pdf-jump" onSubmit={submitJump} noValidate>
          <TextField
            label={t("documents.viewer.pageBox")}
            value={jump}
            onChange={(e) => setJump(e.target.value)}
            inputMode="numeric"
            maxLength={5}
            error={jumpError}
            className="pdf-jump-field"
          />
          <span className="pdf-jump-total">{total > 0 ? t("documents.viewer.pageOf", { total }) : ""}</span>
          <Button type="submit" variant="secondary" disabled={total === 0}>
            {t("documents.viewer.go")}
          </Button>
        </form>
        {mode === "pages" && (
          <div className="pdf-zoom">
            <Button variant="secondary" onClick={() => setZoom((z) => Math.max(0, z - 1))} disabled={zoom === 0}>
              {t("documents.viewer.zoomOut")}
            </Button>
            <Button variant="secondary" onClick={() => setZoom(FIT)} disabled={zoom === FIT}>
              {t("documents.viewer.zoomFit")}
            </Button>
            <Button variant="secondary" onClick={() => setZoom((z) => Math.min(ZOOMS.length - 1, z + 1))} disabled={zoom === ZOOMS.length - 1}>
              {t("documents.viewer.zoomIn")}
            </Button>
            <span className="meta">{t("documents.viewer.zoom", { percent: new Intl.NumberFormat(i18n.language === "en" ? "en-GB" : "vi-VN").format(ZOOMS[zoom] * 100) })}</span>
          </div>
        )}
        <form className="pdf-search" role="search" onSubmit={submitSearch} noValidate>
          <TextField label={t("documents.viewer.search")} type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={100} enterKeyHint="search" error={searchError} />
          <div className="button-row">
            <Button type="submit" variant="secondary" disabled={texts === null}>
              {t("documents.viewer.searchSubmit")}
            </Button>
            {search && search.matches.length > 1 && (
              <>
                <Button variant="secondary" onClick={() => step(-1)}>
                  {t("documents.viewer.previous")}
                </Button>
                <Button variant="secondary" onClick={() => step(1)}>
                  {t("documents.viewer.next")}
                </Button>
              </>
            )}
          </div>
          <p className="pdf-search-status" role="status">
            {search && (match ? t("documents.viewer.match", { index: search.index + 1, count: search.matches.length, page: match.page }) : t("documents.viewer.noMatch", { q: search.q }))}
          </p>
        </form>
        <p className="pdf-mode">
          <Button variant="quiet" onClick={() => setMode((m) => (m === "pages" ? "text" : "pages"))} disabled={texts === null && mode === "pages"}>
            {mode === "pages" ? t("documents.viewer.textMode") : t("documents.viewer.pageMode")}
          </Button>
        </p>
        <p className="meta pdf-current">{total > 0 ? t("documents.viewer.pageNow", { page: current, total }) : ""}</p>
      </div>

      {!pdf && <Spinner label={t("documents.viewer.loading")} />}
      {/* Always mounted (hidden in the text view), so its observers stay attached. */}
      <div className="pdf-box" ref={boxRef} onScroll={onScroll} tabIndex={0} role="region" aria-label={t("documents.viewer.pages")} hidden={mode !== "pages"}>
        {pdf &&
          base &&
          scale > 0 &&
          Array.from({ length: pdf.numPages }, (_, i) => i + 1).map((n) => (
            <PdfPage
              key={n}
              pdf={pdf}
              number={n}
              total={pdf.numPages}
              scale={scale}
              base={base}
              near={near.has(n)}
              highlight={search?.folded ?? ""}
              reveal={revealPage === n && match?.page === n}
              register={register}
            />
          ))}
      </div>
      {mode === "text" && texts && <TextPages pages={texts} headingLevel={2} matches={search?.matches ?? []} current={search?.index ?? -1} />}
      {texts && texts.some((p) => p.trim()) && <ReadAloud getText={readText} title={t("documents.readAloud.fromPage", { page: current })} />}
    </div>
  );
}
