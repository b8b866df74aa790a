import { seededRandom } from "@party/shared";

/**
 * Deterministic randomness for the bench dataset. Each generator owns its own stream (its own seed),
 * so adding data to one generator never shifts the data of the others.
 */
export class Rng {
  readonly next: () => number;
  private spare: number | null = null;

  constructor(seed: number) {
    this.next = seededRandom(seed);
  }

  /** Integer in [min, max], both included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.next() * (max - min + 1));
  }

  pick<T>(items: readonly T[]): T {
    return items[Math.floor(this.next() * items.length)];
  }

  chance(p: number): boolean {
    return this.next() < p;
  }

  /** Standard normal (Box–Muller, the second value kept for the next call). */
  normal(): number {
    if (this.spare !== null) {
      const s = this.spare;
      this.spare = null;
      return s;
    }
    const u = 1 - this.next();
    const v = this.next();
    const r = Math.sqrt(-2 * Math.log(u));
    this.spare = r * Math.sin(2 * Math.PI * v);
    return r * Math.cos(2 * Math.PI * v);
  }

  /** Right-skewed positive value with the given median. */
  logNormal(median: number, sigma: number): number {
    return median * Math.exp(sigma * this.normal());
  }

  /** A version-4-shaped UUID from this stream, so ids are identical on every run. */
  uuid(): string {
    const word = () => {
      const w = Math.floor(this.next() * 0x1_0000_0000);
      return HEX[w >>> 24] + HEX[(w >>> 16) & 255] + HEX[(w >>> 8) & 255] + HEX[w & 255];
    };
    const hex = word() + word() + word() + word();
    const variant = ((parseInt(hex[16], 16) & 0x3) | 0x8).toString(16);
    return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${variant}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
  }

  /** A date (yyyy-mm-dd) uniformly between two dates. */
  date(from: string, to: string): string {
    const a = parseDate(from) / DAY;
    const b = parseDate(to) / DAY;
    return isoDay(a + Math.floor((b - a + 1) * this.next()));
  }

  /** Milliseconds since the epoch uniformly between two instants; `skew` > 1 favours the start. */
  timestamp(from: string, to: string, skew = 1): number {
    const a = parseDate(from);
    const b = parseDate(to);
    return a + Math.floor((b - a) * this.next() ** skew);
  }
}

const HEX = Array.from({ length: 256 }, (_, i) => (i + 256).toString(16).slice(1));

// Date.parse is slow enough to show at 481,600 members; the same few hundred strings recur.
const parsed = new Map<string, number>();
export function parseDate(value: string): number {
  let ms = parsed.get(value);
  if (ms === undefined) parsed.set(value, (ms = Date.parse(value)));
  return ms;
}

const DAY = 86_400_000;
// Formatting dates is the other hot spot: cache the few tens of thousands of distinct days.
const days = new Map<number, string>();
function isoDay(day: number): string {
  let text = days.get(day);
  if (text === undefined) days.set(day, (text = new Date(day * DAY).toISOString().slice(0, 10)));
  return text;
}

export const isoDate = (d: Date): string => isoDay(Math.floor(d.getTime() / DAY));
export const pad = (n: number, width: number): string => String(n).padStart(width, "0");
export const addDays = (date: string, n: number): string => isoDay(Math.floor(parseDate(date) / DAY) + n);

/** The dataset's "today": fixed, so a run next year produces the same members. */
export const REFERENCE_DATE = "2026-11-01";
