// Feedback from the wijk as the people around the work see it: the participant (with the address of whom they
// invited, to thank them), the trainers at the grading desk, and the gilde when the participant shares it and the
// person agreed to that too. Nothing is shown once its consent has been withdrawn or has expired.
import type { Prisma } from "@prisma/client";
import { z } from "zod";
import type { SessionUser } from "~/auth/session.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { queueMail } from "~/notifications/outbox.server";
import { reviewSettingsOf } from "~/peer-review/settings.server";
import { nudgeOutbox } from "~/notifications/sender.server";
import { thankYouMail } from "./mail.server";
import { validConsent, visibleFeedback } from "./validity";

const AnswersSchema = z.array(z.object({ question: z.string(), answer: z.string() }));

const feedbackSelect = (now: Date) =>
  ({
    id: true,
    authorName: true,
    answers: true,
    createdAt: true,
    sharedWithGilde: true,
    thankedAt: true,
    email: true,
    consents: { where: validConsent("COMMUNITY", now), select: { id: true } },
  }) satisfies Prisma.ResidentFeedbackSelect;

type Row = Prisma.ResidentFeedbackGetPayload<{ select: ReturnType<typeof feedbackSelect> }>;

function shape(row: Row) {
  return {
    id: row.id,
    authorName: row.authorName,
    answers: AnswersSchema.catch([]).parse(row.answers),
    createdAt: row.createdAt.toISOString(),
    sharedWithGilde: row.sharedWithGilde && row.consents.length > 0,
  };
}

function forWork(userId: string, cohortId: string, assignmentSlug: string, now: Date) {
  return {
    ...visibleFeedback(now),
    request: { userId, cohortId, assignmentSlug },
  } satisfies Prisma.ResidentFeedbackWhereInput;
}

/** The participant's own view: they may thank (the address stays on the server) and share with the gilde. */
export async function feedbackForParticipant(userId: string, cohortId: string, slug: string, now = new Date()) {
  const rows = await db.residentFeedback.findMany({
    where: forWork(userId, cohortId, slug, now),
    orderBy: { createdAt: "desc" },
    select: feedbackSelect(now),
  });
  return rows.map((row) => ({
    ...shape(row),
    canThank: Boolean(row.email) && !row.thankedAt,
    thanked: Boolean(row.thankedAt),
    mayShare: row.consents.length > 0,
  }));
}

/** The assignment page: the participant's own feedback from the wijk on this assignment, read-only. */
export async function feedbackOnAssignment(userId: string, slug: string, now = new Date()) {
  const rows = await db.residentFeedback.findMany({
    where: { ...visibleFeedback(now), request: { userId, assignmentSlug: slug } },
    orderBy: { createdAt: "desc" },
    select: feedbackSelect(now),
  });
  return rows.map(shape);
}

/** The grading desk: what a trainer reads beside the peer feedback (never an address). */
export async function feedbackForDesk(submission: { userId: string; cohortId: string; assignmentSlug: string }) {
  const now = new Date();
  const rows = await db.residentFeedback.findMany({
    where: forWork(submission.userId, submission.cohortId, submission.assignmentSlug, now),
    orderBy: { createdAt: "desc" },
    select: feedbackSelect(now),
  });
  return rows.map(shape);
}

/** What the gilde reads: only shared feedback whose person agreed to the community. */
async function feedbackForGilde(submission: { userId: string; cohortId: string; assignmentSlug: string }) {
  const now = new Date();
  const rows = await db.residentFeedback.findMany({
    where: {
      ...forWork(submission.userId, submission.cohortId, submission.assignmentSlug, now),
      sharedWithGilde: true,
      AND: [{ consents: { some: validConsent("COMMUNITY", now) } }],
    },
    orderBy: { createdAt: "desc" },
    select: feedbackSelect(now),
  });
  return rows.map(shape);
}

/**
 * For a gildegenoot giving peer feedback on the work: the shared wijk feedback, only in the same gilde and only when
 * the assignment's peer review is open (names are part of it), so it never gives away whose work it is.
 */
export async function feedbackForReviewer(reviewerId: string, reviewId: string) {
  const review = await db.peerReview.findFirst({
    where: { id: reviewId, reviewerId, crossGilde: false, status: { not: "CANCELLED" } },
    select: { assignmentSlug: true, cohortId: true, submission: { select: { userId: true } } },
  });
  if (!review || reviewSettingsOf(review.assignmentSlug)?.anonymity !== "open") return [];
  return feedbackForGilde({
    userId: review.submission.userId,
    cohortId: review.cohortId,
    assignmentSlug: review.assignmentSlug,
  });
}

async function ownFeedback(user: SessionUser, feedbackId: string, now: Date) {
  const row = await db.residentFeedback.findFirst({
    where: { id: feedbackId, request: { userId: user.id }, ...visibleFeedback(now) },
    select: {
      id: true,
      authorName: true,
      email: true,
      thankedAt: true,
      consents: { where: validConsent("COMMUNITY", now), select: { id: true } },
    },
  });
  if (!row) throw new RefusedError("Deze feedback bestaat niet (meer).", 404);
  return row;
}

export async function thankResident(user: SessionUser, feedbackId: string, message: string, now = new Date()) {
  const row = await ownFeedback(user, feedbackId, now);
  if (!row.email) throw new RefusedError("Deze persoon gaf geen e-mailadres: bedanken via Gilde kan hier niet.", 409);
  if (row.thankedAt) throw new RefusedError("Je hebt deze persoon al bedankt.", 409);
  const email = row.email;
  await db.$transaction(async (tx) => {
    const { count } = await tx.residentFeedback.updateMany({
      where: { id: row.id, thankedAt: null },
      data: { thankedAt: now },
    });
    if (!count) throw new RefusedError("Je hebt deze persoon al bedankt.", 409);
    await queueMail(tx, {
      to: email,
      ...thankYouMail({ name: row.authorName, participant: user.name, message: message.trim() }),
    });
  });
  nudgeOutbox();
}

export async function shareWithGilde(user: SessionUser, feedbackId: string, share: boolean, now = new Date()) {
  const row = await ownFeedback(user, feedbackId, now);
  if (share && !row.consents.length)
    throw new RefusedError("Deze persoon gaf geen toestemming om het met je gilde te delen.", 409);
  await db.residentFeedback.update({ where: { id: row.id }, data: { sharedWithGilde: share } });
}
