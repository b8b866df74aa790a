import { useTranslation } from "react-i18next";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { type DiffResult, useDiff } from "./api";

const FIELD_ORDER = ["title", "summary", "body", "tags", "sourceLine"] as const;
type DiffField = (typeof FIELD_ORDER)[number];
type Part = DiffResult["fields"][string][number];

/** Unchanged stretches longer than this show their start and end only. */
const KEEP = 160;
const shorten = (text: string) => (text.length > KEEP * 2 + 40 ? `${text.slice(0, KEEP)} … ${text.slice(-KEEP)}` : text);

/** One field's changes: added words in <ins>, removed ones in <del>, each also named in words for screen readers. */
function DiffText({ parts }: { parts: Part[] }) {
  const { t } = useTranslation();
  return (
    <p className="diff-text">
      {parts.map((part, i) =>
        part.change === "added" ? (
          <ins key={i}>
            <span className="visually-hidden">{t("editorial.diff.addedStart")}</span>
            {part.text}
            <span className="visually-hidden">{t("editorial.diff.addedEnd")}</span>
          </ins>
        ) : part.change === "removed" ? (
          <del key={i}>
            <span className="visually-hidden">{t("editorial.diff.removedStart")}</span>
            {part.text}
            <span className="visually-hidden">{t("editorial.diff.removedEnd")}</span>
          </del>
        ) : (
          <span key={i}>{shorten(part.text)}</span>
        ),
      )}
    </p>
  );
}

/**
 * What changed from revision `from` to `to`, field by field (unchanged fields are left out). The
 * marks are not colour alone: added text is underlined, removed text struck through, and both
 * are announced as such.
 */
export function DiffView({ articleId, from, to, headingLevel = 3 }: { articleId: string; from: number; to: number; headingLevel?: 3 | 4 }) {
  const { t } = useTranslation();
  const diff = useDiff(articleId, from, to);
  const Heading = headingLevel === 3 ? "h3" : "h4";
  if (diff.isPending) return <Spinner inline />;
  if (diff.isError) return <ErrorAlert error={diff.error} onRetry={() => void diff.refetch()} />;
  const changed = FIELD_ORDER.filter((f) => (diff.data.fields[f] ?? []).some((p) => p.change !== "same"));
  if (changed.length === 0) return <EmptyState>{t("editorial.diff.none")}</EmptyState>;
  return (
    <div className="diff">
      <p className="meta diff-legend">
        {t("editorial.diff.legendBefore")} <ins>{t("editorial.diff.legendAdded")}</ins> <del>{t("editorial.diff.legendRemoved")}</del>
      </p>
      {changed.map((field: DiffField) => (
        <section key={field} className="diff-field">
          <Heading className="diff-field-title">{t(`editorial.diff.fields.${field}`)}</Heading>
          <DiffText parts={diff.data.fields[field] ?? []} />
        </section>
      ))}
    </div>
  );
}
