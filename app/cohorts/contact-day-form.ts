// The admin's forms for a cohort's contact days (/beheer/groepen/:cohortId/contactdagen): one schema for the
// browser and the server. A day has a date, a start and end time (Amsterdam), a place or "online", a topic, and the
// trainers of the cohort who lead it.
import { z } from "zod";
import { isoDate } from "~/forms/fields";

export const TOPIC_MAX = 200;
export const PLACE_MAX = 200;

const time = (label: string) =>
  z
    .string({ required_error: `Vul ${label} in.` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, `Vul ${label} in als tijd, bijvoorbeeld 09:30.`);

const SaveFields = z.object({
  intent: z.literal("save"),
  /** Empty for a new day; the day's id when it is changed. */
  id: z.string().max(40).optional(),
  day: isoDate("de datum"),
  startTime: time("de begintijd"),
  endTime: time("de eindtijd"),
  online: z.boolean().default(false),
  place: z.string().trim().max(PLACE_MAX, `De plaats mag hoogstens ${PLACE_MAX} tekens lang zijn.`).default(""),
  topic: z.string().trim().max(TOPIC_MAX, `Het onderwerp mag hoogstens ${TOPIC_MAX} tekens lang zijn.`).default(""),
  onlineUrl: z
    .string()
    .trim()
    .max(500, "De link mag hoogstens 500 tekens lang zijn.")
    .refine((v) => !v || /^https:\/\/\S+$/.test(v), "Vul een link in die met https:// begint.")
    .default(""),
  programme: z.string().trim().max(4000, "Het programma mag hoogstens 4000 tekens lang zijn.").default(""),
  /** Module and assignment slugs, separated by commas or spaces. */
  preparation: z.string().trim().max(1000).default(""),
  breakouts: z.string().trim().max(2000, "De indeling in gildes mag hoogstens 2000 tekens lang zijn.").default(""),
  /** The ids of the cohort's trainers who lead the day (checkboxes). */
  leaders: z.array(z.string().max(40)).max(50).default([]),
});

const RemoveFields = z.object({ intent: z.literal("remove"), id: z.string().max(40) });

export const ContactDayAction = z.discriminatedUnion("intent", [SaveFields, RemoveFields]).superRefine((value, ctx) => {
  if (value.intent !== "save") return;
  if (value.endTime <= value.startTime)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: "De eindtijd moet na de begintijd liggen.",
      path: ["endTime"],
    });
  if (!value.online && !value.place)
    ctx.addIssue({
      code: z.ZodIssueCode.custom,
      message: "Vul de plaats in, of vink aan dat de dag online is.",
      path: ["place"],
    });
});

export type ContactDayInput = Omit<z.output<typeof SaveFields>, "intent">;
