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

/** The event every process hears when a member marks an article read (data: accountId, articleId). */
export const NEWS_READ = "news.read";

/**
 * Which articles each member has read, as far as this process has asked, kept for a while so a
 * cached feed page needs no query at all. A mark made here is added at once; one made in another
 * process arrives through the live bus (NEWS_READ). Marks are never removed, so a mark missed in
 * transit is the only staleness, bounded by the lifetime.
 */
export class ReadMarks {
  private readonly entries = new Map<string, { marks: Map<string, boolean>; expires: number }>();

  constructor(
    private readonly ttlMs = 30_000,
    private readonly maxAccounts = 50_000,
  ) {}

  /** The read ones among `articleIds`; asks `load` only for those this process does not know yet. */
  async among(accountId: string, articleIds: readonly string[], load: (ids: string[]) => Promise<Set<string>>): Promise<Set<string>> {
    const now = Date.now();
    let entry = this.entries.get(accountId);
    if (entry && entry.expires <= now) {
      this.entries.delete(accountId);
      entry = undefined;
    }
    const unknown = entry ? articleIds.filter((id) => !entry!.marks.has(id)) : [...articleIds];
    if (unknown.length > 0) {
      const read = await load(unknown);
      if (!entry) {
        if (this.entries.size >= this.maxAccounts) this.entries.delete(this.entries.keys().next().value!);
        entry = { marks: new Map(), expires: now + this.ttlMs };
        this.entries.set(accountId, entry);
      }
      for (const id of unknown) entry.marks.set(id, read.has(id) || entry.marks.get(id) === true);
    }
    return new Set(articleIds.filter((id) => entry!.marks.get(id)));
  }

  markRead(accountId: string, articleId: string): void {
    this.entries.get(accountId)?.marks.set(articleId, true);
  }

  clear(): void {
    this.entries.clear();
  }
}
