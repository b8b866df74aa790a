import { useQueries } from "@tanstack/react-query";
import type { TFunction } from "i18next";
import type { UnitRole } from "@party/shared/enums";
import type { GrantSummary } from "@party/shared/schemas/auth";
import type { ArticleStatus, RevisionState } from "@party/shared/schemas/news";
import { api } from "../../api/client";
import { useSession } from "../../app/session";
import { type UnitList, unitKeys } from "../org-units/api";
// The desk's styles come with its pages (all of them import this file), not with the members' app.
import "../../styles/editorial.css";

// Keyed by the shared enums: the compiler fails here when a status is added there.
const STATUSES: Record<ArticleStatus, true> = { draft: true, submitted: true, returned: true, declined: true, scheduled: true, published: true, unpublished: true };
/** Every article status, in the order of an article's life. */
export const ARTICLE_STATUSES = Object.keys(STATUSES) as ArticleStatus[];
export const isArticleStatus = (value: string | null): value is ArticleStatus => value !== null && value in STATUSES;

export const statusLabel = (t: TFunction, status: ArticleStatus): string => t(`editorial.status.${status}`);
export const revisionStateLabel = (t: TFunction, state: RevisionState): string => t(`editorial.revisionState.${state}`);

/** A unit the actor can write for: their own channel, or one above it (a proposal, credited to `from`). */
export interface ChannelOption {
  unitId: string;
  name: string;
  proposal: boolean;
  /** For a proposal: the unit whose editor writes it. */
  from?: string;
}

/** The session's grants of these roles, one per unit (a unit where the actor holds two of them is listed once). */
export function useGrantUnits(roles: readonly UnitRole[]) {
  const { session } = useSession();
  const units: GrantSummary["unit"][] = [];
  for (const g of session?.grants ?? []) if (roles.includes(g.role) && !units.some((u) => u.id === g.unit.id)) units.push(g.unit);
  return units;
}

/**
 * The channels of the article form's picker: each unit where the actor is an editor, then the
 * units above it as proposals ("Đề xuất lên …"). The server decides in the end (403 otherwise);
 * this only offers what the editor role allows by the domain's rules.
 */
export function useChannelOptions(): { options: ChannelOption[]; isPending: boolean; error: unknown } {
  const units = useGrantUnits(["editor"]);
  const ancestors = useQueries({
    queries: units.map((unit) => ({
      queryKey: unitKeys.ancestors(unit.id),
      queryFn: ({ signal }: { signal: AbortSignal }) => api.get<UnitList>(`/units/${unit.id}/ancestors`, undefined, signal),
      staleTime: 5 * 60_000,
    })),
  });
  const options: ChannelOption[] = units.map((u) => ({ unitId: u.id, name: u.name, proposal: false }));
  const direct = new Set(options.map((o) => o.unitId));
  units.forEach((unit, i) => {
    // Top first from the API: nearest above first here.
    const above = (ancestors[i]?.data?.data ?? []).filter((a) => a.id !== unit.id).reverse();
    for (const a of above) {
      if (direct.has(a.id) || options.some((o) => o.unitId === a.id)) continue;
      options.push({ unitId: a.id, name: a.name, proposal: true, from: unit.name });
    }
  });
  return { options, isPending: ancestors.some((q) => q.isPending), error: ancestors.find((q) => q.error)?.error ?? null };
}

export const channelOptionLabel = (t: TFunction, o: ChannelOption): string => (o.proposal ? t("editorial.form.proposalTo", { name: o.name }) : o.name);

/** What the page after a save says (kept in the history entry's state across the redirect). */
export type EditorialNotice = "saved" | "submitted" | "deleted";
export const noticeOf = (state: unknown): EditorialNotice | null => {
  const notice = (state as { notice?: unknown } | null)?.notice;
  return notice === "saved" || notice === "submitted" || notice === "deleted" ? notice : null;
};
