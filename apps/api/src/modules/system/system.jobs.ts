import { sql } from "kysely";
import type { JobDeps } from "../../lib/jobs";

export const HOUSEKEEPING_QUEUE = "system.housekeeping";

/**
 * Daily clean-up: sessions that can no longer be used (expired or revoked a day ago) and
 * activation codes that were used or expired a day ago. Safe to run any number of times.
 */
export async function runHousekeeping({ db }: JobDeps): Promise<void> {
  const dayAgo = sql<Date>`now() - interval '1 day'`;
  await db
    .deleteFrom("sessions")
    .where((eb) => eb.or([eb("idleExpiresAt", "<", dayAgo), eb("absoluteExpiresAt", "<", dayAgo), eb("revokedAt", "<", dayAgo)]))
    .execute();
  await db
    .deleteFrom("activationCodes")
    .where((eb) => eb.or([eb("usedAt", "<", dayAgo), eb("expiresAt", "<", dayAgo)]))
    .execute();
}
