// What a module's and an assignment's frontmatter must contain. Validated when the course is compiled, so a
// mistake fails the build with the file and the field, never a blank page.
import { z } from "zod";

const text = (what: string, max = 2000) =>
  z
    .string({ required_error: `${what} ontbreekt` })
    .trim()
    .min(1, `${what} is leeg`)
    .max(max);

export const ModuleFrontmatter = z
  .object({
    title: text("title", 120),
    order: z
      .number({ required_error: "order ontbreekt", invalid_type_error: "order moet een getal zijn" })
      .int()
      .positive(),
    summary: text("summary", 600),
    minutes: z
      .number({ required_error: "minutes ontbreekt", invalid_type_error: "minutes moet een getal zijn" })
      .int()
      .min(5)
      .max(600),
    learningGoals: z
      .array(text("een leerdoel", 400), { required_error: "learningGoals ontbreekt" })
      .min(1, "noem minstens één leerdoel"),
    sources: z.array(text("een bron", 400), { required_error: "sources ontbreekt" }).min(1, "noem minstens één bron"),
  })
  .strict();
export type ModuleFrontmatter = z.infer<typeof ModuleFrontmatter>;

const RubricLevel = z
  .object({
    score: z.number().int().min(0).max(10),
    label: text("label", 60),
    descriptor: text("descriptor", 1000),
  })
  .strict();

export const RubricCriterion = z
  .object({
    id: z.string().regex(/^[a-z0-9-]+$/, "id mag alleen kleine letters, cijfers en streepjes bevatten"),
    title: text("title", 120),
    required: z.boolean().default(true),
    passLevel: z.number().int().min(0).max(10),
    levels: z.array(RubricLevel).min(2, "een criterium heeft minstens twee niveaus").max(6),
  })
  .strict()
  .superRefine((criterion, ctx) => {
    const scores = criterion.levels.map((level) => level.score);
    if (new Set(scores).size !== scores.length)
      ctx.addIssue({ code: "custom", message: "twee niveaus met dezelfde score", path: ["levels"] });
    if (!scores.includes(criterion.passLevel)) {
      ctx.addIssue({
        code: "custom",
        message: `passLevel ${criterion.passLevel} is geen van de scores ${scores.join(", ")}`,
        path: ["passLevel"],
      });
    }
  });
export type RubricCriterion = z.infer<typeof RubricCriterion>;

const PeerReviewSettings = z
  .object({
    enabled: z.boolean(),
    reviewers: z.number().int().min(1).max(5).default(2),
    // open: names both ways; anonymous-reviewers: the author does not learn who reviewed; double-anonymous: neither side.
    anonymity: z.enum(["open", "anonymous-reviewers", "double-anonymous"]).default("open"),
    feedbackVisible: z.enum(["immediately", "after-deadline", "after-own-review"]).default("after-deadline"),
    guidingQuestions: z.array(text("een vraag", 400)).default([]),
  })
  .strict();

export const AssignmentFrontmatter = z
  .object({
    title: text("title", 120),
    slug: z.string().regex(/^[a-z0-9-]+$/, "slug mag alleen kleine letters, cijfers en streepjes bevatten"),
    summary: text("summary", 600),
    handIn: text("handIn", 1500),
    rubric: z
      .array(RubricCriterion, { required_error: "rubric ontbreekt" })
      .min(3, "een rubric heeft drie tot vijf criteria")
      .max(5, "een rubric heeft drie tot vijf criteria")
      .superRefine((criteria, ctx) => {
        const ids = criteria.map((c) => c.id);
        if (new Set(ids).size !== ids.length)
          ctx.addIssue({ code: "custom", message: "twee criteria met hetzelfde id" });
      }),
    peerReview: PeerReviewSettings.default({ enabled: false }),
    // The expected length of the written work: [minimum, maximum] words.
    words: z
      .tuple([
        z.number({ invalid_type_error: "words: het minimum moet een getal zijn" }).int().positive(),
        z.number({ invalid_type_error: "words: het maximum moet een getal zijn" }).int().positive(),
      ])
      .refine(([min, max]) => min <= max, "words: het minimum is groter dan het maximum")
      .optional(),
  })
  .strict();
export type AssignmentFrontmatter = z.infer<typeof AssignmentFrontmatter>;

/** "learningGoals.2: is leeg" — readable lines for the build output. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => `  - ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${issue.message}`)
    .join("\n");
}
