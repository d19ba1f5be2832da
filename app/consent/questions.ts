// The questions a participant may put to the wijk: few, short, in plain Dutch (language level B1). The participant
// chooses two or three; the resident sees only those.
export const FEEDBACK_QUESTIONS = {
  betekenis: "Wat heeft dit voor jou of de buurt betekend?",
  anders: "Wat zou je anders willen zien?",
  herkenning: "Herken je jouw buurt in dit stuk? Wat klopt wel, wat niet?",
  samen: "Wat kunnen we de volgende keer samen doen?",
  vertrouwen: "Voelde je je gehoord? Waarom wel of niet?",
  tip: "Welke tip wil je meegeven?",
} as const;

export type QuestionKey = keyof typeof FEEDBACK_QUESTIONS;

export const QUESTION_KEYS = Object.keys(FEEDBACK_QUESTIONS) as QuestionKey[];

export const isQuestionKey = (key: string): key is QuestionKey => key in FEEDBACK_QUESTIONS;

/** What each purpose means, as the person giving consent reads it. */
export const PURPOSE_WORDS = {
  ASSESSMENT: "voor de beoordeling in deze leergang: de deelnemer en de trainers lezen het",
  COMMUNITY: "voor de gilde: de medecursisten van de deelnemer mogen het ook lezen",
  LIBRARY: "voor de praktijkbibliotheek: alumni en deelnemers van de leergang lezen het voorbeeld",
} as const;

export const PURPOSE_LABELS = {
  ASSESSMENT: "Beoordeling",
  COMMUNITY: "Gilde",
  LIBRARY: "Praktijkbibliotheek",
} as const;

/** How long a consent lasts, as offered on the forms. */
export const CONSENT_PERIODS = [
  { value: "3", label: "3 maanden" },
  { value: "12", label: "1 jaar" },
  { value: "24", label: "2 jaar" },
] as const;

export const DEFAULT_PERIOD = "12";

export function addMonths(from: Date, months: number): Date {
  const date = new Date(from);
  date.setUTCMonth(date.getUTCMonth() + months);
  return date;
}

/** "Ans", "Ans en Bert", "Ans, Bert en Cor". */
export function listNames(names: string[]): string {
  if (names.length <= 1) return names[0] ?? "";
  return `${names.slice(0, -1).join(", ")} en ${names[names.length - 1]}`;
}
