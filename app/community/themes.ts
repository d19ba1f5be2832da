// The fixed themes of the community and the practice library (free tags come on top). Shared by pages and server.

export const THEMES = [
  { id: "vertrouwen", label: "Vertrouwen" },
  { id: "bewonersambities", label: "Bewonersambities" },
  { id: "sociale-basis", label: "Sociale basis" },
  { id: "gemeente", label: "Samenwerking met de gemeente" },
  { id: "woningcorporaties", label: "Woningcorporaties" },
  { id: "jongeren", label: "Jongeren" },
  { id: "zorg-en-welzijn", label: "Zorg en welzijn" },
  { id: "netwerken", label: "Netwerken in de wijk" },
  { id: "paradigmashift", label: "Van systeemwereld naar leefwereld" },
] as const;

export type ThemeId = (typeof THEMES)[number]["id"];

export const THEME_LABELS: Record<string, string> = Object.fromEntries(THEMES.map((t) => [t.id, t.label]));

export function isTheme(value: string): value is ThemeId {
  return value in THEME_LABELS;
}

/** Free tags: lower case, letters, digits, spaces and dashes, at most 30 characters, at most 5. */
export function parseTags(input: string): { tags: string[]; error?: string } {
  const tags = [
    ...new Set(
      input
        .split(",")
        .map((t) => t.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
  if (tags.length > 5) return { tags, error: "Hoogstens vijf eigen tags." };
  const bad = tags.find((t) => t.length > 30 || !/^[\p{L}\p{N}][\p{L}\p{N} -]*$/u.test(t));
  if (bad)
    return {
      tags,
      error: `‘${bad.slice(0, 30)}’ kan geen tag zijn: gebruik letters, cijfers, spaties en streepjes (hoogstens 30 tekens).`,
    };
  return { tags };
}
