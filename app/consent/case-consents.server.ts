// Consent of the people named in a practice case (issue 24): the author records each person's consent for the
// practice library on paper (the signed paper uploaded, stored like attachments), with a withdrawal link for that
// person; publishing checks that everyone named has a consent that counts, and says whose is missing.
import type { SessionUser } from "~/auth/session.server";
import { randomToken, sha256 } from "~/auth/tokens.server";
import { checkFile } from "~/assignments/files";
import type { IncomingFile } from "~/assignments/work.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { formatDate } from "~/format";
import { queueMail } from "~/notifications/outbox.server";
import { nudgeOutbox } from "~/notifications/sender.server";
import { discardReceived, fileStore, readReceivedHead } from "~/storage/storage.server";
import { withdrawalLink, withdrawalMail } from "./mail.server";
import { addMonths, listNames, PURPOSE_WORDS } from "./questions";
import { consentState, validConsent } from "./validity";

const PAPER_TYPES = ["application/pdf", "image/jpeg", "image/png"];

async function subjectsOf(caseId: string, now: Date) {
  return db.caseSubject.findMany({
    where: { caseId },
    orderBy: { name: "asc" },
    select: {
      id: true,
      name: true,
      consents: {
        where: { purpose: "LIBRARY" },
        orderBy: { givenAt: "desc" },
        take: 1,
        select: { id: true, method: true, givenAt: true, expiresAt: true, withdrawnAt: true, paperName: true },
      },
      _count: { select: { consents: { where: validConsent("LIBRARY", now) } } },
    },
  });
}

/** For the author on the case page: who still has to agree, and whether the case is online. */
export async function caseConsentSummary(caseId: string, now = new Date()) {
  const [item, subjects] = await Promise.all([
    db.practiceCase.findUniqueOrThrow({ where: { id: caseId }, select: { awaitingConsent: true } }),
    subjectsOf(caseId, now),
  ]);
  if (!subjects.length) return null;
  const missing = subjects.filter((s) => s._count.consents === 0).map((s) => s.name);
  return { awaiting: item.awaitingConsent, missing, online: !item.awaitingConsent && !missing.length };
}

async function ownCase(user: SessionUser, caseId: string) {
  const item = await db.practiceCase.findFirst({
    where: { id: caseId, authorId: user.id, withdrawnAt: null },
    select: { id: true, title: true, situation: true, awaitingConsent: true },
  });
  if (!item) throw new RefusedError("Dit voorbeeld bestaat niet (meer), of is niet van jou.", 404);
  return item;
}

/** The author's consent page, or null (a 404) for anyone else. */
export async function caseConsentPage(user: SessionUser, caseId: string, now = new Date()) {
  const item = await ownCase(user, caseId).catch(() => null);
  if (!item) return null;
  const subjects = await subjectsOf(caseId, now);
  return {
    id: item.id,
    title: item.title,
    awaiting: item.awaitingConsent,
    people: subjects.map((subject) => {
      const latest = subject.consents[0];
      return {
        id: subject.id,
        name: subject.name,
        consent: latest
          ? {
              state: consentState(latest, now),
              method: latest.method,
              givenAt: latest.givenAt.toISOString(),
              expiresAt: latest.expiresAt.toISOString(),
              paperName: latest.paperName,
            }
          : null,
      };
    }),
  };
}

/** The cohort a consent belongs to in the overviews: the author's most recent one. */
async function cohortOf(userId: string) {
  const enrollment = await db.enrollment.findFirst({
    where: { userId, status: { in: ["ACTIVE", "COMPLETED"] } },
    orderBy: { cohort: { startsOn: "desc" } },
    select: { cohortId: true },
  });
  return enrollment?.cohortId ?? null;
}

export type PaperConsentInput = { subjectId: string; period: string; email: string | null };

/**
 * Records a consent the author collected on paper. Returns the withdrawal link to give the person (it is also
 * mailed to them when the author has their address).
 */
export async function recordPaperConsent(
  user: SessionUser,
  caseId: string,
  input: PaperConsentInput,
  files: IncomingFile[],
  now = new Date(),
): Promise<{ link: string; name: string }> {
  try {
    const item = await ownCase(user, caseId);
    const subject = await db.caseSubject.findFirst({
      where: { id: input.subjectId, caseId },
      select: { id: true, name: true },
    });
    if (!subject) throw new RefusedError("Deze persoon staat niet (meer) bij dit voorbeeld.", 404);
    const [file, ...more] = files;
    if (!file || more.length)
      throw new RefusedError("Voeg één bestand toe: een foto of scan van het getekende papier.", 400, {
        files: "Kies één foto of PDF van het getekende toestemmingsformulier.",
      });
    const check = checkFile(file.name, await readReceivedHead(file, 16), file.size);
    if (!check.ok || !PAPER_TYPES.includes(check.mediaType))
      throw new RefusedError("Het bestand is niet bruikbaar.", 400, {
        files: check.ok ? "Voeg een PDF of een foto (JPG of PNG) van het papier toe." : check.error,
      });
    const { key } = await fileStore().adopt(file);
    const token = randomToken();
    const expiresAt = addMonths(now, Number(input.period));
    const cohortId = await cohortOf(user.id);
    await db.$transaction(async (tx) => {
      await tx.consent.create({
        data: {
          collectedById: user.id,
          cohortId,
          personName: subject.name,
          purpose: "LIBRARY",
          method: "PAPER",
          shown: `Toestemming ${PURPOSE_WORDS.LIBRARY}, op papier vastgelegd door ${user.name}.\n\nPraktijkvoorbeeld: ${item.title}\n\n${item.situation.slice(0, 1000)}\n\nPeriode: tot ${formatDate(expiresAt)}`,
          givenAt: now,
          expiresAt,
          withdrawalTokenHash: sha256(token),
          subjectId: subject.id,
          paperStorageKey: key,
          paperName: check.name,
          paperMediaType: check.mediaType,
        },
      });
      if (input.email)
        await queueMail(tx, {
          to: input.email.toLowerCase(),
          ...withdrawalMail({ name: subject.name, participant: user.name, purposes: ["LIBRARY"], expiresAt, token }),
        });
    });
    if (input.email) nudgeOutbox();
    return { link: withdrawalLink(token), name: subject.name };
  } finally {
    await Promise.all(files.map((f) => discardReceived(f)));
  }
}

/** Puts a waiting case online when everyone named agrees; otherwise says whose consent is missing. */
export async function publishWaitingCase(user: SessionUser, caseId: string, now = new Date()) {
  const item = await ownCase(user, caseId);
  const subjects = await subjectsOf(caseId, now);
  const missing = subjects.filter((s) => s._count.consents === 0).map((s) => s.name);
  if (missing.length)
    throw new RefusedError(
      `Nog niet gepubliceerd: de toestemming ontbreekt of geldt niet meer van ${listNames(missing)}.`,
      409,
    );
  if (!item.awaitingConsent) return;
  await db.practiceCase.update({ where: { id: item.id }, data: { awaitingConsent: false, publishedAt: now } });
}
