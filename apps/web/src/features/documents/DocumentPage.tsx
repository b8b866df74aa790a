import { useQueries } from "@tanstack/react-query";
import { useMemo, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams } from "react-router-dom";
import { api } from "../../api/client";
import { NotFoundPage } from "../../app/NotFoundPage";
import { isUnreachable, useReaderId } from "../../app/offlineReader";
import { useKeepSavedCopyCurrent } from "../../app/useKeepSavedCopyCurrent";
import { useOnline } from "../../app/useOnline";
import { Alert } from "../../components/Alert";
import { Spinner } from "../../components/Spinner";
import { formatDateTime } from "../../i18n/format";
import { FeedbackCard } from "../feedback/FeedbackCard";
import { isUuid } from "../news/labels";
import { type DocumentDto, type DocumentResponse, type FileText, documentKeys, isNotFound, useDocument } from "./api";
import { BackToLibrary } from "./BackToLibrary";
import { DocumentUnavailable } from "./DocumentUnavailable";
import { BookmarkButton } from "./BookmarkButton";
import { DocumentView } from "./DocumentView";
import { NotesCard } from "./NotesCard";
import { SaveDocumentOffline } from "./SaveDocumentOffline";
import { useSaveDocument, useSavedDocument, useUnsaveDocument } from "./savedApi";
import { fingerprintOf } from "./savedDocuments";
import { StaffTools } from "./StaffTools";

/** What the page after a publication or an edit says (kept in the history entry's state). */
export type DocumentNotice = "created" | "updated";
const noticeOf = (state: unknown): DocumentNotice | null => {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === "created" || notice === "updated" ? notice : null;
};

/** The extracted text of every file whose extraction is done, by position (for read-aloud). */
function useFileTexts(d: DocumentDto | undefined): Record<number, string[]> {
  const files = d?.files ?? [];
  const results = useQueries({
    queries: files.map((f) => ({
      queryKey: documentKeys.text(d?.id ?? "", f.position),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<{ data: FileText }>(`/documents/${d?.id}/files/${f.position}/text`, undefined, signal).then((r) => r.data),
      enabled: f.textStatus === "done",
      staleTime: 5 * 60_000,
    })),
  });
  const key = results.map((r) => r.dataUpdatedAt).join(",");
  return useMemo(() => {
    const texts: Record<number, string[]> = {};
    files.forEach((f, i) => {
      const data = results[i]?.data;
      if (data?.status === "done") texts[f.position] = data.pages;
    });
    return texts;
    // The results array is new on every render; its answers change only with `key`.
  }, [key, files]);
}

const withdrawn = (live: DocumentResponse) => live.data.withdrawnAt !== null;
const documentFingerprint = (live: DocumentResponse) => fingerprintOf(live.data);

/**
 * /documents/:id: the document to read, with its files, bookmark, private notes, read-aloud and
 * saving for offline reading; for a draft for feedback, the way to comment on it (FeedbackCard); for those who publish for its unit, editing, withdrawal, history and
 * who opened it. Without network, the copy saved on the device is shown instead, with a notice.
 * A document the member may not see is "not found", exactly like one that does not exist.
 */
export function DocumentPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const valid = isUuid(id);
  const location = useLocation();
  const online = useOnline();
  const readerId = useReaderId();
  const doc = useDocument(valid ? id : "");
  const savedQuery = useSavedDocument(readerId, valid ? id : "");
  const saved = readerId === null ? null : savedQuery.isPending ? undefined : (savedQuery.data ?? null);
  const gone = isNotFound(doc.error);
  // The saved copy follows the server: changed ones are stored again (files already on the device kept), withdrawn ones removed.
  useKeepSavedCopyCurrent({
    readerId,
    id,
    live: online && doc.isSuccess && !doc.isFetching ? doc.data : undefined,
    gone: valid && gone,
    saved,
    retired: withdrawn,
    fingerprint: documentFingerprint,
    save: useSaveDocument(readerId).mutate,
    remove: useUnsaveDocument(readerId).mutate,
  });
  const [notice, setNotice] = useState<DocumentNotice | "withdrawn" | null>(noticeOf(location.state));
  const liveTexts = useFileTexts(doc.data?.data);

  const unreachable = !online || isUnreachable(doc.error) || (doc.isPending && doc.fetchStatus === "paused");
  const showSaved = unreachable && Boolean(saved);

  if (!valid || gone) return <NotFoundPage />;
  if (unreachable && saved === undefined && readerId !== null) return <Spinner />;
  if (showSaved && saved) {
    return (
      <DocumentView
        document={saved.response.data}
        texts={saved.texts}
        online={false}
        notice={
          <Alert tone="info" className="saved-copy-notice">
            <strong>{t("documents.saved.offlineNotice", { time: formatDateTime(saved.copiedAt) })}</strong>{" "}
            <Link to="/documents/saved">{t("documents.saved.listLink")}</Link>
          </Alert>
        }
      >
        <p className="meta doc-offline-note">{t("documents.notes.offline")}</p>
      </DocumentView>
    );
  }
  if (!doc.data) return <DocumentUnavailable doc={doc} unreachable={unreachable} back={<BackToLibrary />} />;

  const d = doc.data.data;
  const abilities = doc.data.abilities;
  const live = d.withdrawnAt === null;
  return (
    <DocumentView
      document={d}
      texts={liveTexts}
      online
      notice={
        <>
          {notice && <Alert tone="success">{t(notice === "created" ? "documents.page.created" : notice === "updated" ? "documents.page.updated" : "documents.page.withdrawnNow")}</Alert>}
          {d.withdrawnAt && <Alert tone="warning">{t("documents.page.withdrawn", { time: formatDateTime(d.withdrawnAt), reason: d.withdrawnReason ?? "" })}</Alert>}
          {d.committeeOnly && <Alert tone="info">{t("documents.page.committeeOnly")}</Alert>}
        </>
      }
      tools={
        live && (
          <div className="doc-tools">
            {abilities.keep && <BookmarkButton documentId={d.id} bookmarked={d.bookmarked} />}
            {readerId !== null && <SaveDocumentOffline key={`save-${d.id}`} readerId={readerId} response={doc.data} saved={saved} />}
          </div>
        )
      }
    >
      <div className="stack doc-after">
        {live && d.feedbackUntil && <FeedbackCard documentId={d.id} feedbackUntil={d.feedbackUntil} />}
        <NotesCard documentId={d.id} canAdd={abilities.keep === true} />
        <StaffTools document={d} abilities={abilities} onWithdrawn={() => setNotice("withdrawn")} />
      </div>
    </DocumentView>
  );
}
