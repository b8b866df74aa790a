import type { TFunction } from "i18next";
import { type FormEvent, type ReactNode, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Limits } from "@party/shared/limits";
import { isApiError } from "../../api/errors";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { SelectField } from "../../components/SelectField";
import { TextArea } from "../../components/TextArea";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldMessage } from "../../i18n/errors";
import { fromHanoiInput, toHanoiInput } from "../../i18n/format";
import { focusFirstInvalid } from "../auth/focusFirstInvalid";
import type { DocumentDto, DocumentLevel, DocumentType } from "./api";
import { DraftFields, type DraftValues } from "./DraftFields";
import { type FileEntries, FilesField } from "./FilesField";
import { DOCUMENT_LEVELS, DOCUMENT_TYPES, UNNUMBERED_TYPES, isDocumentLevel, isDocumentType, levelLabel, typeLabel } from "./labels";

export interface DocumentFormValues extends DraftValues {
  numberSymbol: string;
  type: DocumentType | "";
  issuingBody: string;
  issuedOn: string;
  effectiveOn: string;
  summary: string;
  /** "" leaves it to the server: the publishing unit's level, central for a /TW number. */
  level: DocumentLevel | "";
  /** As typed: comma-separated. */
  tags: string;
  committeeOnly: boolean;
}

export const EMPTY_VALUES: DocumentFormValues = { numberSymbol: "", type: "", issuingBody: "", issuedOn: "", effectiveOn: "", summary: "", level: "", tags: "", committeeOnly: false, draft: false, feedbackUntil: "", feedbackShared: false };

export const valuesOf = (d: DocumentDto): DocumentFormValues => ({
  numberSymbol: d.numberSymbol ?? "",
  type: d.type,
  issuingBody: d.issuingBody,
  issuedOn: d.issuedOn,
  effectiveOn: d.effectiveOn ?? "",
  summary: d.summary,
  level: d.level,
  tags: d.tags.join(", "),
  committeeOnly: d.committeeOnly,
  draft: d.feedbackUntil !== null,
  feedbackUntil: d.feedbackUntil ? toHanoiInput(d.feedbackUntil) : "",
  feedbackShared: d.feedbackVisibility === "all",
});

/** The metadata as the API takes it (what CreateDocumentBody and UpdateDocumentBody share). The caller has validated. */
export const toMetadata = (v: DocumentFormValues) => ({
  numberSymbol: v.numberSymbol.trim() || null,
  type: v.type as DocumentType,
  issuingBody: v.issuingBody.trim(),
  issuedOn: v.issuedOn,
  effectiveOn: v.effectiveOn || null,
  summary: v.summary.trim(),
  ...(v.level ? { level: v.level } : {}),
  tags: parseTags(v.tags),
  committeeOnly: v.committeeOnly,
  // Minutes, as the input shows them: an unchanged deadline compares equal and is not sent again.
  feedbackUntil: v.draft ? fromHanoiInput(v.feedbackUntil) : null,
  feedbackVisibility: v.feedbackShared ? ("all" as const) : ("own" as const),
});

type Field = keyof DocumentFormValues | "files";
const FIELDS: readonly Field[] = ["numberSymbol", "type", "issuingBody", "issuedOn", "effectiveOn", "summary", "level", "tags", "committeeOnly", "feedbackUntil", "files"];
const BOUNDS: Partial<Record<Field, { max: number }>> = {
  numberSymbol: { max: Limits.documentSymbolMax },
  issuingBody: { max: Limits.documentIssuerMax },
  summary: { max: Limits.documentSummaryMax },
  tags: { max: Limits.documentTagMax },
};
/** "a, b ,, a" → ["a", "b"]: trimmed, empty ones dropped, each once. */
const parseTags = (text: string): string[] => [...new Set(text.split(",").map((tag) => tag.trim()).filter(Boolean))];

/** As the shared schema: letters and digits, with - / . or spaces between them. */
const NUMBER_SYMBOL = /^[\p{L}\p{N}]([\p{L}\p{N}./ -]*[\p{L}\p{N}])?$/u;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

