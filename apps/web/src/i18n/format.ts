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

const hanoiParts = (d: Date) => {
  const parts = dateTimeParts.formatToParts(d);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((p) => p.type === type)?.value ?? "";
  return { year: part("year"), month: part("month"), day: part("day"), hour: part("hour"), minute: part("minute") };
};

/** An ISO timestamp as HH:mm (Vietnam time). */
export function formatTime(iso: string): string {
  const d = new Date(iso);
  if (!valid(d)) return "";
  const p = hanoiParts(d);
  return `${p.hour}:${p.minute}`;
}

/** The calendar date (yyyy-mm-dd) of an instant in Vietnam time; now by default. */
export function hanoiDate(at: Date | string = new Date()): string {
  const d = new Date(at);
  if (!valid(d)) return "";
  const p = hanoiParts(d);
  return `${p.year}-${p.month}-${p.day}`;
}

/** An instant as the value of an <input type="datetime-local"> read in Vietnam time (yyyy-mm-ddTHH:mm). */
export function toHanoiInput(at: Date | string): string {
  const d = new Date(at);
  if (!valid(d)) return "";
  const p = hanoiParts(d);
  return `${p.year}-${p.month}-${p.day}T${p.hour}:${p.minute}`;
}

/**
 * What someone typed in an <input type="datetime-local"> (Vietnam time, whatever the device's zone)
 * as ISO 8601 with the +07:00 offset; null when it is empty or not a date-time.
 */
export function fromHanoiInput(value: string): string | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(value.trim());
  if (!m) return null;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? "00"}+07:00`;
  return valid(new Date(iso)) ? iso : null;
}
