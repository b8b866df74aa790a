import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Limits } from "@party/shared/limits";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { ErrorAlert } from "../../components/ErrorAlert";
import { FormDialog } from "../../components/FormDialog";
import { Spinner } from "../../components/Spinner";
import { TextArea } from "../../components/TextArea";
import { errorMessage } from "../../i18n/errors";
import { formatDateTime } from "../../i18n/format";
import type { Abilities } from "../org-units/abilities";
import { type DocumentDto, type VersionDto, useOpens, useVersions, useWithdrawDocument } from "./api";

type Metadata = VersionDto["metadata"];
const FIELDS = ["numberSymbol", "type", "issuingBody", "issuedOn", "effectiveOn", "summary", "level", "tags", "committeeOnly"] as const;

/** The fields that differ between two versions' metadata, files included. */
function changedFields(before: Metadata, after: Metadata): (typeof FIELDS[number] | "files")[] {
  const changed: (typeof FIELDS[number] | "files")[] = FIELDS.filter((f) => JSON.stringify(before[f]) !== JSON.stringify(after[f]));
  const files = (m: Metadata) => JSON.stringify(m.files.map((f) => f.fileId));
  if (files(before) !== files(after)) changed.push("files");
  return changed;
}

/** "Lịch sử thay đổi": every version of the metadata, newest first, with who changed it and which fields. */
function VersionsCard({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const versions = useVersions(documentId, shown);
  const list = versions.data ?? [];
  return (
    <Card title={t("documents.staff.versions")} headingLevel={3}>
      {!shown && (
        <Button variant="secondary" onClick={() => setShown(true)}>
          {t("documents.staff.versionsShow")}
        </Button>
      )}
      {shown && versions.isPending && <Spinner inline />}
      {versions.isError && <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />}
      {list.length > 0 && (
        <ol className="item-list doc-versions">
          {list.map((v, i) => {
            const before = list[i + 1];
            const changed = before ? changedFields(before.metadata, v.metadata) : null;
            return (
              <li key={v.version} className="item">
                <p className="item-title">{t("documents.staff.versionTitle", { version: v.version })}</p>
                <p className="meta">
                  {v.changedBy
                    ? t("documents.staff.versionBy", { name: v.changedBy.name, time: formatDateTime(v.changedAt) })
                    : t("documents.staff.versionByUnknown", { time: formatDateTime(v.changedAt) })}
                </p>
                <p>
                  {changed === null
                    ? t("documents.staff.versionFirst")
                    : changed.length === 0
                      ? t("documents.staff.versionSame")
                      : t("documents.staff.versionChanged", { fields: changed.map((f) => (f === "files" ? t("documents.staff.versionFiles") : t(`documents.fieldLabels.${f}`))).join(", ") })}
                </p>
              </li>
            );
          })}
        </ol>
      )}
    </Card>
  );
}

/** "Ai đã mở văn bản": who opened it (first time, how often), and for a cell's document who has not yet. */
function OpensCard({ documentId }: { documentId: string }) {
  const { t } = useTranslation();
  const [shown, setShown] = useState(false);
  const opens = useOpens(documentId, shown);
  const data = opens.data;
  return (
    <Card title={t("documents.staff.opens")} headingLevel={3}>
      {!shown && (
        <Button variant="secondary" onClick={() => setShown(true)}>
          {t("documents.staff.opensShow")}
        </Button>
      )}
      {shown && opens.isPending && <Spinner inline />}
      {opens.isError && <ErrorAlert error={opens.error} onRetry={() => void opens.refetch()} />}
      {data && (
        <>
          <p>{data.total > 0 ? t("documents.staff.opensTotal", { count: data.total }) : t("documents.staff.opensNone")}</p>
          {data.opened.length > 0 && (
            <ul className="plain-list doc-opens">
              {data.opened.map((o) => (
                <li key={o.accountId}>
                  <strong>{o.name}</strong>
                  <br />
                  <span className="meta">{t("documents.staff.openedAt", { time: formatDateTime(o.firstAt), count: o.count, days: o.days })}</span>
                </li>
              ))}
            </ul>
          )}
          {data.notOpened !== null &&
            (data.notOpened.length === 0 ? (
              <p className="meta">{t("documents.staff.notOpenedNone")}</p>
            ) : (
              <>
                <h4 className="doc-subheading">{t("documents.staff.notOpened", { count: data.notOpened.length })}</h4>
                <ul className="plain-list doc-opens">
                  {data.notOpened.map((m) => (
                    <li key={m.accountId}>{m.name}</li>
                  ))}
                </ul>
              </>
            ))}
        </>
      )}
    </Card>
  );
}

/**
 * The publishing side of a document, from the API's abilities: edit, withdraw with a reason,
 * the history of its metadata and who opened it. Shown only online (each needs the network).
 */
export function StaffTools({ document: d, abilities, onWithdrawn }: { document: DocumentDto; abilities: Abilities; onWithdrawn: () => void }) {
  const { t } = useTranslation();
  const withdraw = useWithdrawDocument(d.id);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [reasonError, setReasonError] = useState<string | undefined>();
  if (!abilities.edit && !abilities.withdraw && !abilities.viewHistory && !abilities.viewOpens) return null;

  const confirm = () => {
    const text = reason.trim();
    if (!text) {
      setReasonError(t("fieldErrors.required"));
      return;
    }
    setReasonError(undefined);
    withdraw.mutate(text, {
      onSuccess: () => {
        setOpen(false);
        onWithdrawn();
      },
    });
  };

  return (
    <section className="doc-staff stack" aria-labelledby="doc-staff-heading">
      <h2 id="doc-staff-heading" className="news-section-title">
        {t("documents.staff.title")}
      </h2>
      {(abilities.edit || abilities.withdraw || abilities.viewHistory) && (
        <div className="button-row">
          {abilities.edit && (
            <Link className="btn btn-primary" to={`/admin/documents/${d.id}/edit`}>
              {t("documents.staff.edit")}
            </Link>
          )}
          {abilities.withdraw && (
            <Button
              variant="danger"
              onClick={() => {
                withdraw.reset();
                setReason("");
                setReasonError(undefined);
                setOpen(true);
              }}
            >
              {t("documents.staff.withdraw")}
            </Button>
          )}
          {abilities.viewHistory && (
            <Link className="btn btn-secondary" to={`/admin/units/${d.unit.id}/documents`}>
              {t("documents.staff.desk")}
            </Link>
          )}
        </div>
      )}
      {abilities.viewHistory && <VersionsCard documentId={d.id} />}
      {abilities.viewOpens && <OpensCard documentId={d.id} />}
      <FormDialog
        open={open}
        title={t("documents.staff.withdrawTitle")}
        submitLabel={t("documents.staff.withdrawConfirm")}
        busy={withdraw.isPending}
        busyLabel={t("documents.staff.withdrawing")}
        tone="danger"
        onSubmit={confirm}
        onCancel={() => setOpen(false)}
        footer={withdraw.isError ? <Alert tone="error">{errorMessage(t, withdraw.error)}</Alert> : null}
      >
        <p>{t("documents.staff.withdrawBody")}</p>
        <TextArea
          label={t("documents.staff.withdrawReason")}
          value={reason}
          onChange={(e) => setReason(e.target.value)}
          maxLength={Limits.reasonMax}
          rows={3}
          error={reasonError}
          required
        />
      </FormDialog>
    </section>
  );
}
