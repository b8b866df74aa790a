import { useTranslation } from "react-i18next";
import { formatDateTime } from "../../i18n/format";

/** Whether comments are still taken: the API's word once known, else the deadline against the clock. */
export const isOpenDraft = (feedbackUntil: string, open?: boolean): boolean => open ?? Date.parse(feedbackUntil) > Date.now();

/** "Đang lấy ý kiến · Hạn góp ý: 30/06/2026 17:00" (Vietnam time), or "Đã hết hạn góp ý · …". */
export function DraftDeadline({ feedbackUntil, open }: { feedbackUntil: string; open?: boolean }) {
  const { t } = useTranslation();
  const taking = isOpenDraft(feedbackUntil, open);
  return (
    <p className="fb-deadline">
      <span className={taking ? "badge badge-success" : "badge badge-denied"}>{taking ? t("feedback.draft.open") : t("feedback.draft.closed")}</span>
      <span>
        {t("feedback.draft.deadline")} <time dateTime={feedbackUntil}>{formatDateTime(feedbackUntil)}</time>
      </span>
    </p>
  );
}
