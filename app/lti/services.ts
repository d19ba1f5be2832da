// The pure parts of the LTI services, shared by the server modules and their tests: where a score goes, what it
// says, and where the next page of a roster is.
import type { Decision } from "~/grading/rubric";

/** The service scopes Gilde uses: AGS line items and scores, the NRPS roster (also asked for at registration). */
export const LTI_SCOPE = {
  lineItem: "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
  score: "https://purl.imsglobal.org/spec/lti-ags/scope/score",
  roster: "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
};

/** `<line item URL>/scores`, the query string kept. */
export function scoresUrl(lineItemUrl: string): string {
  const url = new URL(lineItemUrl);
  url.pathname = `${url.pathname.replace(/\/$/, "")}/scores`;
  return url.toString();
}

export type ReleaseScore = {
  scoreGiven: number;
  scoreMaximum: number;
  comment: string;
  activityProgress: string;
  gradingProgress: string;
};

/** The rubric total of a released assessment, and what the LMS shows of the decision. */
export function releaseScore(
  rubric: { id: string; levels: { score: number }[] }[],
  levels: Record<string, number>,
  decision: Decision | null,
): ReleaseScore {
  const scoreMaximum = rubric.reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.score)), 0);
  const scoreGiven = rubric.reduce((sum, c) => sum + (levels[c.id] ?? 0), 0);
  const revision = decision === "herziening";
  return {
    scoreGiven,
    scoreMaximum,
    comment: decision === "voldaan" ? "voldaan" : revision ? "terug voor herziening" : "niet voldaan",
    activityProgress: revision ? "InProgress" : "Completed",
    gradingProgress: revision ? "Pending" : "FullyGraded",
  };
}

/** The `rel="next"` address of a Link header, if any. */
export function nextPage(link: string | null): string | null {
  for (const part of (link ?? "").split(",")) {
    const match = /<([^>]+)>\s*;\s*rel="?next"?/i.exec(part);
    if (match) return match[1]!;
  }
  return null;
}
