import type { Actor } from "./actor";
import { type DeniedAccess, ForbiddenError, NotFoundError } from "./errors";

/** A rule answers one question about one record; it must be pure and synchronous. */
export type Rule<R> = (actor: Actor, resource: R) => boolean;

export interface Policy<R, A extends string> {
  readonly name: string;
  readonly actions: readonly A[];
  can(actor: Actor, action: A, resource: R): boolean;
  /** Every action's answer, sent to the PWA so it can hide what the user cannot do. */
  serialize(actor: Actor, resource: R): Record<A, boolean>;
}

/**
 * Declares what an actor may do with one kind of record.
 * Usage: `definePolicy<UnitRow>()("unit", { read: ..., manage: ... })`.
 * Every policy defines `read`; authorize() uses it to choose 404 over 403.
 */
export const definePolicy =
  <R>() =>
  <A extends string>(name: string, rules: Record<A | "read", Rule<R>>): Policy<R, A | "read"> => {
    const actions = Object.keys(rules) as (A | "read")[];
    return {
      name,
      actions,
      can: (actor, action, resource) => rules[action](actor, resource),
      serialize: (actor, resource) =>
        Object.fromEntries(actions.map((action) => [action, rules[action](actor, resource)])) as Record<A | "read", boolean>,
    };
  };

/**
 * Throws unless the actor may perform `action` on `resource`.
 * A missing record and a record the actor may not read both give 404, so one unit cannot probe
 * for another's records; a readable record gives 403.
 */
export function authorize<R, A extends string>(
  policy: Policy<R, A>,
  actor: Actor,
  action: A,
  resource: R | undefined,
): asserts resource is R {
  if (resource === undefined || !policy.can(actor, "read" as A, resource)) {
    const error = new NotFoundError(`${policy.name} not found`);
    // A record that exists but is out of reach is a denied access: the error handler audits it.
    if (resource !== undefined) error.denied = denial(policy.name, action, resource);
    throw error;
  }
  if (!policy.can(actor, action, resource)) {
    const error = new ForbiddenError(`You may not ${action} this ${policy.name}`);
    error.denied = denial(policy.name, action, resource);
    throw error;
  }
}

function denial(policy: string, action: string, resource: unknown): DeniedAccess {
  const row = resource as { id?: unknown; unitId?: unknown; cellId?: unknown; path?: unknown };
  // The unit the record belongs to, so the audit trail of that unit's admins shows the attempt:
  // its unitId, a member's cell, or for a unit row (which carries its own path) the unit itself.
  const unitId = [row.unitId, row.cellId, typeof row.path === "string" ? row.id : undefined].find((v) => typeof v === "string");
  return {
    policy,
    action,
    subjectId: typeof row.id === "string" ? row.id : null,
    unitId: typeof unitId === "string" ? unitId : null,
  };
}
