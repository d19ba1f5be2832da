// The trainer's place in the grading queue, as it travels in the URL: the queue's filters and page are read from
// the query string, and the same query string goes along to the grading desk and back, so "terug naar de
// wachtrij" and "Opslaan en volgende" keep the filtered page the trainer was working from.
import { pageNumber } from "~/forms/fields";

export type QueueFilter = {
  cohortId?: string;
  gildeId?: string;
  assignmentSlug?: string;
  late?: boolean;
  drafted?: boolean;
  page?: number;
};

/** The query parameters that make up a place in the queue (everything else in a URL is dropped). */
const QUEUE_PARAMS = ["groep", "gilde", "status", "opdracht", "laat", "pagina"] as const;

/** The filter the query string asks for; unknown or empty values mean "no filter". */
export function parseQueueFilter(params: URLSearchParams): QueueFilter {
  const late = params.get("laat");
  const status = params.get("status");
  return {
    cohortId: params.get("groep") || undefined,
    gildeId: params.get("gilde") || undefined,
    drafted: status === "concept" ? true : status === "nieuw" ? false : undefined,
    assignmentSlug: params.get("opdracht") || undefined,
    late: late === "ja" ? true : late === "nee" ? false : undefined,
    page: pageNumber(params),
  };
}

/** The queue's own parameters of a query string, normalised ("" when there are none), with `?` when not empty. */
export function queueQuery(
  params: URLSearchParams,
  overrides: Partial<Record<(typeof QUEUE_PARAMS)[number], string>> = {},
) {
  const kept = new URLSearchParams();
  for (const name of QUEUE_PARAMS) {
    const value = name in overrides ? overrides[name] : params.get(name);
    if (value && !(name === "pagina" && value === "1")) kept.set(name, value);
  }
  const query = kept.toString();
  return query ? `?${query}` : "";
}
