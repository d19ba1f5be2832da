// The forms of the certificate pages: one schema each, shared by the page and its action.
import { z } from "zod";
import { emailField, requiredText } from "~/forms/fields";

const credentialId = z.string().uuid("Dit certificaat bestaat niet.");

/** /account/certificaat: a new certificate on the current name (the old one is revoked as replaced). */
export const ReissueOwnSchema = z.object({ intent: z.literal("reissue"), credentialId });

/** /verifieer: paste the JSON, or upload the .json file. */
export const VerifySchema = z
  .object({
    json: z.string().trim().optional(),
    file: z.instanceof(File).optional(),
  })
  .refine((value) => value.json || (value.file && value.file.size > 0), {
    message: "Plak de inhoud van het .json-bestand, of kies het bestand.",
    path: ["json"],
  });

const urlField = z
  .string({ required_error: "Vul het webadres in." })
  .trim()
  .url("Dit is geen webadres; begin met https://.")
  .max(300)
  .refine((v) => /^https?:\/\//.test(v), "Begin het webadres met https://.");

export const IssuerAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("settings"),
    name: requiredText("de naam van de uitgever", 120),
    url: urlField,
    email: emailField,
  }),
  z.object({ intent: z.literal("rotate") }),
  z.object({
    intent: z.literal("revoke"),
    credentialId,
    reason: z
      .string({ required_error: "Schrijf op waarom je het certificaat intrekt." })
      .trim()
      .min(5, "Schrijf op waarom je het certificaat intrekt (minstens een paar woorden).")
      .max(500, "De reden mag hoogstens 500 tekens lang zijn."),
  }),
  z.object({ intent: z.literal("reissue"), credentialId }),
]);
