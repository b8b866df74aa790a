import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useParams } from "react-router-dom";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { formatDate } from "../../i18n/format";
import { roleLabel } from "../members/labels";
import { useUnit } from "../org-units/api";
import { UnitBreadcrumb } from "../org-units/UnitBreadcrumb";
import { type GrantDto, useRevokeGrant, useUnitGrants } from "./api";

/** /admin/units/:id/grants: who holds which role in the subtree, with revoke (after confirmation). */
export function GrantsPage() {
  const { t } = useTranslation();
  const id = useParams().id ?? "";
  const unit = useUnit(id);
  const grants = useUnitGrants(id);
  const revoke = useRevokeGrant();
  const [pending, setPending] = useState<GrantDto | null>(null);
  const [done, setDone] = useState(false);

  const label = (g: GrantDto) => ({ role: roleLabel(t, g.role), name: g.account.displayName, unit: g.unit.name });
  const confirm = () => {
    if (!pending) return;
    revoke.mutate(pending.id, {
      onSuccess: () => {
        setPending(null);
        setDone(true);
      },
    });
  };

  return (
    <>
      <PageHeader title={t("grants.title")} subtitle={unit.data?.data.name} before={<UnitBreadcrumb unitId={id} linkCurrent />} />
      {done && <Alert tone="success">{t("grants.revoked")}</Alert>}
      {grants.isPending && <Spinner />}
      {grants.isError && <ErrorAlert error={grants.error} onRetry={() => void grants.refetch()} />}
      {grants.data && grants.data.data.length === 0 && <EmptyState>{t("grants.none")}</EmptyState>}
      {grants.data && grants.data.data.length > 0 && (
        <ul className="item-list">
          {grants.data.data.map((g) => (
            <li key={g.id} className="item item-with-action">
              <div>
                <span className="item-title">{g.account.displayName}</span>
                <span className="meta">
                  {roleLabel(t, g.role)} — {g.unit.name}
                </span>
                <span className="meta">
                  {t("grants.grantedAt")}: {formatDate(g.grantedAt)}
                </span>
              </div>
              <Button
                variant="secondary"
                aria-label={t("grants.revokeLabel", label(g))}
                onClick={() => {
                  revoke.reset();
                  setDone(false);
                  setPending(g);
                }}
              >
                {t("grants.revoke")}
              </Button>
            </li>
          ))}
        </ul>
      )}
      <ConfirmDialog
        open={pending !== null}
        title={t("grants.confirmTitle")}
        confirmLabel={t("grants.revoke")}
        onConfirm={confirm}
        onCancel={() => setPending(null)}
        busy={revoke.isPending}
        footer={revoke.isError ? <ErrorAlert error={revoke.error} /> : undefined}
      >
        {pending && <p>{t("grants.confirmBody", label(pending))}</p>}
      </ConfirmDialog>
    </>
  );
}
