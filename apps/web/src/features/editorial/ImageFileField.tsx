import type { TFunction } from "i18next";
import { useId } from "react";
import { useTranslation } from "react-i18next";
import { isApiError } from "../../api/errors";
import { errorMessage } from "../../i18n/errors";
import { IMAGE_TYPES } from "./api";

/** An upload's failure in words: too big (413), not a picture (415), or the usual messages. */
export function imageErrorMessage(t: TFunction, error: unknown): string {
  if (isApiError(error) && error.status === 413) return t("editorial.picture.tooBig");
  if (isApiError(error) && error.status === 415) return t("editorial.picture.notPicture");
  return errorMessage(t, error);
}

/** A labelled picture chooser (camera or files on a phone); hint and error are bound to it. */
export function ImageFileField({ label, onChange, error }: { label: string; onChange: (file: File | null) => void; error?: string }) {
  const { t } = useTranslation();
  const id = `image-${useId()}`;
  const hintId = `${id}-hint`;
  const errorId = error ? `${id}-error` : undefined;
  return (
    <div className={["field", error ? "field-invalid" : ""].filter(Boolean).join(" ")}>
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <p className="field-hint" id={hintId}>
        {t("editorial.picture.fileHint")}
      </p>
      <input
        id={id}
        type="file"
        className="input input-file"
        accept={IMAGE_TYPES.join(",")}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ")}
        onChange={(e) => onChange(e.target.files?.[0] ?? null)}
      />
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}
