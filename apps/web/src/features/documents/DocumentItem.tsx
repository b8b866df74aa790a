import { type ReactNode, useId } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatDateTime } from "../../i18n/format";
import type { DocumentHit } from "./api";
import { calendarDate, documentName, typeLabel } from "./labels";

export interface DocumentItemProps {
  document: DocumentHit;
  /** The title's heading level: 3 under a section's h2, 2 straight under the page's h1. */
  headingLevel?: 2 | 3;
  /** Replaces the summary (search results show it with the matches marked). */
  summary?: ReactNode;
  /** Under the summary: a snippet of the text where the words were found. */
  snippet?: ReactNode;
  /** At the foot: links for staff (e.g. a draft's review). */
  actions?: ReactNode;
}

/**
 * One document in a list: its name (type and number, a heading with the link), the summary
 * (trích yếu), then type, issuing body, issue date and marks in words (withdrawn, committee only,
 * a draft for feedback and its deadline, bookmarked), never colour alone.
 */
export function DocumentItem({ document: d, headingLevel = 3, summary, snippet, actions }: DocumentItemProps) {
  const { t } = useTranslation();
  const metaId = `${useId()}-meta`;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <li className={["item", "doc-item", d.withdrawnAt ? "doc-withdrawn" : ""].filter(Boolean).join(" ")}>
      <Heading className="doc-item-title">
        <Link to={`/documents/${d.id}`} aria-describedby={metaId}>
          {documentName(t, d)}
        </Link>
      </Heading>
      <p className="doc-summary">{summary ?? d.summary}</p>
      {snippet && <p className="doc-snippet">{snippet}</p>}
      <p className="meta doc-meta" id={metaId}>
        <span className="badge doc-type">{typeLabel(t, d.type)}</span>
        <span>{d.issuingBody}</span>
        <time dateTime={d.issuedOn}>{t("documents.item.issuedOn", { date: calendarDate(d.issuedOn) })}</time>
        <span>{t("documents.item.fileCount", { count: d.fileCount })}</span>
        {d.withdrawnAt && <span className="badge badge-failure">{t("documents.item.withdrawn")}</span>}
        {d.committeeOnly && <span className="badge badge-denied">{t("documents.item.committeeOnly")}</span>}
        {d.feedbackUntil && <span className="badge badge-noted">{t("feedback.item.draft", { time: formatDateTime(d.feedbackUntil) })}</span>}
        {d.bookmarked && <span className="badge badge-read">{t("documents.item.bookmarked")}</span>}
      </p>
      {actions && <div className="button-row">{actions}</div>}
    </li>
  );
}
