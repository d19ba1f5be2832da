// The one way an action reads a request body. Whatever arrives, the person gets a Dutch answer, never a 500: a
// body of the wrong kind (text/plain, JSON, multipart without a boundary), one over the size limit, or text with a
// NUL byte (which PostgreSQL cannot store) is refused here with a message, and the refusal page gives back what
// was typed. The values are also kept for the request (request-state), so a 503 while the database is away can
// give them back too.
import { json } from "@remix-run/node";
import { currentRequestState } from "~/server/request-state.server";
import { SECRET_FIELDS } from "./protocol";

/** Ordinary forms: generous for a long text (a submission is at most 100,000 characters), small for a server. */
const FORM_LIMIT_BYTES = 1024 * 1024;

const KIB = 1024;
/** A body over the limit but under this is read to its end (and dropped) before the refusal. */
const DRAIN_LIMIT_BYTES = 16 * 1024 * 1024;

type FormRefusal = { message: string; values: Record<string, string> };

/** A refusal in the shape the error page shows: a message and what the person had typed. */
function refuseForm(message: string, status: number, values: Record<string, string> = {}): Response {
  return json<FormRefusal>({ message, values }, { status });
}

function bodyTooLarge(limit: number): string {
  return `Wat je verstuurde is te groot (meer dan ${Math.round(limit / KIB)} kB). Maak je tekst korter of verdeel hem, en probeer het opnieuw.`;
}

const NOT_A_FORM =
  "Dit verzoek kwam niet als formulier binnen. Vul het formulier op de pagina in en verstuur het opnieuw.";
const NUL_BYTE =
  "Je tekst bevat een onzichtbaar teken dat Gilde niet kan bewaren (een nul-teken), vaak meegekomen bij het plakken. We hebben het weggehaald: controleer je tekst hieronder, kopieer hem en verstuur hem opnieuw.";

/** Reads the body as a form within `limit` bytes, or throws a Dutch 400 (413 when too large) response. */
export async function readForm(
  request: Request,
  { limit = FORM_LIMIT_BYTES }: { limit?: number } = {},
): Promise<FormData> {
  const type = request.headers.get("content-type") ?? "";
  const urlencoded = /^application\/x-www-form-urlencoded\s*(;|$)/i.test(type);
  const multipart = /^multipart\/form-data\s*;/i.test(type) && /;\s*boundary=("?)[^";]{1,70}\1\s*(;|$)/i.test(type);
  if (!urlencoded && !multipart) throw refuseForm(NOT_A_FORM, 400);

  const declared = Number(request.headers.get("content-length") ?? "0");
  if (declared > DRAIN_LIMIT_BYTES) throw refuseForm(bodyTooLarge(limit), 413);
  const bytes = await readLimited(request, limit);

  let formData: FormData;
  try {
    formData = urlencoded
      ? toFormData(new URLSearchParams(new TextDecoder().decode(bytes)))
      : await new Response(bytes, { headers: { "Content-Type": type } }).formData();
  } catch {
    throw refuseForm(NOT_A_FORM, 400);
  }
  return checkFormText(formData);
}

/** Refuses text fields with a NUL byte, and remembers the values for this request. Also for upload forms. */
function checkFormText(formData: FormData): FormData {
  const values = formValues(formData);
  const state = currentRequestState();
  if (Object.values(values).some((value) => value.includes("\0"))) {
    const cleaned = Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value.replaceAll("\0", "")]));
    if (state) state.values = cleaned;
    throw refuseForm(NUL_BYTE, 400, cleaned);
  }
  if (state) state.values = values;
  return formData;
}

function toFormData(params: URLSearchParams): FormData {
  const formData = new FormData();
  for (const [key, value] of params) formData.append(key, value);
  return formData;
}

async function readLimited(request: Request, limit: number): Promise<Uint8Array<ArrayBuffer>> {
  if (!request.body) return new Uint8Array(0);
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > DRAIN_LIMIT_BYTES) {
      await reader.cancel().catch(() => {});
      throw refuseForm(bodyTooLarge(limit), 413);
    }
    // Past the limit the rest is read and dropped (up to DRAIN_LIMIT_BYTES), so the browser gets the answer on a
    // connection that still works, instead of a reset.
    if (size <= limit) chunks.push(value);
  }
  if (size > limit) throw refuseForm(bodyTooLarge(limit), 413);
  const body = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

/** The text values of a form, never a password: what the refusal page gives back to copy. */
function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.includes(key)) values[key] = value;
  }
  return values;
}
