// Feedback on feedback (issue 23): the trainer's short rubric for the quality of a review a participant gave, when
// an assessment counts as low, and the example of good feedback participants see beside their assessment. Pure.
import { z } from "zod";
import { formatNumber } from "~/format";

export const QUALITY_CRITERIA = [
  { id: "specifiek", title: "Specifiek", question: "Gaat over deze tekst en wijst aan waar het om gaat." },
  { id: "opbouwend", title: "Opbouwend", question: "Benoemt wat werkt en wat beter kan, in een toon die helpt." },
  { id: "criteria", title: "Verbonden met de criteria", question: "Gaat in op wat de opdracht en de rubric vragen." },
  { id: "tip", title: "Met een tip voor verder", question: "Geeft een concrete volgende stap." },
] as const;

type QualityCriterion = (typeof QUALITY_CRITERIA)[number]["id"];
export type QualityLevels = Record<QualityCriterion, number>;

export const QUALITY_SCALE = [
  { score: 1, label: "nog niet" },
  { score: 2, label: "deels" },
  { score: 3, label: "goed" },
] as const;

/** An assessment is low when its average is below "deels"; with the cohort setting on, the average of all must not be. */
export const LOW_BELOW = 2;

export const QUALITY_RULE =
  "Zwak is een beoordeling met een gemiddelde onder 2 (‘deels’). Telt de kwaliteit mee voor afronden, dan moet minstens één gegeven feedback beoordeeld zijn en het gemiddelde over alle beoordeelde feedback 2 of hoger zijn.";

const level = z.number().int().min(1).max(3);
const QualityColumn = z.object({ specifiek: level, opbouwend: level, criteria: level, tip: level });

export function parseQualityLevels(value: unknown): QualityLevels | null {
  const parsed = QualityColumn.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What is wrong with the levels as typed, per field `levels.<id>`; empty when fine. */
export function qualityProblems(levels: Record<string, number>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const c of QUALITY_CRITERIA) {
    const score = levels[c.id];
    if (score === undefined || !Number.isInteger(score) || score < 1 || score > 3)
      problems[`levels.${c.id}`] = `Kies bij ‘${c.title}’ 1, 2 of 3.`;
  }
  return problems;
}

export function qualityAverage(levels: QualityLevels): number {
  const scores = QUALITY_CRITERIA.map((c) => levels[c.id]);
  return Math.round((scores.reduce((a, b) => a + b, 0) / scores.length) * 10) / 10;
}

export const isLowQuality = (levels: QualityLevels) => qualityAverage(levels) < LOW_BELOW;

/**
 * What still stands between a participant and completion on the quality of their feedback, when it counts: a
 * Dutch sentence, or null. `averages` are the assessed reviews' averages.
 */
export function qualityGap(averages: number[]): string | null {
  if (!averages.length) return "De kwaliteit van je gegeven feedback is nog niet beoordeeld door je trainer.";
  const mean = averages.reduce((a, b) => a + b, 0) / averages.length;
  if (mean < LOW_BELOW)
    return `De kwaliteit van je gegeven feedback is gemiddeld nog onder ‘deels’ (${formatNumber(Math.round(mean * 10) / 10)} van 3).`;
  return null;
}

/** An example of good feedback, written for this course (the Wijkgeschiedenis assignment), shown beside the assessment. */
export const GOOD_FEEDBACK_EXAMPLE = {
  context: "Feedback op een wijkgeschiedenis van een gildegenoot",
  text: "Je tweede alinea over de sluiting van het buurthuis in 2012 maakt goed zichtbaar waarom bewoners nu wantrouwig zijn: dat raakt precies het criterium ‘verbanden leggen’. In je slot noem je ‘de gemeente’ als één partij, terwijl je eerder drie afdelingen beschrijft; daardoor wordt je conclusie vager dan je analyse. Tip: kies één afdeling en beschrijf in twee zinnen wat die anders zou kunnen doen, met een voorbeeld uit je eigen gesprekken.",
  why: "Specifiek (de tweede alinea, het slot), opbouwend (eerst wat werkt), verbonden met de criteria (‘verbanden leggen’) en met een tip die je morgen kunt doen.",
} as const;

/** How the trainer's matrix names an assessment: "kwaliteit 2,5/3" (", zwak"), or null when not assessed. */
export function qualityLabel(value: unknown): string | null {
  const levels = value === undefined ? null : parseQualityLevels(value);
  if (!levels) return null;
  const average = formatNumber(qualityAverage(levels));
  return `kwaliteit ${average}/3${isLowQuality(levels) ? ", zwak" : ""}`;
}
