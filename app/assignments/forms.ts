// The assignment page's forms, one zod schema each, read by the browser and the server alike (see forms/).
import { z } from "zod";

export const DRAFT_FORM_ID = "uitwerking";
export const UPLOAD_FORM_ID = "bijlagen";

const MAX_BODY = 100_000;

/**
 * The text as it was sent. An empty text is kept (it empties the draft); no text at all means "hand in what is
 * saved". Conform would turn "" into "nothing", so this field is not a plain string.
 */
const draftBody = z
  .custom<string | undefined>((value) => value === undefined || typeof value === "string")
  .refine(
    (value) => (value ?? "").length <= MAX_BODY,
    `Je tekst is langer dan ${MAX_BODY.toLocaleString("nl-NL")} tekens. Zet lange stukken in een bijlage.`,
  );
const revision = z.number().int().min(0).catch(0);

export const DraftSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save-draft"),
    body: draftBody.refine((value) => value !== undefined, "Er is geen tekst om op te slaan."),
    revision,
    /** Sent by the editor's autosave (a fetch, not a navigation), which needs the new revision back as JSON. */
    autosave: z.literal("1").optional(),
  }),
  z.object({ intent: z.literal("hand-in"), body: draftBody, revision }),
]);

export const RemoveAttachmentSchema = z.object({ intent: z.literal("remove-attachment"), attachmentId: z.string() });

/** The text fields of the upload form (its files are streamed to disk by assignments/uploads.server.ts). */
export const UploadSchema = z.object({});
