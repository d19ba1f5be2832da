// The waiting list (issue 19): when a seat frees up (a withdrawal, a rejected or lapsed reservation, a declined or
// lapsed offer, more seats), the longest-waiting person is offered it by e-mail and the seat is held for them for
// OFFER_DAYS. They accept (and pay, as an accepted applicant does) or decline; an offer nobody answered lapses and
// goes to the next person, while the one who let it lapse stays on the list behind those not offered yet.
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { RefusedError } from "~/errors.server";
import { formatDate, formatDateTime } from "~/format";
import { queueMail } from "~/notifications/outbox.server";
import { SIGNATURE, greeting } from "~/notifications/signature";
import { lockCohort, seatsTaken, type Tx } from "./seats.server";

/** How long a freed seat is held for the person it is offered to: short, so the list keeps moving. */
export const OFFER_DAYS = 3;
const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * Lapses expired offers and offers every free seat to the next people waiting. The caller holds the cohort's lock
 * (lockCohort or the job's SKIP LOCKED claim). Only cohorts that take people and have not started make offers.
 */
export async function offerFreeSeats(tx: Tx, cohortId: string, now: Date): Promise<number> {
  const cohort = await tx.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: { name: true, capacity: true, status: true, startsOn: true },
  });
  const lapsed = await tx.enrollment.findMany({
    where: { cohortId, status: "WAITLISTED", offerExpiresAt: { lte: now } },
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  for (const e of lapsed) {
    await tx.enrollment.update({ where: { id: e.id }, data: { offerExpiresAt: null } });
    await queueMail(tx, {
      to: e.user.email,
      subject: `Aanbod verlopen (${cohort.name})`,
      text:
        `${greeting(e.user.name)}\n\nWe hebben niets van je gehoord op het aanbod van een plek in ${cohort.name}, dus die plek ` +
        `gaat nu naar de volgende op de wachtlijst. Je blijft op de wachtlijst staan.\n\n${SIGNATURE}`,
    });
  }
  if (!["PUBLISHED", "INTAKE_CLOSED"].includes(cohort.status) || cohort.startsOn <= now) return 0;
  const free = cohort.capacity - (await seatsTaken(tx, cohortId, now));
  if (free <= 0) return 0;
  const next = await tx.enrollment.findMany({
    where: { cohortId, status: "WAITLISTED", offerExpiresAt: null },
    orderBy: [{ offeredAt: { sort: "asc", nulls: "first" } }, { appliedAt: "asc" }],
    take: free,
    select: { id: true, user: { select: { name: true, email: true } } },
  });
  const offerExpiresAt = new Date(now.getTime() + OFFER_DAYS * DAY_MS);
  for (const e of next) {
    await tx.enrollment.update({ where: { id: e.id }, data: { offeredAt: now, offerExpiresAt } });
    await queueMail(tx, {
      to: e.user.email,
      subject: `Er is een plek vrij in ${cohort.name}`,
      text:
        `${greeting(e.user.name)}\n\nEr is een plek vrijgekomen in de leergang Creative Communities (${cohort.name}, ` +
        `start ${formatDate(cohort.startsOn)}), en jij bent de volgende op de wachtlijst. We houden de plek voor je vast ` +
        `tot ${formatDateTime(offerExpiresAt)}.\n\nZeg ja of nee op ${appUrl()}/aanmelden/${cohortId}. Horen we voor die ` +
        `tijd niets, dan gaat de plek naar de volgende op de lijst.\n\n${SIGNATURE}`,
    });
  }
  return next.length;
}

/** The background job: every cohort with people waiting, each claimed by one instance (FOR UPDATE SKIP LOCKED). */
export async function maintainWaitlists(now = new Date()): Promise<number> {
  // Cohorts that still make offers, and any with an offer to lapse (not every old cohort with a waiting list).
  const cohorts = await db.cohort.findMany({
    where: {
      OR: [
        {
          status: { in: ["PUBLISHED", "INTAKE_CLOSED"] },
          startsOn: { gt: now },
          enrollments: { some: { status: "WAITLISTED" } },
        },
        { enrollments: { some: { status: "WAITLISTED", offerExpiresAt: { lte: now } } } },
      ],
    },
    select: { id: true },
  });
  let offered = 0;
  for (const { id } of cohorts) {
    offered += await db.$transaction(async (tx) => {
      const claimed = await tx.$queryRaw<
        { id: string }[]
      >`SELECT id FROM "Cohort" WHERE id = ${id} FOR UPDATE SKIP LOCKED`;
      return claimed.length ? offerFreeSeats(tx, id, now) : 0;
    });
  }
  return offered;
}

async function runningOffer(tx: Tx, userId: string, cohortId: string, now: Date) {
  await lockCohort(tx, cohortId);
  const enrollment = await tx.enrollment.findUnique({
    where: { userId_cohortId: { userId, cohortId } },
    select: {
      id: true,
      status: true,
      offerExpiresAt: true,
      intake: { select: { payer: true } },
      cohort: { select: { reservationDays: true, endsOn: true } },
    },
  });
  if (!enrollment || enrollment.status !== "WAITLISTED" || !enrollment.offerExpiresAt)
    throw new RefusedError("Er staat voor jou geen aanbod van een plek open.", 409);
  if (enrollment.offerExpiresAt <= now)
    throw new RefusedError(
      "Dit aanbod is verlopen en de plek is aan de volgende op de wachtlijst aangeboden. Je blijft op de wachtlijst.",
      409,
    );
  return enrollment;
}

/**
 * Takes the offered seat: the enrollment becomes ACCEPTED with a reservation, exactly as an accepted applicant's
 * (a self-payer pays next; an employer's seat is held to the end and the invoice goes out).
 */
export async function acceptOffer(user: { id: string }, cohortId: string, now = new Date()) {
  return db.$transaction(async (tx) => {
    const enrollment = await runningOffer(tx, user.id, cohortId, now);
    const employer = enrollment.intake?.payer === "EMPLOYER";
    await tx.enrollment.update({
      where: { id: enrollment.id },
      data: {
        status: "ACCEPTED",
        acceptedAt: now,
        offerExpiresAt: null,
        reservedUntil: employer
          ? enrollment.cohort.endsOn
          : new Date(now.getTime() + enrollment.cohort.reservationDays * DAY_MS),
      },
    });
    return { enrollmentId: enrollment.id, employer };
  });
}

/** Turns the offered seat down: they leave the waiting list, and the seat goes to the next person at once. */
export async function declineOffer(user: { id: string }, cohortId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    const enrollment = await runningOffer(tx, user.id, cohortId, now);
    await tx.enrollment.update({
      where: { id: enrollment.id },
      data: { status: "WITHDRAWN", endedAt: now, offerExpiresAt: null },
    });
    await offerFreeSeats(tx, cohortId, now);
  });
}
