import type { TFunction } from "i18next";
import type { AccountStatus, MemberStatus, UnitRole } from "@party/shared/enums";
import { formatDate } from "../../i18n/format";

// Records keyed by the shared enums: the compiler fails here when a value is added there.
const MEMBER_STATUS: Record<MemberStatus, true> = { full: true, probationary: true, exempt: true, transferred_out: true, deceased: true };
const ROLES: Record<UnitRole, true> = { secretary: true, deputy_secretary: true, editor: true, approver: true, unit_admin: true, stats_viewer: true };

export const MEMBER_STATUSES = Object.keys(MEMBER_STATUS) as MemberStatus[];
export const UNIT_ROLES = Object.keys(ROLES) as UnitRole[];

export const memberStatusLabel = (t: TFunction, status: MemberStatus): string => t(`memberStatus.${status}`);
export const roleLabel = (t: TFunction, role: UnitRole): string => t(`roles.${role}`);

/** "Chưa có tài khoản" / "Chờ kích hoạt" / "Đã kích hoạt dd/mm/yyyy" / "Đã khóa". */
export function accountStatusLabel(t: TFunction, account: { status: AccountStatus; activatedAt: string | null } | null): string {
  if (!account) return t("accountStatus.none");
  if (account.status === "active") {
    return account.activatedAt ? t("accountStatus.active", { date: formatDate(account.activatedAt) }) : t("accountStatus.activeNoDate");
  }
  return t(`accountStatus.${account.status}`);
}
