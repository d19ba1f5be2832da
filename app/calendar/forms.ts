// The agenda's forms: a participant's answer to a contact day ("ik kom" / "ik kan niet" with a reason), and the
// trainer's attendance list. One schema each for the browser and the server.
import { z } from "zod";

export const REASON_MAX = 300;

const reason = z.string().trim().max(REASON_MAX, `De reden mag hoogstens ${REASON_MAX} tekens lang zijn.`).default("");

export const RespondAction = z
  .object({
    intent: z.literal("respond"),
    day: z.string().max(40),
    coming: z.enum(["ja", "nee"], { required_error: "Kies of je komt." }),
    reason,
  })
  .superRefine((value, ctx) => {
    if (value.coming === "nee" && !value.reason)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Schrijf kort waarom je niet kunt, zodat je trainer het weet.",
        path: ["reason"],
      });
  });

export const ATTENDANCE_STATUSES = ["PRESENT", "LATE", "ABSENT", "EXCUSED"] as const;
export type AttendanceStatusValue = (typeof ATTENDANCE_STATUSES)[number];

export const ATTENDANCE_LABELS: Record<AttendanceStatusValue, string> = {
  PRESENT: "Aanwezig",
  LATE: "Te laat",
  ABSENT: "Afwezig",
  EXCUSED: "Afgemeld",
};

const MarkFields = z.object({
  intent: z.literal("mark"),
  participant: z.string().max(40),
  status: z.enum(ATTENDANCE_STATUSES, { required_error: "Kies aanwezig, te laat, afwezig of afgemeld." }),
  reason,
});

const ReplacementFields = z.object({
  intent: z.literal("replacement"),
  participant: z.string().max(40),
  task: z.string().trim().max(1000, "De vervangende opdracht mag hoogstens 1000 tekens lang zijn.").default(""),
  done: z.boolean().default(false),
});

export const AttendanceAction = z
  .discriminatedUnion("intent", [MarkFields, ReplacementFields])
  .superRefine((v, ctx) => {
    if (v.intent === "mark" && v.status === "EXCUSED" && !v.reason)
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Vul de reden van de afmelding in.",
        path: ["reason"],
      });
  });
