// The trainer's oversight of peer review: who still owes reviews, who reviews whom, the feedback a submission
// received, and the trainer's changes (move a review, add a reviewer, excuse a participant).
import { RefusedError } from "~/errors.server";
import { Prisma, type ReviewCancelReason } from "@prisma/client";
import { db } from "~/db.server";
import { allocateFor } from "./allocation.server";
import { mailAssigned } from "./mails.server";
import { evaluationsUnfinished } from "./evaluation.server";
import { qualityLabel } from "./feedback-quality-rules";
import { parseReviewAnswers } from "./review-columns";
import { reviewDueAt, settingsOf } from "./settings.server";

type Tx = Prisma.TransactionClient;

/** Reviews a participant still owes in a cohort: open ones, and lapsed ones unless the trainer excused them. */
export async function reviewsOwed(cohortId: string) {
  const [open, lapsed, excuses] = await Promise.all([
    db.peerReview.groupBy({ by: ["reviewerId"], where: { cohortId, status: "OPEN" }, _count: true }),
    db.peerReview.findMany({
      where: { cohortId, status: "CANCELLED", cancelReason: "LAPSED" },
      select: { reviewerId: true, assignmentSlug: true },
    }),
    db.peerReviewExcuse.findMany({ where: { cohortId }, select: { userId: true, assignmentSlug: true } }),
  ]);
  const excused = new Set(excuses.map((e) => `${e.userId}|${e.assignmentSlug}`));
  const owed = new Map(open.map((o) => [o.reviewerId, o._count]));
  for (const l of lapsed)
    if (!excused.has(`${l.reviewerId}|${l.assignmentSlug}`)) owed.set(l.reviewerId, (owed.get(l.reviewerId) ?? 0) + 1);
  return owed;
}

/** Per participant of a cohort: reviews given, on time, and how the authors rated them. */
export async function reviewStats(cohortId: string) {
  const rows = await db.peerReview.findMany({
    where: { cohortId, status: "SUBMITTED" },
    select: { reviewerId: true, submittedAt: true, dueAt: true, rating: true },
  });
  const stats = new Map<string, { given: number; onTime: number; ratings: number[] }>();
  for (const r of rows) {
    const s = stats.get(r.reviewerId) ?? { given: 0, onTime: 0, ratings: [] };
    s.given++;
    if (r.submittedAt && r.submittedAt <= r.dueAt) s.onTime++;
    if (r.rating) s.ratings.push(r.rating);
    stats.set(r.reviewerId, s);
  }
  return stats;
}

/** The Dutch words for why a review was cancelled, as the trainer reads them. */
const CANCEL_REASON_LABELS: Record<ReviewCancelReason, string> = {
  REVIEWER_LEFT: "teruggetrokken",
  AUTHOR_LEFT: "schrijver gestopt",
  LAPSED: "verlopen",
  REASSIGNED: "verplaatst door trainer",
  EXCUSED: "vrijgesteld",
  ERASED: "account verwijderd",
};

