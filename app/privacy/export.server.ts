// AVG art. 15/20: everything Gilde holds about one person, as a ZIP of JSON files plus the original files they
// uploaded. Other people appear only as the person would see them in the app: anonymous reviewers stay anonymous.
import { strToU8, Zip, ZipDeflate, ZipPassThrough } from "fflate";
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/guards.server";
import { safeFileName } from "~/assignments/files";
import { collectedConsentsExport } from "~/consent/consents.server";
import { notWithdrawnBySubject } from "~/consent/validity";
import { fileStore } from "~/storage/storage.server";
import { db } from "~/db.server";
import { parseAssessmentFeedback, parseAssessmentLevels, parseDecision } from "~/grading/assessment-columns";
import { parseReviewAnswers, parseReviewLevels } from "~/peer-review/review-columns";
import { feedbackReceived } from "~/peer-review/reviews.server";
import { reviewSettingsOf } from "~/peer-review/settings.server";
import { authorNameOf, reviewSight, STRICTEST } from "~/peer-review/visibility";
import { gildeWorkExport } from "./export-gilde.server";

/**
 * All personal data of `userId`, gathered for the export (also what the tests compare against). Peer feedback
 * received is exactly what /gilde shows (`feedbackReceived`): what is not readable there yet is not here either.
 */
