import { useTranslation } from "react-i18next";
import { Link, useLocation, useParams, useSearchParams } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { Alert } from "../../components/Alert";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { Spinner } from "../../components/Spinner";
import { isUuid } from "../news/labels";
import { useUnit } from "../org-units/api";
import { UnitBreadcrumb } from "../org-units/UnitBreadcrumb";
import { isForbidden, useChannelArticles } from "./api";
import { CalendarCard } from "./CalendarCard";
import { CategoriesCard } from "./CategoriesCard";
import { EditorialItem } from "./EditorialItem";
import { ARTICLE_STATUSES, isArticleStatus, noticeOf, statusLabel, useChannelOptions } from "./labels";

/**
 * /admin/units/:id/news: a unit's news desk. Its articles and proposals by status (in the address,
 * so going back keeps the filter) with "Xem thêm" paging, its month of scheduled and published
 * items, and its categories (managed by the unit's admins).
 */
export function ChannelDeskPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const valid = isUuid(id);
  const location = useLocation();
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status");
  const status = isArticleStatus(statusParam) ? statusParam : "";
  const unit = useUnit(valid ? id : "");
  const articles = useChannelArticles(valid ? id : "", status);
  const channels = useChannelOptions();
  const deleted = noticeOf(location.state) === "deleted";

  if (!valid || (isApiError(unit.error) && unit.error.status === 404)) return <NotFoundPage />;
  const u = unit.data?.data;
  const items = articles.data?.pages.flatMap((p) => p.data) ?? [];
  const canWrite = channels.options.some((o) => o.unitId === id);
  const forbidden = isForbidden(articles.error);
  // Categories belong to the unit's admins; the unit's own abilities carry the same rule (administers the unit).
  const canManageCategories = unit.data?.abilities.manageGrants === true;

  return (
    <>
      <PageHeader
        title={u ? t("editorial.channel.title", { name: u.name }) : t("editorial.desk.title")}
        before={valid ? <UnitBreadcrumb unitId={id} linkCurrent /> : undefined}
        actions={
          canWrite && (
            <Link className="btn btn-primary" to={`/admin/news/new?unitId=${id}`}>
              {t("editorial.desk.write")}
            </Link>
          )
        }
      />
      <div className="stack">
        {deleted && <Alert tone="success">{t("editorial.channel.deleted")}</Alert>}
        {unit.isError && <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />}
        <Card title={t("editorial.channel.articles")}>
          {forbidden ? (
            <p className="meta">{t("editorial.channel.teamOnly")}</p>
          ) : (
            <>
              <div className="filters">
                <SelectField
                  label={t("editorial.channel.status")}
                  value={status}
                  onChange={(e) =>
                    setParams(
                      (old) => {
                        const next = new URLSearchParams(old);
                        if (e.target.value) next.set("status", e.target.value);
                        else next.delete("status");
                        return next;
                      },
                      { replace: true },
                    )
                  }
                  options={[{ value: "", label: t("editorial.channel.allStatuses") }, ...ARTICLE_STATUSES.map((s) => ({ value: s, label: statusLabel(t, s) }))]}
                />
              </div>
              {articles.isPending && <Spinner inline />}
              {articles.isError && <ErrorAlert error={articles.error} onRetry={() => void articles.refetch()} />}
              {articles.data && items.length === 0 && <EmptyState>{status ? t("editorial.channel.noneWithStatus") : t("editorial.channel.none")}</EmptyState>}
              {items.length > 0 && (
                <>
                  <ul className="item-list" aria-busy={articles.isFetching || undefined}>
                    {items.map((item) => (
                      <EditorialItem key={item.id} item={item} viewpoint={id} />
                    ))}
                  </ul>
                  <div className="news-more">
                    <LoadMore pages={articles} />
                  </div>
                </>
              )}
            </>
          )}
        </Card>
        {!forbidden && <CalendarCard unitId={id} />}
        <CategoriesCard unitId={id} canManage={canManageCategories} />
      </div>
    </>
  );
}