/** Field problems of a 400 answer: `tags.3` on the tags, `uploadIds` and `files` on the files. */
function serverFieldErrors(t: TFunction, error: unknown): Partial<Record<Field, string>> {
  if (!isApiError(error) || error.status !== 400) return {};
  const out: Partial<Record<Field, string>> = {};
  for (const [path, code] of Object.entries(error.fields)) {
    const head = path.split(".")[0];
    const field = (head === "uploadIds" ? "files" : head) as Field;
    if (!FIELDS.includes(field) || out[field]) continue;
    if (field === "numberSymbol" && code === "required") out[field] = t("documents.form.numberSymbolRequired");
    else if (field === "effectiveOn" && code === "too_early") out[field] = t("documents.form.effectiveTooEarly");
    else if (field === "feedbackUntil" && code === "too_early") out[field] = t("documents.form.feedbackUntilFuture");
    else out[field] = fieldMessage(t, code, BOUNDS[field]);
  }
  return out;
}

export interface DocumentFormProps {
  initial: DocumentFormValues;
  files: FileEntries;
  /** The unit publishing it, shown above the fields. */
  unitName: string;
  /** Called with valid values and every file uploaded. */
  onSubmit: (values: DocumentFormValues) => void;
  onChange: () => void;
  submitLabel: string;
  busyLabel: string;
  busy: boolean;
  /** The last attempt's failure: field problems go on the fields, others above the buttons. */
  error: unknown;
  /** An existing document's files were confirmed when it was published. */
  confirmedAlready?: boolean;
  extraActions?: ReactNode;
}

/**
 * The document form (publish and edit): number and symbol, type, issuing body, issue and effective
 * dates, summary, level, tags, committee only, a draft's deadline and visibility, and the files. Checked here as the shared schema does
 * (lengths, the number's characters, a number for numbered types, effective not before issued, every
 * upload finished), then by the server, whose field problems are shown on the fields.
 */