async function personalData(userId: string, now = new Date()) {
  const user = await db.user.findUniqueOrThrow({
    where: { id: userId },
    select: { id: true, name: true, email: true, role: true, createdAt: true },
  });
  const [
    enrollments,
    wijk,
    submissions,
    received,
    drafts,
    given,
    threads,
    posts,
    reactions,
    follows,
    reports,
    cases,
    directory,
    digest,
    reads,
    requests,
    signIns,
  ] = await Promise.all([
    db.enrollment.findMany({
      where: { userId },
      orderBy: { appliedAt: "asc" },
      select: {
        status: true,
        appliedAt: true,
        acceptedAt: true,
        activatedAt: true,
        completedAt: true,
        endedAt: true,
        decisionMessage: true,
        cohort: { select: { name: true, startsOn: true, endsOn: true } },
        intake: {
          select: {
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
          },
        },
        payments: {
          orderBy: { createdAt: "asc" },
          select: {
            kind: true,
            status: true,
            amountCents: true,
            refundedCents: true,
            createdAt: true,
            paidAt: true,
            dueAt: true,
          },
        },
      },
    }),
    db.wijk.findUnique({
      where: { userId },
      select: { versions: { orderBy: { number: "asc" }, omit: { id: true, wijkId: true } } },
    }),
    db.submission.findMany({
      where: { userId },
      orderBy: { createdAt: "asc" },
      select: {
        id: true,
        assignmentSlug: true,
        status: true,
        createdAt: true,
        versions: {
          orderBy: { number: "asc" },
          select: {
            number: true,
            body: true,
            handedInAt: true,
            late: true,
            attachments: {
              select: { id: true, originalName: true, mediaType: true, size: true, sha256: true, storageKey: true },
            },
          },
        },
        assessments: {
          where: { status: "RELEASED" },
          orderBy: { number: "asc" },
          select: {
            number: true,
            levels: true,
            feedback: true,
            overall: true,
            decision: true,
            revisionNote: true,
            correctionReason: true,
            releasedAt: true,
          },
        },
      },
    }),
    feedbackReceived(userId, now),
    db.draft.findMany({
      where: { userId },
      select: {
        assignmentSlug: true,
        body: true,
        updatedAt: true,
        attachments: {
          select: { id: true, originalName: true, mediaType: true, size: true, sha256: true, storageKey: true },
        },
      },
    }),
    db.peerReview.findMany({
      where: { reviewerId: userId },
      orderBy: { assignedAt: "asc" },
      select: {
        assignmentSlug: true,
        status: true,
        crossGilde: true,
        answers: true,
        levels: true,
        tip: true,
        assignedAt: true,
        dueAt: true,
        submittedAt: true,
        rating: true,
        ratingComment: true,
        submission: { select: { user: { select: { name: true } }, gilde: { select: { name: true } } } },
        reviewer: { select: { name: true } },
      },
    }),
    db.thread.findMany({
      where: { authorId: userId },
      select: { id: true, kind: true, title: true, themes: true, tags: true, createdAt: true },
    }),
    db.post.findMany({
      where: { authorId: userId },
      orderBy: { createdAt: "asc" },
      select: { threadId: true, body: true, createdAt: true, hiddenAt: true, hiddenReason: true },
    }),
    db.reaction.findMany({ where: { userId }, select: { postId: true, createdAt: true } }),
    db.follow.findMany({ where: { userId }, select: { threadId: true, createdAt: true } }),
    db.report.findMany({
      where: { reporterId: userId },
      select: { postId: true, reason: true, createdAt: true, resolvedAt: true },
    }),
    db.practiceCase.findMany({ where: { authorId: userId, ...notWithdrawnBySubject() }, omit: { authorId: true } }),
    db.directoryEntry.findUnique({ where: { userId }, omit: { userId: true } }),
    db.digestPreference.findUnique({ where: { userId }, omit: { userId: true } }),
    db.sectionRead.findMany({ where: { userId }, omit: { userId: true } }),
    db.privacyRequest.findMany({
      where: { userId },
      orderBy: { requestedAt: "asc" },
      select: { kind: true, status: true, reason: true, requestedAt: true, handledAt: true, outcome: true },
    }),
    db.auditEvent.findMany({
      where: { actorId: userId, action: { in: ["login", "login.failed"] } },
      orderBy: { at: "desc" },
      take: 500,
      select: { action: true, at: true, ip: true },
    }),
  ]);

  const receivedBySubmission = new Map(received.map((r) => [r.submissionId, r]));
  const files: { path: string; storageKey: string }[] = [];
  const fileEntry = (a: {
    id: string;
    originalName: string;
    mediaType: string;
    size: number;
    sha256: string;
    storageKey: string;
  }) => {
    const path = `bestanden/${a.id}-${safeFileName(a.originalName) ?? "bestand"}`;
    files.push({ path, storageKey: a.storageKey });
    return { naam: a.originalName, soort: a.mediaType, grootte: a.size, sha256: a.sha256, bestand: path };
  };

  // eduID / SURFconext accounts that log in to this one (issue 25).
  const linkedLogins = await db.externalIdentity.findMany({
    where: { userId },
    select: { provider: true, subject: true, eppn: true, schacHomeOrganization: true, email: true, linkedAt: true },
  });
  const data = {
    "profiel.json": {
      naam: user.name,
      email: user.email,
      rol: user.role,
      aangemaakt: user.createdAt,
      inloggen_via: linkedLogins,
    },
    "inschrijvingen.json": enrollments.map((e) => ({
      groep: e.cohort.name,
      start: e.cohort.startsOn,
      einde: e.cohort.endsOn,
      status: e.status,
      aangemeld: e.appliedAt,
      toegelaten: e.acceptedAt,
      ingeschreven: e.activatedAt,
      afgerond: e.completedAt,
      beeindigd: e.endedAt,
      bericht: e.decisionMessage,
      intake: e.intake,
      betalingen: e.payments,
    })),
    "wijkprofiel.json": wijk?.versions ?? [],
    "inzendingen.json": submissions.map((s) => {
      const feedback = receivedBySubmission.get(s.id);
      return {
        opdracht: s.assignmentSlug,
        status: s.status,
        versies: s.versions.map((v) => ({
          nummer: v.number,
          tekst: v.body,
          ingeleverd: v.handedInAt,
          te_laat: v.late,
          bijlagen: v.attachments.map(fileEntry),
        })),
        beoordelingen: s.assessments.map((a) => ({
          ...a,
          decision: parseDecision(a.decision),
          levels: parseAssessmentLevels(a.levels),
          feedback: parseAssessmentFeedback(a.feedback),
        })),
        peerfeedback_ontvangen: (feedback?.reviews ?? []).map((r) => ({
          van: r.reviewer,
          antwoorden: r.answers,
          niveaus: r.levels,
          tip: r.tip,
          gegeven: r.submittedAt,
          jouw_waardering: r.rating,
          jouw_toelichting: r.ratingComment,
        })),
        peerfeedback_nog_niet_zichtbaar: feedback?.visibleFrom ?? null,
      };
    }),
    "concepten.json": drafts.map((d) => ({
      opdracht: d.assignmentSlug,
      tekst: d.body,
      bijgewerkt: d.updatedAt,
      bijlagen: d.attachments.map(fileEntry),
    })),
    "peerfeedback-gegeven.json": given.map((r) => ({
      opdracht: r.assignmentSlug,
      voor: reviewSight(
        {
          settings: reviewSettingsOf(r.assignmentSlug) ?? STRICTEST,
          status: r.status,
          crossGilde: r.crossGilde,
          reviewerName: r.reviewer.name,
          authorName: authorNameOf(r.submission),
          attachments: [],
        },
        { as: "reviewer" },
      ).author,
      status: r.status,
      antwoorden: parseReviewAnswers(r.answers),
      niveaus: parseReviewLevels(r.levels),
      tip: r.tip,
      toegewezen: r.assignedAt,
      deadline: r.dueAt,
      gegeven: r.submittedAt,
      waardering_ontvangen: r.rating,
      toelichting_ontvangen: r.ratingComment,
    })),
    "community.json": {
      onderwerpen: threads,
      berichten: posts,
      reacties: reactions,
      gevolgd: follows,
      meldingen: reports,
      vindbaar: directory,
      weekoverzicht: digest,
    },
    ...(await gildeWorkExport(userId)),
    "praktijkvoorbeelden.json": cases,
    "wijkfeedback-en-toestemmingen.json": await collectedConsentsExport(userId, now),
    "leesvoortgang.json": reads,
    "privacyverzoeken.json": requests,
    "inloggen.json": signIns,
  };
  return { user, data, files };
}

