// Evaluation of each other's part (issue 23): the four criteria and their scale, when a member may see what
// gildegenoten said (at least MIN_RATERS of them), and which ratings the trainer sees marked as outliers. Pure, so
// the rules are unit- and integration-tested without a screen; evaluation.server.ts reads and writes.
import { z } from "zod";

export const EVALUATION_CRITERIA = [
  { id: "bijdrage", title: "Bijdrage", question: "Levert een eerlijk deel van het werk van de gilde." },
  { id: "betrouwbaarheid", title: "Betrouwbaarheid", question: "Doet wat is afgesproken, en op tijd." },
  { id: "ruimte", title: "Ruimte geven aan anderen", question: "Luistert, en laat anderen aan het woord." },
  { id: "wijk", title: "Inbreng uit de eigen wijk", question: "Brengt voorbeelden en kennis uit de eigen wijk in." },
] as const;

type EvaluationCriterion = (typeof EVALUATION_CRITERIA)[number]["id"];

export const EVALUATION_SCALE = [
  { score: 1, label: "nog weinig" },
  { score: 2, label: "soms" },
  { score: 3, label: "meestal" },
  { score: 4, label: "steeds" },
] as const;

/** A member sees what gildegenoten said about a criterion only when at least this many rated it. */
export const MIN_RATERS = 3;
/** "Far below": this many points or more under the others' average, or under someone's own rating. */
const FAR_BELOW = 1.5;

export const OUTLIER_RULE =
  "Gemarkeerd (!) is een cijfer dat 1,5 punt of meer onder het gemiddelde van de andere gildegenoten ligt, en een gemiddelde van de gildegenoten dat 1,5 punt of meer onder iemands eigen cijfer ligt.";

export type EvaluationLevels = Record<EvaluationCriterion, number>;

const level = z.number().int().min(1).max(4);
const LevelsColumn = z.object({ bijdrage: level, betrouwbaarheid: level, ruimte: level, wijk: level });

/** The levels column of a rating, or null when it is not four levels of 1–4. */
export function parseEvaluationLevels(value: unknown): EvaluationLevels | null {
  const parsed = LevelsColumn.safeParse(value);
  return parsed.success ? parsed.data : null;
}

/** What is wrong with levels as typed, per criterion (field name `levels.<id>`); empty when they are fine. */
export function levelProblems(levels: Record<string, number>): Record<string, string> {
  const problems: Record<string, string> = {};
  for (const criterion of EVALUATION_CRITERIA) {
    const score = levels[criterion.id];
    if (score === undefined || Number.isNaN(score))
      problems[`levels.${criterion.id}`] = `Kies bij ‘${criterion.title}’ een van de vier mogelijkheden.`;
    else if (!Number.isInteger(score) || score < 1 || score > 4)
      problems[`levels.${criterion.id}`] = `Kies bij ‘${criterion.title}’ 1, 2, 3 of 4.`;
  }
  return problems;
}

const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** What a member may see of the gildegenoten's scores on one criterion: the average only from MIN_RATERS up. */
export function visibleAggregate(scores: number[]): { count: number; average: number | null } {
  return { count: scores.length, average: scores.length >= MIN_RATERS ? oneDecimal(mean(scores)) : null };
}

export type RatingOf = { raterId: string; rateeId: string; levels: EvaluationLevels };

export type CriterionResult = {
  criterion: EvaluationCriterion;
  self: number | null;
  peers: { raterId: string; score: number; outlier: boolean }[];
  average: number | null;
  /** The gildegenoten's average is far below the member's own rating. */
  belowSelf: boolean;
};

/** Everything the trainer sees about one member on each criterion, with the outliers marked. */
export function resultsFor(rateeId: string, ratings: RatingOf[]): CriterionResult[] {
  const about = ratings.filter((r) => r.rateeId === rateeId);
  const self = about.find((r) => r.raterId === rateeId) ?? null;
  const peers = about.filter((r) => r.raterId !== rateeId);
  return EVALUATION_CRITERIA.map(({ id }) => {
    const scores = peers.map((p) => p.levels[id]);
    const average = scores.length ? oneDecimal(mean(scores)) : null;
    return {
      criterion: id,
      self: self?.levels[id] ?? null,
      peers: peers.map((p, index) => {
        const others = scores.filter((_, i) => i !== index);
        return {
          raterId: p.raterId,
          score: p.levels[id],
          outlier: others.length > 0 && mean(others) - p.levels[id] >= FAR_BELOW,
        };
      }),
      average,
      belowSelf: self !== null && average !== null && self.levels[id] - mean(scores) >= FAR_BELOW,
    };
  });
}

/** Where a moment is in time. */
export function momentState(moment: { opensAt: Date; closesAt: Date }, now: Date): "upcoming" | "open" | "closed" {
  if (now < moment.opensAt) return "upcoming";
  return now < moment.closesAt ? "open" : "closed";
}

export const MOMENT_STATE_LABELS = { upcoming: "nog niet open", open: "open", closed: "gesloten" } as const;
