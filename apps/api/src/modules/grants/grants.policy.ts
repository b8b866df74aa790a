import { administers } from "../../lib/actor";
import { definePolicy } from "../../lib/policy";

type GrantLike = { unitPath: string };

/** Role grants are seen and revoked by unit admins of the granted unit or above. */
export const grantPolicy = definePolicy<GrantLike>()("grant", {
  read: (actor, g) => administers(actor, g.unitPath),
  revoke: (actor, g) => administers(actor, g.unitPath),
});
