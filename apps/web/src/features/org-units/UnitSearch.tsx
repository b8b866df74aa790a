import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router-dom";
import { useDebouncedValue } from "../../app/useDebouncedValue";
import { EmptyState } from "../../components/EmptyState";
import { ErrorAlert } from "../../components/ErrorAlert";
import { Spinner } from "../../components/Spinner";
import { TextField } from "../../components/TextField";
import { useUnitSearch } from "./api";
import { unitSummary } from "./labels";

/** Search box over the units in the actor's scope; results link to each unit's page. */
export function UnitSearch() {
  const { t } = useTranslation();
  const [text, setText] = useState("");
  const q = useDebouncedValue(text.trim(), 300);
  const search = useUnitSearch(q);
  return (
    <div className="stack" role="search">
      <TextField label={t("units.searchLabel")} hint={t("units.searchHint")} type="search" value={text} onChange={(e) => setText(e.target.value)} maxLength={100} />
      {q && (
        <section aria-label={t("units.searchResults")}>
          {search.isPending && <Spinner inline />}
          {search.isError && <ErrorAlert error={search.error} onRetry={() => void search.refetch()} />}
          {search.data && search.data.data.length === 0 && <EmptyState>{t("units.noResults")}</EmptyState>}
          {search.data && search.data.data.length > 0 && (
            <ul className="item-list">
              {search.data.data.map((unit) => (
                <li key={unit.id} className="item">
                  <Link to={`/admin/units/${unit.id}`} className="item-title">
                    {unit.name}
                  </Link>
                  <span className="meta">
                    {unitSummary(t, unit)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
    </div>
  );
}
