// Files added to a draft, read as they arrive. This is the form layer for the one multipart form: it streams each
// file to a temporary file (hashed on the way, at most MAX_FILE_BYTES kept), so a request never holds its files in
// memory, and the whole request may carry at most MAX_UPLOAD_BYTES. Its text fields (the draft's text among them)
// are checked by a zod schema like any form; a refusal of the files comes back next to the file input.
import { parseWithZod } from "@conform-to/zod";
import {
  unstable_composeUploadHandlers,
  unstable_createMemoryUploadHandler,
  unstable_parseMultipartFormData,
  type UploadHandler,
} from "@remix-run/node";
import type { z } from "zod";
import { RefusedError } from "~/errors.server";
import { attempt, reply, type FormSubmission } from "~/forms/submission.server";
import { formatFileSize } from "~/format";
import { discardReceived, receiveFile } from "~/storage/storage.server";
import { MAX_FILE_BYTES, MAX_FILES, MAX_UPLOAD_BYTES } from "./files";
import type { IncomingFile } from "./work.server";

/** The text fields: the draft's text is at most 100,000 characters, up to 4 bytes each. */
const MAX_FIELD_BYTES = 512 * 1024;

type Upload<Schema extends z.ZodTypeAny> = {
  submission: FormSubmission<Schema>;
  files: IncomingFile[];
  refused: RefusedError | null;
};

/** Reads a multipart upload: its files to temporary files, its text fields against `schema`. */
export async function readUpload<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
  formId: string,
): Promise<Upload<Schema>> {
  const files: IncomingFile[] = [];
  let formData = new FormData();
  let refused: RefusedError | null = null;
  try {
    formData = await streamFiles(request, files);
  } catch (error) {
    await Promise.all(files.map((file) => discardReceived(file)));
    files.length = 0;
    if (!(error instanceof RefusedError)) throw error;
    refused = error;
  }
  const parsed = await parseWithZod(formData, { schema, async: true });
  if (parsed.status !== "success") await Promise.all(files.map((file) => discardReceived(file)));
  return { submission: Object.assign(parsed, { formData, formId }), files, refused };
}

/** The field the file input sends; its refusals are shown next to it. */
export const FILES_FIELD = "files";

/**
 * Like `attempt`, for an upload: `work` gets the values and the files, and an upload that could not be read answers
 * next to the file input (the text fields that did arrive are given back).
 */
export function attemptUpload<Schema extends z.ZodTypeAny>(
  upload: Upload<Schema>,
  work: (value: z.output<Schema>, files: IncomingFile[]) => Promise<Response>,
): Promise<Response> {
  const { refused } = upload;
  if (refused)
    return Promise.resolve(
      reply(upload.submission, { fieldErrors: { [FILES_FIELD]: refused.message }, status: refused.status }),
    );
  return attempt(upload.submission, (value) => work(value, upload.files));
}

async function streamFiles(request: Request, files: IncomingFile[]): Promise<FormData> {
  const tooLarge = `Je bestanden zijn samen groter dan ${formatFileSize(
    MAX_UPLOAD_BYTES,
  )}. Voeg ze in delen toe; wat al bij je concept stond, blijft staan.`;
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_UPLOAD_BYTES) throw new RefusedError(tooLarge, 413);
  let total = 0;
  const counted = request.body?.pipeThrough(
    new TransformStream<Uint8Array, Uint8Array>({
      transform(chunk, controller) {
        total += chunk.byteLength;
        if (total > MAX_UPLOAD_BYTES) controller.error(new Error("upload too large"));
        else controller.enqueue(chunk);
      },
    }),
  );
  const limited = new Request(request.url, {
    method: request.method,
    headers: request.headers,
    body: counted,
    duplex: "half",
  } as RequestInit);
  const fileHandler: UploadHandler = async ({ name, filename, data }) => {
    if (name !== FILES_FIELD || !filename) return undefined;
    // One more than may be added is enough to say there are too many; the rest is read but not kept.
    if (files.length > MAX_FILES) {
      for await (const _chunk of data);
      return filename;
    }
    files.push({ name: filename, ...(await receiveFile(data, MAX_FILE_BYTES)) });
    return filename;
  };
  try {
    return await unstable_parseMultipartFormData(
      limited,
      unstable_composeUploadHandlers(fileHandler, unstable_createMemoryUploadHandler({ maxPartSize: MAX_FIELD_BYTES })),
    );
  } catch {
    if (total > MAX_UPLOAD_BYTES) throw new RefusedError(tooLarge, 413);
    // The multipart parser gives up on a file name with ; or = in it, and on a malformed or over-long form.
    throw new RefusedError(
      "Het bestand kon niet worden gelezen. Geef het een gewone naam, zonder ; of =, en probeer het opnieuw.",
    );
  }
}
