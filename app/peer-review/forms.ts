// The gilde's forms (rating feedback received, giving feedback), one zod schema each, read by the browser and the
// server alike (see forms/). Whether an answer is complete enough is peer review's own rule, checked by the server.
import { z } from "zod";
import { rubricLevels } from "~/forms/fields";

export const RatingSchema = z.object({
  reviewId: z.string(),
  // Not chosen is 0, which peer review refuses with its own message.
  rating: z.number().int().default(0),
  comment: z
    .string()
    .default("")
    .transform((comment) => comment.slice(0, 2000)),
});

/** Text per key as typed (cut at `max`); the keys are question numbers or criterion ids. */
const texts = (max: number) =>
  z
    .record(z.string())
    .default({})
    .transform((record) => Object.fromEntries(Object.entries(record).map(([key, text]) => [key, text.slice(0, max)])));

export const ReviewSchema = z.object({
  intent: z.enum(["save", "submit"]),
  revision: z.number().int().min(0).catch(0),
  answers: texts(10_000),
  levels: rubricLevels(),
  tip: z
    .string()
    .default("")
    .transform((tip) => tip.slice(0, 5_000)),
});
