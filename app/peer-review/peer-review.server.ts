// Peer review inside the gilde (issue 6): continuous allocation, the reviewer's form, feedback received with the
// anonymity the assignment asks for, ratings, lapsed reviews reallocated, and the trainer's oversight.
// Anonymity is enforced here: what a participant can reach is built field by field, never from a whole row.
import { formatDateTime } from "~/format";
import { Prisma } from "@prisma/client";
import { cleanCopyBytes, cleanCopySelect } from "~/assignments/clean-copy.server";
import { renderMarkdown } from "~/markdown/markdown";
import { fileStore } from "~/storage/storage.server";
import { findAssignment } from "~/content/course.server";
import type { AssignmentFrontmatter } from "~/content/schema";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { SIGNATURE } from "~/notifications/signature";
import { allocateReviews, hash } from "./allocate";
import { reviewSight, type ReviewSettings } from "./visibility";

/** A reviewer always gets at least this long, also when they are assigned close to the peer-review deadline. */
const MIN_REVIEW_DAYS = 5;
const DAY_MS = 24 * 60 * 60 * 1000;

export class PeerReviewError extends RefusedError {}

type Tx = Prisma.TransactionClient;

function settingsOf(
  slug: string,
): { title: string; settings: AssignmentFrontmatter["peerReview"]; rubric: AssignmentFrontmatter["rubric"] } | null {
  const found = findAssignment(slug);
  if (!found?.assignment.frontmatter.peerReview.enabled) return null;
  return {
    title: found.assignment.frontmatter.title,
    settings: found.assignment.frontmatter.peerReview,
    rubric: found.assignment.frontmatter.rubric,
  };
}

/** The anonymity and visibility of an assignment's peer review, as `reviewSight` reads them. */
export function reviewSettingsOf(slug: string): ReviewSettings | null {
  const found = settingsOf(slug);
  return found && { anonymity: found.settings.anonymity, feedbackVisible: found.settings.feedbackVisible };
}

/**
 * Runs the allocation for one assignment of one cohort and stores the new review assignments. Serialised per
 * cohort and assignment with a transaction-scoped advisory lock, so two app instances allocating at once never
 * give a submission more than k reviewers. Reviews of participants who are no longer active are cancelled first, and so are
 * open reviews of work by participants who left.
 */
export async function allocateFor(cohortId: string, assignmentSlug: string, now = new Date()) {
  const found = settingsOf(assignmentSlug);
  if (!found) return 0;
  return db.$transaction(async (tx) => {
    await tx.$executeRaw`SELECT pg_advisory_xact_lock(${hash(`peer|${cohortId}|${assignmentSlug}`) | 0})`;
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
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "teruggetrokken" },
    });
    await tx.peerReview.updateMany({
      where: { cohortId, assignmentSlug, status: "OPEN", submission: { userId: { notIn: [...active] } } },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "schrijver gestopt" },
    });
    const existing = await tx.peerReview.findMany({
      where: { cohortId, assignmentSlug },
      select: { submissionId: true, reviewerId: true, status: true, cancelReason: true },
    });
    // New reviews only while there is time; a trainer can still add reviewers by hand afterwards.
    if (schedule?.peerReviewDueAt && schedule.peerReviewDueAt <= now) return 0;
    const gildeOf = new Map(members.map((m) => [m.userId, m.gildeId]));
    const excused = new Set(excuses.map((e) => e.userId));
    const lapsed = new Set(existing.filter((e) => e.cancelReason === "verlopen").map((e) => e.reviewerId));
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
    const created = allocateReviews({
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
    const dueAt = new Date(
      Math.max(schedule?.peerReviewDueAt?.getTime() ?? 0, now.getTime() + MIN_REVIEW_DAYS * DAY_MS),
    );
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

async function mailAssigned(tx: Tx, reviewerIds: string[], title: string, dueAt: Date) {
  const counts = new Map<string, number>();
  for (const id of reviewerIds) counts.set(id, (counts.get(id) ?? 0) + 1);
  const reviewers = await tx.user.findMany({
    where: { id: { in: [...counts.keys()] } },
    select: { id: true, name: true, email: true },
  });
  for (const reviewer of reviewers) {
    const n = counts.get(reviewer.id)!;
    await queueMail(tx, {
      to: reviewer.email,
      subject: `Peerfeedback gevraagd: ${title}`,
      text:
        `Hallo ${reviewer.name},\n\n` +
        `Je hebt ${n === 1 ? "een inzending" : `${n} inzendingen`} van ‘${title}’ gekregen om feedback op te geven, uiterlijk ${formatDateTime(dueAt)}.\n\n` +
        `Je vindt ze op ${appUrl()}/gilde\n\n${SIGNATURE}`,
    });
  }
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
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "verlopen" },
    });
  }
  const open = await db.peerReview.findMany({
    where: { status: "OPEN" },
    distinct: ["cohortId", "assignmentSlug"],
    select: { cohortId: true, assignmentSlug: true },
  });
  const pairs = new Map([...lapsed, ...open].map((r) => [`${r.cohortId}|${r.assignmentSlug}`, r]));
  for (const { cohortId, assignmentSlug } of pairs.values()) await allocateFor(cohortId, assignmentSlug, now);
  await sendReviewReminders(now);
}

