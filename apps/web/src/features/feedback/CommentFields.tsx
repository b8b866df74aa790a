import type { TFunction } from "i18next";
import { useTranslation } from "react-i18next";
import { FeedbackLimits } from "@party/shared/limits";
import { TextArea } from "../../components/TextArea";
import { TextField } from "../../components/TextField";
import { fieldErrorsOf } from "../../i18n/errors";
import type { CommentDto, CommentInput } from "./api";

/** A comment as typed: the page as text. */
export interface CommentValues {
  body: string;
  section: string;
  page: string;
  quote: string;
}
export type CommentField = keyof CommentValues;
export type CommentErrors = Partial<Record<CommentField, string>>;

export const EMPTY_COMMENT: CommentValues = { body: "", section: "", page: "", quote: "" };

export const valuesOfComment = (c: CommentDto): CommentValues => ({
  body: c.body,
  section: c.section ?? "",
  page: c.page === null ? "" : String(c.page),
  quote: c.quote ?? "",
});

const BOUNDS = { body: { max: FeedbackLimits.bodyMax }, section: { max: FeedbackLimits.sectionMax }, quote: { max: FeedbackLimits.quoteMax } };

/** The comment as the API takes it, or the problems with what was typed (mirrors CreateCommentBody). */
export function checkComment(t: TFunction, v: CommentValues): { ok: CommentInput } | { errors: CommentErrors } {
  const errors: CommentErrors = {};
  const text = (field: "body" | "section" | "quote") => {
    const value = v[field].trim();
    if (value.length > BOUNDS[field].max) errors[field] = t("fieldErrors.too_long", { max: BOUNDS[field].max });
    return value || null;
  };
  const body = text("body");
  if (!body) errors.body = t("fieldErrors.required");
  const section = text("section");
  const quote = text("quote");
  const pageText = v.page.trim();
  const page = pageText ? Number(pageText) : null;
  if (page !== null && (!/^\d{1,6}$/.test(pageText) || page < 1 || page > FeedbackLimits.pageMax)) errors.page = t("feedback.form.pageInvalid");
  return Object.keys(errors).length > 0 ? { errors } : { ok: { body: body ?? "", section, page, quote } };
}

/** The field problems of a 400 answer, in the user's language. */
export const serverCommentErrors = (t: TFunction, error: unknown): CommentErrors => fieldErrorsOf(t, error, ["body", "section", "page", "quote"], {}, BOUNDS);

/**
 * The comment's fields: what the member says first, then, optionally, where: a section ("Điều 3"),
 * a page, a quoted passage. Leaving them empty comments on the whole draft.
 */
export function CommentFields({ values, onChange, errors }: { values: CommentValues; onChange: (v: CommentValues) => void; errors: CommentErrors }) {
  const { t } = useTranslation();
  const set = (field: CommentField) => (e: { target: { value: string } }) => onChange({ ...values, [field]: e.target.value });
  return (
    <>
      <TextArea label={t("feedback.form.body")} value={values.body} onChange={set("body")} maxLength={FeedbackLimits.bodyMax} rows={4} error={errors.body} required />
      <fieldset className="fieldset fb-where">
        <legend className="field-label">{t("feedback.form.where")}</legend>
        <p className="field-hint">{t("feedback.form.whereHint")}</p>
        <div className="fb-where-row">
          <TextField
            label={t("feedback.form.section")}
            hint={t("feedback.form.sectionHint")}
            value={values.section}
            onChange={set("section")}
            maxLength={FeedbackLimits.sectionMax}
            error={errors.section}
            className="fb-section"
          />
          <TextField label={t("feedback.form.page")} value={values.page} onChange={set("page")} inputMode="numeric" maxLength={6} error={errors.page} className="fb-page" />
        </div>
        <TextArea label={t("feedback.form.quote")} hint={t("feedback.form.quoteHint")} value={values.quote} onChange={set("quote")} maxLength={FeedbackLimits.quoteMax} rows={2} error={errors.quote} />
      </fieldset>
    </>
  );
}
