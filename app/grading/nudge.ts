// "Stuur een berichtje": the warm first draft a trainer starts from, written from what the flags say. Pure.
import type { StuckFlag } from "./stuck-flags";

/** The name someone is greeted by: the first word of their name. */
export function firstNameOf(name: string) {
  return name.trim().split(/\s+/)[0] ?? name;
}

const NOTICED: Record<StuckFlag["kind"], string> = {
  late: "de deadline van een opdracht voorbij is en ik je uitwerking nog niet heb gezien",
  revision: "je herziening nog openstaat",
  reviews: "er nog feedback voor een gildegenoot op je wacht",
  inactive: "ik je al even niet op Gilde heb gezien",
  reading: "je nog wat achterloopt met lezen",
  attendance: "je een paar contactdagen hebt gemist",
  evaluation: "de evaluatie in je gilde nog openstaat",
  quality: "je feedback aan gildegenoten nog scherper kan",
};

export function nudgeDraft(participantName: string, trainerName: string, flags: StuckFlag[]) {
  // The weightiest flag only: one concrete thing reads as attention, a list reads as a report.
  const first = flags[0];
  const opening = first
    ? `ik zag dat ${NOTICED[first.kind]}. Hoe gaat het met je?`
    : "ik wilde even horen hoe het met je gaat.";
  return (
    `Hoi ${firstNameOf(participantName)},\n\n${opening} Als je ergens vastloopt, denk ik graag met je mee: ` +
    `laat maar weten wat je nodig hebt, dan kijken we samen wat haalbaar is.\n\nGroet,\n${firstNameOf(trainerName)}`
  );
}

/** The message as it is sent: greeted by first name, also when the trainer took the greeting out. */
export function greeted(text: string, participantName: string) {
  const trimmed = text.trim();
  return /^(hoi|hallo|beste|dag|goedemorgen|goedemiddag|goedenavond)\b/i.test(trimmed)
    ? trimmed
    : `Hoi ${firstNameOf(participantName)},\n\n${trimmed}`;
}