async function sendReviewReminders(now: Date) {
  const due = await db.peerReview.findMany({
    where: { status: "OPEN", remindedAt: null, dueAt: { gt: now, lte: new Date(now.getTime() + 2 * DAY_MS) } },
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
      await queueMail(tx, {
        to: review.reviewer.email,
        subject: `Nog twee dagen: peerfeedback op ‘${title}’`,
        text: `Hallo ${review.reviewer.name},\n\nJe peerfeedback op ‘${title}’ is uiterlijk ${formatDateTime(review.dueAt)} nodig. Je gildegenoot wacht erop.\n\n${appUrl()}/gilde/feedback/${review.id}\n\n${SIGNATURE}`,
      });
    });
  }
}

// ---- What a participant sees ----

/** The participant's gilde (active enrollment): members with their wijk names. */
export async function myGilde(userId: string) {
  const membership = await db.gildeMember.findFirst({
    where: { userId, gilde: { cohort: { enrollments: { some: { userId, status: "ACTIVE" } } } } },
    select: {
      gilde: {
        select: {
          id: true,
          name: true,
          cohort: { select: { name: true } },
          members: {
            select: {
              user: {
                select: {
                  id: true,
                  name: true,
                  wijk: {
                    select: {
                      versions: { orderBy: { number: "desc" }, take: 1, select: { name: true, municipality: true } },
                    },
                  },
                },
              },
            },
          },
        },
      },
    },
  });
  if (!membership) return null;
  return {
    id: membership.gilde.id,
    name: membership.gilde.name,
    cohort: membership.gilde.cohort.name,
    members: membership.gilde.members
      .map((m) => {
        const wijk = m.user.wijk?.versions[0];
        return {
          name: m.user.name,
          wijk: wijk ? `${wijk.name}, ${wijk.municipality}` : null,
          me: m.user.id === userId,
        };
      })
      .sort((a, b) => a.name.localeCompare(b.name, "nl")),
  };
}

/**
 * The cohorts whose reviews this participant may still reach: active or completed ones. Someone who withdrew or was
 * refunded loses their reviews (and the work under review) at once, not when the background job reassigns them.
 */
