// Cohorts, their staff and their gildes.
import { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import type { Role } from "~/auth/guards.server";
import { forgetSessions } from "~/auth/session.server";
import { ROLE_LABELS } from "~/format";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";

export async function listCohorts() {
  return db.cohort.findMany({
    orderBy: { startsOn: "desc" },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      priceCents: true,
      capacity: true,
      status: true,
      _count: { select: { gildes: true, enrollments: { where: { status: { in: ["ACTIVE", "COMPLETED"] } } } } },
    },
  });
}

export async function createCohort(input: {
  name: string;
  startsOn: Date;
  endsOn: Date;
  priceCents: number;
  capacity: number;
}) {
  return db.cohort.create({ data: input, select: { id: true } });
}

/** Name and dates of a cohort (the caller has checked access; a missing cohort is a 404). */
export async function getCohortSummary(cohortId: string) {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: { id: true, name: true, startsOn: true, endsOn: true },
  });
  if (!cohort) throw new Response("Niet gevonden", { status: 404 });
  return cohort;
}

export async function getCohortForAdmin(cohortId: string) {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      priceCents: true,
      capacity: true,
      status: true,
      secondReaderForFail: true,
      staff: { select: { user: { select: { id: true, name: true, email: true } } }, orderBy: { createdAt: "asc" } },
      gildes: {
        orderBy: { name: "asc" },
        select: {
          id: true,
          name: true,
          members: {
            orderBy: { user: { name: "asc" } },
            select: { user: { select: { id: true, name: true, email: true } } },
          },
        },
      },
    },
  });
  if (!cohort) return null;
  const placed = new Set(cohort.gildes.flatMap((g) => g.members.map((m) => m.user.id)));
  const participants = await db.enrollment.findMany({
    where: { cohortId, status: { in: ["ACTIVE", "COMPLETED"] } },
    orderBy: { user: { name: "asc" } },
    select: { status: true, user: { select: { id: true, name: true, email: true } } },
  });
  const trainers = await db.user.findMany({
    where: { role: "TRAINER", staffOf: { none: { cohortId } } },
    orderBy: { name: "asc" },
    select: { id: true, name: true, email: true },
  });
  return {
    ...cohort,
    participants: participants.map((p) => ({ ...p.user, status: p.status, placed: placed.has(p.user.id) })),
    availableTrainers: trainers,
  };
}

/** Whether a "niet voldaan" needs a second trainer's reading before release (issue 5). */
export async function setSecondReaderForFail(cohortId: string, required: boolean) {
  await db.cohort.update({ where: { id: cohortId }, data: { secondReaderForFail: required } });
}

export async function addTrainer(cohortId: string, userId: string) {
  const user = await db.user.findUnique({ where: { id: userId }, select: { role: true } });
  if (!user || user.role !== "TRAINER") throw new RefusedError("Kies een trainer uit de lijst.");
  await db.cohortStaff.upsert({
    where: { cohortId_userId: { cohortId, userId } },
    create: { cohortId, userId },
    update: {},
  });
}

export async function removeTrainer(cohortId: string, userId: string) {
  const { count } = await db.cohortStaff.deleteMany({ where: { cohortId, userId } });
  if (count === 0) throw new RefusedError("Deze trainer hoort niet (meer) bij deze groep.");
}

export async function createGilde(cohortId: string, name: string) {
  try {
    await db.gilde.create({ data: { cohortId, name: name.trim() } });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") {
      const taken = "Deze groep heeft al een gilde met die naam.";
      throw new RefusedError(taken, 400, { name: taken });
    }
    throw error;
  }
}

/**
 * Places a participant of the cohort in one of its gildes, or takes them out (gildeId null).
 * One gilde per participant per cohort: moving replaces the old membership in one transaction.
 */
/** A cohort's gildes with their sizes, and its active participants who are in none yet. */
export async function placementOf(cohortId: string) {
  const [gildes, active] = await Promise.all([
    db.gilde.findMany({
      where: { cohortId },
      orderBy: { name: "asc" },
      select: { id: true, name: true, _count: { select: { members: true } } },
    }),
    db.enrollment.findMany({
      where: { cohortId, status: "ACTIVE", user: { gildes: { none: { cohortId } } } },
      orderBy: { user: { name: "asc" } },
      select: { user: { select: { id: true, name: true } } },
    }),
  ]);
  return { gildes, unplaced: active.map((e) => e.user) };
}

/** The cohorts a trainer works in (an admin: all), newest first. */
export function cohortsOfStaff(user: { id: string; role: string }) {
  return db.cohort.findMany({
    where: user.role === "ADMIN" ? {} : { staff: { some: { userId: user.id } } },
    select: { id: true, name: true },
    orderBy: { startsOn: "desc" },
  });
}

