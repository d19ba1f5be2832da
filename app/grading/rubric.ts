// The rules an assessment must follow (issue 5). Pure, so the grading screen, the server and the tests agree.
import type { RubricCriterion } from "~/content/schema";

export type Decision = "voldaan" | "niet-voldaan" | "herziening";

export const DECISION_LABELS: Record<Decision, string> = {
  voldaan: "Voldaan",
  "niet-voldaan": "Niet voldaan",
  herziening: "Terug voor herziening",
};

export type AssessmentInput = {
  /** Chosen score per criterion id; missing when not chosen yet. */
  levels: Record<string, number | undefined>;
  decision: Decision | null;
  revisionNote: string;
};

export type AssessmentCheck = { ok: true } | { ok: false; errors: Record<string, string> };

/**
 * Checks an assessment against its rubric. A draft may be incomplete but never hold a level the rubric does
 * not have; a decision (`final`) needs every required criterion, a decision, a note for a revision, and
 * "voldaan" only when every required criterion reaches its pass level.
 */
export function checkAssessment(
  rubric: RubricCriterion[],
  input: AssessmentInput,
  { final }: { final: boolean },
): AssessmentCheck {
  const errors: Record<string, string> = {};
  const known = new Set(rubric.map((c) => c.id));
  for (const id of Object.keys(input.levels)) {
    if (!known.has(id) && input.levels[id] !== undefined)
      errors[id] = "Dit criterium staat niet in de rubric van deze opdracht.";
  }
  for (const criterion of rubric) {
    const score = input.levels[criterion.id];
    if (score === undefined) {
      if (final && criterion.required) errors[criterion.id] = `Kies een niveau voor ‘${criterion.title}’.`;
      continue;
    }
    if (!criterion.levels.some((level) => level.score === score)) {
      errors[criterion.id] = `Kies voor ‘${criterion.title}’ een van de niveaus uit de rubric.`;
    }
  }
  if (final) {
    if (!input.decision) errors.decision = "Kies een besluit: voldaan, niet voldaan of terug voor herziening.";
    if (input.decision === "herziening" && !input.revisionNote.trim()) {
      errors.revisionNote = "Schrijf op wat er moet veranderen voordat de deelnemer opnieuw inlevert.";
    }
    if (input.decision === "voldaan") {
      const below = rubric.filter(
        (c) => c.required && input.levels[c.id] !== undefined && input.levels[c.id]! < c.passLevel,
      );
      if (below.length) {
        errors.decision = `‘Voldaan’ kan niet: ${below.map((c) => `‘${c.title}’`).join(" en ")} ${below.length === 1 ? "haalt" : "halen"} het vereiste niveau niet.`;
      }
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true };
}

/** What still stands between a participant and completing the leergang; empty when they may complete. */
export function completionGaps(
  requiredAssignments: { slug: string; title: string }[],
  passed: Set<string>,
  peerReviewsOwed: number,
): string[] {
  const gaps = requiredAssignments.filter((a) => !passed.has(a.slug)).map((a) => `‘${a.title}’ is nog niet voldaan.`);
  if (peerReviewsOwed > 0)
    gaps.push(
      `Er ${peerReviewsOwed === 1 ? "staat nog 1 peerfeedback" : `staan nog ${peerReviewsOwed} peerfeedbacks`} open.`,
    );
  return gaps;
}
