// A refusal the user should read: a Dutch message, an HTTP status and, where a form field is at fault, its error.
// Capabilities throw it; routes turn it into what the page shows with `refusal`.
import { json } from "@remix-run/node";

export class RefusedError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
  }
}

/**
 * The action's answer to a refusal: `{ ok: false, message }` (plus `extra`) with its status. A 404 stays a 404
 * (where existence is private), and anything that is not a refusal is rethrown to the error boundary.
 */
export function refusal<Extra extends Record<string, unknown>>(error: unknown, extra: Extra = {} as Extra) {
  if (!(error instanceof RefusedError)) throw error;
  if (error.status === 404) throw new Response(error.message, { status: 404 });
  return json({ ok: false as const, message: error.message, ...extra }, { status: error.status });
}