/** The trainer's matrix for one assignment: who reviews whom, with status, ratings and every review's text. */
export async function reviewMatrix(cohortId: string, assignmentSlug: string) {
  const found = settingsOf(assignmentSlug);
  if (!found) return null;
  const [cohort, enrollments, reviews, evaluations] = await Promise.all([
    db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { id: true, name: true } }),
    db.enrollment.findMany({
      where: { cohortId, status: { in: ["ACTIVE", "COMPLETED"] } },
      orderBy: { user: { name: "asc" } },
      select: {
        user: {
          select: {
            id: true,
            name: true,
            gildes: {
              where: { cohortId },
              select: {
                gilde: {
                  select: { id: true, name: true, submissions: { where: { assignmentSlug }, select: { id: true } } },
                },
              },
            },
            submissions: { where: { cohortId, assignmentSlug }, select: { id: true } },
            reviewExcuses: { where: { cohortId, assignmentSlug }, select: { reason: true } },
          },
        },
      },
    }),
    db.peerReview.findMany({
      where: { cohortId, assignmentSlug },
      orderBy: { assignedAt: "asc" },
      select: {
        id: true,
        status: true,
        crossGilde: true,
        extra: true,
        dueAt: true,
        submittedAt: true,
        cancelReason: true,
        answers: true,
        tip: true,
        rating: true,
        ratingComment: true,
        reviewer: { select: { id: true, name: true } },
        submission: {
          select: { gildeId: true, gilde: { select: { name: true } }, user: { select: { id: true, name: true } } },
        },
        quality: { select: { levels: true } },
      },
    }),
    // Issue 23: beside the reviews, the open evaluation moments each member has not yet finished.
    evaluationsUnfinished(cohortId),
  ]);
  // Someone no longer in the cohort (withdrawn, refused) is not named to the trainer here.
  const present = new Set(enrollments.map((e) => e.user.id));
  const nameOf = (user: { id: string; name: string }) => (present.has(user.id) ? user.name : "(vertrokken)");
  const view = (r: (typeof reviews)[number]) => ({
    id: r.id,
    status: r.status,
    crossGilde: r.crossGilde,
    extra: r.extra,
    dueAt: r.dueAt,
    submittedAt: r.submittedAt,
    cancelReason: r.cancelReason ? CANCEL_REASON_LABELS[r.cancelReason] : null,
    reviewer: nameOf(r.reviewer),
    // A gilde's work is the gilde's (issue 23), not the member's who handed it in.
    author: r.submission.gilde ? `gilde ${r.submission.gilde.name}` : nameOf(r.submission.user),
    answers: parseReviewAnswers(r.answers),
    tip: r.tip,
    rating: r.rating,
    ratingComment: r.ratingComment,
    quality: qualityLabel(r.quality?.levels),
  });
  return {
    cohort,
    title: found.title,
    k: found.settings.reviewers,
    anonymity: found.settings.anonymity,
    questions: found.settings.guidingQuestions,
    rows: enrollments.map(({ user }) => {
      const gilde = user.gildes[0]?.gilde ?? null;
      const own = (r: (typeof reviews)[number]) =>
        r.submission.gildeId ? r.submission.gildeId === gilde?.id : r.submission.user.id === user.id;
      return {
        id: user.id,
        name: user.name,
        gilde: gilde ? { id: gilde.id, name: gilde.name } : null,
        submissionId: user.submissions[0]?.id ?? (found.gildeWork ? gilde?.submissions[0]?.id : null) ?? null,
        excused: user.reviewExcuses[0]?.reason ?? null,
        evaluationsOpen: evaluations.get(user.id) ?? [],
        gives: reviews.filter((r) => r.reviewer.id === user.id).map(view),
        receives: reviews.filter(own).map(view),
      };
    }),
  };
}

// ---- The trainer's changes (issue 16). Every id from the form must belong to the cohort and the assignment the
// action names, checked in the transaction that writes: a submission of another assignment would otherwise get a
// reviewer under this assignment's anonymity, and a double-anonymous author would be named to them.

function requirePeerAssignment(assignmentSlug: string) {
  if (!settingsOf(assignmentSlug)) throw new RefusedError("Deze opdracht heeft geen peerfeedback.", 404);
}

async function requireEligibleReviewer(
  tx: Tx,
  cohortId: string,
  submission: { id: string; userId: string },
  reviewerId: string,
) {
  const enrollment = await tx.enrollment.findUnique({
    where: { userId_cohortId: { userId: reviewerId, cohortId } },
    select: { status: true },
  });
  if (enrollment?.status !== "ACTIVE")
    throw new RefusedError("Kies een actieve deelnemer van deze groep.", 400, {
      reviewerId: "Kies een actieve deelnemer van deze groep.",
    });
  if (submission.userId === reviewerId)
    throw new RefusedError("Niemand geeft feedback op eigen werk.", 400, {
      reviewerId: "Niemand geeft feedback op eigen werk.",
    });
  const pair = await tx.peerReview.findUnique({
    where: { submissionId_reviewerId: { submissionId: submission.id, reviewerId } },
    select: { id: true },
  });
  if (pair) throw alreadyPaired();
}

const alreadyPaired = () =>
  new RefusedError("Deze deelnemer heeft deze inzending al eens gekregen.", 400, {
    reviewerId: "Deze deelnemer heeft deze inzending al eens gekregen.",
  });

async function createManual(
  tx: Tx,
  cohortId: string,
  assignmentSlug: string,
  submission: { id: string; userId: string },
  reviewerId: string,
  extra: boolean,
  now: Date,
) {
  const found = settingsOf(assignmentSlug)!;
  const schedule = await tx.assignmentSchedule.findUnique({
    where: { cohortId_assignmentSlug: { cohortId, assignmentSlug } },
    select: { peerReviewDueAt: true },
  });
  const dueAt = reviewDueAt(schedule?.peerReviewDueAt, now);
  const [authorGilde, reviewer] = await Promise.all([
    tx.gildeMember.findFirst({ where: { userId: submission.userId, cohortId }, select: { gildeId: true } }),
    tx.gildeMember.findFirst({ where: { userId: reviewerId, cohortId }, select: { gildeId: true } }),
  ]);
  await tx.peerReview.create({
    data: {
      cohortId,
      assignmentSlug,
      submissionId: submission.id,
      reviewerId,
      extra,
      dueAt,
      assignedAt: now,
      crossGilde: !authorGilde || authorGilde.gildeId !== reviewer?.gildeId,
    },
  });
  await mailAssigned(tx, [reviewerId], found.title, dueAt);
}

