// AVG art. 17: a participant asks for erasure, an admin carries it out. The account stays as an empty shell
// ("Verwijderde gebruiker") so that what others need keeps working: feedback the person gave stays with its
// receiver without a name, threads keep their replies. What the law requires (payments, for the fiscal retention
// period) is kept as a bookkeeping record detached from the profile. Files are removed from storage after commit.
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/guards.server";
import { forgetSessions } from "~/auth/session.server";
import { fileStore } from "~/storage/storage.server";
import { endLinksOf } from "~/consent/consents.server";
import { forgetCourseAccess } from "~/content/access.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { queueMail } from "~/notifications/outbox.server";
import { SIGNATURE, greeting } from "~/notifications/signature";
import { allocateFor } from "~/peer-review/allocation.server";

const ERASED_NAME = "Verwijderde gebruiker";
const ERASED_POST = "_Dit bericht is verwijderd op verzoek van de schrijver._";

/** The participant's request; one open erasure request at a time. */
export async function requestErasure(user: SessionUser, reason: string, now = new Date()) {
  const open = await db.privacyRequest.findFirst({
    where: { userId: user.id, kind: "ERASURE", status: "PENDING" },
    select: { id: true },
  });
  if (open) throw new RefusedError("Je verzoek om verwijdering is al ontvangen; de beheerder handelt het af.", 409);
  await db.$transaction(async (tx) => {
    await tx.privacyRequest.create({
      data: { userId: user.id, kind: "ERASURE", reason: reason.trim().slice(0, 2000), requestedAt: now },
    });
    await audit(
      tx,
      {
        action: "erasure.request",
        actor: user,
        subjectId: user.id,
        summary: "Verwijdering van eigen gegevens aangevraagd.",
      },
      now,
    );
    await queueMail(tx, {
      to: user.email,
      subject: "We hebben je verzoek om verwijdering ontvangen",
      text:
        `${greeting(user.name)}\n\nWe hebben je verzoek ontvangen om je gegevens in Gilde te verwijderen. De beheerder handelt het binnen een maand af; ` +
        `je krijgt dan bericht. Download eerst je gegevens als je ze wilt bewaren: daarna kan dat niet meer.\n\n${SIGNATURE}`,
    });
  });
}

export function myPrivacyRequests(userId: string) {
  return db.privacyRequest.findMany({
    where: { userId },
    orderBy: { requestedAt: "desc" },
    take: 20,
    select: { id: true, kind: true, status: true, requestedAt: true, handledAt: true, outcome: true },
  });
}

/** For the admin: open requests first (oldest first), then what was done (newest first). */
export async function privacyOverview() {
  const select = {
    id: true,
    kind: true,
    status: true,
    reason: true,
    requestedAt: true,
    handledAt: true,
    outcome: true,
    user: { select: { id: true, name: true, email: true, erasedAt: true } },
  } as const;
  const [pending, handled] = await Promise.all([
    db.privacyRequest.findMany({ where: { status: "PENDING" }, orderBy: { requestedAt: "asc" }, select }),
    db.privacyRequest.findMany({
      where: { status: { not: "PENDING" } },
      orderBy: { handledAt: "desc" },
      take: 100,
      select,
    }),
  ]);
  const named = (rows: typeof pending) => rows.map(({ user, ...r }) => ({ ...r, userId: user.id, person: user }));
  return { pending: named(pending), handled: named(handled) };
}

export async function rejectRequest(admin: SessionUser, requestId: string, why: string, now = new Date()) {
  if (!why.trim()) throw new RefusedError("Schrijf waarom je het verzoek afwijst; de aanvrager krijgt die uitleg.");
  const request = await db.privacyRequest.findFirst({
    where: { id: requestId, status: "PENDING" },
    select: { id: true, userId: true },
  });
  if (!request) throw new RefusedError("Dit verzoek is al afgehandeld of bestaat niet.", 409);
  const person = await db.user.findUniqueOrThrow({
    where: { id: request.userId },
    select: { name: true, email: true },
  });
  await db.$transaction(async (tx) => {
    await tx.privacyRequest.update({
      where: { id: request.id },
      data: { status: "REJECTED", handledAt: now, handledById: admin.id, outcome: `Afgewezen: ${why.trim()}` },
    });
    await queueMail(tx, {
      to: person.email,
      subject: "Je verzoek om verwijdering",
      text: `${greeting(person.name)}\n\nWe kunnen je verzoek om verwijdering niet uitvoeren:\n${why.trim()}\n\n${SIGNATURE}`,
    });
  });
}

