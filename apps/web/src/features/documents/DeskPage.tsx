import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useSession } from "../../app/session";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { PageHeader } from "../../components/PageHeader";
import { PUBLISHER_ROLES } from "./desk";
import "../../styles/documents.css";

/**
 * /admin/documents: the documents desk's overview: the units where the actor publishes documents
 * (unit admin, secretary, deputy secretary, approver), each opening its desk. Units below them are
 * reached from the organisation tree (each unit's page links to its desk).
 */
export function DeskPage() {
  const { t } = useTranslation();
  const { session } = useSession();
  const units: { id: string; name: string; roles: string[] }[] = [];
  for (const g of session?.grants ?? []) {
    if (!PUBLISHER_ROLES.includes(g.role)) continue;
    const unit = units.find((u) => u.id === g.unit.id);
    if (unit) unit.roles.push(t(`roles.${g.role}`));
    else units.push({ id: g.unit.id, name: g.unit.name, roles: [t(`roles.${g.role}`)] });
  }
  return (
    <>
      <PageHeader title={t("documents.desk.title")} subtitle={t("documents.desk.subtitle")} />
      <Card title={t("documents.desk.units")}>
        {units.length === 0 ? (
          <EmptyState>{t("documents.desk.noUnits")}</EmptyState>
        ) : (
          <ul className="link-cards doc-desk-units">
            {units.map((unit) => (
              <li key={unit.id}>
                <Link to={`/admin/units/${unit.id}/documents`}>
                  <span>{unit.name}</span>
                  <span className="meta">{unit.roles.join(", ")}</span>
                </Link>
              </li>
            ))}
          </ul>
        )}
      </Card>
    </>
  );
}
