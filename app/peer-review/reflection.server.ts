// Reflection on feedback received (issue 23): what the participant will do with the feedback on a version of their
// work. Written on /gilde when peer feedback arrives, and asked before a revision is handed in; the trainer reads it
// beside the versions on the grading desk. One reflection per version; writing again replaces it. A gilde's work
// (issue 23) is every member's: any member writes the gilde's reflection, and who wrote it is kept (export, erasure).
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";

/** Fewer characters than this is not yet a reflection ("ok"). */
const MIN_LENGTH = 15;

const TOO_SHORT = "Schrijf in een paar zinnen wat je met de feedback gaat doen.";

/** The participant's own submissions and those of their gilde. */
const ownOrGilde = (userId: string) => ({ OR: [{ userId }, { gilde: { members: { some: { userId } } } }] });

/** Saves the reflection on the newest version of this participant's submission. */
export async function saveReflection(userId: string, submissionId: string, body: string) {
  const text = body.trim();
  if (text.length < MIN_LENGTH) throw new RefusedError(TOO_SHORT, 400, { reflection: TOO_SHORT });
  const submission = await db.submission.findFirst({
    where: { id: submissionId, ...ownOrGilde(userId) },
    select: { id: true, versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } } },
  });
  const version = submission?.versions[0]?.number;
  if (!submission || version === undefined) throw new RefusedError("Deze inzending bestaat niet.", 404);
  await db.reflection.upsert({
    where: { submissionId_version: { submissionId, version } },
    create: { submissionId, version, body: text, authorId: userId },
    update: { body: text, authorId: userId },
  });
  return { version };
}

/** The reflection on the newest version of each of these submissions of the participant, by submission id. */
export async function latestReflections(userId: string, submissionIds: string[]) {
  const submissions = await db.submission.findMany({
    where: { id: { in: submissionIds }, ...ownOrGilde(userId) },
    select: {
      id: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
      reflections: { select: { version: true, body: true } },
    },
  });
  return new Map(
    submissions.map((s) => [s.id, s.reflections.find((r) => r.version === s.versions[0]?.number)?.body ?? ""]),
  );
}

/**
 * For handing in a revision: the participant's returned submission of this assignment, with the reflection on
 * its newest version so far. Null when this hand-in is not a revision.
 */
export async function revisionReflection(userId: string, slug: string) {
  const submission = await db.submission.findFirst({
    where: {
      userId,
      assignmentSlug: slug,
      status: "RETURNED",
      cohort: { enrollments: { some: { userId, status: "ACTIVE" } } },
    },
    select: {
      id: true,
      versions: { orderBy: { number: "desc" }, take: 1, select: { number: true } },
      reflections: { select: { version: true, body: true } },
    },
  });
  const version = submission?.versions[0]?.number;
  if (!submission || version === undefined) return null;
  return {
    submissionId: submission.id,
    version,
    body: submission.reflections.find((r) => r.version === version)?.body ?? "",
  };
}

/** Whether handing in now is a revision that still needs its reflection (then the hand-in page asks it). */
export async function reflectionMissing(userId: string, slug: string) {
  const revision = await revisionReflection(userId, slug);
  return Boolean(revision && !revision.body);
}

/** The reflections on a submission, per version, for the grading desk (whose access check comes first). */
export function reflectionsOnSubmission(submissionId: string) {
  return db.reflection.findMany({
    where: { submissionId },
    orderBy: { version: "asc" },
    select: { version: true, body: true, updatedAt: true },
  });
}
