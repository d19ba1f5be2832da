// The schemas of the wijk-feedback and consent forms (one per form, shared by browser and server).
import { z } from "zod";
import { emailField, honeypot, requiredText } from "~/forms/fields";
import { CONSENT_PERIODS, isQuestionKey } from "./questions";

const questions = z
  .array(z.string(), { required_error: "Kies twee of drie vragen." })
  .default([])
  .refine((keys) => keys.every(isQuestionKey), "Kies vragen uit de lijst.")
  .refine((keys) => new Set(keys).size >= 2 && new Set(keys).size <= 3, "Kies twee of drie vragen.");

const excerpt = z
  .string({ required_error: "Schrijf of plak het stuk dat de bewoner te zien krijgt." })
  .trim()
  .min(20, "Laat minstens een paar zinnen zien (20 tekens of meer), zodat de ander weet waar het over gaat.")
  .max(5000, "Het stuk dat je laat zien mag hoogstens 5.000 tekens lang zijn. Kies een kortere passage.");

const period = z.enum(CONSENT_PERIODS.map((p) => p.value) as [string, ...string[]], {
  errorMap: () => ({ message: "Kies hoe lang de toestemming geldt." }),
});

export const InviteByMailSchema = z.object({
  intent: z.literal("mail"),
  name: requiredText("de naam van wie je uitnodigt", 80),
  email: emailField,
  questions,
  excerpt,
});

export const MeetingLinkSchema = z.object({
  intent: z.literal("meeting"),
  questions,
  excerpt,
  maxResponses: z.coerce
    .number({ invalid_type_error: "Vul een aantal in, bijvoorbeeld 10." })
    .int("Vul een heel getal in.")
    .min(2, "Een link voor een bijeenkomst is voor minstens 2 mensen.")
    .max(25, "Een link voor een bijeenkomst is voor hoogstens 25 mensen.")
    .default(10),
});

export const RevokeSchema = z.object({ intent: z.literal("revoke"), requestId: z.string().min(1) });
export const ThankSchema = z.object({
  intent: z.literal("thank"),
  feedbackId: z.string().min(1),
  message: requiredText("je bedankje", 1000),
});
export const ShareSchema = z.object({
  intent: z.literal("share"),
  feedbackId: z.string().min(1),
  share: z.enum(["yes", "no"]),
});

export const ManageSchema = z.discriminatedUnion("intent", [
  InviteByMailSchema,
  MeetingLinkSchema,
  RevokeSchema,
  ThankSchema,
  ShareSchema,
]);

/** The resident's form: answers to the chosen questions (answers.<key>), a name, consent, an optional address. */
export const ResidentFeedbackSchema = z.object({
  answers: z.record(z.string().trim().max(3000, "Een antwoord mag hoogstens 3.000 tekens lang zijn.")).default({}),
  authorName: z
    .string()
    .trim()
    .max(60, "Je naam mag hoogstens 60 tekens lang zijn.")
    .optional()
    .transform((name) => name || "Een bewoner"),
  email: z
    .string()
    .trim()
    .max(254, "Dit e-mailadres is te lang.")
    .optional()
    .transform((value) => value || null)
    .pipe(z.string().email("Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl.").nullable()),
  assessment: z.boolean().default(false),
  community: z.boolean().default(false),
  period,
  website: honeypot,
});

export const WithdrawConsentSchema = z.object({
  consentIds: z.array(z.string()).default([]),
});

export const PaperConsentSchema = z.object({
  intent: z.literal("paper"),
  subjectId: z.string().min(1),
  /** The paper itself is streamed apart (see assignments/uploads.server.ts). */
  files: z.unknown().optional(),
  period,
  email: z
    .string()
    .trim()
    .optional()
    .transform((value) => value || null)
    .pipe(z.string().email("Dit is geen geldig e-mailadres, bijvoorbeeld naam@voorbeeld.nl.").nullable()),
});

export const PublishCaseSchema = z.object({ intent: z.literal("publish") });
