/** Dates as people in Vietnam read them: dd/mm/yyyy, in Asia/Ho_Chi_Minh time, whatever the UI language. */
const TIME_ZONE = "Asia/Ho_Chi_Minh";

const dateFormat = new Intl.DateTimeFormat("vi-VN", { timeZone: TIME_ZONE, day: "2-digit", month: "2-digit", year: "numeric" });
const dateTimeParts = new Intl.DateTimeFormat("en-GB", {
  timeZone: TIME_ZONE,
  day: "2-digit",
  month: "2-digit",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
  hourCycle: "h23",
});

const valid = (d: Date) => !Number.isNaN(d.getTime());

/** An ISO timestamp as dd/mm/yyyy (Vietnam time); "" when it is not a date. */
export function formatDate(iso: string): string {
  const d = new Date(iso);
  return valid(d) ? dateFormat.format(d) : "";
}

/** An ISO timestamp as dd/mm/yyyy HH:mm (Vietnam time). */
export function formatDateTime(iso: string): string {
  const d = new Date(iso);
  if (!valid(d)) return "";
  const parts = dateTimeParts.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return `${part("day")}/${part("month")}/${part("year")} ${part("hour")}:${part("minute")}`;
}

/** A calendar date (yyyy-mm-dd, no time zone) as dd/mm/yyyy. */
export function formatCalendarDate(isoDate: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  return m ? `${m[3]}/${m[2]}/${m[1]}` : "";
}
