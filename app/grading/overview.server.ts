// "Who is stuck": per cohort, every active participant against every assignment, with what a trainer needs
// to see at a glance: status, late work, open revisions, days since last activity, reading progress.
import { assignmentStatus, STATUS_LABELS, type AssignmentStatus } from "~/assignments/rules";
import { getCourse } from "~/content/course.server";
import { courseProgress } from "~/content/progress.server";
import { db } from "~/db.server";
import { reviewStats, reviewsOwed } from "~/peer-review/oversight.server";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The mean of the authors' ratings, one decimal, or null when nothing was rated yet. */
function averageOf(ratings: number[]) {
  return ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null;
}

export type StuckSort = "naam" | "inactief" | "voortgang";

export async function stuckOverview(cohortId: string, sort: StuckSort = "inactief", now = new Date()) {
  const course = getCourse();
  const assignments = course.modules.flatMap((m) =>
    m.assignments.map((a) => ({ slug: a.slug, title: a.frontmatter.title })),
  );
  const [enrollments, submissions, drafts, reads, wijken, owed, given] = await Promise.all([
    db.enrollment.findMany({
      where: { cohortId, status: "ACTIVE" },
      select: { activatedAt: true, user: { select: { id: true, name: true } } },
    }),
    db.submission.findMany({
      where: { cohortId },
      select: {
        userId: true,
        assignmentSlug: true,
        status: true,
        versions: { select: { late: true, handedInAt: true } },
      },
    }),
    db.draft.findMany({
      where: { cohortId },
      select: { userId: true, assignmentSlug: true, body: true, updatedAt: true },
    }),
    db.sectionRead.findMany({
      where: { user: { enrollments: { some: { cohortId } } } },
      select: { userId: true, moduleSlug: true, sectionId: true, readAt: true },
    }),
    db.wijkVersion.findMany({
      where: { wijk: { user: { enrollments: { some: { cohortId } } } } },
      select: { createdAt: true, wijk: { select: { userId: true } } },
    }),
    reviewsOwed(cohortId),
    reviewStats(cohortId),
  ]);
  const rows = enrollments.map(({ user, activatedAt }) => {
    const mine = submissions.filter((s) => s.userId === user.id);
    const myDrafts = drafts.filter((d) => d.userId === user.id);
    const myReads = reads.filter((r) => r.userId === user.id);
    const byModule = new Map<string, Set<string>>();
    for (const r of myReads) {
      if (!byModule.has(r.moduleSlug)) byModule.set(r.moduleSlug, new Set());
      byModule.get(r.moduleSlug)!.add(r.sectionId);
    }
    const moments = [
      activatedAt,
      ...mine.flatMap((s) => s.versions.map((v) => v.handedInAt)),
      ...myDrafts.map((d) => d.updatedAt),
      ...myReads.map((r) => r.readAt),
      ...wijken.filter((w) => w.wijk.userId === user.id).map((w) => w.createdAt),
    ].filter((d): d is Date => d instanceof Date);
    const last = moments.length ? new Date(Math.max(...moments.map((d) => d.getTime()))) : null;
    const reading = courseProgress(course, byModule);
    const statuses: Record<string, AssignmentStatus> = {};
    for (const a of assignments) {
      const submission = mine.find((s) => s.assignmentSlug === a.slug) ?? null;
      statuses[a.slug] = assignmentStatus(
        submission,
        Boolean(myDrafts.find((d) => d.assignmentSlug === a.slug)?.body.trim()),
      );
    }
    return {
      id: user.id,
      name: user.name,
      statuses,
      late: mine.filter((s) => s.versions.some((v) => v.late)).length,
      openRevisions: mine.filter((s) => s.status === "RETURNED").length,
      reviewsOwed: owed.get(user.id) ?? 0,
      reviewsGiven: given.get(user.id)?.given ?? 0,
      reviewsOnTime: given.get(user.id)?.onTime ?? 0,
      reviewsRating: averageOf(given.get(user.id)?.ratings ?? []),
      daysInactive: last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null,
      progress: reading.percent,
      moduleProgress: Object.fromEntries([...reading.modules].map(([slug, p]) => [slug, p.percent])),
    };
  });
  const compare: Record<StuckSort, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
    naam: (a, b) => a.name.localeCompare(b.name, "nl"),
    inactief: (a, b) =>
      (b.daysInactive ?? Infinity) - (a.daysInactive ?? Infinity) || a.name.localeCompare(b.name, "nl"),
    voortgang: (a, b) => a.progress - b.progress || a.name.localeCompare(b.name, "nl"),
  };
  const modules = course.modules.map((m) => ({ slug: m.slug, order: m.frontmatter.order, title: m.frontmatter.title }));
  return { assignments, modules, rows: rows.sort(compare[sort]), labels: STATUS_LABELS };
}
