// The forms of a gilde's writing page (issue 23), one zod schema each, read by the browser and the server alike.
import { z } from "zod";
import { formatNumber } from "~/format";

export const GILDE_TEXT_FORM_ID = "gildetekst";
export const CONTRIBUTION_FORM_ID = "bijdrage";
export const AGREE_FORM_ID = "akkoord";
export const GILDE_HAND_IN_FORM_ID = "gilde-inleveren";

const MAX_BODY = 100_000;
const revision = z.number().int().min(0).catch(0);

export const GildeTextSchema = z.object({
  intent: z.literal("save-draft"),
  // Conform turns "" into nothing: an emptied text is saved as "".
  body: z
    .string()
    .max(MAX_BODY, `De tekst is langer dan ${formatNumber(MAX_BODY)} tekens.`)
    .default(""),
  revision,
  /** Sent by the editor's autosave, which needs the new revision back as JSON. */
  autosave: z.literal("1").optional(),
});

export const ContributionSchema = z.object({
  intent: z.literal("contribution"),
  contribution: z
    .string()
    .trim()
    .max(2_000, "Houd je bijdrage kort: een paar zinnen over wat jij hebt gedaan.")
    .default(""),
});

export const AgreeSchema = z.object({ intent: z.literal("agree"), revision });

export const GildeHandInSchema = z.object({ intent: z.literal("hand-in") });

export const GildeWorkSchema = z.discriminatedUnion("intent", [
  GildeTextSchema,
  ContributionSchema,
  AgreeSchema,
  GildeHandInSchema,
]);
