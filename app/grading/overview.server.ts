// "Who is stuck": per cohort, every active participant against every assignment, with what a trainer needs
// to see at a glance: flags first (stuck-flags.ts: late, inactive, not reading, revision open, reviews overdue)
// and a risk to sort on, then status, late work, open revisions, days since last activity, reading progress.
import { assignmentStatus, effectiveDue, STATUS_LABELS, type AssignmentStatus } from "~/assignments/rules";
import { getCourse } from "~/content/course.server";
import { courseProgress } from "~/content/progress.server";
import { db } from "~/db.server";
import { evaluationsUnfinished } from "~/peer-review/evaluation.server";
import { lowQualityReviews } from "~/peer-review/feedback-quality.server";
import { reviewStats, reviewsOwed } from "~/peer-review/oversight.server";
import { attendanceShort, attendanceStandings } from "~/calendar/attendance.server";
import { READING_DAYS, riskOf, stuckFlags, type StuckFacts } from "./stuck-flags";

const DAY_MS = 24 * 60 * 60 * 1000;

/** The mean of the authors' ratings, one decimal, or null when nothing was rated yet. */
function averageOf(ratings: number[]) {
  return ratings.length ? Math.round((ratings.reduce((a, b) => a + b, 0) / ratings.length) * 10) / 10 : null;
}

export type StuckSort = "risico" | "naam" | "inactief" | "voortgang";

