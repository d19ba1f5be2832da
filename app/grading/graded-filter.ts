// The filters of the list of graded work, as they travel in the URL (groep, opdracht, besluit, trainer,
// vrijgegeven, pagina).
import { pageNumber } from "~/forms/fields";
import { DECISION_LABELS, type Decision } from "./rubric";
import type { GradedFilter } from "./queue.server";

const DECISIONS = Object.keys(DECISION_LABELS) as Decision[];

export function parseGradedFilter(params: URLSearchParams): GradedFilter {
  const decision = DECISIONS.find((d) => d === params.get("besluit"));
  const released = params.get("vrijgegeven");
  return {
    cohortId: params.get("groep") || undefined,
    assignmentSlug: params.get("opdracht") || undefined,
    decision,
    graderId: params.get("trainer") || undefined,
    released: released === "ja" ? true : released === "nee" ? false : undefined,
    page: pageNumber(params),
  };
}
