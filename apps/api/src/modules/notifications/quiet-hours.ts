/** Quiet hours are read in the product's time zone. */
export const TIME_ZONE = "Asia/Ho_Chi_Minh";

const clock = new Intl.DateTimeFormat("en-GB", { timeZone: TIME_ZONE, hour: "2-digit", minute: "2-digit", second: "2-digit", hourCycle: "h23" });

/** Seconds since local midnight in Asia/Ho_Chi_Minh at `at`. */
function localSeconds(at: Date): number {
  const parts = Object.fromEntries(clock.formatToParts(at).map((p) => [p.type, p.value]));
  return Number(parts.hour) * 3600 + Number(parts.minute) * 60 + Number(parts.second);
}

/** `HH:MM` or PostgreSQL's `HH:MM:SS` to seconds since midnight. */
export function secondsOf(time: string): number {
  const [h, m, s] = time.split(":").map(Number);
  return h * 3600 + m * 60 + (s ?? 0);
}

/**
 * When a push at `at` may go out: `at` itself outside quiet hours, else the end of the quiet
 * period (`start` after `end` spans midnight, e.g. 22:00–06:00).
 */
export function pushTime(at: Date, quiet: { start: string; end: string } | null): Date {
  if (!quiet) return at;
  const now = localSeconds(at);
  const start = secondsOf(quiet.start);
  const end = secondsOf(quiet.end);
  const inside = start < end ? now >= start && now < end : now >= start || now < end;
  if (!inside) return at;
  const wait = (end - now + 86_400) % 86_400;
  return new Date(at.getTime() + wait * 1000 - (at.getTime() % 1000));
}

/** `HH:MM:SS` from PostgreSQL to the API's `HH:MM`. */
export const hhmm = (time: string): string => time.slice(0, 5);
