import { useTranslation } from "react-i18next";
import { type SummaryDto, summaryFileUrl } from "./api";

/** "Tải DOCX", "Tải XLSX": a unit's summary files, named for screen readers with the unit. */
export function SummaryDownloads({ summary, documentId }: { summary: SummaryDto; documentId: string }) {
  const { t } = useTranslation();
  return (
    <>
      {summary.formats.map((format) => (
        <a
          key={format}
          className="btn btn-secondary"
          href={summaryFileUrl(summary.unit.id, documentId, format)}
          download
          aria-label={t("feedback.summary.downloadLabel", { format: format.toUpperCase(), unit: summary.unit.name })}
        >
          {t("feedback.summary.download", { format: format.toUpperCase() })}
        </a>
      ))}
    </>
  );
}
