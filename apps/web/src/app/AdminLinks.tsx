import { useTranslation } from "react-i18next";
import { NavLink } from "react-router-dom";
import { Icon } from "../components/Icon";
import { usePublishesAnywhere } from "../features/documents/desk";
import { useTopUnits } from "../features/org-units/api";
import { useSession } from "./session";

/** Roles that work on the news desk: writing, approving, and (unit admins) the channel's categories. */
const NEWS_ROLES = new Set(["editor", "approver", "unit_admin"]);

/**
 * Links to the admin screens. The organisation tree is there for every role; members, roles and
 * the audit log only when the API's abilities on the actor's top units allow them; the news desk
 * and the documents desk for the roles that work there (the unit abilities say nothing about news; each desk page then
 * follows the API's answers).
 */
export function AdminLinks({ className }: { className?: string }) {
  const { t } = useTranslation();
  const top = useTopUnits();
  const abilities = Object.values(top.data?.abilities ?? {});
  const any = (ability: string) => abilities.some((a) => a[ability]);
  const { session } = useSession();
  const newsDesk = (session?.grants ?? []).some((g) => NEWS_ROLES.has(g.role));
  const documentsDesk = usePublishesAnywhere();
  return (
    <ul className={className}>
      <li>
        <NavLink to="/admin/units" className="nav-link">
          <Icon name="tree" />
          <span>{t("adminNav.units")}</span>
        </NavLink>
      </li>
      {newsDesk && (
        <li>
          <NavLink to="/admin/news" className="nav-link">
            <Icon name="news" />
            <span>{t("adminNav.news")}</span>
          </NavLink>
        </li>
      )}
      {documentsDesk && (
        <li>
          <NavLink to="/admin/documents" className="nav-link">
            <Icon name="document" />
            <span>{t("documents.desk.title")}</span>
          </NavLink>
        </li>
      )}
      {any("listMembers") && (
        <li>
          <NavLink to="/admin/members" className="nav-link">
            <Icon name="group" />
            <span>{t("adminNav.members")}</span>
          </NavLink>
        </li>
      )}
      {any("manageGrants") && (
        <li>
          <NavLink to="/admin/grants" className="nav-link">
            <Icon name="key" />
            <span>{t("adminNav.grants")}</span>
          </NavLink>
        </li>
      )}
      {any("viewAudit") && (
        <li>
          <NavLink to="/admin/audit" className="nav-link">
            <Icon name="list" />
            <span>{t("adminNav.audit")}</span>
          </NavLink>
        </li>
      )}
    </ul>
  );
}
