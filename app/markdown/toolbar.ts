// What the editor's toolbar does to the text: plain Markdown edits on a textarea's value and selection, so the
// stored text stays the same safe Markdown (see markdown.ts). Pure: unit-tested, used by the editor.

export type Edit = { value: string; start: number; end: number };
export type ToolbarAction = "heading" | "bold" | "italic" | "bullets" | "numbers" | "quote" | "link";

/** Wraps the selection in `marker` (or unwraps it when it is wrapped already); an empty selection gets `placeholder`. */
function wrap(edit: Edit, marker: string, placeholder: string): Edit {
  const { value, start, end } = edit;
  const before = value.slice(start - marker.length, start);
  const after = value.slice(end, end + marker.length);
  if (start !== end && before === marker && after === marker) {
    return {
      value: value.slice(0, start - marker.length) + value.slice(start, end) + value.slice(end + marker.length),
      start: start - marker.length,
      end: end - marker.length,
    };
  }
  const selected = value.slice(start, end) || placeholder;
  return {
    value: value.slice(0, start) + marker + selected + marker + value.slice(end),
    start: start + marker.length,
    end: start + marker.length + selected.length,
  };
}

/** Gives every line touched by the selection a prefix, or takes it away when all of them have it already. */
function prefixLines(edit: Edit, prefixFor: (index: number) => string, pattern: RegExp): Edit {
  const { value } = edit;
  const lineStart = value.lastIndexOf("\n", edit.start - 1) + 1;
  const nextBreak = value.indexOf("\n", edit.end > edit.start ? edit.end - 1 : edit.end);
  const lineEnd = nextBreak === -1 ? value.length : nextBreak;
  const lines = value.slice(lineStart, lineEnd).split("\n");
  const remove = lines.every((line) => pattern.test(line));
  const changed = lines.map((line, i) => (remove ? line.replace(pattern, "") : prefixFor(i) + line)).join("\n");
  const result = value.slice(0, lineStart) + changed + value.slice(lineEnd);
  return { value: result, start: lineStart, end: lineStart + changed.length };
}

function link(edit: Edit): Edit {
  const { value, start, end } = edit;
  const text = value.slice(start, end) || "tekst van de link";
  const address = "https://";
  const inserted = `[${text}](${address})`;
  const addressAt = start + text.length + 3;
  return {
    value: value.slice(0, start) + inserted + value.slice(end),
    start: addressAt,
    end: addressAt + address.length,
  };
}

export function applyToolbar(action: ToolbarAction, edit: Edit): Edit {
  switch (action) {
    case "bold":
      return wrap(edit, "**", "vetgedrukte tekst");
    case "italic":
      return wrap(edit, "*", "schuine tekst");
    case "heading":
      return prefixLines(edit, () => "## ", /^#{1,6} /);
    case "bullets":
      return prefixLines(edit, () => "- ", /^[-*] /);
    case "numbers":
      return prefixLines(edit, (i) => `${i + 1}. `, /^\d+\. /);
    case "quote":
      return prefixLines(edit, () => "> ", /^> ?/);
    case "link":
      return link(edit);
  }
}
