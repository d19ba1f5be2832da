// The server half of the form protocol. An action reads its form with `readSubmission` (the body checks of
// read.server.ts, then the route's zod schema through Conform), does its work inside `attempt`, and answers with
// `redirectWithFlash` when it worked. A refusal from the domain (`RefusedError`) and a schema that does not pass
// both come back as a `FormReply`: the message at the top of the form, field errors next to their fields, what
// was typed kept (never a password).
import { parseWithZod } from "@conform-to/zod";
import { json, type TypedResponse } from "@remix-run/node";
import type { z } from "zod";
import { RefusedError } from "~/errors.server";
import { FORM_ID_FIELD, SECRET_FIELDS, type FormReply } from "./protocol";
import { readForm } from "./read.server";

type Parsed<Schema extends z.ZodTypeAny> = Awaited<ReturnType<typeof parse<Schema>>>;

function parse<Schema extends z.ZodTypeAny>(formData: FormData, schema: Schema) {
  return parseWithZod(formData, { schema, async: true });
}

export type FormSubmission<Schema extends z.ZodTypeAny> = Parsed<Schema> & {
  formData: FormData;
  formId: string | undefined;
};

/**
 * Reads the request's form against `schema`. `schema` may be a function of the form data's own checks already
 * done, e.g. a discriminated union on `intent` whose branches depend on who asks: an intent someone may not use
 * is simply not in their schema.
 */
export async function readSubmission<Schema extends z.ZodTypeAny>(
  request: Request,
  schema: Schema,
  options: { limit?: number } = {},
): Promise<FormSubmission<Schema>> {
  const formData = await readForm(request, options);
  const submission = await parse(formData, schema);
  const formId = formData.get(FORM_ID_FIELD);
  return Object.assign(submission, { formData, formId: typeof formId === "string" ? formId : undefined });
}

type ReplyOptions = {
  formError?: string;
  fieldErrors?: Record<string, string>;
  status?: number;
  /** More for the page to show beside the errors (e.g. the other version of a draft that was saved meanwhile). */
  extra?: Record<string, unknown>;
};

/** The refusal answer: Conform's result plus the form it belongs to. */
export function reply<Schema extends z.ZodTypeAny>(
  submission: FormSubmission<Schema>,
  { formError, fieldErrors = {}, status = 400, extra = {} }: ReplyOptions = {},
): TypedResponse<FormReply> {
  const result = submission.reply({
    formErrors: formError ? [formError] : undefined,
    fieldErrors: Object.fromEntries(Object.entries(fieldErrors).map(([name, message]) => [name, [message]])),
    hideFields: SECRET_FIELDS,
  });
  return json<FormReply>({ ...extra, ...result, status: "error", formId: submission.formId }, { status });
}

/**
 * Runs the action's work for a submission: a schema that did not pass answers with its field errors (and
 * `invalid`, a message at the top of the form, where a long form needs one); a refusal from the domain answers
 * with its message (a 404 stays a 404, where existence is private); anything else is a real failure for the error
 * boundary.
 */
export async function attempt<Schema extends z.ZodTypeAny>(
  submission: FormSubmission<Schema>,
  work: (value: z.output<Schema>) => Promise<Response>,
  { invalid }: { invalid?: string } = {},
): Promise<Response> {
  if (submission.status !== "success") {
    const intentError = submission.error?.intent;
    return intentError
      ? reply(submission, { formError: "Dit kun je hier niet doen. Laad de pagina opnieuw.", status: 403 })
      : reply(submission, { formError: invalid });
  }
  try {
    return await work(submission.value);
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    return reply(submission, { formError: error.message, fieldErrors: error.errors, status: error.status });
  }
}
