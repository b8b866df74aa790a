import Image from "@tiptap/extension-image";
import Link from "@tiptap/extension-link";
import { type Editor, EditorContent, useEditor } from "@tiptap/react";
import StarterKit from "@tiptap/starter-kit";
import { type ReactNode, useId, useMemo } from "react";
import { EditorToolbar } from "./EditorToolbar";
import { stripPastedHtml } from "./pasteClean";

/** Pictures only from this server's files (what the server's sanitiser keeps); anything else is dropped on paste or load. */
export const SAFE_IMAGE_SRC = /^\/api\/files\/[\w-]+$/;
/** Links the server keeps: web, e-mail and telephone. */
export const SAFE_LINK = /^(https?:\/\/|mailto:|tel:)/i;

/**
 * Pictures from our own uploads only: pasted or loaded <img> elements pointing anywhere else are
 * not taken into the document at all (no request to a foreign host, nothing for the server to drop
 * silently), and the markdown-style input rule is off.
 */
const OwnImage = Image.extend({
  parseHTML() {
    return [{ tag: "img[src]", getAttrs: (el) => (SAFE_IMAGE_SRC.test((el as HTMLElement).getAttribute("src") ?? "") ? null : false) }];
  },
  addInputRules() {
    return [];
  },
});

/** Created once: TipTap compares option objects on every render. */
const EXTENSIONS = [
  StarterKit.configure({ heading: { levels: [2, 3] }, code: false, codeBlock: false, link: false }),
  Link.configure({
    openOnClick: false,
    autolink: true,
    defaultProtocol: "https",
    protocols: ["mailto", "tel"],
    isAllowedUri: (url) => SAFE_LINK.test(url),
    HTMLAttributes: { rel: "noopener noreferrer nofollow", target: "_blank", class: null },
  }),
  OwnImage.configure({ inline: false, allowBase64: false }),
];

export interface RichTextEditorProps {
  label: string;
  hint?: ReactNode;
  error?: string;
  /** The HTML to start from (read once, when the editor is created). */
  initialHtml: string;
  onChange: (html: string) => void;
}

/**
 * The article body editor (TipTap on ProseMirror): a labelled multi-line text box with a toolbar
 * for what the server's allow-list keeps (h2/h3, bold, italic, lists, quote, links, our own
 * pictures, undo/redo). TipTap's own <style> tag is not injected (the CSP has no 'unsafe-inline'
 * for styles): the same rules live in styles/editorial.css. Pasted HTML loses its handlers and
 * styles as text first (stripPastedHtml), is parsed by ProseMirror in an inert document, and only
 * what the schema knows is kept: no scripts, no event handlers, pictures only from this server.
 */
export function RichTextEditor({ label, hint, error, initialHtml, onChange }: RichTextEditorProps) {
  const id = `rte-${useId()}`;
  const labelId = `${id}-label`;
  const hintId = hint ? `${id}-hint` : undefined;
  const errorId = error ? `${id}-error` : undefined;
  const describedBy = [hintId, errorId].filter(Boolean).join(" ");

  const editorProps = useMemo(
    () => ({
      attributes: {
        id: `${id}-content`,
        class: "rte-content",
        role: "textbox",
        "aria-multiline": "true",
        "aria-labelledby": labelId,
        ...(describedBy ? { "aria-describedby": describedBy } : {}),
        ...(error ? { "aria-invalid": "true" } : {}),
      },
      transformPastedHTML: stripPastedHtml,
    }),
    [id, labelId, describedBy, error],
  );
  const editor = useEditor({
    injectCSS: false,
    extensions: EXTENSIONS,
    content: initialHtml,
    editorProps,
    // The latest props are applied on every render (TipTap's useEditor keeps the callback current).
    // The empty paragraph TipTap keeps after a picture at the end (so one can type there) is not content.
    onUpdate: ({ editor: e }) => onChange(e.isEmpty ? "" : e.getHTML().replace(/(<p><\/p>)+$/, "")),
  });

  return (
    <div className={["field", "rte", error ? "field-invalid" : ""].filter(Boolean).join(" ")} role="group" aria-labelledby={labelId}>
      <span className="field-label" id={labelId}>
        {label}
      </span>
      {hint && (
        <p className="field-hint" id={hintId}>
          {hint}
        </p>
      )}
      <div className="rte-frame">
        <EditorToolbar editor={editor} controls={`${id}-content`} />
        <EditorContent editor={editor} className="rte-scroll" />
      </div>
      {error && (
        <p className="field-error" id={errorId}>
          {error}
        </p>
      )}
    </div>
  );
}

export type { Editor };
