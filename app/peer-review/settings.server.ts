// What every part of peer review needs: the assignment's peer-review settings from the course, the refusal type,
// and how long a reviewer gets.
import { findAssignment } from "~/content/course.server";
import type { AssignmentFrontmatter } from "~/content/schema";
import type { ReviewSettings } from "./visibility";

/** A reviewer always gets at least this long, also when they are assigned close to the peer-review deadline. */
const MIN_REVIEW_DAYS = 5;
export const DAY_MS = 24 * 60 * 60 * 1000;

/** A new review's date: the peer-review deadline, but never sooner than MIN_REVIEW_DAYS from now. */
export function reviewDueAt(peerReviewDueAt: Date | null | undefined, now: Date) {
  return new Date(Math.max(peerReviewDueAt?.getTime() ?? 0, now.getTime() + MIN_REVIEW_DAYS * DAY_MS));
}

export function settingsOf(slug: string): {
  title: string;
  settings: AssignmentFrontmatter["peerReview"];
  rubric: AssignmentFrontmatter["rubric"];
  /** A gilde assignment (issue 23): another gilde reviews the gilde's one submission. */
  gildeWork: boolean;
} | null {
  const found = findAssignment(slug);
  if (!found?.assignment.frontmatter.peerReview.enabled) return null;
  return {
    title: found.assignment.frontmatter.title,
    gildeWork: found.assignment.frontmatter.work === "gilde",
    settings: found.assignment.frontmatter.peerReview,
    rubric: found.assignment.frontmatter.rubric,
  };
}

/** The anonymity and visibility of an assignment's peer review, as `reviewSight` reads them. */
export function reviewSettingsOf(slug: string): ReviewSettings | null {
  const found = settingsOf(slug);
  return found && { anonymity: found.settings.anonymity, feedbackVisible: found.settings.feedbackVisible };
}
