// A refusal the user should read: a Dutch message, an HTTP status and, where a form field is at fault, its error.
// Capabilities throw it; the form layer (`attempt` in forms/submission.server.ts) turns it into what the page shows.
export class RefusedError extends Error {
  constructor(
    message: string,
    readonly status = 400,
    readonly errors: Record<string, string> = {},
  ) {
    super(message);
  }
}
