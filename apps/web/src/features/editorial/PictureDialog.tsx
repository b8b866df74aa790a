import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Alert } from "../../components/Alert";
import { TextField } from "../../components/TextField";
import { variantFor } from "../news/CoverImage";
import { useUploadImage } from "./api";
import { FormDialog } from "../../components/FormDialog";
import { ImageFileField, imageErrorMessage } from "./ImageFileField";

/** Width of the variant put into an article's body: sharp enough on a phone at 2x, light enough on a slow line. */
const BODY_IMAGE_WIDTH = 960;

/**
 * Uploads a picture (POST /api/images) and inserts it into the body as <img src="/api/files/…"
 * alt="…"> in its 960 px variant. The text alternative is required: it is what a screen reader
 * says instead of the picture.
 */
export function PictureDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const upload = useUploadImage();
  const [file, setFile] = useState<File | null>(null);
  const [alt, setAlt] = useState("");
  const [errors, setErrors] = useState<{ file?: string; alt?: string }>({});
  const { reset } = upload;

  useEffect(() => {
    if (!open) return;
    setFile(null);
    setAlt("");
    setErrors({});
    reset();
  }, [open, reset]);

  const insert = () => {
    const text = alt.trim();
    const next = { file: file ? undefined : t("editorial.picture.fileRequired"), alt: text ? undefined : t("editorial.picture.altRequired") };
    setErrors(next);
    if (!file || !text) return;
    upload.mutate(file, {
      onSuccess: (image) => {
        const variant = variantFor(image, BODY_IMAGE_WIDTH);
        if (!variant) return;
        editor.chain().focus().setImage({ src: variant.url, alt: text, width: variant.width, height: variant.height }).run();
        onClose();
      },
    });
  };

  return (
    <FormDialog
      open={open}
      title={t("editorial.picture.title")}
      submitLabel={t("editorial.picture.insert")}
      busy={upload.isPending}
      busyLabel={t("editorial.picture.uploading")}
      onSubmit={insert}
      onCancel={onClose}
      footer={upload.error ? <Alert tone="error">{imageErrorMessage(t, upload.error)}</Alert> : null}
    >
      <ImageFileField label={t("editorial.picture.file")} onChange={setFile} error={errors.file} />
      <TextField
        label={t("editorial.picture.alt")}
        hint={t("editorial.picture.altHint")}
        value={alt}
        onChange={(e) => setAlt(e.target.value)}
        maxLength={300}
        error={errors.alt}
        required
      />
    </FormDialog>
  );
}
