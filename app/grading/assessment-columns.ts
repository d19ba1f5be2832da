// The boundary between an Assessment row and the grading code: its Json columns are parsed here (and only here),
// and the stored decision is translated to and from the words the rubric and the forms use.
import type { Decision as StoredDecision, Prisma } from "@prisma/client";
import { z } from "zod";
import type { Decision } from "./rubric";

const levelsSchema = z.record(z.string(), z.number());
const feedbackSchema = z.record(z.string(), z.string());

/** `Assessment.levels`: the chosen score per criterion id. */
export function parseAssessmentLevels(value: Prisma.JsonValue): Record<string, number> {
  return levelsSchema.parse(value);
}

/** `Assessment.feedback`: the trainer's Markdown per criterion id. */
export function parseAssessmentFeedback(value: Prisma.JsonValue): Record<string, string> {
  return feedbackSchema.parse(value);
}

const DECISION_OF: Record<StoredDecision, Decision> = {
  PASSED: "voldaan",
  FAILED: "niet-voldaan",
  REVISION: "herziening",
};

const STORED_DECISION: Record<Decision, StoredDecision> = {
  voldaan: "PASSED",
  "niet-voldaan": "FAILED",
  herziening: "REVISION",
};

/** `Assessment.decision` as the rubric names it. */
export function parseDecision(value: StoredDecision | null): Decision | null {
  return value ? DECISION_OF[value] : null;
}

export function storedDecision(decision: Decision | null): StoredDecision | null {
  return decision ? STORED_DECISION[decision] : null;
}
