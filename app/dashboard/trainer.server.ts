// A trainer's to-do list, over the cohorts they work in: intakes waiting, handed-in work waiting per assignment,
// second readings asked of them, participants flagged as stuck, and their cohorts' deadlines this week.
import type { SessionUser } from "~/auth/guards.server";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { stuckOverview } from "~/grading/overview.server";
import { count, stuckReasons, type Todo } from "./todo";

const DAY_MS = 24 * 60 * 60 * 1000;

const titleOf = (slug: string) => findAssignment(slug)?.assignment.frontmatter.title ?? slug;

export async function trainerTodos(user: SessionUser, now = new Date()): Promise<Todo[]> {
  const cohorts = await db.cohort.findMany({
    where: { staff: { some: { userId: user.id } } },
    select: { id: true, name: true, endsOn: true },
    orderBy: { startsOn: "desc" },
  });
  if (!cohorts.length) return [];
  const ids = cohorts.map((c) => c.id);
  const nameOf = new Map(cohorts.map((c) => [c.id, c.name]));
  const [intakes, waiting, secondReads, deadlines, stuck] = await Promise.all([
    db.enrollment.groupBy({
      by: ["cohortId"],
      where: { cohortId: { in: ids }, status: "APPLIED" },
      _count: true,
      _min: { appliedAt: true },
    }),
    db.submission.groupBy({
      by: ["cohortId", "assignmentSlug"],
      where: { cohortId: { in: ids }, status: "SUBMITTED" },
      _count: true,
      _min: { updatedAt: true },
    }),
    db.assessment.findMany({
      where: {
        status: "DRAFT",
        decision: "FAILED",
        secondReaderId: null,
        gradedById: { not: user.id },
        submission: { cohortId: { in: ids }, cohort: { secondReaderForFail: true } },
      },
      orderBy: { updatedAt: "asc" },
      select: {
        updatedAt: true,
        gradedBy: { select: { name: true } },
        submission: { select: { id: true, assignmentSlug: true, user: { select: { name: true } } } },
      },
    }),
    db.assignmentSchedule.findMany({
      where: { cohortId: { in: ids }, closed: false, dueAt: { gte: now, lt: new Date(now.getTime() + 7 * DAY_MS) } },
      select: { cohortId: true, assignmentSlug: true, dueAt: true },
    }),
    stuckInRunningCohorts(cohorts, now),
  ]);
  const todos: Todo[] = [];
  for (const i of intakes) {
    todos.push({
      kind: "intake",
      title: `${count(i._count, "aanmelding", "aanmeldingen")} voor ${nameOf.get(i.cohortId)} beoordelen`,
      href: `/beoordelen/aanmeldingen/${i.cohortId}`,
      since: i._min.appliedAt?.toISOString(),
    });
  }
  for (const w of waiting) {
    const params = new URLSearchParams({ groep: w.cohortId, opdracht: w.assignmentSlug });
    todos.push({
      kind: "queue",
      title: `${count(w._count, "inzending", "inzendingen")} van ${titleOf(w.assignmentSlug)} beoordelen`,
      detail: w._count > 1 ? `${nameOf.get(w.cohortId)}, de oudste eerst` : nameOf.get(w.cohortId),
      href: `/beoordelen?${params}`,
      since: w._min.updatedAt?.toISOString(),
    });
  }
  for (const read of secondReads) {
    todos.push({
      kind: "second-read",
      title: `Meelezen: ${titleOf(read.submission.assignmentSlug)} van ${read.submission.user.name}`,
      detail: `${read.gradedBy.name} vraagt een tweede lezer voor ‘niet voldaan’`,
      href: `/beoordelen/${read.submission.id}`,
      since: read.updatedAt.toISOString(),
    });
  }
  for (const d of deadlines) {
    todos.push({
      kind: "cohort-deadline",
      title: `Deadline ${titleOf(d.assignmentSlug)}`,
      detail: nameOf.get(d.cohortId),
      href: `/opdrachten/groep/${d.cohortId}`,
      due: d.dueAt!.toISOString(),
    });
  }
  todos.push(...stuck);
  return todos;
}

/** Participants "Wie loopt vast?" flags, in cohorts that have not ended (an old cohort's silence is no news). */
async function stuckInRunningCohorts(cohorts: { id: string; name: string; endsOn: Date }[], now: Date) {
  const running = cohorts.filter((c) => c.endsOn.getTime() + DAY_MS > now.getTime());
  const overviews = await Promise.all(running.map(async (c) => ({ cohort: c, overview: await stuckOverview(c.id) })));
  return overviews.flatMap(({ cohort, overview }) =>
    overview.rows.flatMap((row): Todo[] => {
      const reasons = stuckReasons(row);
      if (!reasons.length) return [];
      const params = new URLSearchParams({ groep: cohort.id });
      return [
        {
          kind: "stuck",
          title: `${row.name} loopt vast`,
          detail: `${cohort.name}: ${reasons.join(", ")}`,
          href: `/beoordelen/overzicht?${params}`,
          since:
            row.daysInactive !== null ? new Date(now.getTime() - row.daysInactive * DAY_MS).toISOString() : undefined,
        },
      ];
    }),
  );
}
