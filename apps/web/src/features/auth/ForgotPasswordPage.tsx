import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { PageHeader } from "../../components/PageHeader";

/** No e-mail service: a forgotten password is reset with a new code from the secretary or unit admin. */
export function ForgotPasswordPage() {
  const { t } = useTranslation();
  return (
    <div className="narrow">
      <PageHeader title={t("auth.forgot.title")} />
      <div className="card prose">
        <p>{t("auth.forgot.p1")}</p>
        <p>{t("auth.forgot.p2")}</p>
        <p>{t("auth.forgot.p3")}</p>
        <p>
          <Link to="/activate" className="btn btn-primary">
            {t("auth.forgot.toActivate")}
          </Link>
        </p>
      </div>
      <ul className="link-list">
        <li>
          <Link to="/login">{t("auth.activate.backToLogin")}</Link>
        </li>
      </ul>
    </div>
  );
}