async function reviewerCohortIds(userId: string) {
  const enrollments = await db.enrollment.findMany({
    where: { userId, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: { cohortId: true },
  });
  return enrollments.map((e) => e.cohortId);
}

/** Reviews this participant must (or did) give, with the author as the assignment's anonymity allows. */
export async function reviewsToGive(userId: string, now = new Date()) {
  const rows = await db.peerReview.findMany({
    where: {
      reviewerId: userId,
      status: { in: ["OPEN", "SUBMITTED"] },
      cohortId: { in: await reviewerCohortIds(userId) },
    },
    orderBy: [{ status: "asc" }, { dueAt: "asc" }],
    select: {
      id: true,
      assignmentSlug: true,
      status: true,
      dueAt: true,
      crossGilde: true,
      submittedAt: true,
      revision: true,
      reviewer: { select: { name: true } },
      submission: { select: { user: { select: { name: true } } } },
    },
  });
  return rows.flatMap((row) => {
    const found = settingsOf(row.assignmentSlug);
    if (!found) return [];
    const sight = reviewSight(
      {
        settings: found.settings,
        status: row.status,
        crossGilde: row.crossGilde,
        reviewerName: row.reviewer.name,
        authorName: row.submission.user.name,
        attachments: [],
      },
      { as: "reviewer" },
    );
    return [
      {
        id: row.id,
        assignment: found.title,
        author: sight.author,
        crossGilde: row.crossGilde,
        status: row.status,
        started: row.revision > 0,
        dueAt: row.dueAt,
        overdue: row.status === "OPEN" && row.dueAt < now,
        submittedAt: row.submittedAt,
      },
    ];
  });
}

/**
 * Feedback received on the participant's own submissions, as far as it may be seen yet: what /gilde shows and the
 * data export contains, both decided by `reviewSight`. Never a reviewer's identity when anonymous. A fixed number
 * of queries, however many submissions.
 */
export async function feedbackReceived(userId: string, now = new Date()) {
  const submissions = await db.submission.findMany({
    where: { userId, peerReviews: { some: { status: { not: "CANCELLED" } } } },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      cohortId: true,
      assignmentSlug: true,
      user: { select: { name: true } },
      peerReviews: {
        where: { status: { not: "CANCELLED" } },
        orderBy: [{ assignedAt: "asc" }, { id: "asc" }],
        select: {
          id: true,
          status: true,
          crossGilde: true,
          answers: true,
          levels: true,
          tip: true,
          submittedAt: true,
          rating: true,
          ratingComment: true,
          reviewer: { select: { name: true } },
        },
      },
    },
  });
  const cohortIds = [...new Set(submissions.map((s) => s.cohortId))];
  const [schedules, given] = await Promise.all([
    db.assignmentSchedule.findMany({
      where: { cohortId: { in: cohortIds } },
      select: { cohortId: true, assignmentSlug: true, peerReviewDueAt: true },
    }),
    db.peerReview.groupBy({
      by: ["cohortId", "assignmentSlug"],
      where: { reviewerId: userId, status: "SUBMITTED", cohortId: { in: cohortIds } },
      _count: true,
    }),
  ]);
  const key = (r: { cohortId: string; assignmentSlug: string }) => `${r.cohortId}|${r.assignmentSlug}`;
  const dueAt = new Map(schedules.map((s) => [key(s), s.peerReviewDueAt]));
  const givenOwn = new Map(given.map((g) => [key(g), g._count]));
  return submissions.flatMap((submission) => {
    const found = settingsOf(submission.assignmentSlug);
    if (!found) return [];
    const viewer = {
      as: "author" as const,
      now,
      peerReviewDueAt: dueAt.get(key(submission)) ?? null,
      givenOwn: givenOwn.get(key(submission)) ?? 0,
    };
    const seen = submission.peerReviews.map((r, position) => ({
      r,
      sight: reviewSight(
        {
          settings: found.settings,
          status: r.status,
          crossGilde: r.crossGilde,
          reviewerName: r.reviewer.name,
          authorName: submission.user.name,
          attachments: [],
        },
        { ...viewer, position },
      ),
    }));
    return [
      {
        submissionId: submission.id,
        assignment: found.title,
        slug: submission.assignmentSlug,
        questions: found.settings.guidingQuestions,
        rubric: found.rubric.map((c) => ({
          id: c.id,
          title: c.title,
          levels: c.levels.map((l) => ({ score: l.score, label: l.label })),
        })),
        waiting: submission.peerReviews.filter((r) => r.status === "OPEN").length,
        visibleFrom: seen[0]?.sight.withheld ?? null,
        reviews: seen
          .filter(({ sight }) => sight.content)
          .map(({ r, sight }) => ({
            id: r.id,
            reviewer: sight.reviewer,
            answers: JSON.parse(r.answers) as Record<string, string>,
            levels: JSON.parse(r.levels) as Record<string, number>,
            tip: r.tip,
            submittedAt: r.submittedAt,
            rating: r.rating,
            ratingComment: r.ratingComment,
          })),
      },
    ];
  });
}

