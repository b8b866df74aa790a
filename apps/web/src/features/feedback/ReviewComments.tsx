import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router-dom";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { SelectField } from "../../components/SelectField";
import { Spinner } from "../../components/Spinner";
import { type CommentDto, type FeedbackOverviewDto, useComments } from "./api";
import { CommentItem } from "./CommentItem";
import { FEEDBACK_STATUSES, excerpt, isFeedbackStatus, statusLabel } from "./labels";
import { ReplyDialog } from "./ReplyDialog";

/** The section filter as the select holds it: everything, the whole draft, or one section (prefixed, so no name collides). */
const sectionValue = (section: string | null) => (section === null ? "all" : section === "" ? "whole" : `s:${section}`);
const sectionOf = (value: string): string | null => (value === "all" ? null : value === "whole" ? "" : value.slice(2));

/**
 * "Ý kiến góp ý": the comments of the unit's subtree, oldest first, narrowed by status, section and
 * unit below (the filters live in the address: status, section, from); each answered in a dialog.
 * The answer is announced; when the comment leaves the filtered list, focus stays in the list.
 */
export function ReviewComments({ documentId, overview }: { documentId: string; overview: FeedbackOverviewDto }) {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status");
  const status = isFeedbackStatus(statusParam) ? statusParam : undefined;
  const section = params.get("section");
  const fromParam = params.get("from");
  const from = overview.units.some((u) => u.unit.id === fromParam) ? (fromParam ?? undefined) : undefined;
  const comments = useComments(documentId, { status, section: section ?? undefined, unitId: from ?? overview.unit.id });
  const list = comments.data?.pages.flatMap((p) => p.data) ?? [];
  const abilities = Object.assign({}, ...(comments.data?.pages.map((p) => p.abilities) ?? [])) as Record<string, Record<string, boolean>>;
  const [replying, setReplying] = useState<CommentDto | null>(null);
  const [message, setMessage] = useState("");
  const listRef = useRef<HTMLUListElement>(null);
  const opener = useRef<HTMLElement | null>(null);

  const setFilter = (name: string, value: string | null) =>
    setParams(
      (old) => {
        const next = new URLSearchParams(old);
        if (value === null) next.delete(name);
        else next.set(name, value);
        return next;
      },
      { replace: true },
    );

  return (
    <Card title={t("feedback.review.comments")} className="fb-review-comments">
      <div className="fb-filters">
        <SelectField
          label={t("feedback.review.status")}
          value={status ?? ""}
          onChange={(e) => setFilter("status", e.target.value || null)}
          options={[{ value: "", label: t("common.all") }, ...FEEDBACK_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))]}
        />
        <SelectField
          label={t("feedback.review.section")}
          value={sectionValue(section)}
          onChange={(e) => setFilter("section", sectionOf(e.target.value))}
          options={[
            { value: "all", label: t("common.all") },
            ...overview.bySection.map((s) => ({ value: sectionValue(s.section ?? ""), label: s.section ?? t("feedback.comment.whole") })),
          ]}
        />
        {overview.units.length > 0 && (
          <SelectField
            label={t("feedback.review.unit")}
            value={from ?? ""}
            onChange={(e) => setFilter("from", e.target.value || null)}
            options={[{ value: "", label: t("feedback.review.allUnits", { unit: overview.unit.name }) }, ...overview.units.map((u) => ({ value: u.unit.id, label: u.unit.name }))]}
          />
        )}
      </div>
      <p className="doc-status" role="status">
        {message}
      </p>
      {comments.isPending && <Spinner inline />}
      {comments.isError && <ErrorAlert error={comments.error} onRetry={() => void comments.refetch()} />}
      {comments.data && list.length === 0 && <EmptyState>{t("feedback.review.none")}</EmptyState>}
      {list.length > 0 && (
        <>
          <ul className="item-list fb-list" ref={listRef} tabIndex={-1} aria-label={t("feedback.review.comments")} aria-busy={comments.isFetching || undefined}>
            {list.map((c) => (
              <CommentItem
                key={c.id}
                comment={c}
                actions={
                  abilities[c.id]?.reply && (
                    <Button
                      variant={c.status === "pending" ? "primary" : "secondary"}
                      aria-label={t(c.status === "pending" ? "feedback.review.replyLabel" : "feedback.review.changeReplyLabel", { text: excerpt(c.body) })}
                      onClick={(e) => {
                        opener.current = e.currentTarget;
                        setMessage("");
                        setReplying(c);
                      }}
                    >
                      {c.status === "pending" ? t("feedback.review.reply") : t("feedback.review.changeReply")}
                    </Button>
                  )
                }
              />
            ))}
          </ul>
          <div className="news-more">
            <LoadMore pages={comments} />
          </div>
        </>
      )}
      <ReplyDialog
        documentId={documentId}
        comment={replying}
        onClose={() => setReplying(null)}
        onDone={(answer) => {
          setReplying(null);
          setMessage(t("feedback.review.replied", { status: statusLabel(t, answer) }));
          // The list is asked again by now: filtered, it may have dropped the comment and its button.
          requestAnimationFrame(() => {
            if (!opener.current?.isConnected) listRef.current?.focus();
          });
        }}
      />
    </Card>
  );
}