/**
 * Carries out an erasure request. Returns what was done, in Dutch, as also written on the request.
 */
export async function carryOutErasure(admin: SessionUser, requestId: string, now = new Date()) {
  const request = await db.privacyRequest.findFirst({
    where: { id: requestId, kind: "ERASURE", status: "PENDING" },
    select: { id: true, userId: true },
  });
  if (!request) throw new RefusedError("Dit verzoek is al afgehandeld of bestaat niet.", 409);
  if (request.userId === admin.id)
    throw new RefusedError("Je kunt je eigen account niet zelf verwijderen; vraag een andere beheerder.", 409);
  const userId = request.userId;
  const person = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { name: true, email: true, role: true, erasedAt: true },
  });
  if (person.erasedAt) throw new RefusedError("Dit account is al verwijderd.", 409);
  if (person.role === "ADMIN" && (await db.user.count({ where: { role: "ADMIN", erasedAt: null } })) <= 1) {
    throw new RefusedError("Dit is de laatste beheerder. Maak eerst iemand anders beheerder.", 409);
  }

  const result = await db.$transaction(
    async (tx) => {
      const files = await tx.attachment.findMany({
        where: { userId },
        select: { storageKey: true, cleanStorageKey: true },
      });
      const openReviews = await tx.peerReview.findMany({
        where: { reviewerId: userId, status: "OPEN" },
        select: { cohortId: true, assignmentSlug: true },
      });

      // Bookkeeping: payments stay (fiscal retention), with the payer's name and address copied onto them.
      const payments = await tx.payment.updateMany({
        where: { enrollment: { userId }, status: { in: ["PAID", "REFUNDED", "ARRANGED"] } },
        data: { payerName: person.name, payerEmail: person.email },
      });
      await tx.payment.updateMany({
        where: { enrollment: { userId }, status: "OPEN" },
        data: { status: "EXPIRED", checkoutUrl: null },
      });
      // The intake's own words go; the employer's invoice details stay with the payment record.
      await tx.intake.updateMany({
        where: { enrollment: { userId } },
        data: { currentWork: "", organisation: "", experience: "", wijk: "", motivation: "", experienceYears: 0 },
      });
      await tx.enrollment.updateMany({
        where: { userId, status: { in: ["APPLIED", "ACCEPTED", "WAITLISTED", "ACTIVE"] } },
        data: { status: "WITHDRAWN", endedAt: now, reservedUntil: null },
      });
      await tx.enrollment.updateMany({ where: { userId }, data: { decisionMessage: null } });

      // Their own work: submissions (with versions, attachments, assessments and the feedback on them), drafts, wijk.
      // A gilde's work stays the gilde's (issue 23): what they handed in for it stays, under the erased account.
      const submissions = await tx.submission.deleteMany({ where: { userId, gildeId: null } });
      await tx.attachment.deleteMany({ where: { userId } });
      await tx.draft.deleteMany({ where: { userId } });
      const wijk = await tx.wijk.deleteMany({ where: { userId } });

      // Feedback they gave stays with its receiver, without a name (the account is anonymous now); what they had
      // not given yet goes to someone else.
      await tx.peerReview.updateMany({
        where: { reviewerId: userId, status: "OPEN" },
        data: { status: "CANCELLED", cancelledAt: now, cancelReason: "ERASED" },
      });

      // Learning as a group (issue 23): their part of gilde work is emptied but stays in the list, so the gilde's text
      // keeps its history (edits and "last saved by" show the erased account's name); the comments they gave in
      // evaluations go (the levels keep counting for the gildegenoten they rated); what was said about them, their
      // own grade on gilde work and the reflections they wrote go.
      await tx.gildeContribution.updateMany({ where: { userId }, data: { text: "" } });
      await tx.memberRating.updateMany({ where: { raterId: userId }, data: { comment: "" } });
      await tx.memberRating.deleteMany({ where: { rateeId: userId } });
      await tx.memberGrade.deleteMany({ where: { userId } });
      await tx.reflection.deleteMany({ where: { authorId: userId } });

      // Community: their words go, others' replies stay readable in context.
      const posts = await tx.post.updateMany({ where: { authorId: userId }, data: { body: ERASED_POST } });
      await tx.thread.updateMany({
        where: { authorId: userId },
        data: { title: "Onderwerp van een verwijderde gebruiker", tags: [] },
      });
      await tx.practiceCase.deleteMany({ where: { authorId: userId } });
      await tx.report.updateMany({ where: { reporterId: userId }, data: { reason: "(verwijderd)" } });
      for (const table of [
        "reaction",
        "follow",
        "directoryEntry",
        "digestPreference",
        "gildeMentor",
        "sectionRead",
        "gildeMember",
        "cohortStaff",
        "session",
        "passwordReset",
        "emailChange",
      ] as const) {
        await (tx[table] as unknown as { deleteMany(args: object): Promise<unknown> }).deleteMany({
          where: { userId },
        });
      }
      await tx.extension.deleteMany({ where: { userId } });
      await tx.peerReviewExcuse.deleteMany({ where: { userId } });
      await tx.reminderSent.deleteMany({ where: { userId } });
      await tx.loginThrottle.deleteMany({
        where: { OR: [{ key: `email:${person.email}` }, { key: { startsWith: `email-ip:${person.email}|` } }] },
      });
      await tx.outboxMessage.deleteMany({ where: { to: person.email } });
      await tx.invitation.deleteMany({ where: { email: person.email } });
      // eduID / SURFconext: the subject, eppn and organisation are personal data, and the account no longer logs in.
      await tx.externalIdentity.deleteMany({ where: { userId } });
      await tx.oidcLogin.deleteMany({ where: { userId } });
      // The wijk-feedback links they sent stop working; what came in through them, and their consent papers, go.
      files.push(...(await endLinksOf(tx, userId)));

      const placeholder = `verwijderd-${userId}@verwijderd.invalid`;
      await tx.user.update({
        where: { id: userId },
        data: { name: ERASED_NAME, email: placeholder, passwordHash: "", role: "PARTICIPANT", erasedAt: now },
      });
      await tx.auditEvent.updateMany({
        where: { OR: [{ actorId: userId }, { actorEmail: person.email }] },
        data: { actorEmail: placeholder, ip: null },
      });

      const outcome =
        `Uitgevoerd: ${submissions.count} inzending(en), ${wijk.count ? "het wijkprofiel" : "geen wijkprofiel"}, ${files.length} bestand(en) en ` +
        `${posts.count} bericht(en) verwijderd of geleegd; gegeven peerfeedback blijft anoniem staan; ` +
        `${payments.count} betaling(en) bewaard voor de boekhouding (wettelijke bewaarplicht), los van het profiel.`;
      await tx.privacyRequest.update({
        where: { id: request.id },
        data: { status: "DONE", handledAt: now, handledById: admin.id, outcome },
      });
      await tx.privacyRequest.updateMany({
        where: { userId, kind: "ERASURE", status: "PENDING" },
        data: { status: "DONE", handledAt: now, handledById: admin.id, outcome },
      });
      await audit(tx, { action: "erasure", actor: admin, subjectId: userId, summary: outcome }, now);
      // The last message to the old address: that it is done. It is sent, then nothing of them remains.
      await queueMail(tx, {
        to: person.email,
        subject: "Je gegevens in Gilde zijn verwijderd",
        text: `Hallo,\n\nOp je verzoek hebben we je account en je gegevens in Gilde verwijderd. ${outcome}\n\n${SIGNATURE}`,
      });
      return { outcome, files, openReviews };
    },
    { timeout: 30_000 },
  );

  forgetSessions({ userId });
  forgetCourseAccess(userId);
  await Promise.all(
    result.files
      .flatMap((f) => (f.cleanStorageKey ? [f.storageKey, f.cleanStorageKey] : [f.storageKey]))
      .map((key) => fileStore().remove(key)),
  );
  const pairs = new Map(result.openReviews.map((r) => [`${r.cohortId}|${r.assignmentSlug}`, r]));
  for (const pair of pairs.values()) await allocateFor(pair.cohortId, pair.assignmentSlug, now);
  return result.outcome;
}