/** The review form's data for the reviewer, or null when this review is not theirs. */
export async function reviewForm(userId: string, reviewId: string) {
  const review = await db.peerReview.findFirst({
    where: { id: reviewId, reviewerId: userId, cohortId: { in: await reviewerCohortIds(userId) } },
    select: {
      id: true,
      assignmentSlug: true,
      status: true,
      crossGilde: true,
      answers: true,
      levels: true,
      tip: true,
      revision: true,
      dueAt: true,
      reviewer: { select: { name: true } },
      submission: {
        select: {
          user: { select: { name: true } },
          versions: {
            orderBy: { number: "desc" },
            take: 1,
            select: {
              body: true,
              attachments: {
                orderBy: { createdAt: "asc" },
                select: { originalName: true, size: true, cleanState: true, cleanSize: true },
              },
            },
          },
        },
      },
    },
  });
  if (!review || review.status === "CANCELLED") return null;
  const found = settingsOf(review.assignmentSlug);
  if (!found) return null;
  const version = review.submission.versions[0];
  const sight = reviewSight(
    {
      settings: found.settings,
      status: review.status,
      crossGilde: review.crossGilde,
      reviewerName: review.reviewer.name,
      authorName: review.submission.user.name,
      attachments: (version?.attachments ?? []).map((a) => a.originalName),
    },
    { as: "reviewer" },
  );
  return {
    id: review.id,
    assignment: found.title,
    author: sight.author,
    anonymity: found.settings.anonymity,
    status: review.status,
    dueAt: review.dueAt,
    revision: review.revision,
    questions: found.settings.guidingQuestions,
    rubric: found.rubric.map((c) => ({
      id: c.id,
      title: c.title,
      levels: c.levels.map((l) => ({ score: l.score, label: l.label, descriptor: l.descriptor })),
    })),
    answers: JSON.parse(review.answers) as Record<string, string>,
    levels: JSON.parse(review.levels) as Record<string, number>,
    tip: review.tip,
    html: renderMarkdown(version?.body ?? ""),
    attachments: (version?.attachments ?? []).map((a, index) => ({
      index: index + 1,
      name: sight.attachments[index],
      // The clean copy's size, once there is one: the original's could help match the file to its author.
      size: sight.cleanCopies ? (a.cleanSize ?? null) : a.size,
      withheld: sight.cleanCopies && a.cleanState === "UNCLEANABLE",
    })),
  };
}

/**
 * The n-th attachment of the submission under review, for its reviewer only, under the name they may see. In an
 * anonymous mode that is the clean copy (made now for a file uploaded before there were clean copies), never the
 * original; a file that cannot be cleaned is `withheld`.
 */
