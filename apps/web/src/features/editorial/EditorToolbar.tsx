import { type Editor, useEditorState } from "@tiptap/react";
import { type KeyboardEvent, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { LinkDialog } from "./LinkDialog";
import { PictureDialog } from "./PictureDialog";
import { ToolIcon, type ToolIconName } from "./ToolIcon";

interface Tool {
  key: string;
  /** The button's name (visually hidden; the icon beside it is for the eye). */
  label: string;
  icon: ToolIconName;
  /** Keyboard shortcut, shown as a tooltip. */
  shortcut?: string;
  /** Set for toggles: announced as aria-pressed. */
  pressed?: boolean;
  disabled?: boolean;
  run: () => void;
  /** Opens a dialog (announced with aria-haspopup). */
  dialog?: boolean;
}

/**
 * The editor's toolbar, one tab stop (WAI-ARIA toolbar pattern): arrow keys, Home and End move
 * between buttons; toggles say whether they are on (aria-pressed). Buttons keep the text
 * selection (no focus steal on mouse down) and hand focus back to the text after acting.
 */
export function EditorToolbar({ editor, controls }: { editor: Editor; controls: string }) {
  const { t } = useTranslation();
  const [active, setActive] = useState(0);
  const [dialog, setDialog] = useState<"link" | "picture" | null>(null);
  const buttons = useRef<(HTMLButtonElement | null)[]>([]);

  const state = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      h2: e.isActive("heading", { level: 2 }),
      h3: e.isActive("heading", { level: 3 }),
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      canUndo: e.can().undo(),
      canRedo: e.can().redo(),
    }),
  });

  const chain = () => editor.chain().focus();
  const tools: Tool[] = [
    { key: "h2", label: t("editorial.editor.h2"), icon: "h2", pressed: state.h2, run: () => chain().toggleHeading({ level: 2 }).run() },
    { key: "h3", label: t("editorial.editor.h3"), icon: "h3", pressed: state.h3, run: () => chain().toggleHeading({ level: 3 }).run() },
    { key: "bold", label: t("editorial.editor.bold"), icon: "bold", shortcut: "Ctrl+B", pressed: state.bold, run: () => chain().toggleBold().run() },
    { key: "italic", label: t("editorial.editor.italic"), icon: "italic", shortcut: "Ctrl+I", pressed: state.italic, run: () => chain().toggleItalic().run() },
    { key: "ul", label: t("editorial.editor.bulletList"), icon: "ul", pressed: state.bulletList, run: () => chain().toggleBulletList().run() },
    { key: "ol", label: t("editorial.editor.orderedList"), icon: "ol", pressed: state.orderedList, run: () => chain().toggleOrderedList().run() },
    { key: "quote", label: t("editorial.editor.quote"), icon: "quote", pressed: state.blockquote, run: () => chain().toggleBlockquote().run() },
    { key: "link", label: t("editorial.editor.link"), icon: "link", pressed: state.link, dialog: true, run: () => setDialog("link") },
    { key: "picture", label: t("editorial.editor.picture"), icon: "picture", dialog: true, run: () => setDialog("picture") },
    { key: "undo", label: t("editorial.editor.undo"), icon: "undo", shortcut: "Ctrl+Z", disabled: !state.canUndo, run: () => chain().undo().run() },
    { key: "redo", label: t("editorial.editor.redo"), icon: "redo", shortcut: "Ctrl+Shift+Z", disabled: !state.canRedo, run: () => chain().redo().run() },
  ];

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const last = tools.length - 1;
    const next =
      event.key === "ArrowRight" ? (active >= last ? 0 : active + 1) : event.key === "ArrowLeft" ? (active <= 0 ? last : active - 1) : event.key === "Home" ? 0 : event.key === "End" ? last : null;
    if (next === null) return;
    event.preventDefault();
    setActive(next);
    buttons.current[next]?.focus();
  };

  const closeDialog = () => {
    setDialog(null);
    editor.commands.focus();
  };

  return (
    <>
      <div className="rte-toolbar" role="toolbar" aria-label={t("editorial.editor.toolbar")} aria-controls={controls} onKeyDown={move}>
        {tools.map((tool, i) => (
          <button
            key={tool.key}
            ref={(el) => {
              buttons.current[i] = el;
            }}
            type="button"
            className={["rte-button", tool.key === "undo" ? "rte-button-group" : ""].filter(Boolean).join(" ")}
            tabIndex={i === active ? 0 : -1}
            aria-pressed={tool.pressed}
            aria-disabled={tool.disabled || undefined}
            aria-haspopup={tool.dialog ? "dialog" : undefined}
            title={tool.shortcut ? `${tool.label} (${tool.shortcut})` : tool.label}
            onMouseDown={(e) => e.preventDefault()}
            onFocus={() => setActive(i)}
            onClick={() => {
              if (!tool.disabled) tool.run();
            }}
          >
            <ToolIcon name={tool.icon} />
            <span className="visually-hidden">{tool.label}</span>
          </button>
        ))}
      </div>
      <LinkDialog editor={editor} open={dialog === "link"} onClose={closeDialog} />
      <PictureDialog editor={editor} open={dialog === "picture"} onClose={closeDialog} />
    </>
  );
}
