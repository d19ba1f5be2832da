// How every mail from Gilde ends.
export const SIGNATURE = "Groet,\nGilde — leergang Creative Communities";

/** How every mail to a person opens: with their first name, the way a trainer writes. */
export function greeting(name: string): string {
  const first = name.trim().split(/\s+/)[0];
  return first ? `Hallo ${first},` : "Hallo,";
}
