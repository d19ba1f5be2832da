// From interest to a seat (issue 7): the catalogue, the intake, its assessment, seats and reservations,
// activation (only ever from a verified payment or an admin's "geregeld"), withdrawal and the waiting list.
import { formatDate } from "~/format";
import type { Prisma } from "@prisma/client";
import type { SessionUser } from "~/auth/guards.server";
import { forgetCourseAccess } from "~/content/access.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { SIGNATURE, greeting } from "~/notifications/signature";
import { confirmationMail, nextSteps } from "./confirmation.server";
import { receiptOf } from "./receipt.server";

export type Tx = Prisma.TransactionClient;
const DAY_MS = 24 * 60 * 60 * 1000;

/** Seats held in a cohort: active and completed participants, and accepted applicants whose reservation holds. */
export async function seatsTaken(tx: Tx | typeof db, cohortId: string, now: Date, exceptEnrollmentId?: string) {
  return tx.enrollment.count({
    where: {
      cohortId,
      ...(exceptEnrollmentId ? { id: { not: exceptEnrollmentId } } : {}),
      OR: [{ status: { in: ["ACTIVE", "COMPLETED"] } }, { status: "ACCEPTED", reservedUntil: { gt: now } }],
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

/** What the intake page says about a cohort (null when it does not exist). */
export function cohortForIntake(cohortId: string) {
  return db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      location: true,
      rhythm: true,
      priceCents: true,
      priceIncludesVat: true,
      intakeOpen: true,
    },
  });
}

export type CohortSettings = {
  location: string;
  rhythm: string;
  priceIncludesVat: boolean;
  intakeOpen: boolean;
  autoPlaceInGilde: boolean;
  reservationDays: number;
  refundAfterStartPercent: number;
};

/** The admin's catalogue and payment settings of a cohort. */
export function cohortSettings(cohortId: string): Promise<CohortSettings> {
  return db.cohort.findUniqueOrThrow({
    where: { id: cohortId },
    select: {
      location: true,
      rhythm: true,
      priceIncludesVat: true,
      intakeOpen: true,
      autoPlaceInGilde: true,
      reservationDays: true,
      refundAfterStartPercent: true,
    },
  });
}

export async function saveCohortSettings(cohortId: string, settings: CohortSettings) {
  await db.cohort.update({ where: { id: cohortId }, data: settings });
}

/** Cohorts that have not started, with what the catalogue shows. */
export async function catalogue(now = new Date()) {
  const cohorts = await db.cohort.findMany({
    where: { startsOn: { gt: now } },
    orderBy: { startsOn: "asc" },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      location: true,
      rhythm: true,
      priceCents: true,
      priceIncludesVat: true,
      capacity: true,
      intakeOpen: true,
    },
  });
  return Promise.all(
    cohorts.map(async (c) => ({ ...c, seatsLeft: Math.max(0, c.capacity - (await seatsTaken(db, c.id, now))) })),
  );
}

export type IntakeInput = {
  currentWork: string;
  organisation: string;
  experienceYears: number;
  experience: string;
  wijk: string;
  motivation: string;
  payer: "SELF" | "EMPLOYER";
  employerName?: string | null;
  employerContact?: string | null;
  employerEmail?: string | null;
  poNumber?: string | null;
  employerAddress?: string | null;
};

/** What the trainers reading an intake see of it. */
const intakeSelect = {
  currentWork: true,
  organisation: true,
  experienceYears: true,
  experience: true,
  wijk: true,
  motivation: true,
  payer: true,
  employerName: true,
  employerContact: true,
  employerEmail: true,
  poNumber: true,
  employerAddress: true,
} satisfies Prisma.IntakeSelect;

/** Where an applicant stands for one cohort (null when they have not applied). */
export async function myApplication(userId: string, cohortId: string) {
  return db.enrollment.findUnique({
    where: { userId_cohortId: { userId, cohortId } },
    select: {
      id: true,
      status: true,
      reservedUntil: true,
      decisionMessage: true,
      appliedAt: true,
      intake: { select: { payer: true } },
      payments: {
        orderBy: { createdAt: "desc" },
        select: {
          id: true,
          kind: true,
          status: true,
          amountCents: true,
          refundedCents: true,
          dueAt: true,
          paidAt: true,
          note: true,
        },
      },
    },
  });
}

/**
 * Saves an intake. A closed or started cohort refuses; a full one puts the applicant on the waiting list (and
 * says so). Applying again after a rejection or withdrawal starts a new intake on the same enrollment.
 */
