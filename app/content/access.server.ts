// Who may read which module, and from when (drip). Trainers, admins and alumni see everything; a participant
// with an active enrollment sees a module once its cohort's opening date has come (no date set: open);
// anyone else sees summaries only.
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/db.server";

export type CourseAccess = {
  kind: "staff" | "alumnus" | "participant" | "outsider";
  cohort: { id: string; name: string } | null;
  /** Opening dates (UTC midnight of the calendar day) set for the participant's cohort. */
  opensOn: Map<string, Date>;
  /** Today's calendar day in Amsterdam, as YYYY-MM-DD. */
  today: string;
};

export function amsterdamDay(now: Date): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Amsterdam", year: "numeric", month: "2-digit", day: "2-digit" }).format(now);
}

export async function courseAccessFor(user: Pick<SessionUser, "id" | "role">, now = new Date()): Promise<CourseAccess> {
  const today = amsterdamDay(now);
  if (user.role !== "PARTICIPANT") return { kind: "staff", cohort: null, opensOn: new Map(), today };
  const enrollments = await db.enrollment.findMany({
    where: { userId: user.id, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: { status: true, cohort: { select: { id: true, name: true, moduleReleases: { select: { moduleSlug: true, opensOn: true } } } } },
    orderBy: { cohort: { startsOn: "desc" } },
  });
  const active = enrollments.find((e) => e.status === "ACTIVE");
  if (active) {
    const { moduleReleases, ...cohort } = active.cohort;
    return { kind: "participant", cohort, opensOn: new Map(moduleReleases.map((r) => [r.moduleSlug, r.opensOn])), today };
  }
  if (enrollments.length > 0) return { kind: "alumnus", cohort: { id: enrollments[0].cohort.id, name: enrollments[0].cohort.name }, opensOn: new Map(), today };
  return { kind: "outsider", cohort: null, opensOn: new Map(), today };
}

export function canRead(access: CourseAccess, moduleSlug: string): boolean {
  if (access.kind === "staff" || access.kind === "alumnus") return true;
  if (access.kind === "outsider") return false;
  const opensOn = access.opensOn.get(moduleSlug);
  return !opensOn || opensOn.toISOString().slice(0, 10) <= access.today;
}

/** The date a closed module opens, if the participant's cohort has set one. */
export function opensOn(access: CourseAccess, moduleSlug: string): Date | null {
  return canRead(access, moduleSlug) ? null : (access.opensOn.get(moduleSlug) ?? null);
}

/** Drip dates per module for a cohort (trainer's planning page). */
export async function cohortReleases(cohortId: string): Promise<Map<string, Date>> {
  const rows = await db.moduleRelease.findMany({ where: { cohortId }, select: { moduleSlug: true, opensOn: true } });
  return new Map(rows.map((r) => [r.moduleSlug, r.opensOn]));
}

/** Sets (or, with null, clears) the opening date of each given module for the cohort, in one transaction. */
export async function saveReleases(cohortId: string, dates: Map<string, Date | null>, updatedById: string) {
  await db.$transaction(async (tx) => {
    for (const [moduleSlug, date] of dates) {
      if (date) {
        await tx.moduleRelease.upsert({
          where: { cohortId_moduleSlug: { cohortId, moduleSlug } },
          create: { cohortId, moduleSlug, opensOn: date, updatedById },
          update: { opensOn: date, updatedById },
        });
      } else {
        await tx.moduleRelease.deleteMany({ where: { cohortId, moduleSlug } });
      }
    }
  });
}
