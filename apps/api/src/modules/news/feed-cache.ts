import type { SummaryRow } from "./news.repo";

export interface CachedFeed {
  pinned: SummaryRow[];
  rows: SummaryRow[];
}

/** The event every process hears (through Redis when set) when what a feed shows may have changed. */
export const NEWS_CHANGED = "news.changed";

/**
 * First feed pages by audience (the same for every member of a cell), kept for a few seconds in this
 * process: members of one cell opening the app in the same minute cost one feed query. Any change
 * to published news anywhere clears it (in every process, through the live bus); the short lifetime
 * bounds staleness if that message is lost. Read marks are per member and never cached.
 */
export class FeedCache {
  private readonly entries = new Map<string, { value: CachedFeed; expires: number }>();

  constructor(
    private readonly ttlMs = 10_000,
    private readonly maxEntries = 20_000,
  ) {}

  get(key: string): CachedFeed | undefined {
    const hit = this.entries.get(key);
    if (!hit) return undefined;
    if (hit.expires <= Date.now()) {
      this.entries.delete(key);
      return undefined;
    }
    return hit.value;
  }

  set(key: string, value: CachedFeed): void {
    // Oldest first out: a Map iterates in insertion order.
    if (this.entries.size >= this.maxEntries) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(key, { value, expires: Date.now() + this.ttlMs });
  }

  clear(): void {
    this.entries.clear();
  }
}
