import { useTranslation } from "react-i18next";
import { Checkbox } from "../../components/Checkbox";
import { TextField } from "../../components/TextField";

export interface DraftValues {
  /** A draft for feedback (dự thảo lấy ý kiến). */
  draft: boolean;
  /** The deadline as an <input type="datetime-local"> holds it, in Vietnam time. */
  feedbackUntil: string;
  /** Members see their cell's other comments (visibility 'all'). */
  feedbackShared: boolean;
}

interface Props {
  values: DraftValues;
  onChange: (change: Partial<DraftValues>) => void;
  error?: string;
}

/** "Dự thảo lấy ý kiến": the switch, then the deadline and who sees the comments. */
export function DraftFields({ values, onChange, error }: Props) {
  const { t } = useTranslation();
  return (
    <fieldset className="doc-draft">
      <legend className="visually-hidden">{t("documents.form.draft")}</legend>
      <Checkbox label={t("documents.form.draft")} hint={t("documents.form.draftHint")} checked={values.draft} onChange={(e) => onChange({ draft: e.target.checked })} />
      {values.draft && (
        <>
          <TextField label={t("documents.form.feedbackUntil")} type="datetime-local" value={values.feedbackUntil} onChange={(e) => onChange({ feedbackUntil: e.target.value })} error={error} required />
          <Checkbox
            label={t("documents.form.feedbackShared")}
            hint={t("documents.form.feedbackSharedHint")}
            checked={values.feedbackShared}
            onChange={(e) => onChange({ feedbackShared: e.target.checked })}
          />
        </>
      )}
    </fieldset>
  );
}
