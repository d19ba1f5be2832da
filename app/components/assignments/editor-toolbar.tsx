// The buttons over the writing area: headings, bold, italic, lists, quote and link, as Markdown edits of the
// textarea (markdown/toolbar.ts). Rendered only with JavaScript; without it the textarea is a plain one.
import type { KeyboardEvent } from "react";
import type { ToolbarAction } from "~/markdown/toolbar";

const BUTTONS: { action: ToolbarAction; label: string; text: string; className?: string }[] = [
  { action: "heading", label: "Tussenkop", text: "Kop" },
  { action: "bold", label: "Vet (Ctrl+B)", text: "B", className: "toolbar__bold" },
  { action: "italic", label: "Schuin (Ctrl+I)", text: "I", className: "toolbar__italic" },
  { action: "bullets", label: "Opsomming met bolletjes", text: "•  Lijst" },
  { action: "numbers", label: "Genummerde lijst", text: "1. Lijst" },
  { action: "quote", label: "Citaat", text: "“ Citaat" },
  { action: "link", label: "Link", text: "Link" },
];

export function EditorToolbar({ onAction, controls }: { onAction: (action: ToolbarAction) => void; controls: string }) {
  return (
    <div className="toolbar" role="toolbar" aria-label="Opmaak" aria-controls={controls}>
      {BUTTONS.map((button) => (
        <button
          key={button.action}
          type="button"
          className={`toolbar__button ${button.className ?? ""}`}
          aria-label={button.label}
          title={button.label}
          // Keep the selection in the textarea: the button must not take the focus on pointer down.
          onMouseDown={(event) => event.preventDefault()}
          onClick={() => onAction(button.action)}
        >
          <span aria-hidden="true">{button.text}</span>
        </button>
      ))}
    </div>
  );
}

/** Ctrl+B / Cmd+B and Ctrl+I / Cmd+I in the textarea. */
export function shortcutAction(event: KeyboardEvent): ToolbarAction | null {
  if (!(event.ctrlKey || event.metaKey) || event.altKey || event.shiftKey) return null;
  const key = event.key.toLowerCase();
  return key === "b" ? "bold" : key === "i" ? "italic" : null;
}
