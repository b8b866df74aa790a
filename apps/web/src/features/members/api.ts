import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { MemberStatus } from "@party/shared/enums";
import type { CreateGrantBody, GrantEnvelope } from "@party/shared/schemas/grants";
import type { ActivationCodeEnvelope, MemberEnvelope, MemberListEnvelope } from "@party/shared/schemas/members";
import { api } from "../../api/client";

export type MemberList = z.infer<typeof MemberListEnvelope>;
export type MemberResponse = z.infer<typeof MemberEnvelope>;
export type ActivationCode = z.infer<typeof ActivationCodeEnvelope>["data"];
export type { MemberListItem } from "@party/shared/schemas/members";

const PAGE_SIZE = 25;

export const memberKeys = {
  list: (unitId: string, q: string, status: string) => ["members", "list", unitId, q, status] as const,
  one: (id: string) => ["members", id] as const,
};

/** Members of a unit's subtree, page by page (keyset cursor), filtered by name and status. */
export function useMemberList(unitId: string, q: string, status: MemberStatus | "") {
  return useInfiniteQuery({
    queryKey: memberKeys.list(unitId, q, status),
    queryFn: ({ pageParam, signal }) =>
      api.get<MemberList>(`/units/${unitId}/members`, { q, status, cursor: pageParam, limit: PAGE_SIZE }, signal),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    placeholderData: (previous) => previous,
  });
}

/**
 * One member's record. Each read of someone else's record is an audited view, so it is not
 * re-read behind the user's back (no refetch on focus, long stale time).
 */
export function useMember(id: string) {
  return useQuery({
    queryKey: memberKeys.one(id),
    queryFn: ({ signal }) => api.get<MemberResponse>(`/members/${id}`, undefined, signal),
    staleTime: 10 * 60_000,
    refetchOnWindowFocus: false,
    refetchOnReconnect: false,
  });
}

/** A new one-time activation code; earlier codes stop working. */
export function useIssueActivationCode(memberId: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: () => api.post<{ data: ActivationCode }>(`/members/${memberId}/activation-code`).then((r) => r.data),
    onSuccess: (code) => {
      // A code gives a member without an account a pending one; patched in place, since
      // re-reading the record would record another audited view.
      queryClient.setQueryData<MemberResponse>(memberKeys.one(memberId), (old) =>
        old ? { ...old, data: { ...old.data, account: old.data.account ?? { id: code.accountId, status: "pending", activatedAt: null } } } : old,
      );
      void queryClient.invalidateQueries({ queryKey: ["members", "list"] });
    },
  });
}

/** POST /grants: gives the member a role on a unit. */
export function useGrantRole() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: CreateGrantBody) => api.post<z.infer<typeof GrantEnvelope>>("/grants", body).then((r) => r.data),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ["grants"] }),
  });
}
