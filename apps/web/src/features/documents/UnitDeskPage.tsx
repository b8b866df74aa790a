import { useTranslation } from "react-i18next";
import { Link, useParams, useSearchParams } from "react-router-dom";
import { isApiError } from "../../api/errors";
import { NotFoundPage } from "../../app/NotFoundPage";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { Spinner } from "../../components/Spinner";
import { reviewPath } from "../feedback/labels";
import { isUuid } from "../news/labels";
import { useUnit } from "../org-units/api";
import { UnitBreadcrumb } from "../org-units/UnitBreadcrumb";
import { type DeskStatus, useDeskDocuments } from "./api";
import { DocumentItem } from "./DocumentItem";
import { documentName } from "./labels";

const STATUSES: DeskStatus[] = ["all", "active", "withdrawn"];
const isDeskStatus = (value: string | null): value is DeskStatus => value !== null && (STATUSES as string[]).includes(value);

/**
 * /admin/units/:id/documents: a unit's documents desk: everything it published, withdrawn ones
 * marked (the status filter lives in the address), "Xem thêm" paging, "Đăng văn bản mới", and for
 * each draft for feedback the way to its review.
 */
export function UnitDeskPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const valid = isUuid(id);
  const [params, setParams] = useSearchParams();
  const statusParam = params.get("status");
  const status = isDeskStatus(statusParam) ? statusParam : "all";
  const unit = useUnit(valid ? id : "");
  const desk = useDeskDocuments(valid ? id : "", status);

  if (!valid || (isApiError(unit.error) && unit.error.status === 404)) return <NotFoundPage />;
  const u = unit.data?.data;
  const items = desk.data?.pages.flatMap((p) => p.data) ?? [];
  const notAllowed = isApiError(desk.error) && (desk.error.status === 403 || desk.error.status === 404);
  const label = { all: t("documents.desk.statusAll"), active: t("documents.desk.statusActive"), withdrawn: t("documents.desk.statusWithdrawn") };

  return (
    <>
      <PageHeader
        title={u ? t("documents.desk.unitTitle", { name: u.name }) : t("documents.desk.title")}
        before={<UnitBreadcrumb unitId={id} linkCurrent />}
        actions={
          !notAllowed &&
          u?.status === "active" && (
            <Link className="btn btn-primary" to={`/admin/units/${id}/documents/new`}>
              {t("documents.desk.publish")}
            </Link>
          )
        }
      />
      <div className="stack">
        {unit.isError && <ErrorAlert error={unit.error} onRetry={() => void unit.refetch()} />}
        {notAllowed ? (
          <EmptyState>{t("documents.desk.notAllowed")}</EmptyState>
        ) : (
          <Card>
            <div className="filters">
              <SelectField
                label={t("documents.desk.status")}
                value={status}
                onChange={(e) =>
                  setParams(
                    (old) => {
                      const next = new URLSearchParams(old);
                      if (e.target.value !== "all") next.set("status", e.target.value);
                      else next.delete("status");
                      return next;
                    },
                    { replace: true },
                  )
                }
                options={STATUSES.map((s) => ({ value: s, label: label[s] }))}
              />
            </div>
            {desk.isPending && <Spinner inline />}
            {desk.isError && !notAllowed && <ErrorAlert error={desk.error} onRetry={() => void desk.refetch()} />}
            {desk.data && items.length === 0 && <EmptyState>{status === "all" ? t("documents.desk.none") : t("documents.desk.noneWithStatus")}</EmptyState>}
            {items.length > 0 && (
              <>
                <ul className="item-list" aria-busy={desk.isFetching || undefined}>
                  {items.map((d) => (
                    <DocumentItem
                      key={d.id}
                      document={d}
                      headingLevel={2}
                      actions={
                        d.feedbackUntil && (
                          <Link className="btn btn-secondary" to={reviewPath(d.id, id)} aria-label={t("feedback.item.reviewLabel", { name: documentName(t, d) })}>
                            {t("feedback.item.review")}
                          </Link>
                        )
                      }
                    />
                  ))}
                </ul>
                <div className="news-more">
                  <LoadMore pages={desk} />
                </div>
              </>
            )}
          </Card>
        )}
      </div>
    </>
  );
}