export async function applyForCohort(user: SessionUser, cohortId: string, input: IntakeInput, now = new Date()) {
  if (user.role !== "PARTICIPANT") throw new RefusedError("Aanmelden kan alleen met een deelnemersaccount.", 403);
  return db.$transaction(async (tx) => {
    const capacity = await lockCohort(tx, cohortId);
    const cohort = await tx.cohort.findUniqueOrThrow({
      where: { id: cohortId },
      select: { name: true, startsOn: true, intakeOpen: true },
    });
    if (!cohort.intakeOpen || cohort.startsOn <= now)
      throw new RefusedError("De aanmelding voor deze groep is gesloten.", 409);
    const existing = await tx.enrollment.findUnique({
      where: { userId_cohortId: { userId: user.id, cohortId } },
      select: { id: true, status: true },
    });
    if (existing && !["REJECTED", "WITHDRAWN"].includes(existing.status))
      throw new RefusedError("Je hebt je al aangemeld voor deze groep.", 409);
    const full = (await seatsTaken(tx, cohortId, now)) >= capacity;
    const status = full ? ("WAITLISTED" as const) : ("APPLIED" as const);
    const enrollment = existing
      ? await tx.enrollment.update({
          where: { id: existing.id },
          data: { status, appliedAt: now, decisionMessage: null, reservedUntil: null, endedAt: null },
        })
      : await tx.enrollment.create({ data: { userId: user.id, cohortId, status, appliedAt: now } });
    // A self-payer's intake keeps no employer details, also none left over from an earlier intake.
    const intake: IntakeInput =
      input.payer === "EMPLOYER"
        ? input
        : {
            ...input,
            employerName: null,
            employerContact: null,
            employerEmail: null,
            poNumber: null,
            employerAddress: null,
          };
    await tx.intake.upsert({
      where: { enrollmentId: enrollment.id },
      create: { enrollmentId: enrollment.id, ...intake },
      update: intake,
    });
    await queueMail(tx, {
      to: user.email,
      subject: `Aanmelding ontvangen: ${cohort.name}`,
      text:
        `${greeting(user.name)}\n\nWe hebben je aanmelding voor de leergang Creative Communities (${cohort.name}) ontvangen.` +
        (full
          ? " De groep is vol: je staat op de wachtlijst. Komt er een plek vrij, dan hoor je het."
          : " Een trainer of de beheerder bekijkt je intake; je krijgt bericht over het besluit.") +
        `\n\nJe aanmelding bekijken: ${appUrl()}/aanmelden/${cohortId}\n\n${SIGNATURE}`,
    });
    return { status };
  });
}

/** Intakes of a cohort for its trainers and the admin, newest first within each status. */
export async function intakesOf(cohortId: string, now = new Date()) {
  const [cohort, enrollments] = await Promise.all([
    db.cohort.findUniqueOrThrow({
      where: { id: cohortId },
      select: {
        id: true,
        name: true,
        capacity: true,
        priceCents: true,
        startsOn: true,
        reservationDays: true,
        refundAfterStartPercent: true,
      },
    }),
    db.enrollment.findMany({
      where: { cohortId },
      orderBy: { appliedAt: "desc" },
      select: {
        id: true,
        status: true,
        appliedAt: true,
        reservedUntil: true,
        decisionMessage: true,
        user: { select: { id: true, name: true, email: true } },
        intake: { select: intakeSelect },
        payments: {
          orderBy: { createdAt: "desc" },
          select: {
            id: true,
            kind: true,
            status: true,
            amountCents: true,
            refundedCents: true,
            note: true,
            checkoutSessionId: true,
            paymentIntentId: true,
            invoiceId: true,
            dueAt: true,
            paidAt: true,
            createdAt: true,
          },
        },
      },
    }),
  ]);
  return { cohort, seatsTaken: await seatsTaken(db, cohortId, now), enrollments };
}

/**
 * Accepts or rejects an intake with a message (e-mailed). Acceptance holds a seat for the cohort's reservation
 * period; an employer-paid seat is confirmed at once (held until the end) and the invoice goes out.
 */
export async function decideIntake(
  decider: SessionUser,
  cohortId: string,
  enrollmentId: string,
  accept: boolean,
  message: string,
  now = new Date(),
) {
  const result = await db.$transaction(async (tx) => {
    const capacity = await lockCohort(tx, cohortId);
    const enrollment = await tx.enrollment.findFirst({
      where: { id: enrollmentId, cohortId },
      select: {
        id: true,
        status: true,
        intake: { select: { payer: true } },
        user: { select: { name: true, email: true } },
        cohort: { select: { name: true, reservationDays: true, endsOn: true } },
      },
    });
    if (!enrollment) throw new RefusedError("Deze aanmelding bestaat niet in deze groep.", 404);
    if (!["APPLIED", "WAITLISTED"].includes(enrollment.status))
      throw new RefusedError("Over deze aanmelding is al besloten.", 409);
    const employer = enrollment.intake?.payer === "EMPLOYER";
    if (accept && (await seatsTaken(tx, cohortId, now)) >= capacity) {
      throw new RefusedError(
        "De groep is vol. Laat de aanmelding op de wachtlijst staan tot er een plek vrijkomt.",
        409,
      );
    }
    const reservedUntil = employer
      ? enrollment.cohort.endsOn
      : new Date(now.getTime() + enrollment.cohort.reservationDays * DAY_MS);
    await tx.enrollment.update({
      where: { id: enrollmentId },
      data: accept
        ? {
            status: "ACCEPTED",
            acceptedAt: now,
            reservedUntil,
            decisionMessage: message || null,
            decidedById: decider.id,
          }
        : { status: "REJECTED", endedAt: now, decisionMessage: message || null, decidedById: decider.id },
    });
    await queueMail(tx, {
      to: enrollment.user.email,
      subject: accept
        ? `Toegelaten tot de leergang (${enrollment.cohort.name})`
        : `Besluit over je aanmelding (${enrollment.cohort.name})`,
      text:
        `${greeting(enrollment.user.name)}\n\n` +
        (accept
          ? `Je bent toegelaten tot de leergang Creative Communities, ${enrollment.cohort.name}.` +
            (employer
              ? " Je plek staat vast; de factuur gaat naar je werkgever."
              : ` We houden je plek vast tot ${formatDate(reservedUntil)}. Betaal via ${appUrl()}/aanmelden/${cohortId}.`)
          : "Je bent dit keer niet toegelaten tot de leergang.") +
        (message ? `\n\n${message}` : "") +
        `\n\n${SIGNATURE}`,
    });
    return { employer: accept && employer };
  });
  return result;
}

