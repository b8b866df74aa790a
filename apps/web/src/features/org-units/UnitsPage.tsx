import { useTranslation } from "react-i18next";
import { Card } from "../../components/Card";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { PageHeader } from "../../components/PageHeader";
import { Spinner } from "../../components/Spinner";
import { useTopUnits } from "./api";
import { UnitSearch } from "./UnitSearch";
import { UnitTree } from "./UnitTree";

/** /admin/units: search and the organisation tree from the actor's top units down. */
export function UnitsPage() {
  const { t } = useTranslation();
  const top = useTopUnits();
  return (
    <>
      <PageHeader title={t("units.title")} />
      <div className="stack">
        <Card>
          <UnitSearch />
        </Card>
        <Card title={t("units.tree")}>
          {top.isPending && <Spinner />}
          {top.isError && <ErrorAlert error={top.error} onRetry={() => void top.refetch()} />}
          {top.data && top.data.data.length === 0 && <EmptyState>{t("units.noUnits")}</EmptyState>}
          {top.data && top.data.data.length > 0 && <UnitTree units={top.data.data} abilities={top.data.abilities} label={t("units.tree")} />}
        </Card>
      </div>
    </>
  );
}