export async function reviewAttachment(userId: string, reviewId: string, index: number) {
  const review = await db.peerReview.findFirst({
    where: {
      id: reviewId,
      reviewerId: userId,
      status: { not: "CANCELLED" },
      cohortId: { in: await reviewerCohortIds(userId) },
    },
    select: {
      assignmentSlug: true,
      status: true,
      crossGilde: true,
      reviewer: { select: { name: true } },
      submission: {
        select: {
          user: { select: { name: true } },
          versions: {
            orderBy: { number: "desc" },
            take: 1,
            select: {
              attachments: { orderBy: { createdAt: "asc" }, select: { originalName: true, ...cleanCopySelect } },
            },
          },
        },
      },
    },
  });
  const found = review && settingsOf(review.assignmentSlug);
  const attachments = review?.submission.versions[0]?.attachments ?? [];
  const attachment = attachments[index - 1];
  if (!review || !found || !attachment) return null;
  const sight = reviewSight(
    {
      settings: found.settings,
      status: review.status,
      crossGilde: review.crossGilde,
      reviewerName: review.reviewer.name,
      authorName: review.submission.user.name,
      attachments: attachments.map((a) => a.originalName),
    },
    { as: "reviewer" },
  );
  // One name per attachment, in the same order; never fall back to the original name, which may not be shown.
  const name = sight.attachments[index - 1];
  if (name === undefined) return null;
  if (!sight.cleanCopies)
    return {
      withheld: false as const,
      name,
      mediaType: attachment.mediaType,
      bytes: await fileStore().read(attachment.storageKey),
    };
  const bytes = await cleanCopyBytes(attachment);
  return bytes
    ? { withheld: false as const, name, mediaType: attachment.mediaType, bytes }
    : { withheld: true as const, name };
}

export type ReviewInput = { answers: Record<string, string>; levels: Record<string, number>; tip: string };

/** Saves the reviewer's draft, or submits it (`submit`): then every guiding question needs an answer. */
export async function saveReview(
  userId: string,
  reviewId: string,
  input: ReviewInput,
  revision: number,
  submit: boolean,
  now = new Date(),
) {
  const review = await db.peerReview.findFirst({
    where: { id: reviewId, reviewerId: userId, cohortId: { in: await reviewerCohortIds(userId) } },
    select: {
      id: true,
      status: true,
      dueAt: true,
      assignmentSlug: true,
      submission: { select: { userId: true, cohortId: true } },
    },
  });
  const found = review && settingsOf(review.assignmentSlug);
  if (!review || !found || review.status === "CANCELLED")
    throw new PeerReviewError("Deze feedbackopdracht bestaat niet (meer).", 404);
  if (review.status === "SUBMITTED")
    throw new PeerReviewError("Je hebt deze feedback al ingediend; hij kan niet meer veranderen.", 409);
  if (review.dueAt <= now)
    throw new PeerReviewError(
      "De termijn voor deze feedback is verlopen. Je trainer of een gildegenoot neemt hem over.",
      409,
    );
  const errors: Record<string, string> = {};
  for (const [id, score] of Object.entries(input.levels)) {
    const criterion = found.rubric.find((c) => c.id === id);
    if (!criterion) errors[`level-${id}`] = "Dit criterium staat niet in de rubric.";
    else if (!criterion.levels.some((l) => l.score === score))
      errors[`level-${id}`] = `Kies een van de niveaus van ‘${criterion.title}’.`;
  }
  if (submit) {
    found.settings.guidingQuestions.forEach((_, index) => {
      if ((input.answers[index] ?? "").trim().length < 2)
        errors[`answer-${index}`] = "Beantwoord deze vraag voordat je de feedback indient.";
    });
  }
  if (Object.keys(errors).length)
    throw new PeerReviewError(
      submit ? "Nog niet ingediend: vul aan wat hieronder staat." : "Niet opgeslagen: verbeter wat hieronder staat.",
      400,
      errors,
    );
  return db.$transaction(async (tx) => {
    const { count } = await tx.peerReview.updateMany({
      where: { id: reviewId, status: "OPEN", revision },
      data: {
        answers: JSON.stringify(input.answers),
        levels: JSON.stringify(input.levels),
        tip: input.tip,
        revision: revision + 1,
        ...(submit ? { status: "SUBMITTED" as const, submittedAt: now } : {}),
      },
    });
    if (count === 0)
      throw new PeerReviewError(
        "Deze feedback is intussen elders opgeslagen (ander venster?). Laad de pagina opnieuw; je tekst staat hieronder nog.",
        409,
      );
    if (submit) {
      const author = await tx.user.findUniqueOrThrow({
        where: { id: review.submission.userId },
        select: { name: true, email: true },
      });
      // No reviewer's name here, whatever the anonymity: the page shows what the author may know.
      await queueMail(tx, {
        to: author.email,
        subject: `Peerfeedback ontvangen: ${found.title}`,
        text: `Hallo ${author.name},\n\nEr is peerfeedback gegeven op je inzending van ‘${found.title}’. Je leest hem op ${appUrl()}/gilde zodra hij zichtbaar is.\n\n${SIGNATURE}`,
      });
    }
    return { revision: revision + 1 };
  });
}

