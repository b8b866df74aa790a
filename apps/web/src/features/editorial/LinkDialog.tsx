import type { Editor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "../../components/Button";
import { TextField } from "../../components/TextField";
import { FormDialog } from "../../components/FormDialog";
import { SAFE_LINK } from "./RichTextEditor";

/** "example.org/x" → "https://example.org/x"; anything with a scheme stays as typed. */
const withScheme = (value: string) => (/^[a-z][a-z0-9+.-]*:/i.test(value) ? value : `https://${value.replace(/^\/+/, "")}`);

/**
 * Adds, changes or removes the link on the selected text. With nothing selected, the address
 * itself is inserted as the link's text. Only web, e-mail and telephone links are accepted.
 */
export function LinkDialog({ editor, open, onClose }: { editor: Editor; open: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const [url, setUrl] = useState("");
  const [error, setError] = useState<string | undefined>();
  const [existing, setExisting] = useState(false);

  useEffect(() => {
    if (!open) return;
    const href = (editor.getAttributes("link").href as string | undefined) ?? "";
    setUrl(href);
    setExisting(href !== "");
    setError(undefined);
  }, [open, editor]);

  const apply = () => {
    const value = url.trim();
    if (!value) return setError(t("fieldErrors.required"));
    const href = withScheme(value);
    if (!SAFE_LINK.test(href) || /\s/.test(href)) return setError(t("editorial.editor.linkInvalid"));
    const chain = editor.chain().focus();
    if (editor.state.selection.empty && !editor.isActive("link")) {
      chain.insertContent({ type: "text", text: value, marks: [{ type: "link", attrs: { href } }] }).run();
    } else {
      chain.extendMarkRange("link").setLink({ href }).run();
    }
    onClose();
  };

  const remove = () => {
    editor.chain().focus().extendMarkRange("link").unsetLink().run();
    onClose();
  };

  return (
    <FormDialog
      open={open}
      title={existing ? t("editorial.editor.linkEditTitle") : t("editorial.editor.linkTitle")}
      submitLabel={t("editorial.editor.linkApply")}
      onSubmit={apply}
      onCancel={onClose}
      extraActions={
        existing && (
          <Button variant="secondary" onClick={remove}>
            {t("editorial.editor.linkRemove")}
          </Button>
        )
      }
    >
      <TextField
        label={t("editorial.editor.linkUrl")}
        hint={t("editorial.editor.linkHint")}
        type="url"
        inputMode="url"
        value={url}
        onChange={(e) => setUrl(e.target.value)}
        error={error}
        autoComplete="off"
        required
      />
    </FormDialog>
  );
}
