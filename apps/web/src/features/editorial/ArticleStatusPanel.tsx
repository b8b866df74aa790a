import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { formatDateTime } from "../../i18n/format";
import type { ArticleDto } from "../news/api";
import { revisionStateLabel, statusLabel } from "./labels";

/** The reason that matters now: the working revision's return or decline, else the article's (declined, unpublished). */
export function currentReason(a: ArticleDto): { kind: "returned" | "declined" | "unpublished"; text: string; by: string | null; at: string | null } | null {
  const w = a.working;
  if (w && (w.state === "returned" || w.state === "declined") && w.reviewReason) return { kind: w.state, text: w.reviewReason, by: w.reviewerName, at: w.reviewedAt };
  if (a.statusReason && (a.status === "returned" || a.status === "declined" || a.status === "unpublished")) return { kind: a.status, text: a.statusReason, by: null, at: null };
  return null;
}

/**
 * Where an article stands, in words: its status, the reason it was returned, declined or taken
 * down, its schedule, whether it is a proposal, and, for a published article with a revision in
 * progress, that the published version stays live until the new one is approved.
 */
export function ArticleStatusPanel({ article: a }: { article: ArticleDto }) {
  const { t } = useTranslation();
  const w = a.working;
  const reason = currentReason(a);
  const live = a.status === "published" && a.publishedRevision !== null;
  return (
    <section className="status-panel" aria-label={t("editorial.statusPanel.label")}>
      <dl className="details status-details">
        <div>
          <dt>{t("editorial.statusPanel.status")}</dt>
          <dd>
            <span className={`badge badge-status badge-status-${a.status}`}>{statusLabel(t, a.status)}</span>
          </dd>
        </div>
        {w && a.publishedRevision !== null && (
          <div>
            <dt>{t("editorial.statusPanel.revision")}</dt>
            <dd>{t("editorial.statusPanel.revisionValue", { number: w.number, state: revisionStateLabel(t, w.state) })}</dd>
          </div>
        )}
        {w?.authorName && (
          <div>
            <dt>{t("editorial.statusPanel.author")}</dt>
            <dd>{w.authorName}</dd>
          </div>
        )}
        {w?.state === "submitted" && w.submittedAt && (
          <div>
            <dt>{t("editorial.statusPanel.submittedAt")}</dt>
            <dd>{formatDateTime(w.submittedAt)}</dd>
          </div>
        )}
        <div>
          <dt>{t("editorial.statusPanel.channel")}</dt>
          <dd>{a.unit.name}</dd>
        </div>
        {a.originUnit && (
          <div>
            <dt>{t("editorial.statusPanel.proposedBy")}</dt>
            <dd>{a.originUnit.name}</dd>
          </div>
        )}
        {a.publishedAt && (
          <div>
            <dt>{t("editorial.statusPanel.publishedAt")}</dt>
            <dd>{formatDateTime(a.publishedAt)}</dd>
          </div>
        )}
        {a.status === "scheduled" && a.publishAt && (
          <div>
            <dt>{t("editorial.statusPanel.publishAt")}</dt>
            <dd>{formatDateTime(a.publishAt)}</dd>
          </div>
        )}
        {a.unpublishAt && (
          <div>
            <dt>{t("editorial.statusPanel.unpublishAt")}</dt>
            <dd>{formatDateTime(a.unpublishAt)}</dd>
          </div>
        )}
        {a.guidance && a.pinnedUntil && (
          <div>
            <dt>{t("editorial.statusPanel.pinnedUntil")}</dt>
            <dd>{formatDateTime(a.pinnedUntil)}</dd>
          </div>
        )}
      </dl>
      {reason && (
        <Alert tone="warning">
          <p className="status-reason-title">{t(`editorial.statusPanel.reason.${reason.kind}`)}</p>
          <p className="status-reason">{reason.text}</p>
          {(reason.by || reason.at) && (
            <p className="meta">{t("editorial.statusPanel.reviewedBy", { name: reason.by ?? t("common.none"), at: reason.at ? formatDateTime(reason.at) : t("common.none") })}</p>
          )}
        </Alert>
      )}
      {live && w && <Alert tone="info">{t("editorial.statusPanel.liveWhileRevision", { state: revisionStateLabel(t, w.state) })}</Alert>}
    </section>
  );
}
