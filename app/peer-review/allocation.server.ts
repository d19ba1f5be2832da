// Continuous allocation of peer reviewers (the pure rule is in allocate.ts), and the background work: open
// reviews that lapse go to someone else, reviewers of participants who left are reallocated, reminders go out.
import { wantsReminders } from "~/account/profile.server";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { allocateReviews, hash } from "./allocate";
import { gildeAllocation } from "./gilde-allocation.server";
import { mailAssigned, mailReviewReminder } from "./mails.server";
import { DAY_MS, reviewDueAt, settingsOf } from "./settings.server";

/**
 * Runs the allocation for one assignment of one cohort and stores the new review assignments. Serialised per
 * cohort and assignment with a transaction-scoped advisory lock, so two app instances allocating at once never
 * give a submission more than k reviewers. Reviews of participants who are no longer active are cancelled first, and so are
 * open reviews of work by participants who left. With `ifFree`, an allocation already running for this assignment
 * is not waited for (0 is returned): on a deadline evening a hand-in does not queue behind the others, holding a
 * database connection, for work the running allocation or the background job (within half a minute) does anyway.
 */
export async function allocateFor(
  cohortId: string,
  assignmentSlug: string,
  now = new Date(),
  { ifFree = false }: { ifFree?: boolean } = {},
) {
  const found = settingsOf(assignmentSlug);
  if (!found) return 0;
  const lock = hash(`peer|${cohortId}|${assignmentSlug}`) | 0;
  return db.$transaction(async (tx) => {
    if (ifFree) {
      const [row] = await tx.$queryRaw<{ locked: boolean }[]>`SELECT pg_try_advisory_xact_lock(${lock}) AS locked`;
      if (!row?.locked) return 0;
    } else await tx.$executeRaw`SELECT pg_advisory_xact_lock(${lock})`;
    const schedule = await tx.assignmentSchedule.findUnique({
      where: { cohortId_assignmentSlug: { cohortId, assignmentSlug } },
      select: { peerReviewDueAt: true },
    });
    const [enrollments, members, submissions, excuses] = await Promise.all([
      tx.enrollment.findMany({ where: { cohortId, status: "ACTIVE" }, select: { userId: true } }),
      tx.gildeMember.findMany({ where: { cohortId }, select: { userId: true, gildeId: true } }),
      tx.submission.findMany({
        where: { cohortId, assignmentSlug },
        select: {
          id: true,
          userId: true,
          versions: { orderBy: { number: "asc" }, take: 1, select: { handedInAt: true } },
        },
      }),
      tx.peerReviewExcuse.findMany({ where: { cohortId, assignmentSlug }, select: { userId: true } }),
    ]);
    const active = new Set(enrollments.map((e) => e.userId));
    await tx.peerReview.updateMany({
      where: { cohortId, assignmentSlug, status: "OPEN", reviewerId: { notIn: [...active] } },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "REVIEWER_LEFT" },
    });
    await tx.peerReview.updateMany({
      // A gilde's work stays the gilde's when the member who handed it in leaves.
      where: {
        cohortId,
        assignmentSlug,
        status: "OPEN",
        submission: { gildeId: null, userId: { notIn: [...active] } },
      },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "AUTHOR_LEFT" },
    });
    const existing = await tx.peerReview.findMany({
      where: { cohortId, assignmentSlug },
      select: { submissionId: true, reviewerId: true, status: true, cancelReason: true },
    });
    // New reviews only while there is time; a trainer can still add reviewers by hand afterwards.
    if (schedule?.peerReviewDueAt && schedule.peerReviewDueAt <= now) return 0;
    const gildeOf = new Map(members.map((m) => [m.userId, m.gildeId]));
    const excused = new Set(excuses.map((e) => e.userId));
    const lapsed = new Set(existing.filter((e) => e.cancelReason === "LAPSED").map((e) => e.reviewerId));
    const submissionOf = new Map(submissions.map((s) => [s.userId, s]));
    const participants = [...active].map((userId) => {
      const submission = submissionOf.get(userId);
      return {
        userId,
        gildeId: gildeOf.get(userId) ?? null,
        submissionId: submission?.id ?? null,
        handedInAt: submission?.versions[0]?.handedInAt ?? null,
        canReview: Boolean(submission) && !excused.has(userId) && !lapsed.has(userId),
      };
    });
    // A gilde assignment: another gilde reviews each gilde's one submission (allocate-gilde.ts).
    const created = found.gildeWork
      ? await gildeAllocation(tx, { cohortId, assignmentSlug, k: found.settings.reviewers, active, excused, lapsed })
      : allocateReviews({
          k: found.settings.reviewers,
          seed: `${cohortId}|${assignmentSlug}`,
          participants,
          existing: existing.map((e) => ({
            submissionId: e.submissionId,
            reviewerId: e.reviewerId,
            active: e.status !== "CANCELLED",
          })),
        });
    if (created.length === 0) return 0;
    const dueAt = reviewDueAt(schedule?.peerReviewDueAt, now);
    await tx.peerReview.createMany({
      data: created.map((r) => ({
        cohortId,
        assignmentSlug,
        submissionId: r.submissionId,
        reviewerId: r.reviewerId,
        crossGilde: r.crossGilde,
        dueAt,
        assignedAt: now,
      })),
    });
    await mailAssigned(
      tx,
      created.map((r) => r.reviewerId),
      found.title,
      dueAt,
    );
    return created.length;
  });
}

