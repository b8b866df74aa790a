import { type FormEvent, useState } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/errors";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { Checkbox } from "../../components/Checkbox";
import { TextField } from "../../components/TextField";
import { errorMessage, fieldMessage } from "../../i18n/errors";
import { fromHanoiInput, toHanoiInput } from "../../i18n/format";
import { focusFirstInvalid } from "../auth/focusFirstInvalid";
import type { ArticleDto } from "../news/api";
import { useArticleTransition } from "./api";

type Field = "publishAt" | "unpublishAt" | "guidancePinnedUntil";
const FIELDS: readonly Field[] = ["publishAt", "unpublishAt", "guidancePinnedUntil"];
/** The server's codes for the approval's times, with their own sentences. */
const TIME_CODES = new Set(["in_past", "already_published", "too_early"]);

/** An hour from now, on the hour, in Vietnam time: a sensible first value for a time field. */
const nextHour = () => toHanoiInput(new Date(Math.ceil(Date.now() / 3_600_000) * 3_600_000 + 3_600_000));

/**
 * Approving the submitted revision: publish now or at a time (not for an article already live,
 * whose new revision replaces the published one at once), optionally take it down later, and
 * optionally mark it as guidance pinned on top of the feed (everyone in the audience is notified).
 * Times are typed in Vietnam time and sent with the +07:00 offset; the server says when one is in
 * the past or too early, on that field.
 */
export function ApproveForm({ article, onDone }: { article: ArticleDto; onDone: () => void }) {
  const { t } = useTranslation();
  const approve = useArticleTransition(article.id);
  const live = article.status === "published";
  const [when, setWhen] = useState<"now" | "later">("now");
  const [publishAt, setPublishAt] = useState(nextHour);
  const [unpublish, setUnpublish] = useState(false);
  const [unpublishAt, setUnpublishAt] = useState("");
  const [guidance, setGuidance] = useState(false);
  const [pinnedUntil, setPinnedUntil] = useState("");
  const [clientErrors, setClientErrors] = useState<Partial<Record<Field, string>>>({});

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const errors: Partial<Record<Field, string>> = {};
    const read = (field: Field, on: boolean, value: string) => {
      if (!on) return null;
      const iso = fromHanoiInput(value);
      if (!iso) errors[field] = value.trim() ? t("editorial.approve.badTime") : t("fieldErrors.required");
      return iso;
    };
    const body = {
      publishAt: read("publishAt", !live && when === "later", publishAt),
      unpublishAt: read("unpublishAt", unpublish, unpublishAt),
      guidancePinnedUntil: read("guidancePinnedUntil", guidance, pinnedUntil),
    };
    setClientErrors(errors);
    approve.reset();
    if (Object.keys(errors).length > 0) return focusFirstInvalid(form);
    approve.mutate({ action: "approve", body }, { onSuccess: onDone, onError: () => focusFirstInvalid(form) });
  };

  const serverErrors: Partial<Record<Field, string>> = {};
  if (isApiError(approve.error) && approve.error.status === 400) {
    for (const field of FIELDS) {
      const code = approve.error.fields[field];
      if (code) serverErrors[field] = TIME_CODES.has(code) ? t(`editorial.approve.errors.${code as "in_past" | "already_published" | "too_early"}`) : fieldMessage(t, code);
    }
  }
  const errors = { ...serverErrors, ...clientErrors };
  const failure = approve.error && Object.keys(serverErrors).length === 0 ? errorMessage(t, approve.error) : null;

  return (
    <form className="form approve-form" noValidate onSubmit={submit}>
      <p className="meta">{t("editorial.approve.timeZone")}</p>
      {live ? (
        <p>{t("editorial.approve.replacesLive")}</p>
      ) : (
        <fieldset className="fieldset">
          <legend className="field-label">{t("editorial.approve.when")}</legend>
          <div className="radio-list">
            <label className="radio">
              <input type="radio" name="approve-when" value="now" checked={when === "now"} onChange={() => setWhen("now")} />
              <span>{t("editorial.approve.now")}</span>
            </label>
            <label className="radio">
              <input type="radio" name="approve-when" value="later" checked={when === "later"} onChange={() => setWhen("later")} />
              <span>{t("editorial.approve.later")}</span>
            </label>
          </div>
        </fieldset>
      )}
      {!live && when === "later" && (
        <TextField label={t("editorial.approve.publishAt")} type="datetime-local" value={publishAt} onChange={(e) => setPublishAt(e.target.value)} error={errors.publishAt} required />
      )}
      <Checkbox label={t("editorial.approve.unpublish")} checked={unpublish} onChange={(e) => setUnpublish(e.target.checked)} />
      {unpublish && (
        <TextField label={t("editorial.approve.unpublishAt")} type="datetime-local" value={unpublishAt} onChange={(e) => setUnpublishAt(e.target.value)} error={errors.unpublishAt} required />
      )}
      <Checkbox label={t("editorial.approve.guidance")} hint={t("editorial.approve.guidanceHint")} checked={guidance} onChange={(e) => setGuidance(e.target.checked)} />
      {guidance && (
        <TextField
          label={t("editorial.approve.pinnedUntil")}
          type="datetime-local"
          value={pinnedUntil}
          onChange={(e) => setPinnedUntil(e.target.value)}
          error={errors.guidancePinnedUntil}
          required
        />
      )}
      {failure && <Alert tone="error">{failure}</Alert>}
      <Button type="submit" busy={approve.isPending} busyLabel={t("common.saving")}>
        {!live && when === "later" ? t("editorial.approve.submitLater") : t("editorial.approve.submitNow")}
      </Button>
    </form>
  );
}
