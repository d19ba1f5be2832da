// The forms of evaluation, feedback quality and reflection (issue 23), one zod schema each, read by the browser and
// the server alike (see forms/). Whether levels are in range is the domain's rule, checked by the server.
import { z } from "zod";
import { HandInSchema } from "~/assignments/forms";
import { isoDate, requiredText, rubricLevels } from "~/forms/fields";

const comment = (max: number) =>
  z
    .string()
    .default("")
    .transform((text) => text.slice(0, max));

/** A member's rating of themselves (`ratee` "zelf") or of a gildegenoot (their key on the page). */
export const MemberRatingSchema = z.object({
  ratee: z.string({ required_error: "Laad de pagina opnieuw." }),
  levels: rubricLevels(),
  comment: comment(2000),
});

/** The trainer's forms on the evaluation page of a cohort. */
export const EvaluationAdminSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("moment"),
    name: requiredText("een naam, bijvoorbeeld ‘Halverwege’", 80),
    opensOn: isoDate("de datum waarop hij opengaat"),
    closesOn: isoDate("de datum waarop hij sluit"),
  }),
  z.object({ intent: z.literal("close-moment"), momentId: z.string({ required_error: "Laad de pagina opnieuw." }) }),
  z.object({ intent: z.literal("quality-counts"), counts: z.boolean().default(false) }),
]);

/** The trainer's assessment of one review on the quality rubric. */
export const ReviewQualitySchema = z.object({ levels: rubricLevels(), note: comment(2000) });

/** What the participant will do with the feedback they received (long enough is the domain's rule). */
export const ReflectionSchema = z.object({
  intent: z.literal("reflect"),
  submissionId: z.string(),
  reflection: comment(4000),
});

/** Handing in a revision: the reflection on the feedback comes with it. */
export const RevisionHandInSchema = HandInSchema.extend({ reflection: comment(4000).optional() });
