import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { EmptyState } from "../components/EmptyState";
import { PageHeader } from "../components/PageHeader";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeader title={t("notFound.title")} />
      <EmptyState action={<Link to="/">{t("notFound.home")}</Link>}>{t("notFound.body")}</EmptyState>
    </>
  );
}
