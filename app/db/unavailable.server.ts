// When the database cannot be reached, a request gets a Dutch 503 with Retry-After ("Gilde is even niet
// bereikbaar") instead of a generic 500, and a form that was being posted comes back with what was typed.
// Outside a request (background jobs) the error stays what it was, for the job's own retry and log.
import { json } from "@remix-run/node";
import { currentRequestState } from "~/server/request-state.server";

const UNAVAILABLE_MESSAGE =
  "Gilde kan de database nu niet bereiken. Er is niets verloren gegaan, maar wat je net verstuurde is nog niet bewaard. Probeer het over een minuut opnieuw.";

// Connection refused or lost, the server shutting down or starting, too many connections, a closed embedded database.
const CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "ENOTFOUND",
  "EPIPE",
  "EHOSTUNREACH",
  "P1001",
  "P1002",
  "P1017",
  // No connection came free for a transaction in time (a peak), or the transaction was closed for it.
  "P2028",
  "57P01",
  "57P02",
  "57P03",
  "53300",
]);
const MESSAGES =
  /ECONNREFUSED|ECONNRESET|Connection terminated|Client was closed and is not queryable|connection timeout|Can't reach database|server closed the connection|PGlite is closed|the database system is (starting up|shutting down)|terminating connection/i;

function isDatabaseUnavailable(error: unknown): boolean {
  let current: unknown = error;
  for (let depth = 0; current && depth < 6; depth++) {
    if (typeof current !== "object") return typeof current === "string" && MESSAGES.test(current);
    const { code, message, cause, originalCode } = current as {
      code?: unknown;
      message?: unknown;
      cause?: unknown;
      originalCode?: unknown;
    };
    if ((typeof code === "string" && CODES.has(code)) || (typeof originalCode === "string" && CODES.has(originalCode)))
      return true;
    if (typeof message === "string" && MESSAGES.test(message)) return true;
    current = cause ?? (current as { errors?: unknown[] }).errors?.[0];
  }
  return false;
}

/** The error itself, or (inside a request, for an unreachable database) the 503 response to throw instead. */
export function unavailableResponse(error: unknown): unknown {
  if (error instanceof Response) return error;
  const state = currentRequestState();
  if (!state || !isDatabaseUnavailable(error)) return error;
  console.error("Database niet bereikbaar:", error instanceof Error ? error.message : error);
  return json(
    { message: UNAVAILABLE_MESSAGE, values: state.values ?? {} },
    { status: 503, headers: { "Retry-After": "30" } },
  );
}
