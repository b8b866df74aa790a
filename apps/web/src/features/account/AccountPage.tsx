import { useTranslation } from "react-i18next";
import { AdminLinks } from "../../app/AdminLinks";
import { isStaff, useSession } from "../../app/session";
import { Card } from "../../components/Card";
import { PageHeader } from "../../components/PageHeader";
import { LogoutButton } from "../auth/LogoutButton";
import { ChangePasswordCard } from "./ChangePasswordCard";
import { NotificationSettingsCard } from "./NotificationSettingsCard";
import { PreferencesCard } from "./PreferencesCard";

/** The member's own page: who they are, roles, settings, notifications, password, two-step status, logout. */
export function AccountPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  if (!session) return null;
  const name = session.member?.fullName ?? session.account.displayName;
  return (
    <>
      <PageHeader title={t("account.title")} />
      <div className="stack">
        <Card title={t("account.profile")}>
          <dl className="details">
            <div>
              <dt>{t("account.name")}</dt>
              <dd>{name}</dd>
            </div>
            {session.member && (
              <div>
                <dt>{t("account.cell")}</dt>
                <dd>{session.member.cell.name}</dd>
              </div>
            )}
            <div>
              <dt>{t("account.roles")}</dt>
              <dd>
                {session.grants.length === 0 ? (
                  t("account.noRoles")
                ) : (
                  <ul className="plain-list">
                    {session.grants.map((g) => (
                      <li key={g.id}>{t("account.roleAt", { role: t(`roles.${g.role}`), unit: g.unit.name })}</li>
                    ))}
                  </ul>
                )}
              </dd>
            </div>
          </dl>
        </Card>
        {isStaff(session) && (
          <Card title={t("account.admin")}>
            <nav aria-label={t("account.admin")}>
              <AdminLinks className="link-cards" />
            </nav>
          </Card>
        )}
        <PreferencesCard session={session} />
        <NotificationSettingsCard />
        <ChangePasswordCard />
        <Card title={t("account.twoStep")}>
          <p>{session.account.totpEnabled ? t("account.twoStepOn") : t("account.twoStepOff")}</p>
        </Card>
        <div>
          <LogoutButton />
        </div>
      </div>
    </>
  );
}
