// Counting and locking seats: what every seat decision in a cohort (intake, payment, waitlist offer) relies on.
import type { Prisma } from "@prisma/client";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";

export type Tx = Prisma.TransactionClient;

/**
 * Seats held in a cohort: active and completed participants, accepted applicants whose reservation holds, and
 * waitlisted people with a running offer.
 */
export async function seatsTaken(tx: Tx | typeof db, cohortId: string, now: Date, exceptEnrollmentId?: string) {
  return tx.enrollment.count({
    where: {
      cohortId,
      ...(exceptEnrollmentId ? { id: { not: exceptEnrollmentId } } : {}),
      OR: [
        { status: { in: ["ACTIVE", "COMPLETED"] } },
        { status: "ACCEPTED", reservedUntil: { gt: now } },
        { status: "WAITLISTED", offerExpiresAt: { gt: now } },
      ],
    },
  });
}

/** Locks the cohort row for the rest of the transaction: seat decisions in one cohort happen one at a time. */
export async function lockCohort(tx: Tx, cohortId: string) {
  const [row] = await tx.$queryRaw<
    { capacity: number }[]
  >`SELECT capacity FROM "Cohort" WHERE id = ${cohortId} FOR UPDATE`;
  if (!row) throw new RefusedError("Deze groep bestaat niet.", 404);
  return row.capacity;
}
