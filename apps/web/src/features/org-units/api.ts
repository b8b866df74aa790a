import { useQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { UnitEnvelope, UnitListEnvelope } from "@party/shared/schemas/org-units";
import { api } from "../../api/client";
import { isStaff, useSession } from "../../app/session";

export type UnitList = z.infer<typeof UnitListEnvelope>;
export type UnitResponse = z.infer<typeof UnitEnvelope>;
export type { UnitDto } from "@party/shared/schemas/org-units";

export const unitKeys = {
  top: ["units", "top"] as const,
  one: (id: string) => ["units", id] as const,
  children: (id: string) => ["units", id, "children"] as const,
  ancestors: (id: string) => ["units", id, "ancestors"] as const,
  search: (q: string) => ["units", "search", q] as const,
};

/** The actor's top units (where they hold roles, else their own cell), with abilities; staff only. */
export function useTopUnits() {
  const { session } = useSession();
  return useQuery({
    queryKey: unitKeys.top,
    queryFn: ({ signal }) => api.get<UnitList>("/units", undefined, signal),
    enabled: isStaff(session),
    staleTime: 5 * 60_000,
  });
}

/** One unit and the actor's abilities on it; nothing is fetched for an empty id. */
export function useUnit(id: string) {
  return useQuery({
    queryKey: unitKeys.one(id),
    queryFn: ({ signal }) => api.get<UnitResponse>(`/units/${id}`, undefined, signal),
    enabled: id !== "",
  });
}

export function useUnitChildren(id: string, enabled = true) {
  return useQuery({
    queryKey: unitKeys.children(id),
    queryFn: ({ signal }) => api.get<UnitList>(`/units/${id}/children`, undefined, signal),
    enabled,
  });
}

export function useUnitAncestors(id: string) {
  return useQuery({
    queryKey: unitKeys.ancestors(id),
    queryFn: ({ signal }) => api.get<UnitList>(`/units/${id}/ancestors`, undefined, signal),
    staleTime: 5 * 60_000,
  });
}

/** Units whose name contains `q` (diacritics ignored by the server), within the actor's scope. */
export function useUnitSearch(q: string) {
  const query = q.trim();
  return useQuery({
    queryKey: unitKeys.search(query),
    queryFn: ({ signal }) => api.get<UnitList>("/units/search", { q: query, limit: 20 }, signal),
    enabled: query.length > 0,
    placeholderData: (previous) => previous,
  });
}
