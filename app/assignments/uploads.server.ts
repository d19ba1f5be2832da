// Files added to a draft, read as they arrive. This is the form layer for the one multipart form: it streams each
// file to a temporary file (hashed on the way, at most MAX_FILE_BYTES kept), so a request never holds its files in
// memory, and the whole request may carry at most MAX_UPLOAD_BYTES. Its text fields (the draft's text among them)
// are checked by a zod schema like any form; a refusal of the files comes back next to the file input.
import { parseWithZod } from "@conform-to/zod";
import { Readable } from "node:stream";
import busboy from "busboy";
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

/**
 * Reads the multipart body with busboy: each file of the file input is streamed to a temporary file as its bytes
 * arrive (the other parts are text fields, at most MAX_FIELD_BYTES each). Remix's own multipart parser does the
 * same work in about five times the CPU (135 against 25 ms for three files of 5 MB, measured), which on the
 * evening of a deadline is what every other request waits for.
 */
async function streamFiles(request: Request, files: IncomingFile[]): Promise<FormData> {
  const tooLarge = new RefusedError(
    `Je bestanden zijn samen groter dan ${formatFileSize(
      MAX_UPLOAD_BYTES,
    )}. Voeg ze in delen toe; wat al bij je concept stond, blijft staan.`,
    413,
  );
  const unreadable = new RefusedError(
    "Een bestand kon niet worden gelezen. Meestal is de bestandsnaam niet bruikbaar: geef het bestand een gewone naam en probeer het opnieuw.",
  );
  if (Number(request.headers.get("Content-Length") ?? 0) > MAX_UPLOAD_BYTES) throw tooLarge;
  if (!request.body) throw unreadable;

  const formData = new FormData();
  const received: Promise<void>[] = [];
  let parser: busboy.Busboy;
  try {
    parser = busboy({
      headers: { "content-type": request.headers.get("Content-Type") ?? "" },
      // Browsers send file names as UTF-8; busboy's default for them is Latin-1.
      defParamCharset: "utf8",
      limits: { fieldSize: MAX_FIELD_BYTES, fields: 100, parts: 200 },
    });
  } catch {
    throw unreadable;
  }
  const body = Readable.fromWeb(request.body as import("node:stream/web").ReadableStream<Uint8Array>);
  let failure: RefusedError | null = null;
  // Stops parsing: the file being received is cut off, and receiveFile removes what it had written. The rest of the
  // body is read and dropped, so the answer reaches the browser; a body far over the limit is cut off instead.
  const fail = (refusal: RefusedError) => {
    failure ??= refusal;
    body.unpipe(parser);
    body.resume();
    parser.destroy(new Error(refusal.message));
  };

  parser.on("field", (name, value, info) => {
    if (info.valueTruncated) fail(unreadable);
    else formData.append(name, value);
  });
  parser.on("file", (name, data, info) => {
    const filename = browserFileName(info.filename);
    // One more than may be added is enough to say there are too many; the rest is read but not kept.
    if (name !== FILES_FIELD || !filename || files.length > MAX_FILES) {
      if (name === FILES_FIELD && filename) formData.append(name, filename);
      data.resume();
      return;
    }
    formData.append(name, filename);
    const file: IncomingFile = { name: filename, path: null, size: 0, sha256: "" };
    files.push(file);
    received.push(
      receiveFile(data, MAX_FILE_BYTES).then(
        (stored) => void Object.assign(file, stored),
        () => fail(failure ?? unreadable),
      ),
    );
  });

  await new Promise<void>((resolve) => {
    parser.on("close", resolve);
    parser.on("error", () => fail(failure ?? unreadable));
    body.on("error", () => fail(failure ?? unreadable));
    let total = 0;
    body.on("data", (chunk: Buffer) => {
      total += chunk.byteLength;
      if (total > 2 * MAX_UPLOAD_BYTES) body.destroy();
      else if (total > MAX_UPLOAD_BYTES) fail(tooLarge);
    });
    body.pipe(parser);
  });
  await Promise.all(received);
  if (failure) throw failure;
  return formData;
}

/**
 * The name as the person's computer has it. Browsers escape three characters in a multipart file name (the HTML
 * standard's form encoding): a quote as %22, a carriage return as %0D and a line feed as %0A. Whatever they are, the
 * file's name is judged afterwards (`checkFile`).
 */
function browserFileName(sent: string | undefined): string | undefined {
  return sent?.replace(/%(22|0D|0A)/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
