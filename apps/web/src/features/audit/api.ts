import { useInfiniteQuery } from "@tanstack/react-query";
import type { z } from "zod";
import type { AuditListEnvelope } from "@party/shared/schemas/audit";
import { api } from "../../api/client";

export type AuditList = z.infer<typeof AuditListEnvelope>;
export type { AuditEntryDto } from "@party/shared/schemas/audit";

const PAGE_SIZE = 50;

/** Audit entries newest first, of one unit's subtree or of every subtree the actor administers. */
export function useAuditLog(unitId: string | undefined, name: string) {
  return useInfiniteQuery({
    queryKey: ["audit", unitId ?? "", name] as const,
    queryFn: ({ pageParam, signal }) => api.get<AuditList>("/audit", { unitId, name, before: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextBefore ?? undefined,
    placeholderData: (previous) => previous,
  });
}
