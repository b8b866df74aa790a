import { useTranslation } from "react-i18next";
import { EmptyState } from "./EmptyState";
import { PageHeader } from "./PageHeader";

/** A page whose feature is not built yet, saying so plainly. */
export function ComingSoon({ title }: { title: string }) {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={title} />
      <EmptyState>
        <strong>{t("comingSoon.title")}</strong>
        <br />
        {t("comingSoon.body")}
      </EmptyState>
    </>
  );
}
