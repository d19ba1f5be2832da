// The forms of /account, one schema shared by the page's parts (app/components/account/) and its action. Each
// form names its intent; a password is never sent back to the page (SECRET_FIELDS in forms/protocol.ts). Only staff
// have the profile form: for anyone else its intent is not in the schema (a 403).
import { z } from "zod";
import { emailField, newPasswordField, requiredText } from "~/forms/fields";

export const NAME_MAX = 120;

const currentPassword = z
  .string({ required_error: "Vul je huidige wachtwoord in." })
  .min(1, "Vul je huidige wachtwoord in.")
  .max(1024, "Dit is niet je huidige wachtwoord.");

export const BIO_MAX = 500;

const ownForms = [
  z.object({ intent: z.literal("name"), name: requiredText("je naam", NAME_MAX) }),
  z.object({ intent: z.literal("email"), email: emailField, currentPassword }),
  z.object({ intent: z.literal("password"), currentPassword, newPassword: newPasswordField }),
  z.object({ intent: z.literal("end-session"), session: z.string().max(64) }),
  z.object({ intent: z.literal("end-other-sessions") }),
  z.object({ intent: z.literal("unlink-oidc"), identity: z.string().max(64) }),
  z.object({
    intent: z.literal("preferences"),
    weekly: z.boolean().default(false),
    reminders: z.boolean().default(false),
  }),
] as const;

export const AccountAction = z.discriminatedUnion("intent", [...ownForms]);

/** Staff (trainers and admins) also write the short profile the public page of their cohorts shows. */
export const StaffAccountAction = z.discriminatedUnion("intent", [
  ...ownForms,
  z.object({
    intent: z.literal("bio"),
    bio: z.string().trim().max(BIO_MAX, `Je profiel mag hoogstens ${BIO_MAX} tekens lang zijn.`).default(""),
  }),
]);

export const FORM_IDS = {
  name: "naam",
  email: "e-mailadres",
  password: "wachtwoord",
  preferences: "e-mailvoorkeuren",
  endOthers: "andere-sessies",
  bio: "profiel",
} as const;
