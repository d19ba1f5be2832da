// What a module's and an assignment's frontmatter must contain. Validated when the course is compiled, so a
// mistake fails the build with the file and the field, never a blank page.
import { z } from "zod";

const text = (what: string, max = 2000) =>
  z
    .string({ required_error: `${what} ontbreekt` })
    .trim()
    .min(1, `${what} is leeg`)
    .max(max);

const id = (what: string) =>
  z
    .string({ required_error: `${what} ontbreekt` })
    .regex(/^[a-z0-9-]+$/, `${what} mag alleen kleine letters, cijfers en streepjes bevatten`);

const hours = (what: string) =>
  z
    .number({ required_error: `${what} ontbreekt`, invalid_type_error: `${what} moet een getal (uren) zijn` })
    .min(0, `${what} kan niet negatief zijn`)
    .max(400, `${what}: meer dan 400 uur is geen module meer`)
    .multipleOf(0.5, `${what}: schrijf uren in hele of halve uren`);

/** One goal of a module, tied to the course outcomes it serves (`content/leergang/index.mdx`). */
const LearningGoal = z
  .object({
    id: id("id"),
    text: text("text", 400),
    outcomes: z
      .array(id("een leeruitkomst"), { required_error: "outcomes ontbreekt" })
      .min(1, "koppel het leerdoel aan minstens één leeruitkomst van de leergang"),
  })
  .strict();

/** Study hours of a module; the parts must add up to the stated total. */
const StudyHours = z
  .object({
    reading: hours("hours.reading"),
    assignment: hours("hours.assignment"),
    peerFeedback: hours("hours.peerFeedback"),
    contact: hours("hours.contact").default(0),
    total: hours("hours.total"),
  })
  .strict()
  .superRefine((h, ctx) => {
    const sum = h.reading + h.assignment + h.peerFeedback + h.contact;
    if (sum !== h.total)
      ctx.addIssue({
        code: "custom",
        path: ["total"],
        message: `reading + assignment + peerFeedback + contact is ${sum} uur, niet ${h.total}`,
      });
  });

const Reading = z
  .object({
    required: z
      .array(text("een verplichte tekst", 400), { required_error: "reading.required ontbreekt" })
      .min(1, "noem minstens één verplichte tekst"),
    recommended: z.array(text("een aanbevolen tekst", 400)).default([]),
  })
  .strict();

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
      .array(LearningGoal, { required_error: "learningGoals ontbreekt" })
      .min(1, "noem minstens één leerdoel")
      .superRefine((goals, ctx) => {
        const ids = goals.map((g) => g.id);
        if (new Set(ids).size !== ids.length)
          ctx.addIssue({ code: "custom", message: "twee leerdoelen met hetzelfde id" });
      }),
    hours: StudyHours,
    reading: Reading,
    buildsOn: text("buildsOn", 600),
    prepares: text("prepares", 600),
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
    /** Ids of the module's learning goals this criterion assesses at its pass level. */
    goals: z.array(id("een leerdoel")).default([]),
    /** The criterion asks for grounding in the module's literature. */
    literature: z.boolean().default(false),
    levels: z.array(RubricLevel).min(2, "een criterium heeft minstens twee niveaus").max(6),
  })
  .strict()
  .superRefine((criterion, ctx) => {
    if (criterion.goals.length > 0 && !criterion.required)
      ctx.addIssue({
        code: "custom",
        path: ["required"],
        message: "een criterium dat een leerdoel toetst is verplicht (required: true)",
      });
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
    /** Who writes it (issue 23): each participant alone, or the gilde together (one submission for all members). */
    work: z
      .enum(["individual", "gilde"], { errorMap: () => ({ message: 'work: kies "individual" of "gilde"' }) })
      .default("individual"),
  })
  .strict();
export type AssignmentFrontmatter = z.infer<typeof AssignmentFrontmatter>;

export const NLQF_DESCRIPTORS = {
  context: "Context",
  kennis: "Kennis",
  "toepassen-van-kennis": "Toepassen van kennis",
  probleemoplossen: "Probleemoplossende vaardigheden",
  "leren-en-ontwikkelen": "Leer- en ontwikkelvaardigheden",
  informatie: "Informatievaardigheden",
  communicatie: "Communicatievaardigheden",
  "verantwoordelijkheid-en-zelfstandigheid": "Verantwoordelijkheid en zelfstandigheid",
} as const;
type NlqfDescriptor = keyof typeof NLQF_DESCRIPTORS;

const Outcome = z
  .object({
    id: id("id"),
    text: text("text", 600),
    /** What in the BPSW Beroepsprofiel van de sociaal werker (2022) this outcome serves, in our own words. */
    bpsw: z.array(text("een verwijzing naar het beroepsprofiel", 300)).min(1, "koppel aan het beroepsprofiel"),
    nlqf: z
      .array(
        z.enum(Object.keys(NLQF_DESCRIPTORS) as [NlqfDescriptor, ...NlqfDescriptor[]], {
          errorMap: () => ({ message: `kies uit ${Object.keys(NLQF_DESCRIPTORS).join(", ")}` }),
        }),
      )
      .min(1, "koppel aan minstens één NLQF-descriptor"),
  })
  .strict();

/** `content/leergang/index.mdx`: the course as a whole — its outcomes, level, study load and admission. */
export const CourseFrontmatter = z
  .object({
    title: text("title", 120),
    level: text("level", 60),
    ec: z.number({ required_error: "ec ontbreekt", invalid_type_error: "ec moet een getal zijn" }).positive().max(60),
    hours: hours("hours"),
    outcomes: z
      .array(Outcome, { required_error: "outcomes ontbreekt" })
      .min(1, "noem minstens één leeruitkomst")
      .superRefine((outcomes, ctx) => {
        const ids = outcomes.map((o) => o.id);
        if (new Set(ids).size !== ids.length)
          ctx.addIssue({ code: "custom", message: "twee leeruitkomsten met hetzelfde id" });
      }),
    admission: z.array(text("een toelatingseis", 600)).min(1, "noem minstens één toelatingseis"),
  })
  .strict()
  .superRefine((course, ctx) => {
    // 1 EC is 28 hours of study in Dutch higher education.
    const ec = course.hours / 28;
    if (Math.abs(ec - course.ec) > 0.5)
      ctx.addIssue({
        code: "custom",
        path: ["ec"],
        message: `${course.hours} uur is ongeveer ${ec.toFixed(1)} EC (28 uur per EC), niet ${course.ec}`,
      });
  });
export type CourseFrontmatter = z.infer<typeof CourseFrontmatter>;

/** "learningGoals.2: is leeg" — readable lines for the build output. */
export function describeIssues(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      // Named here, in Dutch, whatever error map the process loaded: the form layer's would only say "klopt niet".
      const message =
        issue.code === z.ZodIssueCode.unrecognized_keys ? `onbekend veld: ${issue.keys.join(", ")}` : issue.message;
      return `  - ${issue.path.length ? `${issue.path.join(".")}: ` : ""}${message}`;
    })
    .join("\n");
}
