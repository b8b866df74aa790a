import { useTranslation } from "react-i18next";
import { PageHeader } from "../../components/PageHeader";
import { LogoutButton } from "./LogoutButton";
import { TotpCodeForm } from "./TotpCodeForm";

/** The login's second step for staff who have set up two-step verification. */
export function MfaVerifyPage() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeader title={t("auth.mfaVerify.title")} subtitle={t("auth.mfaVerify.intro")} />
      <div className="card">
        <TotpCodeForm />
      </div>
      <p className="center">
        <LogoutButton variant="quiet">{t("auth.mfa.logoutInstead")}</LogoutButton>
      </p>
    </div>
  );
}
