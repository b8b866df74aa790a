import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useSession } from "../../app/session";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { LatestDocumentsCard } from "../documents/LatestDocumentsCard";
import { LatestNewsCard } from "../news/LatestNewsCard";
import { useLatestNotifications, useMarkRead } from "../notifications/api";
import { NotificationItem } from "../notifications/NotificationItem";
import { PushPromptCard } from "../notifications/PushPromptCard";

const SECTIONS = ["home.meetings"] as const;

/** The newest few notifications, with the way to the inbox. */
function LatestNotificationsCard() {
  const { t } = useTranslation();
  const latest = useLatestNotifications();
  const markRead = useMarkRead();
  return (
    <Card title={t("home.notifications")}>
      {latest.isPending && <Spinner inline />}
      {latest.isError && <ErrorAlert error={latest.error} onRetry={() => void latest.refetch()} />}
      {latest.data && latest.data.length === 0 && <EmptyState>{t("notifications.noneShort")}</EmptyState>}
      {latest.data && latest.data.length > 0 && (
        <>
          <ul className="item-list">
            {latest.data.map((notification) => (
              <NotificationItem key={notification.id} notification={notification} onRead={(n) => markRead.mutate(n)} compact />
            ))}
          </ul>
          <p className="card-foot">
            <Link to="/notifications">{t("notifications.seeAll")}</Link>
          </p>
        </>
      )}
    </Card>
  );
}

/** The member's start page. The sections fill in as meetings land. */
export function HomePage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const latest = useLatestNotifications();
  const name = session?.member?.fullName ?? session?.account.displayName ?? "";
  return (
    <>
      <PageHeader title={t("home.greeting", { name })} subtitle={session?.member?.cell.name} />
      <div className="stack">
        <PushPromptCard hasNotifications={(latest.data?.length ?? 0) > 0} />
        <div className="card-grid">
          <LatestNotificationsCard />
          <LatestNewsCard />
          <LatestDocumentsCard />
          {SECTIONS.map((key) => (
            <Card key={key} title={t(key)}>
              <EmptyState>{t("home.empty")}</EmptyState>
            </Card>
          ))}
        </div>
      </div>
    </>
  );
}
