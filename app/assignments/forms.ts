// The assignment page's forms, one zod schema each, read by the browser and the server alike (see forms/).
import { z } from "zod";
import { formatNumber } from "~/format";

export const DRAFT_FORM_ID = "uitwerking";

const MAX_BODY = 100_000;

/**
 * The text as it was sent. An empty text is kept (it empties the draft); no text at all means "hand in what is
 * saved". Conform would turn "" into "nothing", so this field is not a plain string.
 */
const draftBody = z
  .custom<string | undefined>((value) => value === undefined || typeof value === "string")
  .refine(
    (value) => (value ?? "").length <= MAX_BODY,
    `Je tekst is langer dan ${formatNumber(MAX_BODY)} tekens. Zet lange stukken in een bijlage.`,
  );
const revision = z.number().int().min(0).catch(0);

/** The file input's value as the form sends it (the files themselves are streamed apart, see uploads.server.ts). */
const files = z.unknown().optional();

/**
 * The writing form: the text, the files to add, and the button pressed. Every button sends the text along, so
 * adding a file or handing in never loses what was typed; files chosen are added with whichever button.
 */
export const DraftSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("save-draft"),
    body: draftBody.refine((value) => value !== undefined, "Er is geen tekst om op te slaan."),
    revision,
    files,
    /** Sent by the editor's autosave (a fetch, not a navigation), which needs the new revision back as JSON. */
    autosave: z.literal("1").optional(),
  }),
  /** "Inleveren" without JavaScript: save, then the confirmation step (with JavaScript a dialog asks instead). */
  z.object({ intent: z.literal("prepare-hand-in"), body: draftBody, revision, files }),
  z.object({ intent: z.literal("hand-in"), body: draftBody, revision, files }),
  /** "Bestand toevoegen": the text is saved with it. */
  z.object({ intent: z.literal("upload"), body: draftBody, revision, files }),
]);

export const RemoveAttachmentSchema = z.object({ intent: z.literal("remove-attachment"), attachmentId: z.string() });

/** The writing form as a multipart post. A post with files and no button named (a script, an old page) adds them. */
export const UploadSchema = z.preprocess(
  (value) => (value && typeof value === "object" && !("intent" in value) ? { ...value, intent: "upload" } : value),
  DraftSchema,
);

/** The confirmation step before handing in without JavaScript (assignments/hand-in.server.ts). */
export const HandInSchema = z.object({ intent: z.literal("hand-in") });
