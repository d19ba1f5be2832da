// Who may know whom in peer review, and when feedback may be read (issue 6). Pure, shared by pages and tests.

export type Anonymity = "open" | "anonymous-reviewers" | "double-anonymous";

export const ANONYMITY_LABELS: Record<Anonymity, string> = {
  open: "Open: je ziet wie je feedback geeft en wie jij feedback geeft",
  "anonymous-reviewers": "Anonieme feedbackgevers: de schrijver ziet niet wie de feedback gaf",
  "double-anonymous": "Dubbel anoniem: schrijver en feedbackgever zien elkaars naam niet",
};

/** How the reviewer sees the author. */
export function authorLabel(anonymity: Anonymity, name: string, crossGilde: boolean): string {
  if (anonymity === "double-anonymous") return crossGilde ? "Iemand uit een andere gilde" : "Een gildegenoot";
  return crossGilde ? `${name} (uit een andere gilde)` : name;
}

/** How the author sees each of their reviewers, in the order they were assigned. */
export function reviewerLabels(anonymity: Anonymity, reviewers: { name: string; crossGilde: boolean }[]): string[] {
  return reviewers.map((r, index) => {
    const who = anonymity === "open" ? r.name : `Feedbackgever ${index + 1}`;
    return r.crossGilde ? `${who} (uit een andere gilde)` : who;
  });
}

export type FeedbackVisibility = "immediately" | "after-deadline" | "after-own-review";

/** Whether the author may read submitted feedback now, and if not, why not (in Dutch). */
export function feedbackVisible(rule: FeedbackVisibility, { now, peerReviewDueAt, givenOwn }: { now: Date; peerReviewDueAt: Date | null; givenOwn: number }) {
  if (rule === "immediately") return { visible: true as const };
  if (rule === "after-own-review") {
    return givenOwn > 0 ? { visible: true as const } : { visible: false as const, reason: "Je leest de feedback zodra je zelf feedback hebt gegeven." };
  }
  if (!peerReviewDueAt || peerReviewDueAt <= now) return { visible: true as const };
  const when = new Intl.DateTimeFormat("nl-NL", { dateStyle: "long", timeStyle: "short", timeZone: "Europe/Amsterdam" }).format(peerReviewDueAt);
  return { visible: false as const, reason: `Je leest de feedback na de peerfeedback-deadline: ${when}.` };
}

/**
 * Whether reviewers get the author's files only as clean copies (identifying metadata removed) under neutral names.
 * In both anonymous modes: one rule that is easy to state, and a file never tells a reviewer more than the page does.
 */
export function reviewersGetCleanCopies(anonymity: Anonymity): boolean {
  return anonymity !== "open";
}
