// The forms of inviting: the admin's page (invite, resend, withdraw) and the invitee's accept page.
import { z } from "zod";
import { newPasswordField, requiredText } from "~/forms/fields";

const id = z.string({ required_error: "Kies uit de lijst." }).min(1).max(64);

const inviteeEmail = z
  .string({ required_error: "Vul het e-mailadres in van wie je uitnodigt." })
  .trim()
  .min(1, "Vul het e-mailadres in van wie je uitnodigt.")
  .max(254, "Dit e-mailadres is te lang.")
  .email("Dit is geen geldig e-mailadres, bijvoorbeeld naam@organisatie.nl.");

export const InvitationAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("invite"),
    email: inviteeEmail,
    name: z.string().trim().max(120, "De naam mag hoogstens 120 tekens lang zijn.").default(""),
    role: z.enum(["TRAINER", "ADMIN"], {
      errorMap: () => ({ message: "Kies of je een trainer of een beheerder uitnodigt." }),
    }),
    cohortIds: z.array(id).max(50, "Kies hoogstens 50 groepen.").default([]),
  }),
  z.object({ intent: z.literal("resend"), invitationId: id }),
  z.object({ intent: z.literal("withdraw"), invitationId: id }),
]);

export const AcceptAction = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("create"), name: requiredText("je naam", 120), password: newPasswordField }),
  z.object({ intent: z.literal("accept") }),
]);
