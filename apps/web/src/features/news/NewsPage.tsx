import { useTranslation } from "react-i18next";
import { ComingSoon } from "../../components/ComingSoon";

export function NewsPage() {
  const { t } = useTranslation();
  return <ComingSoon title={t("comingSoon.news")} />;
}
