// The consent register: withdrawing with the link (every consent given together goes at once, or the chosen ones),
// the background job that ends consents on their date, the overview per cohort for trainers and admins, and what a
// participant's export and erasure do with the consents they collected. Withdrawal and expiry both tell the
// participant and are in the audit log; hiding needs no step of its own (see validity.ts).
import type { ConsentPurpose, Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import { sha256 } from "~/auth/tokens.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { queueMail } from "~/notifications/outbox.server";
import { nudgeOutbox } from "~/notifications/sender.server";
import { consentEndedMail, firstName } from "./mail.server";
import { PURPOSE_LABELS } from "./questions";
import { consentState } from "./validity";

type Tx = Prisma.TransactionClient;

const TOKEN = /^[A-Za-z0-9_-]{20,64}$/;

const consentSelect = {
  id: true,
  personName: true,
  purpose: true,
  method: true,
  shown: true,
  givenAt: true,
  expiresAt: true,
  withdrawnAt: true,
  collectedBy: { select: { name: true } },
} satisfies Prisma.ConsentSelect;

/** The consents a withdrawal link covers (the person sees their own words back), or null: a 404. */
export async function consentsForLink(token: string, now = new Date()) {
  if (!TOKEN.test(token)) return null;
  const consents = await db.consent.findMany({
    where: { withdrawalTokenHash: sha256(token) },
    orderBy: { purpose: "asc" },
    select: consentSelect,
  });
  if (!consents.length) return null;
  return consents.map(({ collectedBy, ...consent }) => ({
    ...consent,
    participant: firstName(collectedBy.name),
    state: consentState(consent, now),
  }));
}

const purposesText = (purposes: ConsentPurpose[]) => purposes.map((p) => PURPOSE_LABELS[p].toLowerCase()).join(", ");

/** Withdraws the chosen consents of this link. */
export async function withdrawWithLink(token: string, consentIds: string[], now = new Date()) {
  if (!TOKEN.test(token)) throw new RefusedError("Deze link bestaat niet.", 404);
  if (!consentIds.length)
    throw new RefusedError("Kies wat je intrekt.", 400, { consentIds: "Vink aan welke toestemming je intrekt." });
  if (!(await db.consent.count({ where: { withdrawalTokenHash: sha256(token) } })))
    throw new RefusedError("Deze link bestaat niet.", 404);
  const withdrawn = await db.$transaction(async (tx) => {
    const consents = await tx.consent.findMany({
      where: {
        withdrawalTokenHash: sha256(token),
        withdrawnAt: null,
        id: { in: consentIds },
      },
      select: {
        id: true,
        purpose: true,
        personName: true,
        collectedById: true,
        collectedBy: { select: { name: true, email: true } },
      },
    });
    if (!consents.length) throw new RefusedError("Deze toestemming is al ingetrokken.", 409);
    await tx.consent.updateMany({
      where: { id: { in: consents.map((c) => c.id) }, withdrawnAt: null },
      data: { withdrawnAt: now, endNoticeAt: now },
    });
    const [first] = consents;
    if (!first) return 0;
    await tellParticipant(tx, {
      to: first.collectedBy,
      person: first.personName,
      how: "withdrawn",
      what: purposesText(consents.map((c) => c.purpose)),
    });
    await audit(
      tx,
      {
        action: "consent.withdraw",
        subjectId: first.collectedById,
        summary: `${first.personName} trok toestemming in (${purposesText(consents.map((c) => c.purpose))}) bij ${first.collectedBy.name}.`,
      },
      now,
    );
    return consents.length;
  });
  nudgeOutbox();
  return withdrawn;
}

function tellParticipant(
  tx: Tx,
  input: { to: { name: string; email: string }; person: string; how: "withdrawn" | "expired"; what: string },
) {
  return queueMail(tx, {
    to: input.to.email,
    ...consentEndedMail({ name: input.to.name, person: input.person, how: input.how, what: input.what }),
  });
}

/**
 * The background job: consents past their date that nobody has told the participant about yet. Each is claimed by
 * setting endNoticeAt where it is still null, so two instances never mail twice.
 */
export async function endExpiredConsents(now = new Date()): Promise<number> {
  const due = await db.consent.findMany({
    where: { withdrawnAt: null, endNoticeAt: null, expiresAt: { lte: now } },
    take: 200,
    select: {
      id: true,
      purpose: true,
      personName: true,
      collectedById: true,
      collectedBy: { select: { name: true, email: true, erasedAt: true } },
    },
  });
  let ended = 0;
  for (const consent of due) {
    const done = await db.$transaction(async (tx) => {
      const { count } = await tx.consent.updateMany({
        where: { id: consent.id, endNoticeAt: null },
        data: { endNoticeAt: now },
      });
      if (!count) return false;
      if (!consent.collectedBy.erasedAt)
        await tellParticipant(tx, {
          to: consent.collectedBy,
          person: consent.personName,
          how: "expired",
          what: purposesText([consent.purpose]),
        });
      await audit(
        tx,
        {
          action: "consent.expire",
          subjectId: consent.collectedById,
          summary: `Toestemming van ${consent.personName} (${purposesText([consent.purpose])}) verlopen bij ${consent.collectedBy.name}.`,
        },
        now,
      );
      return true;
    });
    if (done) ended += 1;
  }
  if (ended) nudgeOutbox();
  return ended;
}

/** The admin's register page: every cohort to choose from, and the register of the chosen one (or the newest). */
export async function adminConsentRegister(asked: string | null, now = new Date()) {
  const cohorts = await db.cohort.findMany({ orderBy: { startsOn: "desc" }, select: { id: true, name: true } });
  // Without a choice: the cohort where consent was last recorded, so the register opens where there is something.
  const latest = await db.consent.findFirst({
    where: { cohortId: { not: null } },
    orderBy: { givenAt: "desc" },
    select: { cohortId: true },
  });
  const cohort =
    cohorts.find((c) => c.id === asked) ?? cohorts.find((c) => c.id === latest?.cohortId) ?? cohorts[0] ?? null;
  return { cohorts, cohort, register: cohort ? await cohortConsents(cohort.id, now) : null };
}

/** A cohort's consents for its trainers and the admins: counts per state and the list, newest first. */
export async function cohortConsents(cohortId: string, now = new Date()) {
  const cohort = await db.cohort.findUniqueOrThrow({ where: { id: cohortId }, select: { name: true } });
  const consents = await db.consent.findMany({
    where: { cohortId },
    orderBy: { givenAt: "desc" },
    take: 500,
    select: {
      id: true,
      personName: true,
      purpose: true,
      method: true,
      givenAt: true,
      expiresAt: true,
      withdrawnAt: true,
      collectedBy: { select: { name: true } },
    },
  });
  const rows = consents.map(({ collectedBy, ...c }) => ({
    ...c,
    participant: collectedBy.name,
    state: consentState(c, now),
  }));
  return {
    cohort,
    rows,
    counts: {
      given: rows.filter((r) => r.state === "given").length,
      expiring: rows.filter((r) => r.state === "expiring").length,
      withdrawn: rows.filter((r) => r.state === "withdrawn").length,
      expired: rows.filter((r) => r.state === "expired").length,
    },
  };
}

/** For the participant's export: the consents they collected and the feedback that still may be shown. */
export async function collectedConsentsExport(userId: string, now = new Date()) {
  const consents = await db.consent.findMany({
    where: { collectedById: userId },
    orderBy: { givenAt: "asc" },
    select: {
      personName: true,
      purpose: true,
      method: true,
      shown: true,
      givenAt: true,
      expiresAt: true,
      withdrawnAt: true,
    },
  });
  const feedback = await db.residentFeedback.findMany({
    where: {
      request: { userId },
      consents: { some: { purpose: "ASSESSMENT", withdrawnAt: null, expiresAt: { gt: now } } },
    },
    orderBy: { createdAt: "asc" },
    select: { authorName: true, answers: true, createdAt: true, request: { select: { assignmentSlug: true } } },
  });
  return {
    toestemmingen: consents.map((c) => ({
      persoon: c.personName,
      doel: PURPOSE_LABELS[c.purpose],
      hoe: c.method === "FORM" ? "formulier" : "op papier",
      getoond: c.shown,
      gegeven: c.givenAt,
      geldig_tot: c.expiresAt,
      ingetrokken: c.withdrawnAt,
      stand: consentState(c, now),
    })),
    wijkfeedback: feedback.map((f) => ({
      opdracht: f.request.assignmentSlug,
      van: f.authorName,
      antwoorden: f.answers,
      gegeven: f.createdAt,
    })),
  };
}

/**
 * Erasure of a participant: the links they sent stop working, and what came in through them goes too. Returns the
 * consent papers to remove from storage after the transaction.
 */
export async function endLinksOf(tx: Tx, userId: string) {
  const papers = await tx.consent.findMany({
    where: { collectedById: userId, paperStorageKey: { not: null } },
    select: { paperStorageKey: true },
  });
  await tx.feedbackRequest.deleteMany({ where: { userId } });
  await tx.consent.deleteMany({ where: { collectedById: userId } });
  return papers.flatMap((p) => (p.paperStorageKey ? [{ storageKey: p.paperStorageKey, cleanStorageKey: null }] : []));
}
