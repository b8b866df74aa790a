import { useTranslation } from "react-i18next";

/** A loading indicator announced politely to screen readers. */
export function Spinner({ label, inline = false }: { label?: string; inline?: boolean }) {
  const { t } = useTranslation();
  return (
    <div className={inline ? "spinner spinner-inline" : "spinner"} role="status">
      <span className="spinner-circle" aria-hidden="true" />
      <span className="spinner-label">{label ?? t("common.loading")}</span>
    </div>
  );
}
