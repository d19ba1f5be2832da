// The admin's forms for one cohort's status and settings (/beheer/groepen/:cohortId/instellingen): one schema for
// the browser and the server. The settings are the cohort's facts (name, dates, price, seats) and how applying and
// paying work (place, rhythm, VAT, how long a seat is held, the refund after the start, placing in a gilde); the
// catalogue form is what the public cohort page adds (accreditation, what the price includes, instalments).
import { z } from "zod";
import { euroAmount, isoDate, requiredText, wholeNumber } from "~/forms/fields";

const checkbox = z.boolean().default(false);

const SettingsFields = z.object({
  intent: z.literal("settings"),
  name: requiredText("een naam voor de groep", 120),
  startsOn: isoDate("de startdatum"),
  endsOn: isoDate("de einddatum"),
  price: euroAmount("de prijs"),
  capacity: wholeNumber("het aantal plaatsen", { min: 1, max: 500, example: 24 }),
  location: z.string().trim().max(200, "Maximaal 200 tekens.").default(""),
  rhythm: z.string().trim().max(200, "Maximaal 200 tekens.").default(""),
  priceIncludesVat: checkbox,
  autoPlaceInGilde: checkbox,
  reservationDays: wholeNumber("het aantal dagen", { min: 1, max: 90, example: 14 }),
  refundAfterStartPercent: wholeNumber("het percentage", { min: 0, max: 100, example: 50 }),
});

/** What the public cohort page says beyond the facts: accreditation, what the price includes, instalments. */
const CatalogueFields = z.object({
  intent: z.literal("catalogue"),
  accreditationRegister: z
    .string()
    .trim()
    .max(120, "De naam van het register mag hoogstens 120 tekens lang zijn.")
    .default(""),
  accreditationPoints: wholeNumber("het aantal punten", { min: 0, max: 999, example: 20 })
    .optional()
    .transform((points) => points ?? null),
  priceIncludes: z.string().trim().max(600, "Wat de prijs omvat mag hoogstens 600 tekens lang zijn.").default(""),
  instalments: wholeNumber("het aantal termijnen", { min: 1, max: 12, example: 3 }),
});

const StatusFields = z.object({
  intent: z.literal("status"),
  to: z.enum(["CONCEPT", "PUBLISHED", "INTAKE_CLOSED", "RUNNING", "FINISHED"], {
    errorMap: () => ({ message: "Kies een stap uit de lijst." }),
  }),
});

export const CohortSettingsAction = z
  .discriminatedUnion("intent", [SettingsFields, CatalogueFields, StatusFields])
  .superRefine((value, ctx) => {
    if (value.intent === "catalogue" && value.accreditationPoints !== null && !value.accreditationRegister)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Vul ook het register in waar de punten voor gelden.",
        path: ["accreditationRegister"],
      });
    if (value.intent === "settings" && value.endsOn <= value.startsOn)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "De einddatum moet na de startdatum liggen.",
        path: ["endsOn"],
      });
  });

export type CohortSettingsInput = Omit<Extract<z.output<typeof SettingsFields>, { intent: "settings" }>, "intent">;

export type CatalogueInput = Omit<z.output<typeof CatalogueFields>, "intent">;
