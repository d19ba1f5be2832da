// Retention (AVG art. 5: no longer than needed). Per cohort, `retentionMonths` after its end date, the submissions
// of participants who did not complete it are deleted, and so is their wijkprofiel when nothing else of theirs
// still needs it. Everyone concerned is told a month ahead; the deletion never comes sooner than a month after
// that message. Safe in several app instances: each cohort is claimed with a conditional update.
import { formatDate } from "~/format";
import { audit } from "~/audit/audit.server";
import { fileStore } from "~/storage/storage.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { greeting } from "~/notifications/signature";

const DAY = 24 * 60 * 60 * 1000;
const NOTICE_DAYS = 30;

function addMonths(date: Date, months: number): Date {
  const result = new Date(date);
  result.setUTCMonth(result.getUTCMonth() + months);
  return result;
}

/** When the cohort's data of non-completers is due for deletion. */
function retentionDue(cohort: { endsOn: Date; retentionMonths: number; retentionNoticeAt: Date | null }): Date {
  const byPolicy = addMonths(cohort.endsOn, cohort.retentionMonths);
  if (!cohort.retentionNoticeAt) return byPolicy;
  const afterNotice = new Date(cohort.retentionNoticeAt.getTime() + NOTICE_DAYS * DAY);
  return afterNotice > byPolicy ? afterNotice : byPolicy;
}

/** Participants of the cohort whose data the retention rule concerns: not completed, not erased. */
function concerned(cohortId: string) {
  return db.enrollment.findMany({
    where: { cohortId, status: { not: "COMPLETED" }, user: { erasedAt: null } },
    select: { userId: true, user: { select: { name: true, email: true } } },
  });
}

export async function applyRetention(now = new Date()) {
  const cohorts = await db.cohort.findMany({
    where: { retentionDoneAt: null, endsOn: { lt: now } },
    select: { id: true, name: true, endsOn: true, retentionMonths: true, retentionNoticeAt: true },
  });
  let noticed = 0;
  let deleted = 0;
  for (const cohort of cohorts) {
    const due = retentionDue(cohort);
    if (!cohort.retentionNoticeAt && due.getTime() - now.getTime() <= NOTICE_DAYS * DAY) {
      noticed += await announce(cohort, now);
    } else if (cohort.retentionNoticeAt && due <= now) {
      deleted += await deleteExpired(cohort, now);
    }
  }
  return { noticed, deleted };
}

async function announce(cohort: { id: string; name: string; endsOn: Date; retentionMonths: number }, now: Date) {
  const people = await concerned(cohort.id);
  const when = formatDate(retentionDue({ ...cohort, retentionNoticeAt: now }));
  return db.$transaction(async (tx) => {
    const { count } = await tx.cohort.updateMany({
      where: { id: cohort.id, retentionNoticeAt: null },
      data: { retentionNoticeAt: now },
    });
    if (count === 0) return 0;
    for (const person of people) {
      await queueMail(tx, {
        to: person.user.email,
        subject: `Over een maand verwijderen we je inzendingen (${cohort.name})`,
        text:
          `${greeting(person.user.name)}\n\nDe bewaartermijn van de groep ${cohort.name} loopt af. Op ${when} verwijderen we je inzendingen ` +
          `en bijlagen uit die groep, en je wijkprofiel als je geen andere inschrijving meer hebt.\n\n` +
          `Wil je ze bewaren? Download je gegevens vóór die datum: ${appUrl()}/account/gegevens\n\nGroet,\nGilde — leergang Creative Communities`,
      });
    }
    return people.length;
  });
}

async function deleteExpired(cohort: { id: string; name: string }, now: Date) {
  const people = await concerned(cohort.id);
  const userIds = people.map((p) => p.userId);
  const result = await db.$transaction(
    async (tx) => {
      const { count } = await tx.cohort.updateMany({
        where: { id: cohort.id, retentionDoneAt: null },
        data: { retentionDoneAt: now },
      });
      if (count === 0) return null;
      const files = await tx.attachment.findMany({
        where: { version: { submission: { cohortId: cohort.id, userId: { in: userIds } } } },
        select: { storageKey: true, cleanStorageKey: true },
      });
      const draftFiles = await tx.attachment.findMany({
        where: { draft: { cohortId: cohort.id, userId: { in: userIds } } },
        select: { storageKey: true, cleanStorageKey: true },
      });
      await tx.attachment.deleteMany({ where: { storageKey: { in: draftFiles.map((f) => f.storageKey) } } });
      await tx.draft.deleteMany({ where: { cohortId: cohort.id, userId: { in: userIds } } });
      const submissions = await tx.submission.deleteMany({ where: { cohortId: cohort.id, userId: { in: userIds } } });
      // The wijk belongs to the person, not the cohort: kept for an alumnus and for anyone still (or again) enrolled.
      const wijk = await tx.wijk.deleteMany({
        where: {
          userId: { in: userIds },
          user: {
            enrollments: { none: { status: { in: ["COMPLETED", "APPLIED", "ACCEPTED", "WAITLISTED", "ACTIVE"] } } },
          },
        },
      });
      const summary = `${cohort.name}: ${submissions.count} inzending(en), ${files.length + draftFiles.length} bestand(en) en ${wijk.count} wijkprofiel(en) van deelnemers zonder afronding verwijderd.`;
      await audit(tx, { action: "retention", subjectId: cohort.id, summary }, now);
      return { files: [...files, ...draftFiles], submissions: submissions.count };
    },
    { timeout: 30_000 },
  );
  if (!result) return 0;
  await Promise.all(
    result.files
      .flatMap((f) => (f.cleanStorageKey ? [f.storageKey, f.cleanStorageKey] : [f.storageKey]))
      .map((key) => fileStore().remove(key)),
  );
  return result.submissions;
}

/** For the admin's privacy page: each cohort's retention state. */
export async function retentionOverview() {
  const cohorts = await db.cohort.findMany({
    orderBy: { endsOn: "desc" },
    select: {
      id: true,
      name: true,
      endsOn: true,
      retentionMonths: true,
      retentionNoticeAt: true,
      retentionDoneAt: true,
    },
  });
  return cohorts.map((c) => ({ ...c, due: retentionDue(c) }));
}

export async function setRetentionMonths(cohortId: string, months: number) {
  await db.cohort.update({ where: { id: cohortId }, data: { retentionMonths: months } });
}
