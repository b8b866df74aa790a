import type { UnitRole } from "@party/shared/enums";
import { useSession } from "../../app/session";
import { useUnitAncestors } from "../org-units/api";

/**
 * The roles that publish a unit's documents (on the unit or a unit above it), as the API's
 * documents policy says; the desk pages then follow the API's answers.
 */
export const PUBLISHER_ROLES: readonly UnitRole[] = ["unit_admin", "secretary", "deputy_secretary", "approver"];

/** Whether the session holds a publishing role anywhere (the admin menu's "Văn bản"). */
export function usePublishesAnywhere(): boolean {
  const { session } = useSession();
  return (session?.grants ?? []).some((g) => PUBLISHER_ROLES.includes(g.role));
}

/** Whether the session holds a publishing role on this unit or a unit above it (the unit page's link to its desk). */
export function usePublishesFor(unitId: string): boolean {
  const { session } = useSession();
  const grants = (session?.grants ?? []).filter((g) => PUBLISHER_ROLES.includes(g.role));
  const direct = grants.some((g) => g.unit.id === unitId);
  // The unit page's breadcrumb asks for the same ancestors: no extra request.
  const ancestors = useUnitAncestors(unitId);
  if (direct) return true;
  const above = new Set((ancestors.data?.data ?? []).map((u) => u.id));
  return grants.some((g) => above.has(g.unit.id));
}
