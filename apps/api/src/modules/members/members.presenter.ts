import type { AccountStatus } from "@party/shared";
import type { MemberDto, MemberListItem } from "@party/shared/schemas/members";
import type { MemberRow } from "./members.repo";

/** Shows the last three digits only: enough to tell two members apart on a list. */
export const maskPhone = (phone: string | null): string | null => (phone ? `${"•".repeat(Math.max(0, phone.length - 3))}${phone.slice(-3)}` : null);

const accountOf = (m: MemberRow) =>
  m.accountId && m.accountStatus
    ? { id: m.accountId, status: m.accountStatus as AccountStatus, activatedAt: m.activatedAt?.toISOString() ?? null }
    : null;

export const presentMemberListItem = (m: MemberRow): MemberListItem => ({
  id: m.id,
  fullName: m.fullName,
  sex: m.sex as MemberListItem["sex"],
  birthYear: m.dateOfBirth ? Number(m.dateOfBirth.slice(0, 4)) : null,
  status: m.status as MemberListItem["status"],
  cell: { id: m.cellId, name: m.cellName },
  phoneMasked: maskPhone(m.phone),
  account: m.accountStatus ? { status: m.accountStatus as AccountStatus, activatedAt: m.activatedAt?.toISOString() ?? null } : null,
});

export const presentMember = (m: MemberRow): MemberDto => ({
  id: m.id,
  fullName: m.fullName,
  sex: m.sex as MemberDto["sex"],
  dateOfBirth: m.dateOfBirth,
  phone: m.phone,
  email: m.email,
  partyCardNumber: m.partyCardNumber,
  admittedOn: m.admittedOn,
  fullMemberOn: m.fullMemberOn,
  status: m.status as MemberDto["status"],
  cell: { id: m.cellId, name: m.cellName },
  account: accountOf(m),
});

/** Keyset cursor: the last row's sort key and id, opaque to the client. */
export const encodeCursor = (m: Pick<MemberRow, "nameSortKey" | "id">): string =>
  Buffer.from(JSON.stringify([m.nameSortKey, m.id])).toString("base64url");

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function decodeCursor(cursor: string): { sortKey: string; id: string } | null {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, "base64url").toString("utf8"));
    // Both parts go to SQL as parameters: an id that is not a uuid, or a NUL in the key, would fail there (500).
    if (Array.isArray(value) && typeof value[0] === "string" && !value[0].includes("\u0000") && typeof value[1] === "string" && UUID.test(value[1])) {
      return { sortKey: value[0], id: value[1] };
    }
  } catch {
    // fall through: a malformed cursor is a client error
  }
  return null;
}
