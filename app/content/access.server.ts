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
  /** The name of the participant's wijk (from their wijkprofiel), to personalise the course text. */
  wijkName: string | null;
  /** Today's calendar day in Amsterdam, as YYYY-MM-DD. */
  today: string;
};

const dayFormat = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

// Every course page asks for today's date; formatting it is the dearer part, so the answer is kept for the minute.
// Amsterdam's days begin on a whole hour of UTC, so no minute holds two of them.
let lastDay = { minute: NaN, day: "" };

function amsterdamDay(now: Date): string {
  const minute = Math.floor(now.getTime() / 60_000);
  if (minute !== lastDay.minute) lastDay = { minute, day: dayFormat.format(now) };
  return lastDay.day;
}

/**
 * A participant's enrollment and drip dates change rarely and are read on every course page, so they are
 * remembered for a few seconds. Changing them through this module forgets them at once in this process;
 * other instances follow within ACCESS_CACHE_MS.
 */
const ACCESS_CACHE_MS = 10_000;
const recent = new Map<string, { access: Omit<CourseAccess, "today">; until: number }>();

/** Forgets one participant's access (their wijk changed), or everyone's (drip dates or enrollments changed). */
export function forgetCourseAccess(userId?: string) {
  if (userId) recent.delete(userId);
  else recent.clear();
}

export async function courseAccessFor(user: Pick<SessionUser, "id" | "role">, now = new Date()): Promise<CourseAccess> {
  const today = amsterdamDay(now);
  if (user.role !== "PARTICIPANT") return { kind: "staff", cohort: null, opensOn: new Map(), wijkName: null, today };
  const cached = recent.get(user.id);
  if (cached && cached.until > Date.now()) return { ...cached.access, today };
  const access = await loadParticipantAccess(user.id);
  if (recent.size > 10_000) recent.clear();
  recent.set(user.id, { access, until: Date.now() + ACCESS_CACHE_MS });
  return { ...access, today };
}

async function loadParticipantAccess(userId: string): Promise<Omit<CourseAccess, "today">> {
  const [wijk] = await db.$queryRaw<{ name: string }[]>`
    SELECT v.name FROM "WijkVersion" v JOIN "Wijk" w ON w.id = v."wijkId"
    WHERE w."userId" = ${userId} ORDER BY v.number DESC LIMIT 1`;
  const wijkName = wijk?.name ?? null;
  const enrollments = await db.$queryRaw<{ status: string; id: string; name: string }[]>`
    SELECT e.status::text AS status, c.id, c.name
    FROM "Enrollment" e JOIN "Cohort" c ON c.id = e."cohortId"
    WHERE e."userId" = ${userId} AND e.status IN ('ACTIVE', 'COMPLETED')
    ORDER BY c."startsOn" DESC`;
  const active = enrollments.find((e) => e.status === "ACTIVE");
  if (active) {
    const releases = await db.$queryRaw<{ moduleSlug: string; opensOn: Date }[]>`
      SELECT "moduleSlug", "opensOn" FROM "ModuleRelease" WHERE "cohortId" = ${active.id}`;
    return {
      kind: "participant",
      cohort: { id: active.id, name: active.name },
      opensOn: new Map(releases.map((r) => [r.moduleSlug, new Date(r.opensOn)])),
      wijkName,
    };
  }
  const [newest] = enrollments;
  if (newest) return { kind: "alumnus", cohort: { id: newest.id, name: newest.name }, opensOn: new Map(), wijkName };
  return { kind: "outsider", cohort: null, opensOn: new Map(), wijkName };
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
  forgetCourseAccess();
}
