import { useTranslation } from "react-i18next";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { formatCalendarDate } from "../../i18n/format";
import { useReaders } from "./api";

/** Unique readers of a published article per day (Vietnam dates), newest day first, with the total. */
export function ReadersCard({ articleId }: { articleId: string }) {
  const { t } = useTranslation();
  const readers = useReaders(articleId);
  const days = [...(readers.data?.days ?? [])].sort((a, b) => b.day.localeCompare(a.day));
  const max = Math.max(1, ...days.map((d) => d.readers));
  return (
    <Card title={t("editorial.readers.title")}>
      {readers.isPending && <Spinner inline />}
      {readers.isError && <ErrorAlert error={readers.error} onRetry={() => void readers.refetch()} />}
      {readers.data && (
        <>
          <p className="readers-total">{t("editorial.readers.total", { count: readers.data.total })}</p>
          {days.length === 0 ? (
            <EmptyState>{t("editorial.readers.none")}</EmptyState>
          ) : (
            <table className="data-table readers-table">
              <caption className="visually-hidden">{t("editorial.readers.caption")}</caption>
              <thead>
                <tr>
                  <th scope="col">{t("editorial.readers.day")}</th>
                  <th scope="col">{t("editorial.readers.count")}</th>
                </tr>
              </thead>
              <tbody>
                {days.map((d) => (
                  <tr key={d.day}>
                    <th scope="row">{formatCalendarDate(d.day)}</th>
                    <td>
                      <span className="readers-count">{d.readers}</span>
                      <meter className="readers-meter" min={0} max={max} value={d.readers} aria-hidden="true" />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </Card>
  );
}
