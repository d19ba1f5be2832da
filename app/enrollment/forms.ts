// The enrollment pages' forms, one zod schema each for browser and server: the applicant's intake (with pay and
// withdraw), and what a cohort's staff do with the intakes. Who may use an intent is decided by its branch.
import { z } from "zod";
import { requiredText, wholeNumber } from "~/forms/fields";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Maximaal ${max} tekens.`)
    .optional()
    .transform((v) => v || null);

const IntakeFields = z.object({
  intent: z.literal("apply"),
  currentWork: requiredText("je huidige werk", 200),
  organisation: requiredText("je organisatie", 200),
  experienceYears: z.coerce
    .number({
      invalid_type_error: "Vul een aantal jaren in, bijvoorbeeld 4.",
      required_error: "Vul een aantal jaren in, bijvoorbeeld 4.",
    })
    .int("Vul hele jaren in.")
    .min(0, "Vul een aantal jaren in, bijvoorbeeld 4.")
    .max(60, "Dat zijn wel erg veel jaren: klopt het?"),
  experience: requiredText("een beschrijving van je ervaring", 4000),
  wijk: requiredText("de wijk waarin je gaat oefenen", 200),
  motivation: requiredText("je motivatie", 4000),
  payer: z.enum(["SELF", "EMPLOYER"], { errorMap: () => ({ message: "Kies wie betaalt." }) }),
});

const required = (message: string) => z.string({ required_error: message }).trim().min(1, message);
const INVOICE_EMAIL = "Vul een geldig e-mailadres in voor de factuur.";

const PO_NUMBER_MAX = 50;

/**
 * Who pays, the choice that decides what else is needed: an employer who pays needs a name, a contact and an
 * e-mail address for the invoice. Checked alongside the intake's own fields (an intersection reports both), so
 * every missing field shows at once. The employer's fieldset is read ONLY when the employer pays: without
 * JavaScript it is always on the page, and what a self-payer left in it is dropped, not judged. Pay and withdraw
 * carry no payer.
 */
const PayerFields = z.discriminatedUnion("payer", [
  z.object({
    payer: z.literal("EMPLOYER"),
    employerName: required("Vul de naam van de organisatie in die betaalt.").pipe(
      z.string().max(200, "Houd de naam van de organisatie kort: hoogstens 200 tekens."),
    ),
    employerContact: required("Vul een contactpersoon in voor de factuur.").pipe(
      z.string().max(200, "Houd de naam van de contactpersoon kort: hoogstens 200 tekens."),
    ),
    employerEmail: z.string({ required_error: INVOICE_EMAIL }).trim().max(254, INVOICE_EMAIL).email(INVOICE_EMAIL),
    poNumber: z
      .string()
      .trim()
      .max(
        PO_NUMBER_MAX,
        `Een inkoopnummer of kostenplaats is hoogstens ${PO_NUMBER_MAX} tekens. Kijk of je het juiste nummer hebt geplakt.`,
      )
      .optional()
      .transform((v) => v || null),
    employerAddress: optionalText(500),
  }),
  z.object({ payer: z.literal("SELF") }),
  z.object({ payer: z.undefined() }),
]);

/** The applicant's page: apply with the intake, pay once accepted, or withdraw. */
export const ApplicationAction = z
  .discriminatedUnion("intent", [
    z.object({ intent: z.literal("pay") }),
    z.object({ intent: z.literal("withdraw") }),
    IntakeFields,
  ])
  .and(PayerFields);

const id = z.string().min(1).max(64);
const checkbox = z.boolean().default(false);

const CohortSettingsFields = z.object({
  intent: z.literal("settings"),
  location: z.string().trim().max(200).default(""),
  rhythm: z.string().trim().max(200).default(""),
  priceIncludesVat: checkbox,
  intakeOpen: checkbox,
  autoPlaceInGilde: checkbox,
  reservationDays: wholeNumber("het aantal dagen", { min: 1, max: 90, example: 14 }),
  refundAfterStartPercent: wholeNumber("het percentage", { min: 0, max: 100, example: 50 }),
});

const decision = {
  enrollmentId: id,
  message: z.string().trim().max(2000, "Houd het bericht kort: hoogstens 2000 tekens.").default(""),
};
const trainerIntents = [
  z.object({ intent: z.literal("accept"), ...decision }),
  z.object({ intent: z.literal("reject"), ...decision }),
  z.object({ intent: z.literal("place"), userId: id, gildeId: id.optional().transform((v) => v ?? null) }),
] as const;
const adminIntents = [
  z.object({ intent: z.literal("refund"), paymentId: id }),
  z.object({ intent: z.literal("arranged"), enrollmentId: id }),
  z.object({ intent: z.literal("employer-start"), enrollmentId: id }),
  z.object({ intent: z.literal("invoice"), enrollmentId: id }),
  CohortSettingsFields,
] as const;

/** Everything the cohort's intake page can do: the admin's payments and settings on top of a trainer's decisions. */
export const IntakesAction = z.discriminatedUnion("intent", [...trainerIntents, ...adminIntents]);
const TrainerIntakesAction = z.discriminatedUnion("intent", [...trainerIntents]);

/** The intents this member of staff may use: a trainer decides and places; payments and settings are the admin's. */
export function intakesActionFor(staff: { role: string }): typeof IntakesAction {
  return staff.role === "ADMIN" ? IntakesAction : (TrainerIntakesAction as unknown as typeof IntakesAction);
}
