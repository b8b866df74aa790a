import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useInbox, useMarkAllRead, useMarkRead, useUnreadCount } from "./api";
import { NotificationItem } from "./NotificationItem";
import { PushPromptCard } from "./PushPromptCard";

/** /notifications: the member's inbox, newest first, live (the event stream re-reads it), "show more" paging. */
export function InboxPage() {
  const { t } = useTranslation();
  const inbox = useInbox();
  const unread = useUnreadCount().data ?? 0;
  const markRead = useMarkRead();
  const markAll = useMarkAllRead();
  const items = inbox.data?.pages.flatMap((page) => page.data) ?? [];
  const anyUnread = unread > 0 || items.some((n) => n.readAt === null);

  const subtitle = unread > 0 ? t("notifications.unreadCount", { count: unread }) : items.length > 0 ? t("notifications.allRead") : undefined;
  return (
    <>
      <PageHeader
        title={t("notifications.title")}
        subtitle={subtitle}
        actions={
          items.length > 0 && (
            <Button
              variant="secondary"
              onClick={() => markAll.mutate()}
              busy={markAll.isPending}
              busyLabel={t("notifications.markingAllRead")}
            >
              {t("notifications.markAllRead")}
            </Button>
          )
        }
      />
      <div className="stack">
        <PushPromptCard hasNotifications={items.length > 0} />
        {markAll.isError && <ErrorAlert error={markAll.error} />}
        {markAll.isSuccess && !anyUnread && <Alert tone="success">{t("notifications.markedAllRead")}</Alert>}
        {markRead.isError && <ErrorAlert error={markRead.error} />}
        {inbox.isPending && <Spinner />}
        {inbox.isError && <ErrorAlert error={inbox.error} onRetry={() => void inbox.refetch()} />}
        {inbox.data && items.length === 0 && <EmptyState>{t("notifications.none")}</EmptyState>}
        {items.length > 0 && (
          <>
            <ul className="item-list" aria-busy={inbox.isFetching || undefined}>
              {items.map((notification) => (
                <NotificationItem key={notification.id} notification={notification} onRead={(n) => markRead.mutate(n)} />
              ))}
            </ul>
            <LoadMore pages={inbox} />
          </>
        )}
      </div>
    </>
  );
}
