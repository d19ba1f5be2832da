// The forms of /account, one schema shared by the page's parts (app/components/account/) and its action. Each
// form names its intent; a password is never sent back to the page (SECRET_FIELDS in forms/protocol.ts).
import { z } from "zod";
import { emailField, newPasswordField, requiredText } from "~/forms/fields";

export const NAME_MAX = 120;

const currentPassword = z
  .string({ required_error: "Vul je huidige wachtwoord in." })
  .min(1, "Vul je huidige wachtwoord in.")
  .max(1024, "Dit is niet je huidige wachtwoord.");

export const AccountAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("name"), name: requiredText("je naam", NAME_MAX) }),
  z.object({ intent: z.literal("email"), email: emailField, currentPassword }),
  z.object({ intent: z.literal("password"), currentPassword, newPassword: newPasswordField }),
  z.object({ intent: z.literal("end-session"), session: z.string().max(64) }),
  z.object({ intent: z.literal("end-other-sessions") }),
  z.object({
    intent: z.literal("preferences"),
    weekly: z.boolean().default(false),
    reminders: z.boolean().default(false),
  }),
]);

export const FORM_IDS = {
  name: "naam",
  email: "e-mailadres",
  password: "wachtwoord",
  preferences: "e-mailvoorkeuren",
  endOthers: "andere-sessies",
} as const;
