import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { Button } from "../../components/Button";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { formatCalendarDate, formatTime, hanoiDate } from "../../i18n/format";
import { type EditorialItemDto, isForbidden, useNewsCalendar } from "./api";
import { statusLabel } from "./labels";

/** yyyy-mm → its first and last day (yyyy-mm-dd); a month is always within the API's 62 days. */
export function monthRange(month: string): { from: string; to: string } {
  const [y, m] = month.split("-").map(Number);
  const last = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return { from: `${month}-01`, to: `${month}-${String(last).padStart(2, "0")}` };
}

/** The month `delta` months from yyyy-mm. */
export function shiftMonth(month: string, delta: number): string {
  const [y, m] = month.split("-").map(Number);
  const d = new Date(Date.UTC(y, m - 1 + delta, 1));
  return `${d.getUTCFullYear()}-${String(d.getUTCMonth() + 1).padStart(2, "0")}`;
}

const weekday = (lang: string, isoDate: string) =>
  new Intl.DateTimeFormat(lang === "en" ? "en-GB" : "vi-VN", { weekday: "long", timeZone: "UTC" }).format(new Date(`${isoDate}T00:00:00Z`));

/** When an item goes or went out: its scheduled time, else its first publication. */
const itemTime = (i: EditorialItemDto) => (i.status === "scheduled" ? i.publishAt : i.publishedAt) ?? i.updatedAt;

/**
 * The channel's month, as a list of days (a grid does not fit a 360 px phone): what is scheduled
 * and what was published each day, with the time (Vietnam), status and a link to each article.
 */
export function CalendarCard({ unitId }: { unitId: string }) {
  const { t, i18n } = useTranslation();
  const [month, setMonth] = useState(() => hanoiDate().slice(0, 7));
  const { from, to } = monthRange(month);
  const calendar = useNewsCalendar(unitId, from, to);
  const [y, m] = month.split("-");
  const monthLabel = t("editorial.calendar.month", { month: Number(m), year: y });

  const days = new Map<string, EditorialItemDto[]>();
  for (const item of calendar.data ?? []) {
    const day = hanoiDate(itemTime(item));
    days.set(day, [...(days.get(day) ?? []), item]);
  }

  if (isForbidden(calendar.error)) return null;
  return (
    <Card title={t("editorial.calendar.title")}>
      <div className="calendar-nav">
        <Button variant="secondary" onClick={() => setMonth((v) => shiftMonth(v, -1))}>
          <span aria-hidden="true">‹ </span>
          {t("editorial.calendar.previous")}
        </Button>
        <h3 className="calendar-month" aria-live="polite">
          {monthLabel}
        </h3>
        <Button variant="secondary" onClick={() => setMonth((v) => shiftMonth(v, 1))}>
          {t("editorial.calendar.next")}
          <span aria-hidden="true"> ›</span>
        </Button>
      </div>
      {calendar.isPending && <Spinner inline />}
      {calendar.isError && <ErrorAlert error={calendar.error} onRetry={() => void calendar.refetch()} />}
      {calendar.data && days.size === 0 && <EmptyState>{t("editorial.calendar.none", { month: monthLabel })}</EmptyState>}
      {days.size > 0 && (
        <ol className="calendar-days">
          {[...days.entries()].map(([day, items]) => (
            <li key={day} className="calendar-day">
              <h4 className="calendar-day-title">
                <span className="calendar-weekday">{weekday(i18n.language, day)}</span> {formatCalendarDate(day)}
              </h4>
              <ul className="calendar-items">
                {items.map((item) => (
                  <li key={item.id}>
                    <time dateTime={itemTime(item)}>{formatTime(itemTime(item))}</time>{" "}
                    <Link to={`/admin/news/${item.id}`}>{item.title || t("editorial.untitled")}</Link>{" "}
                    <span className={`badge badge-status badge-status-${item.status}`}>{statusLabel(t, item.status)}</span>
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </Card>
  );
}
