// Feedback on feedback (issue 23): the trainer assesses a review a participant gave on a short rubric; the cohort
// decides whether that counts toward completion; the participant sees the assessment of what they gave.
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import {
  isLowQuality,
  LOW_BELOW,
  parseQualityLevels,
  qualityAverage,
  qualityGap,
  qualityProblems,
  QUALITY_CRITERIA,
  type QualityLevels,
} from "./feedback-quality-rules";
import { parseReviewAnswers } from "./review-columns";
import { settingsOf } from "./settings.server";
import { authorNameOf } from "./visibility";
import { formatNumber } from "~/format";

/** A submitted review in a cohort this trainer works in (an admin: any), or null. */
async function reviewForTrainer(trainer: SessionUser, reviewId: string) {
  return db.peerReview.findFirst({
    where: {
      id: reviewId,
      status: "SUBMITTED",
      ...(trainer.role === "ADMIN" ? {} : { cohort: { staff: { some: { userId: trainer.id } } } }),
    },
    select: {
      id: true,
      cohortId: true,
      assignmentSlug: true,
      answers: true,
      tip: true,
      rating: true,
      ratingComment: true,
      submittedAt: true,
      reviewer: { select: { name: true } },
      submission: { select: { user: { select: { name: true } }, gilde: { select: { name: true } } } },
      cohort: { select: { name: true, feedbackQualityCounts: true } },
      quality: { select: { levels: true, note: true, updatedAt: true, assessor: { select: { name: true } } } },
    },
  });
}

/** The trainer's screen for one review: its text, the author's "bruikbaar?" rating and the quality rubric. */
export async function qualityScreen(trainer: SessionUser, reviewId: string) {
  if (trainer.role !== "TRAINER" && trainer.role !== "ADMIN") return null;
  const review = await reviewForTrainer(trainer, reviewId);
  const found = review && settingsOf(review.assignmentSlug);
  if (!review || !found) return null;
  const answers = parseReviewAnswers(review.answers);
  return {
    id: review.id,
    cohort: { id: review.cohortId, name: review.cohort.name, counts: review.cohort.feedbackQualityCounts },
    assignment: { slug: review.assignmentSlug, title: found.title },
    reviewer: review.reviewer.name,
    author: authorNameOf(review.submission),
    submittedAt: review.submittedAt,
    answers: found.settings.guidingQuestions.map((question, index) => ({ question, answer: answers[index] ?? "" })),
    tip: review.tip,
    rating: review.rating,
    ratingComment: review.ratingComment,
    quality: review.quality && {
      levels: parseQualityLevels(review.quality.levels),
      note: review.quality.note,
      assessor: review.quality.assessor.name,
      updatedAt: review.quality.updatedAt,
    },
  };
}

/** Saves (or changes) the trainer's quality assessment of a review. */
export async function assessReviewQuality(
  trainer: SessionUser,
  reviewId: string,
  input: { levels: Record<string, number>; note: string },
) {
  const review = await reviewForTrainer(trainer, reviewId);
  if (!review) throw new RefusedError("Deze feedback bestaat niet, of hoort niet bij een groep van jou.", 404);
  const problems = qualityProblems(input.levels);
  if (Object.keys(problems).length)
    throw new RefusedError("Nog niet opgeslagen: kies bij elk punt 1, 2 of 3.", 400, problems);
  const levels = Object.fromEntries(QUALITY_CRITERIA.map((c) => [c.id, input.levels[c.id]!])) as QualityLevels;
  const note = input.note.trim();
  const low = isLowQuality(levels);
  await db.$transaction(async (tx) => {
    await tx.reviewQuality.upsert({
      where: { reviewId },
      create: { reviewId, assessorId: trainer.id, levels, note },
      update: { assessorId: trainer.id, levels, note },
    });
    await audit(tx, {
      action: "review-quality.assess",
      actor: trainer,
      subjectId: reviewId,
      summary:
        `Feedback van ${review.reviewer.name} aan ${authorNameOf(review.submission)} (${review.cohort.name}): ` +
        `gemiddeld ${formatNumber(qualityAverage(levels))}${low ? ", zwak" : ""}.`,
    });
  });
  return { low };
}

/** The cohort decides whether the quality of the feedback a participant gave counts toward completion. */
export async function setFeedbackQualityCounts(cohortId: string, counts: boolean) {
  await db.cohort.update({ where: { id: cohortId }, data: { feedbackQualityCounts: counts } });
}

/**
 * The quality assessments of the reviews this participant gave (in cohorts they follow), for /gilde; with
 * `everyCohort`, also in cohorts they left (the data export).
 */
export async function myFeedbackQuality(userId: string, { everyCohort = false } = {}) {
  const rows = await db.reviewQuality.findMany({
    where: {
      review: {
        reviewerId: userId,
        status: "SUBMITTED",
        ...(everyCohort
          ? {}
          : { cohort: { enrollments: { some: { userId, status: { in: ["ACTIVE", "COMPLETED"] } } } } }),
      },
    },
    orderBy: { updatedAt: "desc" },
    select: { levels: true, note: true, updatedAt: true, review: { select: { id: true, assignmentSlug: true } } },
  });
  return rows.flatMap((row) => {
    const levels = parseQualityLevels(row.levels);
    if (!levels) return [];
    return [
      {
        reviewId: row.review.id,
        assignment: settingsOf(row.review.assignmentSlug)?.title ?? row.review.assignmentSlug,
        levels,
        average: qualityAverage(levels),
        low: isLowQuality(levels),
        note: row.note,
        updatedAt: row.updatedAt,
      },
    ];
  });
}

/** Per participant of a cohort: the averages of their assessed reviews. */
async function assessedAverages(cohortId: string) {
  const rows = await db.reviewQuality.findMany({
    where: { review: { cohortId, status: "SUBMITTED" } },
    select: { levels: true, review: { select: { reviewerId: true } } },
  });
  const byReviewer = new Map<string, number[]>();
  for (const row of rows) {
    const levels = parseQualityLevels(row.levels);
    if (!levels) continue;
    byReviewer.set(row.review.reviewerId, [...(byReviewer.get(row.review.reviewerId) ?? []), qualityAverage(levels)]);
  }
  return byReviewer;
}

/** Per participant: how many of the reviews they gave were assessed low ("Wie loopt vast?"). */
export async function lowQualityReviews(cohortId: string) {
  const averages = await assessedAverages(cohortId);
  const low = new Map<string, number>();
  for (const [userId, list] of averages) {
    const count = list.filter((a) => a < LOW_BELOW).length;
    if (count) low.set(userId, count);
  }
  return low;
}

/** The completion gap per participant when the cohort counts feedback quality: user id → sentence (none: no gap). */
export async function feedbackQualityGaps(cohortId: string) {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: { feedbackQualityCounts: true, enrollments: { where: { status: "ACTIVE" }, select: { userId: true } } },
  });
  const gaps = new Map<string, string>();
  if (!cohort?.feedbackQualityCounts) return gaps;
  const averages = await assessedAverages(cohortId);
  for (const { userId } of cohort.enrollments) {
    const gap = qualityGap(averages.get(userId) ?? []);
    if (gap) gaps.set(userId, gap);
  }
  return gaps;
}
