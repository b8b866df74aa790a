import { useTranslation } from "react-i18next";
import { Link, useParams } from "react-router-dom";
import { Card } from "../../components/Card";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { formatCalendarDate } from "../../i18n/format";
import { ActivationCodeCard } from "./ActivationCodeCard";
import { useMember } from "./api";
import { GrantRoleCard } from "./GrantRoleCard";
import { accountStatusLabel, memberStatusLabel } from "./labels";

/** /admin/members/:id: the record, and the actions the API allows on it. */
export function MemberDetailPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const member = useMember(id);

  if (!member.data) {
    return (
      <>
        <PageHeader title={t("members.detail")} />
        {member.isPending && <Spinner />}
        {member.isError && <ErrorAlert error={member.error} onRetry={() => void member.refetch()} />}
      </>
    );
  }
  const { data: m, abilities } = member.data;
  const dash = t("common.none");
  const rows: [string, string][] = [
    [t("members.sex"), t(`sex.${m.sex}`)],
    [t("members.dateOfBirth"), m.dateOfBirth ? formatCalendarDate(m.dateOfBirth) : dash],
    [t("members.phoneLabel"), m.phone ?? dash],
    [t("members.email"), m.email ?? dash],
    [t("members.partyCard"), m.partyCardNumber ?? dash],
    [t("members.admittedOn"), m.admittedOn ? formatCalendarDate(m.admittedOn) : dash],
    [t("members.fullMemberOn"), m.fullMemberOn ? formatCalendarDate(m.fullMemberOn) : dash],
    [t("units.status"), memberStatusLabel(t, m.status)],
    [t("members.account"), accountStatusLabel(t, m.account)],
  ];
  return (
    <>
      <PageHeader title={m.fullName} subtitle={<Link to={`/admin/units/${m.cell.id}`}>{m.cell.name}</Link>} />
      <div className="stack">
        <Card title={t("members.detail")}>
          <dl className="details">
            {rows.map(([label, value]) => (
              <div key={label}>
                <dt>{label}</dt>
                <dd>{value}</dd>
              </div>
            ))}
          </dl>
        </Card>
        {abilities.issueActivation && <ActivationCodeCard memberId={m.id} />}
        {abilities.grantRoles && <GrantRoleCard memberId={m.id} cellId={m.cell.id} />}
      </div>
    </>
  );
}
