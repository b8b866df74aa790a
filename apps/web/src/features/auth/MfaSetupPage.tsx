import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useTotpSetup } from "./api";
import { LogoutButton } from "./LogoutButton";
import { TotpCodeForm } from "./TotpCodeForm";

/** The secret in groups of four, easier to type by hand. */
export const groupSecret = (secret: string): string => secret.match(/.{1,4}/g)?.join(" ") ?? secret;

/** Staff enrolment in two-step verification: QR code (and the secret for manual entry), then a first code. */
export function MfaSetupPage() {
  const { t } = useTranslation();
  const setup = useTotpSetup();
  const started = useRef(false);

  useEffect(() => {
    // Each setup call makes a new secret: call once per visit, even when effects run twice.
    if (started.current) return;
    started.current = true;
    setup.mutate();
  }, [setup]);

  return (
    <div className="narrow">
      <PageHeader title={t("auth.mfaSetup.title")} subtitle={t("auth.mfaSetup.intro")} />
      <div className="card">
        {setup.isPending && <Spinner label={t("auth.mfaSetup.preparing")} />}
        {setup.isError && <ErrorAlert error={setup.error} onRetry={() => setup.mutate()} />}
        {setup.data && (
          <>
            <img className="qr" src={setup.data.qrCodeDataUrl} alt={t("auth.mfaSetup.qrAlt")} width={240} height={240} />
            <p>{t("auth.mfaSetup.manual")}</p>
            <p className="secret">
              <span className="visually-hidden">{t("auth.mfaSetup.secret")}: </span>
              <code data-testid="totp-secret">{groupSecret(setup.data.secret)}</code>
            </p>
            <p>{t("auth.mfaSetup.then")}</p>
            <TotpCodeForm />
          </>
        )}
      </div>
      <p className="center">
        <LogoutButton variant="quiet">{t("auth.mfa.logoutInstead")}</LogoutButton>
      </p>
    </div>
  );
}