export async function stuckOverview(cohortId: string, sort: StuckSort = "inactief", now = new Date()) {
  const course = getCourse();
  const assignments = course.modules.flatMap((m) =>
    m.assignments.map((a) => ({ slug: a.slug, title: a.frontmatter.title })),
  );
  const [enrollments, submissions, drafts, reads, wijken, owed, given, planning, attendance] = await Promise.all([
    db.enrollment.findMany({
      where: { cohortId, status: "ACTIVE" },
      select: { activatedAt: true, user: { select: { id: true, name: true } } },
    }),
    db.submission.findMany({
      where: { cohortId },
      select: {
        userId: true,
        gildeId: true,
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
    cohortPlanning(cohortId, now),
    attendanceStandings(cohortId, now),
  ]);
  // Issue 23: open evaluations not filled in, and given feedback the trainer assessed as weak.
  const [evaluations, weak] = await Promise.all([evaluationsUnfinished(cohortId, now), lowQualityReviews(cohortId)]);
  // Gilde assignments (issue 23): the gilde's work counts for each member, and editing its text is activity.
  const [gildeMembers, gildeEdits] = await Promise.all([
    db.gildeMember.findMany({ where: { cohortId }, select: { userId: true, gildeId: true } }),
    db.gildeDraftEdit.findMany({ where: { draft: { gilde: { cohortId } } }, select: { userId: true, at: true } }),
  ]);
  const gildeOf = new Map(gildeMembers.map((m) => [m.userId, m.gildeId]));
  const rows = enrollments.map(({ user, activatedAt }) => {
    const mine = submissions.filter((s) => (s.gildeId ? s.gildeId === gildeOf.get(user.id) : s.userId === user.id));
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
      ...gildeEdits.filter((e) => e.userId === user.id).map((e) => e.at),
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
    const daysInactive = last ? Math.floor((now.getTime() - last.getTime()) / DAY_MS) : null;
    const facts: StuckFacts = {
      lateAssignments: assignments
        .filter((a) => {
          const due = effectiveDue(
            planning.schedules.get(a.slug) ?? null,
            planning.extensions.get(`${user.id}|${a.slug}`) ?? null,
          );
          return due !== null && due < now && !mine.some((s) => s.assignmentSlug === a.slug && s.versions.length);
        })
        .map((a) => a.title),
      openRevisions: mine
        .filter((s) => s.status === "RETURNED")
        .map((s) => assignments.find((a) => a.slug === s.assignmentSlug)?.title ?? s.assignmentSlug),
      reviewsOverdue: planning.reviewsOverdue.get(user.id) ?? 0,
      daysInactive,
      modulesBehind: course.modules
        .filter((m) => planning.readBy(m.slug) && (reading.modules.get(m.slug)?.percent ?? 0) < 50)
        .map((m) => ({ order: m.frontmatter.order, percent: reading.modules.get(m.slug)?.percent ?? 0 })),
      attendanceShort: attendanceShort(attendance.get(user.id)) ? attendance.get(user.id) : null,
      evaluationsOpen: evaluations.get(user.id) ?? [],
      weakReviews: weak.get(user.id) ?? 0,
    };
    return {
      id: user.id,
      name: user.name,
      flags: stuckFlags(facts),
      risk: riskOf(facts),
      statuses,
      late: mine.filter((s) => s.versions.some((v) => v.late)).length,
      openRevisions: mine.filter((s) => s.status === "RETURNED").length,
      reviewsOwed: owed.get(user.id) ?? 0,
      reviewsGiven: given.get(user.id)?.given ?? 0,
      reviewsOnTime: given.get(user.id)?.onTime ?? 0,
      reviewsRating: averageOf(given.get(user.id)?.ratings ?? []),
      daysInactive,
      attendanceShort: facts.attendanceShort ?? null,
      progress: reading.percent,
      moduleProgress: Object.fromEntries([...reading.modules].map(([slug, p]) => [slug, p.percent])),
      evaluationsOpen: facts.evaluationsOpen ?? [],
      weakReviews: facts.weakReviews ?? 0,
    };
  });
  const compare: Record<StuckSort, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
    risico: (a, b) =>
      b.risk - a.risk ||
      b.flags.length - a.flags.length ||
      (b.daysInactive ?? Infinity) - (a.daysInactive ?? Infinity) ||
      a.name.localeCompare(b.name, "nl"),
    naam: (a, b) => a.name.localeCompare(b.name, "nl"),
    inactief: (a, b) =>
      (b.daysInactive ?? Infinity) - (a.daysInactive ?? Infinity) || a.name.localeCompare(b.name, "nl"),
    voortgang: (a, b) => a.progress - b.progress || a.name.localeCompare(b.name, "nl"),
  };
  const modules = course.modules.map((m) => ({ slug: m.slug, order: m.frontmatter.order, title: m.frontmatter.title }));
  return { assignments, modules, rows: rows.sort(compare[sort]), labels: STATUS_LABELS };
}

/**
 * The cohort's planning as the flags need it: deadlines and extensions per assignment, which modules should be
 * read by now (open at least READING_DAYS days: from their release date, else from the cohort's start), and per
 * participant the peer reviews not given after their deadline (open past it, or lapsed and not excused).
 */
async function cohortPlanning(cohortId: string, now: Date) {
  const [cohort, schedules, extensions, releases, overdue, excuses] = await Promise.all([
    db.cohort.findUnique({ where: { id: cohortId }, select: { startsOn: true } }),
    db.assignmentSchedule.findMany({
      where: { cohortId },
      select: { assignmentSlug: true, dueAt: true, closed: true },
    }),
    db.extension.findMany({ where: { cohortId }, select: { userId: true, assignmentSlug: true, dueAt: true } }),
    db.moduleRelease.findMany({ where: { cohortId }, select: { moduleSlug: true, opensOn: true } }),
    db.peerReview.findMany({
      where: {
        cohortId,
        OR: [
          { status: "OPEN", dueAt: { lt: now } },
          { status: "CANCELLED", cancelReason: "LAPSED" },
        ],
      },
      select: { reviewerId: true, assignmentSlug: true },
    }),
    db.peerReviewExcuse.findMany({ where: { cohortId }, select: { userId: true, assignmentSlug: true } }),
  ]);
  const excused = new Set(excuses.map((e) => `${e.userId}|${e.assignmentSlug}`));
  const reviewsOverdue = new Map<string, number>();
  for (const r of overdue)
    if (!excused.has(`${r.reviewerId}|${r.assignmentSlug}`))
      reviewsOverdue.set(r.reviewerId, (reviewsOverdue.get(r.reviewerId) ?? 0) + 1);
  const opened = new Map(releases.map((r) => [r.moduleSlug, r.opensOn]));
  const readingDue = now.getTime() - READING_DAYS * DAY_MS;
  return {
    schedules: new Map(schedules.map((s) => [s.assignmentSlug, { dueAt: s.dueAt, closed: s.closed }])),
    extensions: new Map(extensions.map((e) => [`${e.userId}|${e.assignmentSlug}`, e.dueAt])),
    reviewsOverdue,
    readBy: (moduleSlug: string) => {
      const opensOn = opened.get(moduleSlug) ?? cohort?.startsOn ?? null;
      return opensOn !== null && opensOn.getTime() <= readingDue;
    },
  };
}

/** The cohort "Wie loopt vast?" opens with: the first (newest) of these that is running now, else the first. */
export async function defaultStuckCohort(cohortIds: string[], now = new Date()): Promise<string | undefined> {
  const running = await db.cohort.findFirst({
    where: { id: { in: cohortIds }, startsOn: { lte: now }, endsOn: { gte: now } },
    orderBy: { startsOn: "desc" },
    select: { id: true },
  });
  return running?.id ?? cohortIds[0];
}
