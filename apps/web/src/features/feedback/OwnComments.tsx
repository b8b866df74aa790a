import { useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormDialog } from "../../components/FormDialog";
import { Spinner } from "../../components/Spinner";
import { type CommentDto, type useComments, useDeleteComment, useUpdateComment } from "./api";
import { type CommentErrors, CommentFields, type CommentValues, EMPTY_COMMENT, checkComment, serverCommentErrors, valuesOfComment } from "./CommentFields";
import { CommentItem } from "./CommentItem";
import { excerpt, feedbackError } from "./labels";

/**
 * "Ý kiến của tôi": the member's comments on the draft, oldest first, each with its status and the
 * committee's answer; while the API allows (before the deadline, before an answer) changed in a
 * dialog or deleted after a confirmation. Each change is announced.
 */
export function OwnComments({ documentId, mine }: { documentId: string; mine: ReturnType<typeof useComments> }) {
  const { t } = useTranslation();
  const update = useUpdateComment(documentId);
  const remove = useDeleteComment(documentId);
  const [editing, setEditing] = useState<CommentDto | null>(null);
  const [values, setValues] = useState<CommentValues>(EMPTY_COMMENT);
  const [errors, setErrors] = useState<CommentErrors>({});
  const [deleting, setDeleting] = useState<CommentDto | null>(null);
  const [message, setMessage] = useState("");
  const listRef = useRef<HTMLUListElement>(null);
  const comments = mine.data?.pages.flatMap((p) => p.data) ?? [];
  const abilities = Object.assign({}, ...(mine.data?.pages.map((p) => p.abilities) ?? [])) as Record<string, Record<string, boolean>>;

  const save = () => {
    if (!editing) return;
    const checked = checkComment(t, values);
    if ("errors" in checked) return setErrors(checked.errors);
    setErrors({});
    update.mutate(
      { id: editing.id, ...checked.ok },
      {
        onSuccess: () => {
          setEditing(null);
          setMessage(t("feedback.mine.saved"));
        },
        onError: (error) => setErrors(serverCommentErrors(t, error)),
      },
    );
  };

  return (
    <Card title={t("feedback.mine.title")} className="fb-mine">
      <p className="doc-status" role="status">
        {message}
      </p>
      {mine.isPending && <Spinner inline />}
      {mine.isError && <ErrorAlert error={mine.error} onRetry={() => void mine.refetch()} />}
      {mine.data && comments.length === 0 && <p className="meta">{t("feedback.mine.none")}</p>}
      {comments.length > 0 && (
        <ul className="item-list fb-list" ref={listRef} tabIndex={-1} aria-label={t("feedback.mine.title")}>
          {comments.map((c) => (
            <CommentItem
              key={c.id}
              comment={c}
              actions={
                (abilities[c.id]?.edit || abilities[c.id]?.delete) && (
                  <>
                    {abilities[c.id]?.edit && (
                      <Button
                        variant="secondary"
                        aria-label={t("feedback.mine.editLabel", { text: excerpt(c.body) })}
                        onClick={() => {
                          update.reset();
                          setErrors({});
                          setValues(valuesOfComment(c));
                          setEditing(c);
                        }}
                      >
                        {t("feedback.mine.edit")}
                      </Button>
                    )}
                    {abilities[c.id]?.delete && (
                      <Button
                        variant="quiet"
                        aria-label={t("feedback.mine.deleteLabel", { text: excerpt(c.body) })}
                        onClick={() => {
                          remove.reset();
                          setDeleting(c);
                        }}
                      >
                        {t("feedback.mine.delete")}
                      </Button>
                    )}
                  </>
                )
              }
            />
          ))}
        </ul>
      )}
      <FormDialog
        open={editing !== null}
        title={t("feedback.mine.editTitle")}
        submitLabel={t("feedback.mine.save")}
        busy={update.isPending}
        busyLabel={t("common.saving")}
        onSubmit={save}
        onCancel={() => setEditing(null)}
        footer={update.isError && Object.keys(errors).length === 0 ? <Alert tone="error">{feedbackError(t, update.error, "change")}</Alert> : null}
      >
        <CommentFields values={values} onChange={setValues} errors={errors} />
      </FormDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t("feedback.mine.deleteTitle")}
        confirmLabel={t("feedback.mine.delete")}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setMessage(t("feedback.mine.deleted"));
              // The comment's buttons are gone with it: keep the keyboard in the list.
              listRef.current?.focus();
            },
          })
        }
        footer={remove.isError ? <Alert tone="error">{feedbackError(t, remove.error, "change")}</Alert> : null}
      >
        <p className="fb-body">{deleting?.body}</p>
        <p>{t("feedback.mine.deleteBody")}</p>
      </ConfirmDialog>
    </Card>
  );
}
