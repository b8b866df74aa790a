import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { StorageFullError, StorageUnavailableError } from "../../app/savedStore";
import { SaveOfflineToggle } from "../../components/SaveOfflineToggle";
import type { DocumentResponse } from "./api";
import { useSaveDocument, useUnsaveDocument } from "./savedApi";
import { FileDownloadError } from "./savedDocuments";
import type { SavedDocumentRecord } from "./savedStore";

const problemText = (t: TFunction, action: "save" | "remove", error: unknown) =>
  action === "remove"
    ? t("documents.saved.problem.remove")
    : error instanceof StorageFullError
      ? t("documents.saved.problem.full")
      : error instanceof FileDownloadError
        ? t("documents.saved.problem.files")
        : error instanceof StorageUnavailableError
          ? t("documents.saved.problem.unavailable")
          : t("documents.saved.problem.save");

/** "Lưu để đọc khi không có mạng" / "Bỏ lưu" on a document read online (its files, their text and previews go to the device). */
export function SaveDocumentOffline({ readerId, response, saved }: { readerId: string; response: DocumentResponse; saved: SavedDocumentRecord | null | undefined }) {
  const { t } = useTranslation();
  const save = useSaveDocument(readerId);
  const unsave = useUnsaveDocument(readerId);
  return (
    <SaveOfflineToggle
      ns="documents.saved"
      listPath="/documents/saved"
      saved={saved}
      saving={save.isPending}
      removing={unsave.isPending}
      save={(done) => save.mutate({ response, previous: null }, done)}
      remove={(done) => unsave.mutate(response.data.id, done)}
      problemText={(action, error) => problemText(t, action, error)}
    />
  );
}
