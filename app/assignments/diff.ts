// What changed between two handed-in versions, word by word, for the grading screen. Pure.

export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

/** Above this many token pairs the changed middle is shown as one replaced block instead of word by word. */
const MAX_CELLS = 4_000_000;

function tokens(text: string): string[] {
  return text.split(/(\s+)/).filter((t) => t !== "");
}

function push(parts: DiffPart[], kind: DiffPart["kind"], text: string) {
  if (!text) return;
  const last = parts[parts.length - 1];
  if (last?.kind === kind) last.text += text;
  else parts.push({ kind, text });
}

/** Words (and the whitespace between them) kept, removed and added from `before` to `after`. */
export function diffWords(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  let start = 0;
  while (start < a.length && start < b.length && a[start] === b[start]) start++;
  let endA = a.length;
  let endB = b.length;
  while (endA > start && endB > start && a[endA - 1] === b[endB - 1]) {
    endA--;
    endB--;
  }
  const parts: DiffPart[] = [];
  push(parts, "same", a.slice(0, start).join(""));
  const midA = a.slice(start, endA);
  const midB = b.slice(start, endB);
  if (midA.length * midB.length > MAX_CELLS) {
    push(parts, "removed", midA.join(""));
    push(parts, "added", midB.join(""));
  } else {
    // Longest common subsequence, filled from the end so the walk below goes forwards.
    const width = midB.length + 1;
    const lcs = new Uint32Array((midA.length + 1) * width);
    // Every cell asked for lies inside the table; the last row and column stay 0.
    const cell = (i: number, j: number) => lcs[i * width + j] ?? 0;
    for (let i = midA.length - 1; i >= 0; i--) {
      for (let j = midB.length - 1; j >= 0; j--) {
        lcs[i * width + j] = midA[i] === midB[j] ? cell(i + 1, j + 1) + 1 : Math.max(cell(i + 1, j), cell(i, j + 1));
      }
    }
    let i = 0;
    let j = 0;
    for (;;) {
      const wordA = midA[i];
      const wordB = midB[j];
      if (wordA === undefined && wordB === undefined) break;
      if (wordA !== undefined && wordA === wordB) {
        push(parts, "same", wordA);
        i++;
        j++;
      } else if (wordB !== undefined && (wordA === undefined || cell(i, j + 1) >= cell(i + 1, j))) {
        push(parts, "added", wordB);
        j++;
      } else if (wordA !== undefined) {
        push(parts, "removed", wordA);
        i++;
      }
    }
  }
  push(parts, "same", a.slice(endA).join(""));
  return parts;
}

/** Counts of added and removed words, for a one-line summary. */
export function diffSummary(parts: DiffPart[]) {
  const words = (kind: DiffPart["kind"]) =>
    parts.filter((p) => p.kind === kind).reduce((n, p) => n + tokens(p.text).filter((t) => t.trim()).length, 0);
  return { added: words("added"), removed: words("removed") };
}