export function DocumentForm({ initial, files, unitName, onSubmit, onChange, submitLabel, busyLabel, busy, error, confirmedAlready = false, extraActions }: DocumentFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [confirmed, setConfirmed] = useState(confirmedAlready);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const set = <K extends keyof DocumentFormValues>(key: K, value: DocumentFormValues[K]) => {
    setValues((v) => ({ ...v, [key]: value }));
    onChange();
  };

  const validate = (): boolean => {
    const e: Partial<Record<Field, string>> = {};
    const number = values.numberSymbol.trim();
    if (!values.type) e.type = t("fieldErrors.required");
    if (!number && values.type && !UNNUMBERED_TYPES.includes(values.type)) e.numberSymbol = t("documents.form.numberSymbolRequired");
    else if (number.length > Limits.documentSymbolMax) e.numberSymbol = t("fieldErrors.too_long", { max: Limits.documentSymbolMax });
    else if (number && !NUMBER_SYMBOL.test(number)) e.numberSymbol = t("documents.form.numberSymbolInvalid");
    const issuer = values.issuingBody.trim();
    if (!issuer) e.issuingBody = t("fieldErrors.required");
    else if (issuer.length > Limits.documentIssuerMax) e.issuingBody = t("fieldErrors.too_long", { max: Limits.documentIssuerMax });
    if (!values.issuedOn) e.issuedOn = t("fieldErrors.required");
    else if (!ISO_DATE.test(values.issuedOn)) e.issuedOn = t("fieldErrors.invalid");
    if (values.effectiveOn && !ISO_DATE.test(values.effectiveOn)) e.effectiveOn = t("fieldErrors.invalid");
    else if (values.effectiveOn && values.issuedOn && values.effectiveOn < values.issuedOn) e.effectiveOn = t("documents.form.effectiveTooEarly");
    const summary = values.summary.trim();
    if (!summary) e.summary = t("fieldErrors.required");
    else if (summary.length > Limits.documentSummaryMax) e.summary = t("fieldErrors.too_long", { max: Limits.documentSummaryMax });
    const tags = parseTags(values.tags);
    if (tags.length > Limits.documentTagsMax) e.tags = t("documents.form.tooManyTags", { max: Limits.documentTagsMax });
    else if (tags.some((tag) => tag.length > Limits.documentTagMax)) e.tags = t("documents.form.tagTooLong", { max: Limits.documentTagMax });
    if (values.draft) {
      const until = fromHanoiInput(values.feedbackUntil);
      if (!values.feedbackUntil) e.feedbackUntil = t("fieldErrors.required");
      else if (!until) e.feedbackUntil = t("fieldErrors.invalid");
      else if (new Date(until) <= new Date() && until !== toMetadata(initial).feedbackUntil) e.feedbackUntil = t("documents.form.feedbackUntilFuture");
    }
    const entries = files.entries;
    if (entries.some((f) => f.state === "uploading")) e.files = t("documents.form.filesWaiting");
    else if (entries.some((f) => f.state === "refused")) e.files = t("documents.form.filesRefused");
    else if (entries.length === 0) e.files = t("documents.form.filesRequired");
    setClientErrors(e);
    if (Object.keys(e).length > 0) {
      if (formRef.current) focusFirstInvalid(formRef.current);
      return false;
    }
    return true;
  };

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (validate()) onSubmit(values);
  };

  const serverErrors = serverFieldErrors(t, error);
  const errors = { ...serverErrors, ...clientErrors };
  const failure = error && Object.keys(serverErrors).length === 0 ? errorMessage(t, error) : null;

  return (
    <form ref={formRef} className="form doc-form" noValidate onSubmit={submit}>
      <p className="doc-form-unit">
        <span className="field-label">{t("documents.form.unit")}: </span>
        {unitName}
      </p>
      <SelectField
        label={t("documents.form.type")}
        value={values.type}
        onChange={(e) => set("type", isDocumentType(e.target.value) ? e.target.value : "")}
        options={[{ value: "", label: t("documents.form.typeChoose") }, ...DOCUMENT_TYPES.map((v) => ({ value: v, label: typeLabel(t, v) }))]}
        error={errors.type}
        required
      />
      <TextField
        label={t("documents.form.numberSymbol")}
        hint={t("documents.form.numberSymbolHint")}
        value={values.numberSymbol}
        onChange={(e) => set("numberSymbol", e.target.value)}
        maxLength={Limits.documentSymbolMax}
        autoCapitalize="characters"
        error={errors.numberSymbol}
      />
      <TextField
        label={t("documents.form.issuingBody")}
        hint={t("documents.form.issuingBodyHint")}
        value={values.issuingBody}
        onChange={(e) => set("issuingBody", e.target.value)}
        maxLength={Limits.documentIssuerMax}
        error={errors.issuingBody}
        required
      />
      <div className="doc-dates">
        <TextField label={t("documents.form.issuedOn")} type="date" value={values.issuedOn} onChange={(e) => set("issuedOn", e.target.value)} error={errors.issuedOn} required />
        <TextField label={t("documents.form.effectiveOn")} type="date" value={values.effectiveOn} onChange={(e) => set("effectiveOn", e.target.value)} error={errors.effectiveOn} />
      </div>
      <TextArea
        label={t("documents.form.summary")}
        hint={t("documents.form.summaryHint")}
        value={values.summary}
        onChange={(e) => set("summary", e.target.value)}
        maxLength={Limits.documentSummaryMax}
        rows={3}
        error={errors.summary}
        required
      />
      <SelectField
        label={t("documents.form.level")}
        value={values.level}
        onChange={(e) => set("level", isDocumentLevel(e.target.value) ? e.target.value : "")}
        options={[{ value: "", label: t("documents.form.levelDefault") }, ...DOCUMENT_LEVELS.map((v) => ({ value: v, label: levelLabel(t, v) }))]}
        error={errors.level}
      />
      <TextField
        label={t("documents.form.tags")}
        hint={t("documents.form.tagsHint", { max: Limits.documentTagsMax })}
        value={values.tags}
        onChange={(e) => set("tags", e.target.value)}
        error={errors.tags}
      />
      <Checkbox label={t("documents.form.committeeOnly")} hint={t("documents.form.committeeOnlyHint")} checked={values.committeeOnly} onChange={(e) => set("committeeOnly", e.target.checked)} />
      <DraftFields
        values={values}
        onChange={(change) => {
          setValues((v) => ({ ...v, ...change }));
          onChange();
        }}
        error={errors.feedbackUntil}
      />
      <FilesField
        files={files}
        confirmed={confirmed}
        onConfirm={(c) => {
          setConfirmed(c);
          onChange();
        }}
        error={errors.files}
      />
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="button-row">
        <Button type="submit" busy={busy} busyLabel={busyLabel}>
          {submitLabel}
        </Button>
        {extraActions}
      </div>
    </form>
  );
}