const README = `Dit zijn al je gegevens in Gilde, het leerplatform van de leergang Creative Communities.

Elk .json-bestand is leesbaar met een teksteditor. In de map bestanden/ staan de bestanden die je zelf hebt
geüpload, zoals je ze hebt ingeleverd. Feedback van anderen staat erin zoals je hem in Gilde ziet: was een
feedbackgever anoniem, dan blijft die dat hier ook. Peerfeedback die je in Gilde nog niet kunt lezen (voor de
peerfeedback-deadline, of voordat je zelf feedback hebt gegeven) staat er ook nog niet in; in inzendingen.json
lees je bij "peerfeedback_nog_niet_zichtbaar" wanneer dat wel kan. In evaluaties.json staat wat je gildegenoten
over je zeiden zoals je het in Gilde ziet: een gemiddelde pas vanaf drie gildegenoten, en nooit wie wat zei.

Vragen? Neem contact op met de beheerder van Gilde.
`;

/**
 * Records the export (a privacy request marked done, and an audit event) and returns the ZIP as a stream: each
 * file is read from storage only when the download has room for it, so a person with many large attachments never
 * has them all in memory at once.
 */
export async function exportPersonalData(
  user: SessionUser,
  ip?: string,
): Promise<{ fileName: string; stream: ReadableStream<Uint8Array> }> {
  const { data, files } = await personalData(user.id);
  const now = new Date();
  const documents = Object.keys(data).length + 1;
  await db.$transaction(async (tx) => {
    await tx.privacyRequest.create({
      data: {
        userId: user.id,
        kind: "EXPORT",
        status: "DONE",
        requestedAt: now,
        handledAt: now,
        outcome: `Download van ${documents} overzichten en ${files.length} bestand(en).`,
      },
    });
    await audit(tx, {
      action: "export",
      actor: user,
      subjectId: user.id,
      summary: "Eigen gegevens gedownload (inzageverzoek).",
      ip,
    });
  });
  async function* entries(): AsyncGenerator<ZipEntry> {
    yield { name: "LEESMIJ.txt", bytes: strToU8(README), compress: true };
    for (const [name, value] of Object.entries(data))
      yield { name, bytes: strToU8(JSON.stringify(value, null, 2)), compress: true };
    for (const file of files) {
      // A file missing from storage is named rather than failing the whole export.
      const bytes = await fileStore()
        .read(file.storageKey)
        .then((b) => new Uint8Array(b))
        .catch(() => strToU8("Dit bestand ontbreekt in de opslag."));
      yield { name: file.path, bytes, compress: false };
    }
  }
  return { fileName: `gilde-gegevens-${now.toISOString().slice(0, 10)}.zip`, stream: zipStream(entries()) };
}

type ZipEntry = { name: string; bytes: Uint8Array; compress: boolean };

/** A ZIP as a pull stream: the next entry is produced only when the reader asks for more. */
function zipStream(source: AsyncIterator<ZipEntry>): ReadableStream<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((error, chunk) => (error ? (failure = error) : out.push(chunk)));
  let ended = false;
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      while (out.length === 0 && !ended) {
        const next = await source.next();
        if (next.done) {
          zip.end();
          ended = true;
        } else {
          const entry = next.value.compress
            ? new ZipDeflate(next.value.name, { level: 6 })
            : new ZipPassThrough(next.value.name);
          zip.add(entry);
          entry.push(next.value.bytes, true);
        }
        if (failure) return controller.error(failure);
      }
      if (out.length) controller.enqueue(concat(out.splice(0)));
      else controller.close();
    },
  });
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const [only] = chunks;
  if (only && chunks.length === 1) return only;
  const all = new Uint8Array(chunks.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.length;
  }
  return all;
}
