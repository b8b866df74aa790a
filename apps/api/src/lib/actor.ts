import type { UnitRole } from "@party/shared";

/** The authenticated account plus every grant a policy may need, loaded once per request. */
export interface Actor {
  accountId: string;
  memberId: string | null;
  /** The member's own cell and its ltree path (null for staff-only accounts). */
  cell: { id: string; path: string } | null;
  /** Role grants: each applies to the unit at `path` and everything below it. */
  grants: ReadonlyArray<{ id: string; role: UnitRole; unitId: string; path: string }>;
}

/** ltree containment in JS, for rows already loaded: `ancestor` is `path` or above it. */
export const covers = (ancestor: string, path: string): boolean => path === ancestor || path.startsWith(`${ancestor}.`);

export const isMemberOf = (actor: Actor, unitPath: string): boolean => actor.cell !== null && covers(unitPath, actor.cell.path);

export const hasRoleOver = (actor: Actor, unitPath: string, ...roles: UnitRole[]): boolean =>
  actor.grants.some((g) => roles.includes(g.role) && covers(g.path, unitPath));

export const administers = (actor: Actor, unitPath: string): boolean => hasRoleOver(actor, unitPath, "unit_admin");

/** Runs the members of a unit: its admins, and secretaries and deputies of it or a unit above. */
export const managesMembersOf = (actor: Actor, unitPath: string): boolean =>
  hasRoleOver(actor, unitPath, "unit_admin", "secretary", "deputy_secretary");

/** The subtrees where the actor holds any of `roles`, for SQL scopes: `unit_path <@ ANY($1::ltree[])`. */
export const subtreesWith = (actor: Actor, ...roles: UnitRole[]): string[] => {
  const paths = actor.grants.filter((g) => roles.includes(g.role)).map((g) => g.path);
  // Drop paths already inside another: the scope stays the same and the SQL stays short.
  return [...new Set(paths)].filter((p) => !paths.some((other) => other !== p && covers(other, p)));
};

/** Everyone "in" the subtree at `path`: its members, and staff whose grant is on it, above it or below it. */
export const inAudience = (actor: Actor, path: string): boolean =>
  isMemberOf(actor, path) || actor.grants.some((g) => covers(path, g.path) || covers(g.path, path));

/** Every ancestor-or-self path of each path: "u1.u2.u4" → u1, u1.u2, u1.u2.u4. */
export function pathsAbove(paths: readonly string[]): string[] {
  const out = new Set<string>();
  for (const path of paths) {
    const labels = path.split(".");
    for (let i = 1; i <= labels.length; i++) out.add(labels.slice(0, i).join("."));
  }
  return [...out];
}

/** The units whose content reaches the actor: their cell and every unit above, their grants' units and every unit above (for SQL: `unit_path = ANY(…)`). */
export const audiencePaths = (actor: Actor): string[] => pathsAbove([...(actor.cell ? [actor.cell.path] : []), ...actor.grants.map((g) => g.path)]);

/** Whether the actor holds any staff role at all (which requires a second factor). */
export const isStaff = (actor: Pick<Actor, "grants">): boolean => actor.grants.length > 0;
