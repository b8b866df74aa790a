import type { TFunction } from "i18next";
import { type FormEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Limits } from "@party/shared/limits";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormDialog } from "../../components/FormDialog";
import { Spinner } from "../../components/Spinner";
import { TextArea } from "../../components/TextArea";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldErrorsOf } from "../../i18n/errors";
import { formatDateTime } from "../../i18n/format";
import { type NoteDto, useAddNote, useDeleteNote, useNotes, useUpdateNote } from "./api";

interface NoteValues {
  body: string;
  page: string;
}
type NoteErrors = Partial<Record<"body" | "page", string>>;

/** The note as the API takes it, or the problems with what was typed (mirrors NoteBody). */
function checkNote(t: TFunction, v: NoteValues): { ok: { body: string; page: number | null } } | { errors: NoteErrors } {
  const errors: NoteErrors = {};
  const body = v.body.trim();
  if (!body) errors.body = t("fieldErrors.required");
  else if (body.length > Limits.documentNoteMax) errors.body = t("fieldErrors.too_long", { max: Limits.documentNoteMax });
  const pageText = v.page.trim();
  const page = pageText ? Number(pageText) : null;
  if (page !== null && (!/^\d{1,6}$/.test(pageText) || page < 1 || page > 100_000)) errors.page = t("documents.notes.pageInvalid");
  return Object.keys(errors).length > 0 ? { errors } : { ok: { body, page } };
}

function NoteFields({ values, onChange, errors }: { values: NoteValues; onChange: (v: NoteValues) => void; errors: NoteErrors }) {
  const { t } = useTranslation();
  return (
    <>
      <TextArea
        label={t("documents.notes.body")}
        value={values.body}
        onChange={(e) => onChange({ ...values, body: e.target.value })}
        maxLength={Limits.documentNoteMax}
        rows={3}
        error={errors.body}
      />
      <TextField
        label={t("documents.notes.page")}
        hint={t("documents.notes.pageHint")}
        value={values.page}
        onChange={(e) => onChange({ ...values, page: e.target.value })}
        inputMode="numeric"
        maxLength={6}
        error={errors.page}
        className="doc-note-page"
      />
    </>
  );
}

/** A short form of the note for button names ("Sửa ghi chú: …"). */
const excerpt = (text: string) => (text.length > 40 ? `${text.slice(0, 40)}…` : text);

/**
 * "Ghi chú của tôi": the member's private notes on the document (optionally on a page), oldest
 * first; add here, edit in a dialog, delete after a confirmation. Each change is announced.
 */
