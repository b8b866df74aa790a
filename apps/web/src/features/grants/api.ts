import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { z } from "zod";
import type { GrantListEnvelope } from "@party/shared/schemas/grants";
import { api } from "../../api/client";

export type { GrantDto } from "@party/shared/schemas/grants";
export type GrantList = z.infer<typeof GrantListEnvelope>;

export const grantKeys = { ofUnit: (unitId: string) => ["grants", unitId] as const };

/** Active role grants in the unit's subtree. */
export function useUnitGrants(unitId: string) {
  return useQuery({ queryKey: grantKeys.ofUnit(unitId), queryFn: ({ signal }) => api.get<GrantList>(`/units/${unitId}/grants`, undefined, signal) });
}

/** DELETE /grants/:id: takes effect on the holder's next request. */
export function useRevokeGrant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (grantId: string) => api.delete<{ ok: true }>(`/grants/${grantId}`),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: ["grants"] });
      void queryClient.invalidateQueries({ queryKey: ["session"] });
    },
  });
}
