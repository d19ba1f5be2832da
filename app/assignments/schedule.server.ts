// The trainer's side of assignments: deadlines per cohort, individual extensions, who handed in.
import { findAssignment, getCourse } from "~/content/course.server";
import { db } from "~/db.server";

export type ScheduleEntry = { slug: string; dueAt: Date | null; peerReviewDueAt: Date | null; closed: boolean };

export async function saveSchedule(cohortId: string, entries: ScheduleEntry[], updatedById: string) {
  await db.$transaction(async (tx) => {
    for (const entry of entries) {
      const data = { dueAt: entry.dueAt, peerReviewDueAt: entry.peerReviewDueAt, closed: entry.closed, updatedById };
      await tx.assignmentSchedule.upsert({
        where: { cohortId_assignmentSlug: { cohortId, assignmentSlug: entry.slug } },
        create: { cohortId, assignmentSlug: entry.slug, ...data },
        update: data,
      });
    }
  });
}

/** Gives one participant of the cohort their own deadline for one assignment of the course. */
export async function grantExtension(cohortId: string, slug: string, userId: string, dueAt: Date, grantedById: string) {
  if (!findAssignment(slug)) return { ok: false as const, error: "Onbekende opdracht." };
  return db.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({
      where: { userId_cohortId: { userId, cohortId } },
      select: { status: true },
    });
    if (enrollment?.status !== "ACTIVE")
      return { ok: false as const, error: "Deze deelnemer is niet ingeschreven in deze groep." };
    await tx.extension.upsert({
      where: { cohortId_assignmentSlug_userId: { cohortId, assignmentSlug: slug, userId } },
      create: { cohortId, assignmentSlug: slug, userId, dueAt, grantedById },
      update: { dueAt, grantedById },
    });
    return { ok: true as const };
  });
}

/** Withdraws an extension of this cohort and assignment; says so when there was none to withdraw. */
export async function removeExtension(cohortId: string, slug: string, userId: string) {
  if (!findAssignment(slug)) return { ok: false as const, error: "Onbekende opdracht." };
  const { count } = await db.extension.deleteMany({ where: { cohortId, assignmentSlug: slug, userId } });
  if (count === 0)
    return { ok: false as const, error: "Deze deelnemer heeft geen uitstel voor deze opdracht in deze groep." };
  return { ok: true as const };
}

/** Per assignment: its schedule, and per participant whether and when they handed in, late or not. */
export async function cohortAssignments(cohortId: string) {
  const [schedules, participants] = await Promise.all([
    db.assignmentSchedule.findMany({
      where: { cohortId },
      select: { assignmentSlug: true, dueAt: true, peerReviewDueAt: true, closed: true },
    }),
    db.enrollment.findMany({
      where: { cohortId, status: "ACTIVE" },
      orderBy: { user: { name: "asc" } },
      select: {
        user: {
          select: {
            id: true,
            name: true,
            submissions: {
              where: { cohortId },
              select: {
                assignmentSlug: true,
                status: true,
                versions: {
                  orderBy: { number: "desc" },
                  take: 1,
                  select: { number: true, handedInAt: true, late: true },
                },
              },
            },
            extensions: { where: { cohortId }, select: { assignmentSlug: true, dueAt: true } },
          },
        },
      },
    }),
  ]);
  return getCourse().modules.flatMap((module) =>
    module.assignments.map((assignment) => {
      const slug = assignment.slug;
      const schedule = schedules.find((s) => s.assignmentSlug === slug);
      return {
        slug,
        title: assignment.frontmatter.title,
        moduleOrder: module.frontmatter.order,
        peerReview: assignment.frontmatter.peerReview.enabled,
        dueAt: schedule?.dueAt ?? null,
        peerReviewDueAt: schedule?.peerReviewDueAt ?? null,
        closed: schedule?.closed ?? false,
        participants: participants.map(({ user }) => {
          const submission = user.submissions.find((s) => s.assignmentSlug === slug);
          const latest = submission?.versions[0];
          return {
            id: user.id,
            name: user.name,
            status: submission?.status ?? null,
            handedInAt: latest?.handedInAt ?? null,
            version: latest?.number ?? null,
            late: latest?.late ?? false,
            extension: user.extensions.find((e) => e.assignmentSlug === slug)?.dueAt ?? null,
          };
        }),
      };
    }),
  );
}
