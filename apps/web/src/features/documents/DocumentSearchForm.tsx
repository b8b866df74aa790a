import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { useNavigate } from "react-router-dom";
import { Limits } from "@party/shared/limits";
import { Button } from "../../components/Button";
import { SelectField } from "../../components/SelectField";
import { TextField } from "../../components/TextField";
import type { DocumentFilters } from "./api";
import { DOCUMENT_LEVELS, DOCUMENT_TYPES, levelLabel, typeLabel } from "./labels";

/** The address of the search page for these filters (only those set). */
export function searchPath(f: DocumentFilters): string {
  const params = new URLSearchParams();
  if (f.q) params.set("q", f.q);
  if (f.type) params.set("type", f.type);
  if (f.level) params.set("level", f.level);
  if (f.issuer) params.set("issuer", f.issuer);
  if (f.year) params.set("year", String(f.year));
  if (f.unitId) params.set("unitId", f.unitId);
  const qs = params.toString();
  return `/documents/search${qs ? `?${qs}` : ""}`;
}

const YEAR = /^\d{4}$/;
const validYear = (text: string) => YEAR.test(text) && Number(text) >= 1930 && Number(text) <= 2200;

/**
 * The library's search box; with `withFilters`, also type, level, issuing body and year. Submitting
 * opens /documents/search with everything in the address (diacritics optional; a number like
 * "57-NQ" finds 57-NQ/TW). A unit filter in `initial` is kept.
 */
export function DocumentSearchForm({ initial = {}, withFilters = false }: { initial?: DocumentFilters; withFilters?: boolean }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const [q, setQ] = useState(initial.q ?? "");
  const [type, setType] = useState<string>(initial.type ?? "");
  const [level, setLevel] = useState<string>(initial.level ?? "");
  const [issuer, setIssuer] = useState(initial.issuer ?? "");
  const [year, setYear] = useState(initial.year ? String(initial.year) : "");
  const [errors, setErrors] = useState<{ q?: string; year?: string }>({});

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const text = q.trim();
    const yearText = year.trim();
    const next: typeof errors = {};
    if (yearText && !validYear(yearText)) next.year = t("documents.search.yearInvalid");
    const filtered = Boolean(type || level || issuer.trim() || yearText || initial.unitId);
    if (!text && !filtered && !withFilters) next.q = t("documents.search.empty");
    setErrors(next);
    if (Object.keys(next).length > 0) return;
    void navigate(
      searchPath({
        q: text || undefined,
        type: (type || undefined) as DocumentFilters["type"],
        level: (level || undefined) as DocumentFilters["level"],
        issuer: issuer.trim() || undefined,
        year: yearText ? Number(yearText) : undefined,
        unitId: initial.unitId,
      }),
    );
  };

  return (
    <form className="doc-search" role="search" onSubmit={submit} noValidate>
      <div className="news-search">
        <TextField
          label={t("documents.search.label")}
          hint={t("documents.search.hint")}
          type="search"
          name="q"
          value={q}
          onChange={(e) => setQ(e.target.value)}
          maxLength={Limits.searchMax}
          enterKeyHint="search"
          error={errors.q}
        />
        {!withFilters && <Button type="submit">{t("documents.search.submit")}</Button>}
      </div>
      {withFilters && (
        <fieldset className="fieldset doc-filters">
          <legend className="field-label">{t("documents.search.filters")}</legend>
          <SelectField
            label={t("documents.search.type")}
            value={type}
            onChange={(e) => setType(e.target.value)}
            options={[{ value: "", label: t("documents.search.allTypes") }, ...DOCUMENT_TYPES.map((v) => ({ value: v, label: typeLabel(t, v) }))]}
          />
          <SelectField
            label={t("documents.search.level")}
            value={level}
            onChange={(e) => setLevel(e.target.value)}
            options={[{ value: "", label: t("documents.search.allLevels") }, ...DOCUMENT_LEVELS.map((v) => ({ value: v, label: levelLabel(t, v) }))]}
          />
          <TextField
            label={t("documents.search.issuer")}
            hint={t("documents.search.issuerHint")}
            value={issuer}
            onChange={(e) => setIssuer(e.target.value)}
            maxLength={Limits.searchMax}
          />
          <TextField
            label={t("documents.search.year")}
            hint={t("documents.search.yearHint")}
            value={year}
            onChange={(e) => setYear(e.target.value)}
            inputMode="numeric"
            maxLength={4}
            error={errors.year}
          />
        </fieldset>
      )}
      {withFilters && <Button type="submit">{t("documents.search.submit")}</Button>}
    </form>
  );
}