export function NotesCard({ documentId, canAdd }: { documentId: string; canAdd: boolean }) {
  const { t } = useTranslation();
  const notes = useNotes(documentId);
  const add = useAddNote(documentId);
  const update = useUpdateNote(documentId);
  const remove = useDeleteNote(documentId);
  const [values, setValues] = useState<NoteValues>({ body: "", page: "" });
  const [errors, setErrors] = useState<NoteErrors>({});
  const [editing, setEditing] = useState<NoteDto | null>(null);
  const [editValues, setEditValues] = useState<NoteValues>({ body: "", page: "" });
  const [editErrors, setEditErrors] = useState<NoteErrors>({});
  const [deleting, setDeleting] = useState<NoteDto | null>(null);
  const [message, setMessage] = useState("");
  const listRef = useRef<HTMLUListElement>(null);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    setMessage("");
    const checked = checkNote(t, values);
    if ("errors" in checked) {
      setErrors(checked.errors);
      return;
    }
    setErrors({});
    add.mutate(checked.ok, {
      onSuccess: () => {
        setValues({ body: "", page: "" });
        setMessage(t("documents.notes.added"));
      },
      onError: (error) => setErrors(fieldErrorsOf(t, error, ["body", "page"], {}, { body: { max: Limits.documentNoteMax } })),
    });
  };

  const saveEdit = () => {
    if (!editing) return;
    const checked = checkNote(t, editValues);
    if ("errors" in checked) {
      setEditErrors(checked.errors);
      return;
    }
    setEditErrors({});
    update.mutate(
      { id: editing.id, ...checked.ok },
      {
        onSuccess: () => {
          setEditing(null);
          setMessage(t("documents.notes.saved"));
        },
      },
    );
  };

  const list = notes.data ?? [];
  return (
    <Card title={t("documents.notes.title")} className="doc-notes">
      <p className="meta">{t("documents.notes.private")}</p>
      <p className="doc-status" role="status">
        {message}
      </p>
      {notes.isPending && <Spinner inline />}
      {notes.isError && <ErrorAlert error={notes.error} onRetry={() => void notes.refetch()} />}
      {notes.data && list.length === 0 && <p className="meta">{t("documents.notes.none")}</p>}
      {list.length > 0 && (
        <ul className="item-list doc-note-list" ref={listRef} tabIndex={-1} aria-label={t("documents.notes.title")}>
          {list.map((note) => (
            <li key={note.id} className="item doc-note">
              {note.page !== null && <p className="badge">{t("documents.notes.onPage", { page: note.page })}</p>}
              <p className="doc-note-body">{note.body}</p>
              <p className="meta">{t("documents.notes.updatedAt", { time: formatDateTime(note.updatedAt) })}</p>
              <div className="button-row">
                <Button
                  variant="secondary"
                  aria-label={t("documents.notes.editLabel", { text: excerpt(note.body) })}
                  onClick={() => {
                    update.reset();
                    setEditErrors({});
                    setEditValues({ body: note.body, page: note.page === null ? "" : String(note.page) });
                    setEditing(note);
                  }}
                >
                  {t("documents.notes.edit")}
                </Button>
                <Button
                  variant="quiet"
                  aria-label={t("documents.notes.deleteLabel", { text: excerpt(note.body) })}
                  onClick={() => {
                    remove.reset();
                    setDeleting(note);
                  }}
                >
                  {t("documents.notes.delete")}
                </Button>
              </div>
            </li>
          ))}
        </ul>
      )}
      {canAdd && (
        <form className="form doc-note-form" noValidate onSubmit={submit}>
          <NoteFields values={values} onChange={setValues} errors={errors} />
          {add.isError && Object.keys(errors).length === 0 && <Alert tone="error">{errorMessage(t, add.error)}</Alert>}
          <Button type="submit" busy={add.isPending} busyLabel={t("documents.notes.adding")}>
            {t("documents.notes.add")}
          </Button>
        </form>
      )}
      <FormDialog
        open={editing !== null}
        title={t("documents.notes.editTitle")}
        submitLabel={t("documents.notes.save")}
        busy={update.isPending}
        busyLabel={t("common.saving")}
        onSubmit={saveEdit}
        onCancel={() => setEditing(null)}
        footer={update.isError ? <Alert tone="error">{errorMessage(t, update.error)}</Alert> : null}
      >
        <NoteFields values={editValues} onChange={setEditValues} errors={editErrors} />
      </FormDialog>
      <ConfirmDialog
        open={deleting !== null}
        title={t("documents.notes.deleteTitle")}
        confirmLabel={t("documents.notes.delete")}
        busy={remove.isPending}
        onCancel={() => setDeleting(null)}
        onConfirm={() =>
          deleting &&
          remove.mutate(deleting.id, {
            onSuccess: () => {
              setDeleting(null);
              setMessage(t("documents.notes.deleted"));
              // The note's buttons are gone with it: keep the keyboard in the card.
              listRef.current?.focus();
            },
          })
        }
        footer={remove.isError ? <Alert tone="error">{errorMessage(t, remove.error)}</Alert> : null}
      >
        <p>{deleting?.body}</p>
        <p>{t("documents.notes.deleteBody")}</p>
      </ConfirmDialog>
    </Card>
  );
}