/**
 * Background work: open reviews past their deadline lapse and go to someone else; reviewers of participants who
 * left are reallocated; a reminder goes out two days before a review is due. Safe in several instances at once.
 */
export async function maintainPeerReviews(now = new Date()) {
  const lapsed = await db.peerReview.findMany({
    where: { status: "OPEN", dueAt: { lt: now } },
    select: { id: true, cohortId: true, assignmentSlug: true },
  });
  if (lapsed.length) {
    await db.peerReview.updateMany({
      where: { id: { in: lapsed.map((r) => r.id) }, status: "OPEN" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "LAPSED" },
    });
  }
  const open = await db.peerReview.findMany({
    where: { status: "OPEN" },
    distinct: ["cohortId", "assignmentSlug"],
    select: { cohortId: true, assignmentSlug: true },
  });
  // Work handed in lately, whose allocation at hand-in may have been left to this job (allocateFor's `ifFree`).
  const recent = await db.submission.findMany({
    where: { updatedAt: { gt: new Date(now.getTime() - DAY_MS) } },
    distinct: ["cohortId", "assignmentSlug"],
    select: { cohortId: true, assignmentSlug: true },
  });
  const pairs = new Map([...lapsed, ...open, ...recent].map((r) => [`${r.cohortId}|${r.assignmentSlug}`, r]));
  for (const { cohortId, assignmentSlug } of pairs.values()) await allocateFor(cohortId, assignmentSlug, now);
  await sendReviewReminders(now);
}

async function sendReviewReminders(now: Date) {
  const due = await db.peerReview.findMany({
    where: {
      status: "OPEN",
      remindedAt: null,
      dueAt: { gt: now, lte: new Date(now.getTime() + 2 * DAY_MS) },
      reviewer: wantsReminders,
    },
    select: { id: true, assignmentSlug: true, dueAt: true, reviewer: { select: { name: true, email: true } } },
  });
  for (const review of due) {
    await db.$transaction(async (tx) => {
      // Claim first: a second instance finds remindedAt set and sends nothing.
      const { count } = await tx.peerReview.updateMany({
        where: { id: review.id, remindedAt: null },
        data: { remindedAt: now },
      });
      if (count === 0) return;
      const title = findAssignment(review.assignmentSlug)?.assignment.frontmatter.title ?? review.assignmentSlug;
      await mailReviewReminder(tx, review, title);
    });
  }
}
