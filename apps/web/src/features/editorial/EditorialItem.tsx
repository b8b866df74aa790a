import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { formatDateTime } from "../../i18n/format";
import type { EditorialItemDto } from "./api";
import { revisionStateLabel, statusLabel } from "./labels";

/**
 * One article in an editorial list (a channel's desk, the review queue): the title as a link to
 * its desk page, its status in words, a revision in progress, whether it is a proposal (from a
 * unit below, or to a unit above), and the date that matters for its status.
 */
export function EditorialItem({ item: i, headingLevel = 3, viewpoint }: { item: EditorialItemDto; headingLevel?: 2 | 3; viewpoint?: string }) {
  const { t } = useTranslation();
  const Heading = headingLevel === 2 ? "h2" : "h3";
  const when = i.status === "scheduled" && i.publishAt ? t("editorial.item.publishAt", { at: formatDateTime(i.publishAt) })
    : i.workingState === "submitted" && i.submittedAt ? t("editorial.item.submittedAt", { at: formatDateTime(i.submittedAt) })
    : i.publishedAt ? t("editorial.item.publishedAt", { at: formatDateTime(i.publishedAt) })
    : t("editorial.item.updatedAt", { at: formatDateTime(i.updatedAt) });
  const revisionNote = i.publishedAt !== null && i.workingState && i.status !== "submitted" ? revisionStateLabel(t, i.workingState) : null;
  return (
    <li className="item editorial-item">
      <Heading className="editorial-item-title">
        <Link to={`/admin/news/${i.id}`}>{i.title || t("editorial.untitled")}</Link>
      </Heading>
      <p className="meta editorial-item-meta">
        <span className={`badge badge-status badge-status-${i.status}`}>{statusLabel(t, i.status)}</span>
        {revisionNote && <span className="badge">{t("editorial.item.revision", { state: revisionNote })}</span>}
        <span>{when}</span>
      </p>
      {i.proposal && (
        <p className="meta editorial-item-proposal">
          {viewpoint === i.originUnit.id ? t("editorial.item.proposalTo", { name: i.unit.name }) : t("editorial.item.proposalFrom", { name: i.originUnit.name, channel: i.unit.name })}
        </p>
      )}
      {!i.proposal && viewpoint !== i.unit.id && <p className="meta">{t("editorial.item.channel", { name: i.unit.name })}</p>}
    </li>
  );
}
