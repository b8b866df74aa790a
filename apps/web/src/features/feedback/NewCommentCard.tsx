import { type FormEvent, useRef, useState } from "react";
import { newIdempotencyKey } from "../../api/client";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { focusFirstInvalid } from "../auth/focusFirstInvalid";
import { useCreateComment } from "./api";
import { type CommentErrors, CommentFields, EMPTY_COMMENT, type CommentValues, checkComment, serverCommentErrors } from "./CommentFields";
import { feedbackError } from "./labels";

/**
 * "Gửi góp ý": a comment on the whole draft, or on a section, a page and/or a quoted passage.
 * Problems are shown on their fields (focus goes to the first); the sent comment is announced and
 * the form empties for the next one.
 */
export function NewCommentCard({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const create = useCreateComment(documentId);
  const [values, setValues] = useState<CommentValues>(EMPTY_COMMENT);
  const [errors, setErrors] = useState<CommentErrors>({});
  const [message, setMessage] = useState("");
  // One key per comment: sending the same text again after a lost answer does not make it twice.
  const attempt = useRef<{ content: string; key: string } | null>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    setMessage("");
    create.reset();
    const checked = checkComment(t, values);
    if ("errors" in checked) {
      setErrors(checked.errors);
      return focusFirstInvalid(form);
    }
    setErrors({});
    const content = JSON.stringify(checked.ok);
    if (attempt.current?.content !== content) attempt.current = { content, key: newIdempotencyKey() };
    create.mutate({ body: checked.ok, idempotencyKey: attempt.current.key }, {
      onSuccess: () => {
        attempt.current = null;
        setValues(EMPTY_COMMENT);
        setMessage(t("feedback.form.sent"));
      },
      onError: (error) => {
        setErrors(serverCommentErrors(t, error));
        focusFirstInvalid(form);
      },
    });
  };

  return (
    <Card title={t("feedback.form.title")} className="fb-new">
      <form className="form" noValidate onSubmit={submit}>
        <CommentFields values={values} onChange={setValues} errors={errors} />
        {create.isError && Object.keys(errors).length === 0 && <Alert tone="error">{feedbackError(t, create.error, "send")}</Alert>}
        <Button type="submit" busy={create.isPending} busyLabel={t("feedback.form.sending")}>
          {t("feedback.form.send")}
        </Button>
        <p className="doc-status" role="status">
          {message}
        </p>
      </form>
    </Card>
  );
}