export async function placeParticipant(cohortId: string, userId: string, gildeId: string | null) {
  // Both ids are checked against this cohort in the transaction that moves the membership.
  return db.$transaction(async (tx) => {
    const enrollment = await tx.enrollment.findUnique({
      where: { userId_cohortId: { userId, cohortId } },
      select: { status: true },
    });
    if (!enrollment || !["ACTIVE", "COMPLETED"].includes(enrollment.status)) {
      throw new RefusedError("Deze deelnemer is niet (meer) ingeschreven in deze groep.");
    }
    if (gildeId) {
      const gilde = await tx.gilde.findFirst({ where: { id: gildeId, cohortId }, select: { id: true } });
      if (!gilde) throw new RefusedError("Kies een gilde van deze groep.");
    }
    await tx.gildeMember.deleteMany({ where: { cohortId, userId } });
    if (gildeId) await tx.gildeMember.create({ data: { gildeId, userId, cohortId } });
  });
}

/**
 * An admin changes someone's role. The last admin cannot step down (nobody could undo it), an erased account keeps
 * none, and every change is in the audit log. A trainer who stops being one leaves the cohorts' staff.
 */
export async function changeRole(admin: { id: string; email: string }, userId: string, role: Role) {
  const result = await db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({
      where: { id: userId },
      select: { id: true, name: true, email: true, role: true, erasedAt: true },
    });
    if (!user || user.erasedAt) throw new RefusedError("Deze gebruiker bestaat niet (meer).", 409);
    if (user.role === role) return { changed: false };
    if (user.role === "ADMIN") {
      await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext('admins'))`;
      if ((await tx.user.count({ where: { role: "ADMIN", erasedAt: null } })) <= 1) {
        throw new RefusedError("Dit is de laatste beheerder. Maak eerst iemand anders beheerder.", 409);
      }
    }
    await tx.user.update({ where: { id: userId }, data: { role } });
    if (user.role === "TRAINER") await tx.cohortStaff.deleteMany({ where: { userId } });
    await audit(tx, {
      action: "role.change",
      actor: admin,
      subjectId: userId,
      summary: `${user.name} (${user.email}): van ${ROLE_LABELS[user.role]} naar ${ROLE_LABELS[role]}.`,
    });
    return { changed: true };
  });
  // The new role counts from the next request on (sessions read the role; drop the few seconds of cache).
  if (result.changed) forgetSessions({ userId });
  return result;
}

export async function listUsers({ q, page = 1, perPage = 50 }: { q?: string; page?: number; perPage?: number }) {
  const where: Prisma.UserWhereInput = q
    ? { OR: [{ name: { contains: q, mode: "insensitive" } }, { email: { contains: q.toLowerCase() } }] }
    : {};
  const [users, total] = await Promise.all([
    db.user.findMany({
      where,
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * perPage,
      take: perPage,
      select: {
        id: true,
        name: true,
        email: true,
        role: true,
        createdAt: true,
        erasedAt: true,
        enrollments: { select: { status: true, cohort: { select: { name: true } } } },
      },
    }),
    db.user.count({ where }),
  ]);
  return { users, total, page, pages: Math.max(1, Math.ceil(total / perPage)) };
}

/** What each role's dashboard shows. An alumnus is a participant with a completed enrollment. */
export async function dashboardFor(user: { id: string; role: string }) {
  if (user.role === "ADMIN") {
    const [users, cohorts, queued] = await Promise.all([
      db.user.count(),
      db.cohort.count(),
      db.outboxMessage.count({ where: { sentAt: null } }),
    ]);
    return { kind: "admin" as const, users, cohorts, queued };
  }
  if (user.role === "TRAINER") {
    const cohorts = await db.cohort.findMany({
      where: { staff: { some: { userId: user.id } } },
      orderBy: { startsOn: "desc" },
      select: {
        id: true,
        name: true,
        startsOn: true,
        endsOn: true,
        gildes: { select: { id: true, name: true, _count: { select: { members: true } } }, orderBy: { name: "asc" } },
        _count: { select: { enrollments: { where: { status: "ACTIVE" } } } },
      },
    });
    return { kind: "trainer" as const, cohorts };
  }
  const enrollments = await db.enrollment.findMany({
    where: { userId: user.id },
    orderBy: { appliedAt: "desc" },
    select: {
      id: true,
      status: true,
      completedAt: true,
      cohort: {
        select: {
          id: true,
          name: true,
          startsOn: true,
          endsOn: true,
          gildes: {
            where: { members: { some: { userId: user.id } } },
            select: {
              name: true,
              members: { select: { user: { select: { name: true } } }, orderBy: { user: { name: "asc" } } },
            },
          },
        },
      },
    },
  });
  const isAlumnus = enrollments.some((e) => e.status === "COMPLETED");
  return { kind: isAlumnus ? ("alumnus" as const) : ("participant" as const), enrollments };
}
