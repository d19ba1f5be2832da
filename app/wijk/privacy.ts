/** The free-text fields of a wijkprofiel (shared with the form, so not in a .server file). */
export const WIJK_TEXT_FIELDS = ["role", "connectors", "networks", "ambitions", "problems", "chances"] as const;

// Verbinders and networks are described by their role, never by residents' personal data. These checks find
// what looks like an e-mail address or a phone number in free text, so the form can warn before saving.
const EMAIL = /[^\s@<>()]+@[^\s@<>()]+\.[a-z]{2,}/i;
// Dutch numbers: 06-12345678, 06 1234 5678, 020-1234567, +31 6 12345678, 0031612345678.
const PHONE = /(?:\+|00)31[\s-]?\(?0?\)?[\s-]?\d(?:[\s-]?\d){7,9}|\b0\d(?:[\s-]?\d){8}\b/;

export type PersonalData = "e-mailadres" | "telefoonnummer";

export function personalDataIn(text: string): PersonalData[] {
  const found: PersonalData[] = [];
  if (EMAIL.test(text)) found.push("e-mailadres");
  if (PHONE.test(text)) found.push("telefoonnummer");
  return found;
}

/** A CBS code of a buurt (BU + 8 digits), wijk (WK + 6) or gemeente (GM + 4). */
export function isCbsCode(code: string): boolean {
  return /^(BU\d{8}|WK\d{6}|GM\d{4})$/.test(code);
}

/** A warning per text field that seems to hold an e-mail address or phone number: people are described by role. */
export function personalDataWarnings(input: Record<(typeof WIJK_TEXT_FIELDS)[number], string>): Record<string, string> {
  const warnings: Record<string, string> = {};
  for (const field of WIJK_TEXT_FIELDS) {
    const found = personalDataIn(input[field]);
    if (found.length) {
      warnings[field] =
        `Hier staat iets dat op een ${found.join(" en een ")} lijkt. Beschrijf mensen naar hun rol, zonder gegevens waaraan je ze kunt herkennen.`;
    }
  }
  return warnings;
}
