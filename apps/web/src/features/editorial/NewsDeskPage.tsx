import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useSession } from "../../app/session";
import { useReviewQueue } from "./api";
import { EditorialItem } from "./EditorialItem";
import { useGrantUnits } from "./labels";

/** How many of the oldest waiting items the overview shows. */
const QUEUE_PREVIEW = 5;

/**
 * /admin/news: the editorial overview. Writing (for editors), what waits for the actor's approval
 * (for approvers), and the desks of the units where they hold an editorial or admin role.
 */
export function NewsDeskPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const roles = new Set((session?.grants ?? []).map((g) => g.role));
  const approver = roles.has("approver");
  const queue = useReviewQueue(approver);
  const channels = useGrantUnits(["editor", "approver", "unit_admin"]);
  const rolesAt = (unitId: string) =>
    (session?.grants ?? [])
      .filter((g) => g.unit.id === unitId && (g.role === "editor" || g.role === "approver" || g.role === "unit_admin"))
      .map((g) => t(`roles.${g.role}`))
      .join(", ");

  return (
    <>
      <PageHeader
        title={t("editorial.desk.title")}
        subtitle={t("editorial.desk.subtitle")}
        actions={
          roles.has("editor") && (
            <Link className="btn btn-primary" to="/admin/news/new">
              {t("editorial.desk.write")}
            </Link>
          )
        }
      />
      <div className="stack">
        {approver && (
          <Card title={t("editorial.queue.title")}>
            {queue.isPending && <Spinner inline />}
            {queue.isError && <ErrorAlert error={queue.error} onRetry={() => void queue.refetch()} />}
            {queue.data && queue.data.length === 0 && <EmptyState>{t("editorial.queue.none")}</EmptyState>}
            {queue.data && queue.data.length > 0 && (
              <>
                <p>{t("editorial.queue.count", { count: queue.data.length })}</p>
                <ul className="item-list">
                  {queue.data.slice(0, QUEUE_PREVIEW).map((item) => (
                    <EditorialItem key={item.id} item={item} />
                  ))}
                </ul>
                <p className="card-foot">
                  <Link to="/admin/news/review">{t("editorial.queue.seeAll")}</Link>
                </p>
              </>
            )}
          </Card>
        )}
        <Card title={t("editorial.desk.channels")}>
          {channels.length === 0 ? (
            <EmptyState>{t("editorial.desk.noChannels")}</EmptyState>
          ) : (
            <ul className="link-cards desk-channels">
              {channels.map((unit) => (
                <li key={unit.id}>
                  <Link to={`/admin/units/${unit.id}/news`}>
                    <span>{unit.name}</span>
                    <span className="meta">{rolesAt(unit.id)}</span>
                  </Link>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
