// Completing the leergang: when every required assignment is voldaan, the trainer confirms; the enrollment
// becomes COMPLETED and the participant an alumnus.
import { forgetCourseAccess } from "~/content/access.server";
import { getCourse } from "~/content/course.server";
import { queueCompletionMail } from "~/credentials/completion-mail.server";
import { issueCredential } from "~/credentials/issue.server";
import { db } from "~/db.server";
import { feedbackQualityGaps } from "~/peer-review/feedback-quality.server";
import { gildeWorkPassed } from "~/assignments/gilde-grading.server";
import { reviewsOwed } from "~/peer-review/oversight.server";
import { attendanceGap, attendanceStandings } from "~/calendar/attendance.server";
import { completionGaps } from "./rubric";
import { queueCompletionScore } from "~/lti/scores.server";

function requiredAssignments() {
  return getCourse().modules.flatMap((m) => m.assignments.map((a) => ({ slug: a.slug, title: a.frontmatter.title })));
}

/** Per active participant of the cohort: what still stands between them and completion (assignments and peer reviews). */
export async function completionOverview(cohortId: string) {
  const [enrollments, passed, owed, attendance] = await Promise.all([
    db.enrollment.findMany({
      where: { cohortId, status: { in: ["ACTIVE", "COMPLETED"] } },
      select: { status: true, user: { select: { id: true, name: true } } },
      orderBy: { user: { name: "asc" } },
    }),
    db.submission.findMany({
      where: { cohortId, status: "PASSED", gildeId: null },
      select: { userId: true, assignmentSlug: true },
    }),
    reviewsOwed(cohortId),
    attendanceStandings(cohortId),
  ]);
  const gildePassed = await gildeWorkPassed(cohortId);
  const required = requiredAssignments();
  const quality = await feedbackQualityGaps(cohortId);
  return enrollments.map(({ status, user }) => ({
    id: user.id,
    name: user.name,
    completed: status === "COMPLETED",
    gaps: [
      ...completionGaps(
        required,
        new Set([
          ...passed.filter((p) => p.userId === user.id).map((p) => p.assignmentSlug),
          ...(gildePassed.get(user.id) ?? []),
        ]),
        owed.get(user.id) ?? 0,
      ),
      ...[attendanceGap(attendance.get(user.id))].filter((g): g is string => g !== null),
      ...(quality.has(user.id) ? [quality.get(user.id)!] : []),
    ],
    reviewsOwed: owed.get(user.id) ?? 0,
  }));
}

export async function confirmCompletion(cohortId: string, userId: string) {
  const participant = (await completionOverview(cohortId)).find((p) => p.id === userId);
  if (!participant || participant.completed)
    return { ok: false as const, error: "Deze deelnemer is niet (meer) actief in deze groep." };
  if (participant.gaps.length)
    return { ok: false as const, error: `Nog niet af te ronden: ${participant.gaps.join(" ")}` };
  // Conditional, so two confirmations at once complete (and mail) once; the credential is unique by itself.
  await db.$transaction(async (tx) => {
    const completed = await tx.enrollment.updateMany({
      where: { userId, cohortId, status: "ACTIVE" },
      data: { status: "COMPLETED", completedAt: new Date() },
    });
    if (completed.count === 1)
      await queueCompletionMail(
        tx,
        await tx.user.findUniqueOrThrow({ where: { id: userId }, select: { name: true, email: true } }),
      );
  });
  forgetCourseAccess(userId);
  // The completion stands even if signing fails; /account/certificaat issues what is missing when visited.
  await issueCredential(cohortId, userId).catch((error) => console.error("Issuing the credential failed", error));
  await queueCompletionScore(userId, cohortId);
  return { ok: true as const, name: participant.name };
}
