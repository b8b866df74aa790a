import { type ReactNode, useCallback } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Card } from "../../components/Card";
import { PageHeader } from "../../components/PageHeader";
import { formatDateTime } from "../../i18n/format";
import { ReadAloud } from "../news/ReadAloud";
import { type DocumentDto, fileUrl } from "./api";
import { BackToLibrary } from "./BackToLibrary";
import { searchPath } from "./DocumentSearchForm";
import { calendarDate, documentName, fileFacts, levelLabel, typeLabel } from "./labels";

export interface DocumentViewProps {
  document: DocumentDto;
  /** Extracted text of the files, by position (read aloud after the summary). */
  texts: Record<number, string[]>;
  /** From the network: downloads and links that need it are offered. */
  online: boolean;
  /** Above the document (e.g. "the saved copy of …", "published"). */
  notice?: ReactNode;
  /** Under the files: bookmark and saving for offline reading. */
  tools?: ReactNode;
  /** After read-aloud: notes and the staff's tools. */
  children?: ReactNode;
}

/**
 * A document as members read it, from the network or from the copy saved on the device: its
 * metadata as a description list, its files (open in the viewer, or download), read-aloud of the
 * summary and the files' extracted text.
 */
export function DocumentView({ document: d, texts, online, notice, tools, children }: DocumentViewProps) {
  const { t, i18n } = useTranslation();
  const name = documentName(t, d);
  const readableText = useCallback(
    () =>
      [name, d.summary, ...d.files.flatMap((f) => texts[f.position] ?? [])]
        .map((part) => part.trim())
        .filter(Boolean)
        .join("\n"),
    [name, d.summary, d.files, texts],
  );

  return (
    <>
      <BackToLibrary />
      <PageHeader title={name} subtitle={d.issuingBody} />
      {notice}
      <article className="document">
        <p className="article-lead doc-lead">{d.summary}</p>
        <dl className="details doc-facts">
          <div>
            <dt>{t("documents.page.numberSymbol")}</dt>
            <dd>{d.numberSymbol ?? t("documents.page.noNumber")}</dd>
          </div>
          <div>
            <dt>{t("documents.page.type")}</dt>
            <dd>{typeLabel(t, d.type)}</dd>
          </div>
          <div>
            <dt>{t("documents.page.issuingBody")}</dt>
            <dd>{d.issuingBody}</dd>
          </div>
          <div>
            <dt>{t("documents.page.issuedOn")}</dt>
            <dd>
              <time dateTime={d.issuedOn}>{calendarDate(d.issuedOn)}</time>
            </dd>
          </div>
          {d.effectiveOn && (
            <div>
              <dt>{t("documents.page.effectiveOn")}</dt>
              <dd>
                <time dateTime={d.effectiveOn}>{calendarDate(d.effectiveOn)}</time>
              </dd>
            </div>
          )}
          <div>
            <dt>{t("documents.page.level")}</dt>
            <dd>{levelLabel(t, d.level)}</dd>
          </div>
          <div>
            <dt>{t("documents.page.unit")}</dt>
            <dd>
              {online ? (
                <Link to={searchPath({ unitId: d.unit.id })} aria-label={t("documents.page.unitLink", { name: d.unit.name })}>
                  {d.unit.name}
                </Link>
              ) : (
                d.unit.name
              )}
            </dd>
          </div>
          {d.tags.length > 0 && (
            <div>
              <dt>{t("documents.page.tags")}</dt>
              <dd>{d.tags.join(", ")}</dd>
            </div>
          )}
        </dl>
        <p className="meta">{t("documents.page.version", { version: d.version, time: formatDateTime(d.updatedAt) })}</p>

        <Card title={t("documents.page.files")} className="doc-files">
          <ol className="item-list">
            {d.files.map((f) => (
              <li key={f.position} className="item doc-file">
                <p className="doc-file-name">{f.name}</p>
                <p className="meta">{fileFacts(t, f, i18n.language)}</p>
                {f.textStatus === "pending" && <p className="meta">{t("documents.page.textPending")}</p>}
                <div className="button-row">
                  <Link className="btn btn-primary" to={`/documents/${d.id}/files/${f.position}`} aria-label={t("documents.page.openFile", { name: f.name })}>
                    {t("documents.page.open")}
                  </Link>
                  {online && (
                    <a className="btn btn-secondary" href={fileUrl(d.id, f.position)} download={f.name} aria-label={t("documents.page.downloadFile", { name: f.name })}>
                      {t("documents.page.download")}
                    </a>
                  )}
                </div>
              </li>
            ))}
          </ol>
        </Card>
        {tools}
        <ReadAloud key={d.id} getText={readableText} title={t("documents.readAloud.title")} />
      </article>
      {children}
    </>
  );
}
