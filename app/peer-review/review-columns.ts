// The boundary between a PeerReview row and the peer-review code: its Json columns are parsed here, and only here.
import type { Prisma } from "@prisma/client";
import { z } from "zod";

const answersSchema = z.record(z.string(), z.string());
const levelsSchema = z.record(z.string(), z.number());

/** `PeerReview.answers`: the reviewer's answer per guiding question (keyed by its index). */
export function parseReviewAnswers(value: Prisma.JsonValue): Record<string, string> {
  return answersSchema.parse(value);
}

/** `PeerReview.levels`: the optional rubric score per criterion id. */
export function parseReviewLevels(value: Prisma.JsonValue): Record<string, number> {
  return levelsSchema.parse(value);
}