/** Runs a trainer's change; the same pair created at the same moment elsewhere is the refusal it would have met. */
async function trainerChange(change: (tx: Tx) => Promise<void>) {
  try {
    await db.$transaction(change);
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") throw alreadyPaired();
    throw error;
  }
}

/** A trainer moves an open review of this assignment to another participant of the cohort. */
export async function reassignReview(
  cohortId: string,
  assignmentSlug: string,
  reviewId: string,
  reviewerId: string,
  now = new Date(),
) {
  requirePeerAssignment(assignmentSlug);
  await trainerChange(async (tx) => {
    const review = await tx.peerReview.findFirst({
      where: { id: reviewId, cohortId, assignmentSlug, submission: { cohortId, assignmentSlug } },
      select: { status: true, submission: { select: { id: true, userId: true } } },
    });
    if (!review) throw new RefusedError("Deze feedbackopdracht bestaat niet bij deze opdracht in deze groep.", 404);
    if (review.status !== "OPEN")
      throw new RefusedError("Alleen een openstaande feedbackopdracht kan naar iemand anders.");
    await requireEligibleReviewer(tx, cohortId, review.submission, reviewerId);
    const { count } = await tx.peerReview.updateMany({
      where: { id: reviewId, status: "OPEN" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "REASSIGNED" },
    });
    if (count === 0) throw new RefusedError("Alleen een openstaande feedbackopdracht kan naar iemand anders.", 409);
    await createManual(tx, cohortId, assignmentSlug, review.submission, reviewerId, false, now);
  });
}

/** A trainer adds a reviewer on top of the k, to a submission of this assignment in this cohort. */
export async function addExtraReviewer(
  cohortId: string,
  assignmentSlug: string,
  submissionId: string,
  reviewerId: string,
  now = new Date(),
) {
  requirePeerAssignment(assignmentSlug);
  await trainerChange(async (tx) => {
    const submission = await tx.submission.findFirst({
      where: { id: submissionId, cohortId, assignmentSlug },
      select: { id: true, userId: true },
    });
    if (!submission) throw new RefusedError("Deze inzending hoort niet bij deze opdracht in deze groep.", 404);
    await requireEligibleReviewer(tx, cohortId, submission, reviewerId);
    await createManual(tx, cohortId, assignmentSlug, submission, reviewerId, true, now);
  });
}

/** A trainer excuses a participant from reviewing for this assignment; their open reviews go to others. */
export async function excuseParticipant(
  cohortId: string,
  assignmentSlug: string,
  userId: string,
  excusedById: string,
  reason: string,
  now = new Date(),
) {
  requirePeerAssignment(assignmentSlug);
  if (!reason.trim())
    throw new RefusedError("Schrijf kort waarom je deze deelnemer vrijstelt.", 400, {
      reason: "Schrijf kort waarom.",
    });
  await db.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({
      where: { userId_cohortId: { userId, cohortId } },
      select: { id: true },
    });
    if (!enrollment) throw new RefusedError("Deze deelnemer hoort niet bij deze groep.", 404);
    await tx.peerReviewExcuse.upsert({
      where: { cohortId_assignmentSlug_userId: { cohortId, assignmentSlug, userId } },
      create: { cohortId, assignmentSlug, userId, excusedById, reason: reason.trim() },
      update: { reason: reason.trim(), excusedById },
    });
    await tx.peerReview.updateMany({
      where: { cohortId, assignmentSlug, reviewerId: userId, status: "OPEN" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "EXCUSED" },
    });
  });
  await allocateFor(cohortId, assignmentSlug, now);
}

/** Peer feedback a submission received, for its trainer (names always shown, with the author's rating). */
export async function peerFeedbackForTrainer(submissionId: string) {
  const rows = await db.peerReview.findMany({
    where: { submissionId, status: "SUBMITTED" },
    orderBy: { submittedAt: "asc" },
    select: {
      id: true,
      assignmentSlug: true,
      answers: true,
      levels: true,
      tip: true,
      submittedAt: true,
      crossGilde: true,
      rating: true,
      ratingComment: true,
      reviewer: { select: { name: true } },
    },
  });
  return rows.map((r) => ({
    id: r.id,
    reviewer: r.reviewer.name,
    crossGilde: r.crossGilde,
    questions: settingsOf(r.assignmentSlug)?.settings.guidingQuestions ?? [],
    answers: parseReviewAnswers(r.answers),
    tip: r.tip,
    submittedAt: r.submittedAt,
    rating: r.rating,
    ratingComment: r.ratingComment,
  }));
}
