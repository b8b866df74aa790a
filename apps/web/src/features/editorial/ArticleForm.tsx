import { type FormEvent, type ReactNode, useEffect, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import type { ImageDto } from "@party/shared/schemas/files";
import type { AttachmentDto, UpdateArticleBody } from "@party/shared/schemas/news";
import { Limits } from "@party/shared/limits";
import { isApiError } from "../../api/errors";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { SelectField } from "../../components/SelectField";
import { TextArea } from "../../components/TextArea";
import { TextField } from "../../components/TextField";
import { useUnsavedChanges } from "../../components/useUnsavedChanges";
import { errorMessage, fieldMessage } from "../../i18n/errors";
import { focusFirstInvalid } from "../auth/focusFirstInvalid";
import { useCategories } from "./api";
import { type ChannelOption, channelOptionLabel } from "./labels";
import { CoverField } from "./CoverField";
import { RichTextEditor } from "./RichTextEditor";
import { FilesField, useFileEntries } from "../documents/FilesField";

export interface ArticleFormValues {
  unitId: string;
  title: string;
  summary: string;
  bodyHtml: string;
  categoryId: string;
  /** As typed: comma-separated. */
  tags: string;
  sourceLine: string;
  cover: ImageDto | null;
  coverAlt: string;
  /** Attached files in order: kept ones by file id, new ones by upload id. */
  attachments: AttachmentValue[];
}

/** An attached file as the form holds it. */
export interface AttachmentValue {
  fileId?: string;
  uploadId?: string;
  name: string;
  size: number;
  format?: AttachmentDto["format"];
}

type Field = "unitId" | "title" | "summary" | "bodyHtml" | "categoryId" | "tags" | "sourceLine" | "coverImageId" | "coverAlt" | "attachments";
const FIELDS: readonly Field[] = ["unitId", "title", "summary", "bodyHtml", "categoryId", "tags", "sourceLine", "coverImageId", "coverAlt", "attachments"];
const BOUNDS: Partial<Record<Field, { min?: number; max?: number }>> = {
  title: { min: 1, max: Limits.articleTitleMax },
  summary: { max: Limits.articleSummaryMax },
  sourceLine: { max: Limits.articleSourceMax },
  tags: { max: Limits.articleTagMax },
  coverAlt: { max: Limits.articleSummaryMax },
};

/** "a, b ,, a" → ["a", "b"]: trimmed, empty ones dropped, each once. */
export const parseTags = (text: string): string[] => [...new Set(text.split(",").map((tag) => tag.trim()).filter(Boolean))];

/** The form's values as the API takes them (PUT /articles/:id; POST adds unitId). */
export const toContent = (v: ArticleFormValues): UpdateArticleBody => ({
  title: v.title.trim(),
  summary: v.summary.trim(),
  bodyHtml: v.bodyHtml,
  categoryId: v.categoryId || null,
  tags: parseTags(v.tags),
  sourceLine: v.sourceLine.trim(),
  coverImageId: v.cover?.id ?? null,
  coverAlt: v.cover ? v.coverAlt.trim() : "",
  attachments: v.attachments.map((a) => (a.uploadId ? { uploadId: a.uploadId } : { fileId: a.fileId! })),
});

/** Whether two states of the form hold the same article (the cover compared by its picture). */
function sameValues(a: ArticleFormValues, b: ArticleFormValues): boolean {
  return (
    a.unitId === b.unitId && a.title === b.title && a.summary === b.summary && a.bodyHtml === b.bodyHtml && a.categoryId === b.categoryId &&
    a.tags === b.tags && a.sourceLine === b.sourceLine && (a.cover?.id ?? null) === (b.cover?.id ?? null) && a.coverAlt === b.coverAlt &&
    a.attachments.map((f) => f.uploadId ?? f.fileId).join() === b.attachments.map((f) => f.uploadId ?? f.fileId).join()
  );
}

/** Field problems of a 400 answer; a tag's problem (`tags.3`) is shown on the tags field. */
function serverFieldErrors(t: ReturnType<typeof useTranslation>["t"], error: unknown): Partial<Record<Field, string>> {
  if (!isApiError(error) || error.status !== 400) return {};
  const out: Partial<Record<Field, string>> = {};
  for (const [path, code] of Object.entries(error.fields)) {
    const field = path.split(".")[0] as Field;
    if (FIELDS.includes(field) && !out[field]) out[field] = fieldMessage(t, code, BOUNDS[field]);
  }
  return out;
}

export interface ArticleFormProps {
  initial: ArticleFormValues;
  /** The channel picker (new articles only); an existing article's channel does not change. */
  channels?: ChannelOption[];
  /** The channel's name, shown instead of the picker for an existing article. */
  channelName?: string;
  /** Saves a draft; resolves when saved (the page shows the outcome). */
  onSave: (values: ArticleFormValues) => void;
  /** Asks to save and send for approval (the page confirms first). */
  onSubmitForApproval?: (values: ArticleFormValues) => void;
  saving: boolean;
  /** The last save's or submission's failure: field problems go on the fields, others above the buttons. */
  error: unknown;
  /** Shown above the buttons after a successful save. */
  notice?: string | null;
  /** Extra actions after the main ones (e.g. "Xóa bản nháp"). */
  extraActions?: ReactNode;
}

/**
 * The article form (new and edit): channel, title, summary, category, tags, source line, cover
 * picture with its text alternative, and the body in the rich text editor. Checked here first
 * (lengths, required alt text), then by the server, whose field problems are shown on the fields.
 */
export function ArticleForm({ initial, channels, channelName, onSave, onSubmitForApproval, saving, error, notice, extraActions }: ArticleFormProps) {
  const { t } = useTranslation();
  const [values, setValues] = useState(initial);
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});
  const formRef = useRef<HTMLFormElement>(null);
  const categories = useCategories(values.unitId);
  const set = <K extends keyof ArticleFormValues>(key: K, value: ArticleFormValues[K]) => setValues((v) => ({ ...v, [key]: value }));
  // What the server holds: the initial values, then what the last successful save sent.
  const [saved, setSaved] = useState(initial);
  const sent = useRef<ArticleFormValues | null>(null);
  useEffect(() => {
    if (!saving && sent.current) {
      if (!error) setSaved(sent.current);
      sent.current = null;
    }
  }, [saving, error]);
  // Attachments upload at once, like a document's files; the list the server gets is the finished ones.
  const files = useFileEntries(initial.attachments.map((a) => ({ key: `a-${a.fileId}`, name: a.name, size: a.size, format: a.format, state: "attached" as const, progress: 1, fileId: a.fileId })));
  const [confirmed, setConfirmed] = useState(false);
  const { entries } = files;
  useEffect(() => {
    const done = entries.filter((e) => e.state === "attached" || e.state === "uploaded");
    setValues((v) => ({ ...v, attachments: done.map((e) => ({ fileId: e.fileId, uploadId: e.uploadId, name: e.name, size: e.size, format: e.format })) }));
  }, [entries]);
  const leaveGuard = useUnsavedChanges(!sameValues(values, saved));

  const validate = (): boolean => {
    const errors: Partial<Record<Field, string>> = {};
    const title = values.title.trim();
    if (!values.unitId) errors.unitId = t("fieldErrors.required");
    if (!title) errors.title = t("fieldErrors.required");
    else if (title.length > Limits.articleTitleMax) errors.title = t("fieldErrors.too_long", { max: Limits.articleTitleMax });
    if (values.summary.trim().length > Limits.articleSummaryMax) errors.summary = t("fieldErrors.too_long", { max: Limits.articleSummaryMax });
    if (values.sourceLine.trim().length > Limits.articleSourceMax) errors.sourceLine = t("fieldErrors.too_long", { max: Limits.articleSourceMax });
    const tags = parseTags(values.tags);
    if (tags.length > Limits.articleTagsMax) errors.tags = t("editorial.form.tooManyTags", { max: Limits.articleTagsMax });
    else if (tags.some((tag) => tag.length > Limits.articleTagMax)) errors.tags = t("editorial.form.tagTooLong", { max: Limits.articleTagMax });
    if (values.bodyHtml.length > Limits.articleBodyMax) errors.bodyHtml = t("editorial.form.bodyTooLong");
    if (values.cover && !values.coverAlt.trim()) errors.coverAlt = t("editorial.cover.altRequired");
    if (entries.some((e) => e.state === "uploading")) errors.attachments = t("documents.form.filesWaiting");
    else if (entries.some((e) => e.state === "refused")) errors.attachments = t("documents.form.filesRefused");
    setClientErrors(errors);
    if (Object.keys(errors).length > 0) {
      if (formRef.current) focusFirstInvalid(formRef.current);
      return false;
    }
    return true;
  };

  const save = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (validate()) {
      sent.current = values;
      onSave(values);
    }
  };

  const serverErrors = serverFieldErrors(t, error);
  const errors = { ...serverErrors, ...clientErrors };
  const failure = error && Object.keys(serverErrors).length === 0 ? errorMessage(t, error) : null;
  const categoryOptions = (categories.data ?? []).filter((c) => !c.archived || c.id === values.categoryId);

  return (
    <form ref={formRef} className="form article-form" noValidate onSubmit={save}>
      {leaveGuard}
      {channels ? (
        <SelectField
          label={t("editorial.form.channel")}
          value={values.unitId}
          onChange={(e) => setValues((v) => ({ ...v, unitId: e.target.value, categoryId: "" }))}
          options={[{ value: "", label: t("editorial.form.channelChoose") }, ...channels.map((o) => ({ value: o.unitId, label: channelOptionLabel(t, o) }))]}
          error={errors.unitId}
          required
        />
      ) : (
        <p className="article-form-channel">
          <span className="field-label">{t("editorial.form.channel")}: </span>
          {channelName}
        </p>
      )}
      {channels?.find((o) => o.unitId === values.unitId)?.proposal && (
        <Alert tone="info">{t("editorial.form.proposalNote", { from: channels.find((o) => o.unitId === values.unitId)?.from ?? "" })}</Alert>
      )}
      <TextField
        label={t("editorial.form.title")}
        value={values.title}
        onChange={(e) => set("title", e.target.value)}
        maxLength={Limits.articleTitleMax}
        error={errors.title}
        required
      />
      <TextArea
        label={t("editorial.form.summary")}
        hint={t("editorial.form.summaryHint")}
        value={values.summary}
        onChange={(e) => set("summary", e.target.value)}
        maxLength={Limits.articleSummaryMax}
        rows={3}
        error={errors.summary}
      />
      <SelectField
        label={t("editorial.form.category")}
        value={values.categoryId}
        onChange={(e) => set("categoryId", e.target.value)}
        options={[{ value: "", label: t("editorial.form.noCategory") }, ...categoryOptions.map((c) => ({ value: c.id, label: c.name }))]}
        error={errors.categoryId}
        disabled={!values.unitId}
      />
      <TextField
        label={t("editorial.form.tags")}
        hint={t("editorial.form.tagsHint", { max: Limits.articleTagsMax })}
        value={values.tags}
        onChange={(e) => set("tags", e.target.value)}
        error={errors.tags}
      />
      <TextField
        label={t("editorial.form.source")}
        hint={t("editorial.form.sourceHint")}
        value={values.sourceLine}
        onChange={(e) => set("sourceLine", e.target.value)}
        maxLength={Limits.articleSourceMax}
        error={errors.sourceLine}
      />
      <CoverField
        image={values.cover}
        alt={values.coverAlt}
        onImage={(image) => set("cover", image)}
        onAlt={(alt) => set("coverAlt", alt)}
        errors={{ image: errors.coverImageId, alt: errors.coverAlt }}
      />
      <FilesField
        files={files}
        confirmed={confirmed}
        onConfirm={setConfirmed}
        error={errors.attachments}
        legend={t("editorial.form.attachments")}
        hint={t("editorial.form.attachmentsHint", { max: Limits.articleAttachmentsMax })}
        max={Limits.articleAttachmentsMax}
      />
      <RichTextEditor
        label={t("editorial.form.body")}
        hint={t("editorial.form.bodyHint")}
        initialHtml={initial.bodyHtml}
        onChange={(html) => set("bodyHtml", html)}
        error={errors.bodyHtml}
      />
      {notice && <Alert tone="success">{notice}</Alert>}
      {failure && <Alert tone="error">{failure}</Alert>}
      <div className="button-row">
        <Button type="submit" variant="secondary" busy={saving} busyLabel={t("common.saving")}>
          {t("editorial.form.saveDraft")}
        </Button>
        {onSubmitForApproval && (
          <Button
            disabled={saving}
            onClick={() => {
              if (validate()) onSubmitForApproval(values);
            }}
          >
            {t("editorial.form.submit")}
          </Button>
        )}
        {extraActions}
      </div>
    </form>
  );
}
