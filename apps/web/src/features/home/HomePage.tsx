import { useTranslation } from "react-i18next";
import { useSession } from "../../app/session";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";

const SECTIONS = ["home.news", "home.documents", "home.meetings", "home.notifications"] as const;

/** The member's start page. The sections fill in as news, documents, meetings and notifications land. */
export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const name = session?.member?.fullName ?? session?.account.displayName ?? "";
  return (
    <>
      <PageHeader title={t("home.greeting", { name })} subtitle={session?.member?.cell.name} />
      <div className="card-grid">
        {SECTIONS.map((key) => (
          <Card key={key} title={t(key)}>
            <EmptyState>{t("home.empty")}</EmptyState>
          </Card>
        ))}
      </div>
    </>
  );
}
