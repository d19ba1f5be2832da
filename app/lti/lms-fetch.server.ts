// Calls from Gilde to an LMS (tokens, line items, scores, rosters): a time limit, and every failure as a Dutch
// sentence (LmsError) that the retry table keeps and the admin reads on /beheer/lti.
const TIMEOUT_MS = 10_000;

export class LmsError extends Error {}

export async function lmsFetch(url: string, init: RequestInit = {}): Promise<Response> {
  try {
    return await fetch(url, { ...init, signal: AbortSignal.timeout(TIMEOUT_MS), redirect: "error" });
  } catch (error) {
    console.warn(`LTI-verzoek naar ${url} mislukt: ${error instanceof Error ? error.message : String(error)}`);
    throw new LmsError(`De leeromgeving was niet bereikbaar (${new URL(url).host}). Gilde probeert het later opnieuw.`);
  }
}

/** A failed answer from the LMS in Dutch, with its HTTP status. */
export function refusedBy(what: string, response: Response): LmsError {
  return new LmsError(`De leeromgeving weigerde ${what} (HTTP ${response.status}).`);
}
