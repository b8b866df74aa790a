import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { SaveOfflineToggle } from "../../components/SaveOfflineToggle";
import type { ArticleResponse } from "./api";
import { useSaveArticle, useUnsaveArticle } from "./savedApi";
import { FileDownloadError } from "./savedArticles";
import { type SavedArticleRecord, StorageFullError, StorageUnavailableError } from "./savedStore";

const problemText = (t: TFunction, action: "save" | "remove", error: unknown) =>
  action === "remove"
    ? t("news.saved.problem.remove")
    : error instanceof StorageFullError
      ? t("news.saved.problem.full")
      : error instanceof FileDownloadError
        ? t("news.saved.problem.files")
        : error instanceof StorageUnavailableError
          ? t("news.saved.problem.unavailable")
          : t("news.saved.problem.save");

export interface SaveForOfflineProps {
  readerId: string;
  /** The article as the server just sent it. */
  response: ArticleResponse;
  /** The copy on the device, null when there is none (undefined while it is looked up). */
  saved: SavedArticleRecord | null | undefined;
}

/** "Lưu để đọc khi không có mạng" / "Bỏ lưu" on an article read online (its text, pictures and attached files go to the device). */
export function SaveForOffline({ readerId, response, saved }: SaveForOfflineProps) {
  const { t } = useTranslation();
  const save = useSaveArticle(readerId);
  const unsave = useUnsaveArticle(readerId);
  return (
    <SaveOfflineToggle
      ns="news.saved"
      listPath="/news/saved"
      saved={saved}
      saving={save.isPending}
      removing={unsave.isPending}
      save={(done) => save.mutate({ response, previous: null }, done)}
      remove={(done) => unsave.mutate(response.data.id, done)}
      problemText={(action, error) => problemText(t, action, error)}
    />
  );
}
