// How long a text is, in words, against the length an assignment asks for (frontmatter `words: [min, max]`).
// Pure, so the editor (live, while typing), the hand-in confirmation and the server count the same way.
import { formatNumber } from "~/format";

/** The words a reader would count: Markdown signs (#, *, >, -, 1., link addresses) are not words. */
export function countWords(markdown: string): number {
  const text = markdown
    .replace(/\]\([^)]*\)/g, "]") // [tekst](https://…): only the text counts
    .replace(/https?:\/\/\S+/g, " ")
    .replace(/^[ \t]*(?:>[ \t]*)*(?:\d+[.)]|[-*+])?[ \t]+/gm, ""); // list numbers and quote signs
  return text.match(/[\p{L}\p{N}]+(?:['’\-.][\p{L}\p{N}]+)*/gu)?.length ?? 0;
}

export type WordRange = readonly [number, number] | null;
export type LengthTone = "under" | "within" | "over" | "none";

/** Where a count stands: "812 van 1000–1500 woorden" and how it compares, for the editor and the confirmation. */
export function lengthStatus(count: number, range: WordRange): { label: string; detail: string; tone: LengthTone } {
  if (!range) return { label: `${formatNumber(count)} ${count === 1 ? "woord" : "woorden"}`, detail: "", tone: "none" };
  const [min, max] = range;
  const label = `${formatNumber(count)} van ${formatNumber(min)}–${formatNumber(max)} woorden`;
  if (count < min) return { label, detail: `nog ${formatNumber(min - count)} te gaan`, tone: "under" };
  if (count > max) return { label, detail: `${formatNumber(count - max)} meer dan gevraagd`, tone: "over" };
  return { label, detail: "binnen de gevraagde lengte", tone: "within" };
}

/** The warning before handing in a text that is shorter than asked, or null when it is long enough. */
export function tooShortWarning(count: number, range: WordRange): string | null {
  if (!range || count >= range[0]) return null;
  return `Je tekst is korter dan gevraagd (${formatNumber(count)} van minimaal ${formatNumber(range[0])} woorden). Toch inleveren?`;
}
