// Assignment and Grade Services, the queueing half: when a trainer releases an assessment, or a participant's
// completion is confirmed, a score is queued for every LMS course (with a gradebook) that the participant was
// launched from, on a platform linked to the submission's cohort. Queued in the same transaction as the release,
// so a score is never lost; app/lti/score-delivery.server.ts sends it.
import type { Prisma } from "@prisma/client";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { parseAssessmentLevels, parseDecision } from "~/grading/assessment-columns";
import { releaseScore } from "./services";

type Tx = Prisma.TransactionClient;

/** The resourceId of the line item for the course as a whole. */
const COMPLETION_RESOURCE = "leergang";

type Score = Pick<
  Prisma.LtiScorePostUncheckedCreateInput,
  "resourceId" | "label" | "scoreGiven" | "scoreMaximum" | "comment" | "activityProgress" | "gradingProgress"
>;

/** Where a participant's scores go: the LMS courses they are in, with a gradebook, of the cohort's platforms. */
function gradebooksOf(tx: Tx, userId: string, cohortId: string) {
  return tx.ltiContextMember.findMany({
    where: {
      inLms: true,
      identity: { userId, platform: { cohortId } },
      context: { lineItemsUrl: { not: null } },
    },
    select: { contextId: true, identityId: true },
  });
}

async function queue(tx: Tx, userId: string, cohortId: string, score: Score, now: Date) {
  const gradebooks = await gradebooksOf(tx, userId, cohortId);
  if (gradebooks.length === 0) return 0;
  await tx.ltiScorePost.createMany({
    data: gradebooks.map((book) => ({ ...book, ...score, scoredAt: now, nextAttemptAt: now, createdAt: now })),
  });
  return gradebooks.length;
}

/** Queues the score of the submission's newest released assessment (call inside the release's transaction). */
export async function queueReleaseScore(tx: Tx, submissionId: string, now = new Date()) {
  const submission = await tx.submission.findUnique({
    where: { id: submissionId },
    select: {
      userId: true,
      cohortId: true,
      assignmentSlug: true,
      assessments: {
        where: { status: "RELEASED" },
        orderBy: { number: "desc" },
        take: 1,
        select: { levels: true, decision: true },
      },
    },
  });
  const assessment = submission?.assessments[0];
  const found = submission && findAssignment(submission.assignmentSlug);
  if (!submission || !assessment || !found) return 0;
  const score = releaseScore(
    found.assignment.frontmatter.rubric,
    parseAssessmentLevels(assessment.levels),
    parseDecision(assessment.decision),
  );
  return queue(
    tx,
    submission.userId,
    submission.cohortId,
    { ...score, resourceId: found.assignment.slug, label: found.assignment.frontmatter.title },
    now,
  );
}

/** Queues "leergang afgerond" once a participant's completion is confirmed. */
export async function queueCompletionScore(userId: string, cohortId: string, now = new Date()) {
  return queue(
    db,
    userId,
    cohortId,
    {
      resourceId: COMPLETION_RESOURCE,
      label: "Leergang afgerond",
      scoreGiven: 1,
      scoreMaximum: 1,
      comment: "leergang afgerond",
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
    },
    now,
  );
}

/** Scores that did not arrive yet after at least one try, for the admin on /beheer/lti. */
export async function failingScorePosts() {
  const rows = await db.ltiScorePost.findMany({
    where: { sentAt: null, attempts: { gt: 0 } },
    orderBy: { createdAt: "asc" },
    take: 50,
    select: {
      id: true,
      label: true,
      attempts: true,
      lastError: true,
      nextAttemptAt: true,
      identity: { select: { user: { select: { name: true } } } },
      context: { select: { title: true, platform: { select: { name: true } } } },
    },
  });
  return rows.map((row) => ({
    id: row.id,
    label: row.label,
    attempts: row.attempts,
    lastError: row.lastError ?? "",
    nextAttemptAt: row.nextAttemptAt,
    person: row.identity.user.name,
    course: row.context.title,
    platform: row.context.platform.name,
  }));
}
