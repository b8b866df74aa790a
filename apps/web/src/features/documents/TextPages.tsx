import { Fragment, type ReactNode, useEffect } from "react";
import { useTranslation } from "react-i18next";
import type { Match } from "./find";

/** The page's text as lines, with the matches on it in <mark> (the current one also `.current`). */
function markedLines(text: string, matches: readonly { start: number; end: number; current: boolean }[]): ReactNode[] {
  const parts: ReactNode[] = [];
  let at = 0;
  matches.forEach((m, i) => {
    if (m.start < at) return;
    parts.push(text.slice(at, m.start));
    parts.push(
      <mark key={`m${i}`} className={m.current ? "current" : undefined} id={m.current ? "text-current-match" : undefined}>
        {text.slice(m.start, m.end)}
      </mark>,
    );
    at = m.end;
  });
  parts.push(text.slice(at));
  // Line breaks of the extracted text are kept (the CSS keeps them: white-space: pre-line).
  return parts.map((part, i) => <Fragment key={i}>{part}</Fragment>);
}

export interface TextPagesProps {
  pages: readonly string[];
  /** The page headings' level: 2 straight under the page's h1. */
  headingLevel?: 2 | 3;
  /** Search results to mark, and which of them is the current one (-1 for none). */
  matches?: readonly Match[];
  current?: number;
}

/**
 * A document's extracted text, page by page (sheets and slides count as pages), each under a
 * heading "Trang N" that the page jump can focus. Reflowed, so large text and phones read it well;
 * plain text, so screen readers and read-aloud get every word.
 */
export function TextPages({ pages, headingLevel = 2, matches = [], current = -1 }: TextPagesProps) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  useEffect(() => {
    if (current >= 0) document.getElementById("text-current-match")?.scrollIntoView({ block: "center" });
  }, [current]);
  return (
    <div className="text-pages">
      {pages.map((text, i) => {
        const page = i + 1;
        const onPage = matches.map((m, index) => ({ ...m, current: index === current })).filter((m) => m.page === page);
        return (
          <section key={page} className="text-page" aria-labelledby={`text-page-${page}`}>
            <Heading id={`text-page-${page}`} className="text-page-heading" tabIndex={-1}>
              {t("documents.viewer.pageHeading", { page })}
            </Heading>
            <p className="text-page-body">{text.trim() ? markedLines(text, onPage) : <span className="meta">{t("documents.viewer.noText")}</span>}</p>
          </section>
        );
      })}
    </div>
  );
}
