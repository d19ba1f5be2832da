// Who may know whom in peer review, and when feedback may be read (issues 6 and 16). Pure. `reviewSight` is the
// one rule for what a participant sees of a review: /gilde, the review form, its attachments and the data export
// all ask it, so no page or download can show more than another.

import { formatDateTime } from "~/format";

export type Anonymity = "open" | "anonymous-reviewers" | "double-anonymous";

export const ANONYMITY_LABELS: Record<Anonymity, string> = {
  open: "Open: je ziet wie je feedback geeft en wie jij feedback geeft",
  "anonymous-reviewers": "Anonieme feedbackgevers: de schrijver ziet niet wie de feedback gaf",
  "double-anonymous": "Dubbel anoniem: schrijver en feedbackgever zien elkaars naam niet",
};

/**
 * Whose work it is, as a reviewer may be told: the participant, or for a gilde assignment (issue 23) the gilde, never
 * the member who happened to hand it in.
 */
export function authorNameOf(submission: { user: { name: string }; gilde?: { name: string } | null }): string {
  return submission.gilde ? `gilde ${submission.gilde.name}` : submission.user.name;
}

/** How the reviewer sees the author. */
function authorLabel(anonymity: Anonymity, name: string, crossGilde: boolean): string {
  if (anonymity === "double-anonymous") return crossGilde ? "Iemand uit een andere gilde" : "Een gildegenoot";
  return crossGilde ? `${name} (uit een andere gilde)` : name;
}

/** How the author sees a reviewer: by name when open, otherwise by their place in the order of assignment. */
function reviewerLabel(anonymity: Anonymity, name: string, position: number, crossGilde: boolean): string {
  const who = anonymity === "open" ? name : `Feedbackgever ${position + 1}`;
  return crossGilde ? `${who} (uit een andere gilde)` : who;
}

/**
 * Whether reviewers get the author's files only as clean copies (identifying metadata removed, issue 16) under
 * neutral names. In both anonymous modes: one rule that is easy to state, and a file never tells a reviewer more
 * than the page does.
 */
export function reviewersGetCleanCopies(anonymity: Anonymity): boolean {
  return anonymity !== "open";
}

/** In an anonymous mode file names are replaced: a name like "verslag-sanne-de-vries.pdf" would give the author away. */
function attachmentLabel(anonymity: Anonymity, original: string, index: number) {
  if (!reviewersGetCleanCopies(anonymity)) return original;
  const extension = /\.([a-z0-9]{1,8})$/i.exec(original)?.[1]?.toLowerCase();
  return `bijlage-${index}${extension ? `.${extension}` : ""}`;
}

type FeedbackVisibility = "immediately" | "after-deadline" | "after-own-review";

/** Whether the author may read submitted feedback now, and if not, why not (in Dutch). */
function feedbackVisible(
  rule: FeedbackVisibility,
  { now, peerReviewDueAt, givenOwn }: { now: Date; peerReviewDueAt: Date | null; givenOwn: number },
) {
  if (rule === "immediately") return { visible: true as const };
  if (rule === "after-own-review") {
    return givenOwn > 0
      ? { visible: true as const }
      : { visible: false as const, reason: "Je leest de feedback zodra je zelf feedback hebt gegeven." };
  }
  if (!peerReviewDueAt || peerReviewDueAt <= now) return { visible: true as const };
  const when = formatDateTime(peerReviewDueAt);
  return { visible: false as const, reason: `Je leest de feedback na de peerfeedback-deadline: ${when}.` };
}

export type ReviewSettings = { anonymity: Anonymity; feedbackVisible: FeedbackVisibility };

/** For a review whose assignment no longer has peer-review settings: nobody is named, nothing opens early. */
export const STRICTEST: ReviewSettings = { anonymity: "double-anonymous", feedbackVisible: "after-deadline" };

/** One review as stored, with what the rule needs to know of its assignment and the work under review. */
export type ReviewFacts = {
  settings: ReviewSettings;
  status: "OPEN" | "SUBMITTED" | "CANCELLED";
  crossGilde: boolean;
  reviewerName: string;
  authorName: string;
  /** Original names of the attachments of the version under review, in their order. */
  attachments: string[];
};

/**
 * Who looks. The author of the work, with what the visibility rule needs: the peer-review deadline, how many
 * reviews they gave themselves for this assignment, and the review's place among the submission's reviews that
 * are not cancelled, in the order they were assigned (from 0; anonymous reviewers are numbered by it). Or the reviewer.
 */
export type ReviewViewer =
  { as: "author"; now: Date; peerReviewDueAt: Date | null; givenOwn: number; position: number } | { as: "reviewer" };

export type ReviewSight = {
  /** Whether the review's answers, levels and tip may be shown. */
  content: boolean;
  /** When the author may not read it yet only because of the visibility rule: why (Dutch), else null. */
  withheld: string | null;
  /** How the reviewer appears to this viewer. */
  reviewer: string;
  /** How the author appears to this viewer. */
  author: string;
  /** The attachments of the work under review, under the names this viewer may see. */
  attachments: string[];
  /** Whether this viewer may only get clean copies of the attachments (never the originals). */
  cleanCopies: boolean;
};

/** What `viewer` may see of one review. Everything that shows a review to a participant goes through here. */
export function reviewSight(review: ReviewFacts, viewer: ReviewViewer): ReviewSight {
  const { anonymity } = review.settings;
  if (viewer.as === "reviewer") {
    return {
      content: true,
      withheld: null,
      reviewer: review.reviewerName,
      author: authorLabel(anonymity, review.authorName, review.crossGilde),
      attachments: review.attachments.map((name, index) => attachmentLabel(anonymity, name, index + 1)),
      cleanCopies: reviewersGetCleanCopies(anonymity),
    };
  }
  const rule = feedbackVisible(review.settings.feedbackVisible, viewer);
  return {
    content: rule.visible && review.status === "SUBMITTED",
    withheld: rule.visible ? null : rule.reason,
    reviewer: reviewerLabel(anonymity, review.reviewerName, viewer.position, review.crossGilde),
    author: review.authorName,
    attachments: review.attachments,
    cleanCopies: false,
  };
}
