// Splitting a module's MDX into its `##` sections: the units of progress, search and the table of contents.
// Pure, shared by the compiler and the page so anchors always agree.

export type Section = { anchor: string; heading: string; text: string };

/** "Wat is de sociale basis?" → "wat-is-de-sociale-basis". Stable: the anchor of a heading never changes by itself. */
export function slugify(heading: string): string {
  return heading
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 80) || "sectie";
}

/** Markdown and MDX to the words a reader reads: for search and word counts. */
export function plainText(mdx: string): string {
  return mdx
    .replace(/^import .*$/gm, " ")
    .replace(/<Wijknaam\s*\/>/g, "je wijk")
    .replace(/<\/?[A-Z][^>]*>/g, " ")
    .replace(/<\/?[a-z][^>]*>/g, " ")
    .replace(/!\[[^\]]*]\([^)]*\)/g, " ")
    .replace(/\[([^\]]+)]\([^)]*\)/g, "$1")
    .replace(/[*_`>#|]/g, " ")
    .replace(/\s+/g, " ")
    .trim();
}

/**
 * The sections of a module body: the text before the first `##` is the introduction (anchor "inleiding"),
 * every `##` heading starts a section. Duplicate headings get -2, -3 on their anchor.
 */
export function splitSections(body: string, introHeading: string): { intro: Section; sections: Section[] } {
  const lines = body.split("\n");
  const introLines: string[] = [];
  const chunks: { heading: string; lines: string[] }[] = [];
  let inFence = false;
  for (const line of lines) {
    if (/^```/.test(line)) inFence = !inFence;
    const heading = inFence ? undefined : /^##\s+(.+?)\s*#*\s*$/.exec(line)?.[1];
    if (heading !== undefined) chunks.push({ heading, lines: [] });
    else (chunks.at(-1)?.lines ?? introLines).push(line);
  }
  const used = new Map<string, number>();
  const sections = chunks.map((chunk) => {
    const heading = plainText(chunk.heading);
    const base = slugify(heading);
    const count = (used.get(base) ?? 0) + 1;
    used.set(base, count);
    return { anchor: count === 1 ? base : `${base}-${count}`, heading, text: plainText(chunk.lines.join("\n")) };
  });
  return { intro: { anchor: "inleiding", heading: introHeading, text: plainText(introLines.join("\n")) }, sections };
}

export function wordCount(text: string): number {
  return text.split(/\s+/).filter(Boolean).length;
}