/**
 * Makes an enrollment ACTIVE (inside the caller's transaction, cohort locked): places the participant in the
 * smallest gilde when the cohort is set so, and tells them (after a payment: with its receipt and what comes
 * next). Only verified payments and an admin call this.
 */
export async function activate(tx: Tx, enrollmentId: string, now: Date, paidWith?: string) {
  const enrollment = await tx.enrollment.update({
    where: { id: enrollmentId },
    data: { status: "ACTIVE", activatedAt: now, reservedUntil: null },
    select: {
      userId: true,
      cohortId: true,
      user: { select: { name: true, email: true } },
      cohort: { select: { name: true, autoPlaceInGilde: true } },
    },
  });
  if (enrollment.cohort.autoPlaceInGilde) {
    const gildes = await tx.gilde.findMany({
      where: { cohortId: enrollment.cohortId },
      select: { id: true, name: true, _count: { select: { members: true } } },
    });
    const smallest = gildes.sort(
      (a, b) => a._count.members - b._count.members || a.name.localeCompare(b.name, "nl"),
    )[0];
    if (smallest) {
      await tx.gildeMember.upsert({
        where: { cohortId_userId: { cohortId: enrollment.cohortId, userId: enrollment.userId } },
        create: { gildeId: smallest.id, userId: enrollment.userId, cohortId: enrollment.cohortId },
        update: {},
      });
    }
  }
  const receipt = paidWith ? await receiptOf(tx, paidWith) : null;
  await queueMail(tx, {
    to: enrollment.user.email,
    ...(receipt
      ? confirmationMail(enrollment.user.name, receipt, await nextSteps(tx, enrollment.userId, enrollment.cohortId))
      : {
          subject: `Welkom in de leergang (${enrollment.cohort.name})`,
          text: `${greeting(enrollment.user.name)}\n\nJe inschrijving is rond: welkom in ${enrollment.cohort.name}. Je vindt de modules en je gilde op ${appUrl()}/dashboard.\n\n${SIGNATURE}`,
        }),
  });
  forgetCourseAccess(enrollment.userId);
}

/** The participant withdraws. Their seat is free at once; a refund is the admin's decision (see the cohort's policy). */
export async function withdraw(user: SessionUser, cohortId: string, now = new Date()) {
  const enrollment = await db.enrollment.findUnique({
    where: { userId_cohortId: { userId: user.id, cohortId } },
    select: { id: true, status: true },
  });
  if (!enrollment || !["APPLIED", "ACCEPTED", "WAITLISTED", "ACTIVE"].includes(enrollment.status))
    throw new RefusedError("Er is hier niets om je voor af te melden.", 409);
  await db.$transaction(async (tx) => {
    await tx.enrollment.update({
      where: { id: enrollment.id },
      data: { status: "WITHDRAWN", endedAt: now, reservedUntil: null },
    });
    await tx.payment.updateMany({
      where: { enrollmentId: enrollment.id, status: "OPEN", kind: "CHECKOUT" },
      data: { status: "EXPIRED" },
    });
    await queueMail(tx, {
      to: user.email,
      subject: "Je hebt je afgemeld",
      text: `${greeting(user.name)}\n\nJe bent afgemeld voor de leergang. Heb je al betaald, dan neemt de beheerder contact met je op over terugbetaling.\n\n${SIGNATURE}`,
    });
  });
  forgetCourseAccess(user.id);
}

/** Whatever an admin marks as arranged (an employer that pays another way): the enrollment becomes ACTIVE. */
export async function markArranged(cohortId: string, enrollmentId: string, now = new Date()) {
  await db.$transaction(async (tx) => {
    await lockCohort(tx, cohortId);
    const enrollment = await tx.enrollment.findFirst({
      where: { id: enrollmentId, cohortId },
      select: { status: true },
    });
    if (!enrollment) throw new RefusedError("Deze aanmelding bestaat niet in deze groep.", 404);
    if (enrollment.status !== "ACCEPTED")
      throw new RefusedError("Alleen een toegelaten aanmelding kan als geregeld worden gemarkeerd.", 409);
    await tx.payment.updateMany({ where: { enrollmentId, status: "OPEN" }, data: { status: "ARRANGED", paidAt: now } });
    await activate(tx, enrollmentId, now);
  });
}
