import { LoadMore } from "../../components/LoadMore";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import type { MemberStatus } from "@party/shared/enums";
import { useDebouncedValue } from "../../app/useDebouncedValue";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { SelectField } from "../../components/SelectField";
import { Spinner } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { useUnit } from "../org-units/api";
import { UnitBreadcrumb } from "../org-units/UnitBreadcrumb";
import { type MemberListItem, useMemberList } from "./api";
import { MEMBER_STATUSES, accountStatusLabel, memberStatusLabel } from "./labels";

function MemberRow({ member }: { member: MemberListItem }) {
  const { t } = useTranslation();
  return (
    <li className="item">
      <Link to={`/admin/members/${member.id}`} className="item-title">
        {member.fullName}
      </Link>
      <span className="meta">{member.cell.name}</span>
      <span className="meta">
        {[
          member.birthYear ? t("members.birthYear", { year: member.birthYear }) : null,
          member.phoneMasked ? t("members.phone", { phone: member.phoneMasked }) : null,
          memberStatusLabel(t, member.status),
        ]
          .filter(Boolean)
          .join(" · ")}
      </span>
      <span className={`badge badge-account-${member.account?.status ?? "none"}`}>{accountStatusLabel(t, member.account)}</span>
    </li>
  );
}

/** /admin/units/:id/members: the subtree's members, searchable, filterable, "show more" paging. */
export function MembersPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const unit = useUnit(id);
  const [text, setText] = useState("");
  const [status, setStatus] = useState<MemberStatus | "">("");
  const q = useDebouncedValue(text.trim(), 350);
  const list = useMemberList(id, q, status);
  const members = list.data?.pages.flatMap((p) => p.data) ?? [];

  return (
    <>
      <PageHeader title={t("members.title")} subtitle={unit.data?.data.name} before={<UnitBreadcrumb unitId={id} linkCurrent />} />
      <div className="stack">
        <Card>
          <div className="filters" role="search">
            <TextField label={t("members.search")} hint={t("members.searchHint")} type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={100} />
            <SelectField
              label={t("members.status")}
              value={status}
              onChange={(e) => setStatus(e.target.value as MemberStatus | "")}
              options={[{ value: "", label: t("common.all") }, ...MEMBER_STATUSES.map((s) => ({ value: s, label: memberStatusLabel(t, s) }))]}
            />
          </div>
        </Card>
        {list.isPending && <Spinner />}
        {list.isError && <ErrorAlert error={list.error} onRetry={() => void list.refetch()} />}
        {list.data && members.length === 0 && <EmptyState>{t("members.none")}</EmptyState>}
        {members.length > 0 && (
          <>
            <p className="meta" role="status">
              {t("members.shown", { count: members.length })}
            </p>
            <ul className="item-list" aria-busy={list.isFetching || undefined}>
              {members.map((m) => (
                <MemberRow key={m.id} member={m} />
              ))}
            </ul>
            <LoadMore pages={list} />
          </>
        )}
      </div>
    </>
  );
}
