import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useNavigate, useParams } from "react-router-dom";
import type { UpdateDocumentBody } from "@party/shared/schemas/documents";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useUnsavedChanges } from "../../components/useUnsavedChanges";
import { BackLink } from "../editorial/BackLink";
import { isUuid } from "../news/labels";
import { useUnit } from "../org-units/api";
import { type DocumentDto, useCreateDocument, useDeskDocuments, useDocument, useUpdateDocument } from "./api";
import type { DocumentNotice } from "./DocumentPage";
import { DocumentForm, type DocumentFormValues, EMPTY_VALUES, toMetadata, valuesOf } from "./DocumentForm";
import { type FileEntry, attachedEntries, useFileEntries } from "./FilesField";

/** /admin/units/:id/documents/new: a new document of the unit, published at once to its audience. */
function NewDocument({ unitId }: { unitId: string }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const unit = useUnit(unitId);
  const desk = useDeskDocuments(unitId, "all");
  const create = useCreateDocument(unitId);
  const files = useFileEntries([]);
  const [touched, setTouched] = useState(false);
  const dirty = touched || files.entries.length > 0;
  // Leaving after publishing carries a notice in its state, which the guard lets through.
  const leaveGuard = useUnsavedChanges(dirty && !create.isSuccess);
  const back = <BackLink to={`/admin/units/${unitId}/documents`} label={unit.data ? t("documents.desk.unitTitle", { name: unit.data.data.name }) : t("documents.desk.title")} />;

  if (isApiError(unit.error) && unit.error.status === 404) return <NotFoundPage />;
  const notAllowed = isApiError(desk.error) && (desk.error.status === 403 || desk.error.status === 404);
  return (
    <>
      <PageHeader title={t("documents.form.newTitle")} before={back} />
      {unit.isPending && <Spinner />}
      {unit.isError && <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />}
      {notAllowed && <Alert tone="info">{t("documents.desk.notAllowed")}</Alert>}
      {unit.data && !notAllowed && (
        <Card>
          <DocumentForm
            initial={EMPTY_VALUES}
            files={files}
            unitName={unit.data.data.name}
            onChange={() => setTouched(true)}
            submitLabel={t("documents.form.publish")}
            busyLabel={t("documents.form.publishing")}
            busy={create.isPending}
            error={create.error}
            onSubmit={(values) =>
              create.mutate(
                { ...toMetadata(values), uploadIds: files.entries.map((f) => f.uploadId ?? "") },
                {
                  onSuccess: (r) => void navigate(`/documents/${r.data.id}`, { replace: true, state: { notice: "created" satisfies DocumentNotice } }),
                },
              )
            }
          />
        </Card>
      )}
      {leaveGuard}
    </>
  );
}

/** Only the metadata fields that changed, and the whole file list when it changed. */
function changesOf(d: DocumentDto, values: DocumentFormValues, entries: FileEntry[]): UpdateDocumentBody {
  const before = toMetadata(valuesOf(d));
  const after = toMetadata(values);
  const body: Record<string, unknown> = {};
  for (const key of Object.keys(after) as (keyof typeof after)[]) {
    if (JSON.stringify(after[key]) !== JSON.stringify(before[key])) body[key] = after[key];
  }
  const files = entries.map((f) => (f.fileId ? { fileId: f.fileId } : { uploadId: f.uploadId ?? "" }));
  if (JSON.stringify(files) !== JSON.stringify(d.files.map((f) => ({ fileId: f.fileId })))) body.files = files;
  return body as UpdateDocumentBody;
}

function EditForm({ document: d }: { document: DocumentDto }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const update = useUpdateDocument(d.id);
  const files = useFileEntries(attachedEntries(d.files));
  const [touched, setTouched] = useState(false);
  const dirty = touched || files.entries.some((f) => !f.fileId) || files.entries.length !== d.files.length;
  const leaveGuard = useUnsavedChanges(dirty && !update.isSuccess);
  return (
    <>
      <Card>
        <DocumentForm
          initial={valuesOf(d)}
          files={files}
          unitName={d.unit.name}
          confirmedAlready
          onChange={() => setTouched(true)}
          submitLabel={t("documents.form.save")}
          busyLabel={t("common.saving")}
          busy={update.isPending}
          error={update.error}
          onSubmit={(values) =>
            update.mutate(changesOf(d, values, files.entries), {
              onSuccess: () => void navigate(`/documents/${d.id}`, { state: { notice: "updated" satisfies DocumentNotice } }),
            })
          }
        />
      </Card>
      {leaveGuard}
    </>
  );
}

/** /admin/documents/:id/edit: the document's metadata and files; each save is a new version. */
function EditDocument({ id }: { id: string }) {
  const { t } = useTranslation();
  const doc = useDocument(id);
  if (isApiError(doc.error) && (doc.error.status === 404 || doc.error.status === 400)) return <NotFoundPage />;
  const back = <BackLink to={`/documents/${id}`} label={t("documents.viewer.backToDocument")} />;
  if (!doc.data) {
    return (
      <>
        <PageHeader title={t("documents.form.editTitle")} before={back} />
        {doc.isPending && <Spinner />}
        {doc.isError && <ErrorAlert error={doc.error} onRetry={() => void doc.refetch()} />}
      </>
    );
  }
  const d = doc.data.data;
  return (
    <>
      <PageHeader title={t("documents.form.editTitle")} subtitle={d.numberSymbol ?? d.summary} before={back} />
      {doc.data.abilities.edit ? (
        <EditForm key={`${d.id}/${d.version}`} document={d} />
      ) : (
        <>
          <Alert tone="info">{t("documents.form.cannotEdit")}</Alert>
          <p>
            <Link to={`/documents/${d.id}`}>{t("documents.viewer.backToDocument")}</Link>
          </p>
        </>
      )}
    </>
  );
}

/** /admin/units/:id/documents/new and /admin/documents/:id/edit. */
export function DocumentEditPage() {
  const params = useParams();
  if (params.unitId !== undefined) return isUuid(params.unitId) ? <NewDocument key={params.unitId} unitId={params.unitId} /> : <NotFoundPage />;
  return isUuid(params.id) ? <EditDocument key={params.id} id={params.id} /> : <NotFoundPage />;
}
