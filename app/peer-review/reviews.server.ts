// What a participant does in peer review: their gilde, the reviews to give (the form, its attachments, saving and
// submitting), and the feedback received with the anonymity the assignment asks for, rated "bruikbaar?".
// Anonymity is enforced here: what a participant can reach is built field by field, never from a whole row.
import { RefusedError } from "~/errors.server";
import { cleanCopyBytes, cleanCopySelect } from "~/assignments/clean-copy.server";
import { db } from "~/db.server";
import { renderMarkdown } from "~/markdown/markdown";
import { fileStore } from "~/storage/storage.server";
import { mailFeedbackGiven } from "./mails.server";
import { parseReviewAnswers, parseReviewLevels } from "./review-columns";
import { settingsOf } from "./settings.server";
import { authorNameOf, reviewSight } from "./visibility";

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
      submission: { select: { user: { select: { name: true } }, gilde: { select: { name: true } } } },
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
        authorName: authorNameOf(row.submission),
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
 * data export contains, both decided by `reviewSight`. Never a reviewer's identity when anonymous. One query,
 * however many submissions: each comes with its cohort's peer-review deadlines and the reviews this participant
 * gave there.
 */
export async function feedbackReceived(userId: string, now = new Date()) {
  const submissions = await db.submission.findMany({
    // A gilde's work is every member's (issue 23), whoever of them handed it in.
    where: {
      OR: [{ userId }, { gilde: { members: { some: { userId } } } }],
      peerReviews: { some: { status: { not: "CANCELLED" } } },
    },
    orderBy: { createdAt: "asc" },
    select: {
      id: true,
      assignmentSlug: true,
      user: { select: { name: true } },
      gilde: { select: { name: true } },
      cohort: {
        select: {
          schedules: { select: { assignmentSlug: true, peerReviewDueAt: true } },
          peerReviews: { where: { reviewerId: userId, status: "SUBMITTED" }, select: { assignmentSlug: true } },
        },
      },
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
  return submissions.flatMap((submission) => {
    const found = settingsOf(submission.assignmentSlug);
    if (!found) return [];
    const sameAssignment = (r: { assignmentSlug: string }) => r.assignmentSlug === submission.assignmentSlug;
    const viewer = {
      as: "author" as const,
      now,
      peerReviewDueAt: submission.cohort.schedules.find(sameAssignment)?.peerReviewDueAt ?? null,
      givenOwn: submission.cohort.peerReviews.filter(sameAssignment).length,
    };
    const seen = submission.peerReviews.map((r, position) => ({
      r,
      sight: reviewSight(
        {
          settings: found.settings,
          status: r.status,
          crossGilde: r.crossGilde,
          reviewerName: r.reviewer.name,
          authorName: authorNameOf(submission),
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
            answers: parseReviewAnswers(r.answers),
            levels: parseReviewLevels(r.levels),
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
          gilde: { select: { name: true } },
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
      authorName: authorNameOf(review.submission),
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
    answers: parseReviewAnswers(review.answers),
    levels: parseReviewLevels(review.levels),
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
          gilde: { select: { name: true } },
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
      authorName: authorNameOf(review.submission),
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
    throw new RefusedError("Deze feedbackopdracht bestaat niet (meer).", 404);
  if (review.status === "SUBMITTED")
    throw new RefusedError("Je hebt deze feedback al ingediend; hij kan niet meer veranderen.", 409);
  if (review.dueAt <= now)
    throw new RefusedError(
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
    throw new RefusedError(
      submit ? "Nog niet ingediend: vul aan wat hieronder staat." : "Niet opgeslagen: verbeter wat hieronder staat.",
      400,
      errors,
    );
  return db.$transaction(async (tx) => {
    const { count } = await tx.peerReview.updateMany({
      where: { id: reviewId, status: "OPEN", revision },
      data: {
        answers: input.answers,
        levels: input.levels,
        tip: input.tip,
        revision: revision + 1,
        ...(submit ? { status: "SUBMITTED" as const, submittedAt: now } : {}),
      },
    });
    if (count === 0)
      throw new RefusedError(
        "Deze feedback is intussen elders opgeslagen (ander venster?). Laad de pagina opnieuw; je tekst staat hieronder nog.",
        409,
      );
    if (submit) await mailFeedbackGiven(tx, review.submission.userId, found.title);
    return { revision: revision + 1 };
  });
}

/** The author rates a received review: "bruikbaar?" 1–4 with an optional comment. */
export async function rateReview(userId: string, reviewId: string, rating: number, comment: string, now = new Date()) {
  if (!Number.isInteger(rating) || rating < 1 || rating > 4)
    throw new RefusedError("Kies hoe bruikbaar deze feedback was, van 1 tot 4.", 400, {
      rating: "Kies 1, 2, 3 of 4.",
    });
  const visible = (await feedbackReceived(userId, now)).some((s) => s.reviews.some((r) => r.id === reviewId));
  if (!visible) throw new RefusedError("Deze feedback bestaat niet, of je kunt hem nog niet lezen.", 404);
  await db.peerReview.update({
    where: { id: reviewId },
    data: { rating, ratingComment: comment.trim() || null, ratedAt: now },
  });
}
