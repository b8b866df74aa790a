import { useTranslation } from "react-i18next";
import type { ImageDto } from "@party/shared/schemas/files";
import { Limits } from "@party/shared/limits";
import { Alert } from "../../components/Alert";
import { Button } from "../../components/Button";
import { TextField } from "../../components/TextField";
import { CoverImage } from "../news/CoverImage";
import { useUploadImage } from "./api";
import { ImageFileField, imageErrorMessage } from "./ImageFileField";

export interface CoverFieldProps {
  image: ImageDto | null;
  alt: string;
  onImage: (image: ImageDto | null) => void;
  onAlt: (alt: string) => void;
  errors: { image?: string; alt?: string };
}

/**
 * The article's cover picture: chosen, uploaded at once (POST /api/images), previewed in its
 * responsive widths, with its text alternative (required while there is a picture).
 */
export function CoverField({ image, alt, onImage, onAlt, errors }: CoverFieldProps) {
  const { t } = useTranslation();
  const upload = useUploadImage();

  const choose = (file: File | null) => {
    upload.reset();
    if (file) upload.mutate(file, { onSuccess: onImage });
  };

  return (
    <fieldset className="fieldset cover-field">
      <legend className="field-label">{t("editorial.cover.legend")}</legend>
      <ImageFileField label={image ? t("editorial.cover.replace") : t("editorial.cover.choose")} onChange={choose} error={errors.image} />
      <p className="meta" role="status">
        {upload.isPending ? t("editorial.picture.uploading") : upload.isSuccess ? t("editorial.cover.uploaded") : ""}
      </p>
      {upload.error && <Alert tone="error">{imageErrorMessage(t, upload.error)}</Alert>}
      {image && (
        <>
          <figure className="cover-preview">
            <CoverImage image={image} alt={alt} sizes="(min-width: 40em) 24rem, 100vw" />
            <figcaption className="meta">{t("editorial.cover.preview", { width: image.width, height: image.height })}</figcaption>
          </figure>
          <TextField
            label={t("editorial.cover.alt")}
            hint={t("editorial.cover.altHint")}
            value={alt}
            onChange={(e) => onAlt(e.target.value)}
            maxLength={Limits.articleSummaryMax}
            error={errors.alt}
            required
          />
          <Button
            variant="secondary"
            onClick={() => {
              upload.reset();
              onImage(null);
              onAlt("");
            }}
          >
            {t("editorial.cover.remove")}
          </Button>
        </>
      )}
    </fieldset>
  );
}
