import { useId, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { FeedbackLimits } from "@party/shared/limits";
import { Alert } from "../../components/Alert";
import { FormDialog } from "../../components/FormDialog";
import { TextArea } from "../../components/TextArea";
import { fieldErrorsOf } from "../../i18n/errors";
import { type CommentDto, type FeedbackStatus, useReply } from "./api";
import { CommentItem } from "./CommentItem";
import { REPLY_STATUSES, feedbackError, statusLabel } from "./labels";

type ReplyStatus = Exclude<FeedbackStatus, "pending">;
interface Values {
  id: string;
  status: ReplyStatus | "";
  text: string;
  errors: { status?: string; reply?: string };
}

/**
 * The committee's answer to one comment, in a dialog: tiếp thu, không tiếp thu or ghi nhận (one
 * must be chosen), and optionally what to tell the member. Sent again, it replaces the answer.
 * `onDone` gets the chosen status once saved.
 */
export function ReplyDialog({ documentId, comment, onClose, onDone }: { documentId: string; comment: CommentDto | null; onClose: () => void; onDone: (status: ReplyStatus) => void }) {
  const { t } = useTranslation();
  const reply = useReply(documentId);
  const [edited, setEdited] = useState<Values | null>(null);
  const firstRadio = useRef<HTMLInputElement>(null);
  const errorId = `${useId()}-status-error`;
  // What is typed belongs to one comment; another one starts from its current answer.
  const values: Values | null = !comment
    ? null
    : edited?.id === comment.id
      ? edited
      : { id: comment.id, status: comment.status === "pending" ? "" : comment.status, text: comment.reply ?? "", errors: {} };
  const change = (next: Partial<Values>) => values && setEdited({ ...values, ...next });
  const { status = "", text = "", errors = {} } = values ?? {};

  const submit = () => {
    if (!comment) return;
    const body = text.trim();
    const problems: Values["errors"] = {};
    if (!status) problems.status = t("feedback.reply.chooseStatus");
    if (body.length > FeedbackLimits.replyMax) problems.reply = t("fieldErrors.too_long", { max: FeedbackLimits.replyMax });
    change({ errors: problems });
    if (!status || problems.reply) {
      if (problems.status) firstRadio.current?.focus();
      return;
    }
    reply.mutate(
      { id: comment.id, status, reply: body || null },
      {
        onSuccess: () => {
          setEdited(null);
          onDone(status);
        },
        onError: (error) => change({ errors: fieldErrorsOf(t, error, ["status", "reply"], {}, { reply: { max: FeedbackLimits.replyMax } }) }),
      },
    );
  };

  return (
    <FormDialog
      open={comment !== null}
      title={t("feedback.reply.title")}
      submitLabel={t("feedback.reply.submit")}
      busy={reply.isPending}
      busyLabel={t("common.saving")}
      onSubmit={submit}
      onCancel={() => {
        setEdited(null);
        reply.reset();
        onClose();
      }}
      footer={reply.isError && Object.keys(errors).length === 0 ? <Alert tone="error">{feedbackError(t, reply.error, "reply")}</Alert> : null}
    >
      {comment && (
        <ul className="item-list fb-reply-to" aria-label={t("feedback.reply.to")}>
          <CommentItem comment={comment} />
        </ul>
      )}
      <fieldset className={["fieldset", errors.status ? "field-invalid" : ""].filter(Boolean).join(" ")} aria-describedby={errors.status ? errorId : undefined}>
        <legend className="field-label">{t("feedback.reply.status")}</legend>
        <div className="radio-list">
          {REPLY_STATUSES.map((s, i) => (
            <label key={s} className="radio">
              <input
                ref={i === 0 ? firstRadio : undefined}
                type="radio"
                name="reply-status"
                value={s}
                checked={status === s}
                onChange={() => change({ status: s })}
                aria-invalid={errors.status ? true : undefined}
              />
              <span>{statusLabel(t, s)}</span>
            </label>
          ))}
        </div>
        {errors.status && (
          <p className="field-error" id={errorId}>
            {errors.status}
          </p>
        )}
      </fieldset>
      <TextArea label={t("feedback.reply.text")} hint={t("feedback.reply.textHint")} value={text} onChange={(e) => change({ text: e.target.value })} maxLength={FeedbackLimits.replyMax} rows={4} error={errors.reply} />
    </FormDialog>
  );
}