/** The author rates a received review: "bruikbaar?" 1–4 with an optional comment. */
export async function rateReview(userId: string, reviewId: string, rating: number, comment: string, now = new Date()) {
  if (!Number.isInteger(rating) || rating < 1 || rating > 4)
    throw new PeerReviewError("Kies hoe bruikbaar deze feedback was, van 1 tot 4.", 400, {
      rating: "Kies 1, 2, 3 of 4.",
    });
  const visible = (await feedbackReceived(userId, now)).some((s) => s.reviews.some((r) => r.id === reviewId));
  if (!visible) throw new PeerReviewError("Deze feedback bestaat niet, of je kunt hem nog niet lezen.", 404);
  await db.peerReview.update({
    where: { id: reviewId },
    data: { rating, ratingComment: comment.trim() || null, ratedAt: now },
  });
}

// ---- Completion and oversight ----

/** Reviews a participant still owes in a cohort: open ones, and lapsed ones unless the trainer excused them. */
export async function reviewsOwed(cohortId: string) {
  const [open, lapsed, excuses] = await Promise.all([
    db.peerReview.groupBy({ by: ["reviewerId"], where: { cohortId, status: "OPEN" }, _count: true }),
    db.peerReview.findMany({
      where: { cohortId, status: "CANCELLED", cancelReason: "verlopen" },
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

/** The trainer's matrix for one assignment: who reviews whom, with status, ratings and every review's text. */
export async function reviewMatrix(cohortId: string, assignmentSlug: string) {
  const found = settingsOf(assignmentSlug);
  if (!found) return null;
  const [enrollments, reviews, excuses, members] = await Promise.all([
    db.enrollment.findMany({
      where: { cohortId, status: { in: ["ACTIVE", "COMPLETED"] } },
      select: { user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
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
        reviewerId: true,
        submission: { select: { id: true, userId: true } },
      },
    }),
    db.peerReviewExcuse.findMany({ where: { cohortId, assignmentSlug }, select: { userId: true, reason: true } }),
    db.gildeMember.findMany({
      where: { cohortId },
      select: { userId: true, gilde: { select: { id: true, name: true } } },
    }),
  ]);
  const submissions = await db.submission.findMany({
    where: { cohortId, assignmentSlug },
    select: { id: true, userId: true },
  });
  const names = new Map(enrollments.map((e) => [e.user.id, e.user.name]));
  const gildeOf = new Map(members.map((m) => [m.userId, m.gilde]));
  const excusedReason = new Map(excuses.map((e) => [e.userId, e.reason]));
  const submissionOf = new Map(submissions.map((s) => [s.userId, s.id]));
  const view = (r: (typeof reviews)[number]) => ({
    id: r.id,
    status: r.status,
    crossGilde: r.crossGilde,
    extra: r.extra,
    dueAt: r.dueAt,
    submittedAt: r.submittedAt,
    cancelReason: r.cancelReason,
    reviewer: names.get(r.reviewerId) ?? "(vertrokken)",
    author: names.get(r.submission.userId) ?? "(vertrokken)",
    answers: JSON.parse(r.answers) as Record<string, string>,
    tip: r.tip,
    rating: r.rating,
    ratingComment: r.ratingComment,
  });
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { id: true, name: true } });
  return {
    cohort,
    title: found.title,
    k: found.settings.reviewers,
    anonymity: found.settings.anonymity,
    questions: found.settings.guidingQuestions,
    rows: enrollments.map(({ user }) => ({
      id: user.id,
      name: user.name,
      gilde: gildeOf.get(user.id) ?? null,
      submissionId: submissionOf.get(user.id) ?? null,
      excused: excusedReason.get(user.id) ?? null,
      gives: reviews.filter((r) => r.reviewerId === user.id).map(view),
      receives: reviews.filter((r) => r.submission.userId === user.id).map(view),
    })),
  };
}

// ---- The trainer's changes (issue 16). Every id from the form must belong to the cohort and the assignment the
// action names, checked in the transaction that writes: a submission of another assignment would otherwise get a
// reviewer under this assignment's anonymity, and a double-anonymous author would be named to them.

function requirePeerAssignment(assignmentSlug: string) {
  if (!settingsOf(assignmentSlug)) throw new PeerReviewError("Deze opdracht heeft geen peerfeedback.", 404);
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
    throw new PeerReviewError("Kies een actieve deelnemer van deze groep.", 400, {
      reviewerId: "Kies een actieve deelnemer van deze groep.",
    });
  if (submission.userId === reviewerId)
    throw new PeerReviewError("Niemand geeft feedback op eigen werk.", 400, {
      reviewerId: "Niemand geeft feedback op eigen werk.",
    });
  const pair = await tx.peerReview.findUnique({
    where: { submissionId_reviewerId: { submissionId: submission.id, reviewerId } },
    select: { id: true },
  });
  if (pair) throw alreadyPaired();
}

const alreadyPaired = () =>
  new PeerReviewError("Deze deelnemer heeft deze inzending al eens gekregen.", 400, {
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
  const dueAt = new Date(Math.max(schedule?.peerReviewDueAt?.getTime() ?? 0, now.getTime() + MIN_REVIEW_DAYS * DAY_MS));
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
    if (!review) throw new PeerReviewError("Deze feedbackopdracht bestaat niet bij deze opdracht in deze groep.", 404);
    if (review.status !== "OPEN")
      throw new PeerReviewError("Alleen een openstaande feedbackopdracht kan naar iemand anders.");
    await requireEligibleReviewer(tx, cohortId, review.submission, reviewerId);
    const { count } = await tx.peerReview.updateMany({
      where: { id: reviewId, status: "OPEN" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "verplaatst door trainer" },
    });
    if (count === 0) throw new PeerReviewError("Alleen een openstaande feedbackopdracht kan naar iemand anders.", 409);
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
    if (!submission) throw new PeerReviewError("Deze inzending hoort niet bij deze opdracht in deze groep.", 404);
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
    throw new PeerReviewError("Schrijf kort waarom je deze deelnemer vrijstelt.", 400, {
      reason: "Schrijf kort waarom.",
    });
  await db.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({
      where: { userId_cohortId: { userId, cohortId } },
      select: { id: true },
    });
    if (!enrollment) throw new PeerReviewError("Deze deelnemer hoort niet bij deze groep.", 404);
    await tx.peerReviewExcuse.upsert({
      where: { cohortId_assignmentSlug_userId: { cohortId, assignmentSlug, userId } },
      create: { cohortId, assignmentSlug, userId, excusedById, reason: reason.trim() },
      update: { reason: reason.trim(), excusedById },
    });
    await tx.peerReview.updateMany({
      where: { cohortId, assignmentSlug, reviewerId: userId, status: "OPEN" },
      data: { status: "CANCELLED", cancelledAt: now, cancelReason: "vrijgesteld" },
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
    answers: JSON.parse(r.answers) as Record<string, string>,
    tip: r.tip,
    submittedAt: r.submittedAt,
    rating: r.rating,
    ratingComment: r.ratingComment,
  }));
}
