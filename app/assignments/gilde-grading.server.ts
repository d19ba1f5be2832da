// Grading a gilde's work (issue 23): the trainer grades the one submission on the grading desk and can
// differentiate per member, a different decision with a reason. Each member sees the gilde's result and their own.
import type { SessionUser } from "~/auth/guards.server";
import { audit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { parseDecision, storedDecision } from "~/grading/assessment-columns";
import type { Decision } from "~/grading/rubric";

function gradable(trainer: SessionUser, submissionId: string) {
  return trainer.role === "ADMIN"
    ? { id: submissionId }
    : { id: submissionId, cohort: { staff: { some: { userId: trainer.id } } } };
}

/** The gilde panel of the grading desk: members (also who left) with their part and any own decision. Null: not gilde work. */
export async function gildeGradingPanel(trainer: SessionUser, submissionId: string) {
  const submission = await db.submission.findFirst({
    where: { ...gradable(trainer, submissionId), gildeId: { not: null } },
    select: {
      assignmentSlug: true,
      user: { select: { name: true } },
      gilde: {
        select: {
          id: true,
          name: true,
          members: { select: { userId: true, user: { select: { name: true } } } },
        },
      },
      memberGrades: { select: { userId: true, decision: true, reason: true } },
    },
  });
  if (!submission?.gilde) return null;
  const gilde = submission.gilde;
  const contributions = await db.gildeContribution.findMany({
    where: { gildeId: gilde.id, assignmentSlug: submission.assignmentSlug },
    select: { userId: true, text: true, user: { select: { name: true } } },
  });
  const current = new Set(gilde.members.map((m) => m.userId));
  const people = [
    ...gilde.members.map((m) => ({ id: m.userId, name: m.user.name, left: false })),
    ...contributions
      .filter((c) => !current.has(c.userId))
      .map((c) => ({ id: c.userId, name: c.user.name, left: true })),
  ];
  return {
    name: gilde.name,
    handedInBy: submission.user.name,
    members: people.map((person) => {
      const grade = submission.memberGrades.find((g) => g.userId === person.id);
      return {
        ...person,
        contribution: contributions.find((c) => c.userId === person.id)?.text ?? "",
        grade: grade ? { decision: parseDecision(grade.decision)!, reason: grade.reason } : null,
      };
    }),
  };
}

/**
 * Sets (or with `decision` null, removes) a member's own decision on the gilde's work. Only for someone who is or
 * was in the gilde and wrote a part; a reason is required, as the member reads it.
 */
export async function setMemberGrade(
  trainer: SessionUser,
  submissionId: string,
  userId: string,
  decision: Decision | null,
  reason: string,
) {
  const panel = await gildeGradingPanel(trainer, submissionId);
  if (!panel) throw new RefusedError("Deze inzending bestaat niet, of hoort niet bij een groep van jou.", 404);
  const member = panel.members.find((m) => m.id === userId);
  if (!member) throw new RefusedError("Deze persoon hoort niet bij deze gilde.", 400);
  const key = { submissionId_userId: { submissionId, userId } };
  if (decision === null) {
    await db.memberGrade.deleteMany({ where: { submissionId, userId } });
    return;
  }
  if (!reason.trim())
    throw new RefusedError("Schrijf waarom dit gildelid een andere uitkomst krijgt; het gildelid leest het.", 400, {
      reason: "Schrijf de reden erbij.",
    });
  const stored = storedDecision(decision)!;
  await db.$transaction(async (tx) => {
    await tx.memberGrade.upsert({
      where: key,
      create: { submissionId, userId, decision: stored, reason: reason.trim(), gradedById: trainer.id },
      update: { decision: stored, reason: reason.trim(), gradedById: trainer.id },
    });
    await audit(tx, {
      action: "grade.member",
      actor: trainer,
      subjectId: submissionId,
      summary: `Uitkomst voor ${member.name} in ${panel.name}: ${decision}`,
    });
  });
}

/** A member's own decision on their gilde's work, when the trainer set one and released the gilde's assessment. */
export async function memberGradeFor(submissionId: string, userId: string) {
  const grade = await db.memberGrade.findUnique({
    where: { submissionId_userId: { submissionId, userId } },
    select: {
      decision: true,
      reason: true,
      submission: { select: { assessments: { where: { status: "RELEASED" }, select: { id: true }, take: 1 } } },
    },
  });
  if (!grade || grade.submission.assessments.length === 0) return null;
  return { decision: parseDecision(grade.decision)!, reason: grade.reason };
}

/**
 * Per participant of a cohort, the gilde assignments that count as voldaan for them: their gilde's work passed and
 * the trainer gave them no other outcome, or the trainer gave them voldaan themselves. A member who left keeps what
 * they wrote a part of.
 */
export async function gildeWorkPassed(cohortId: string): Promise<Map<string, Set<string>>> {
  const submissions = await db.submission.findMany({
    where: { cohortId, gildeId: { not: null } },
    select: {
      assignmentSlug: true,
      status: true,
      userId: true,
      gilde: {
        select: {
          members: { select: { userId: true } },
          gildeContributions: { select: { userId: true, assignmentSlug: true } },
        },
      },
      memberGrades: { select: { userId: true, decision: true } },
    },
  });
  const passed = new Map<string, Set<string>>();
  for (const s of submissions) {
    const people = new Set([
      s.userId,
      ...(s.gilde?.members.map((m) => m.userId) ?? []),
      ...(s.gilde?.gildeContributions.filter((c) => c.assignmentSlug === s.assignmentSlug).map((c) => c.userId) ?? []),
    ]);
    for (const userId of people) {
      const own = s.memberGrades.find((g) => g.userId === userId)?.decision;
      if ((own ?? s.status) !== "PASSED") continue;
      if (!passed.has(userId)) passed.set(userId, new Set());
      passed.get(userId)!.add(s.assignmentSlug);
    }
  }
  return passed;
}
