// AVG art. 15/20: everything Gilde holds about one person, as a ZIP of JSON files plus the original files they
// uploaded. Other people appear only as the person would see them in the app: anonymous reviewers stay anonymous.
import { strToU8, zipSync, type Zippable } from "fflate";
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/guards.server";
import { safeFileName } from "~/assignments/files";
import { fileStore } from "~/assignments/storage.server";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { authorLabel, reviewerLabels, type Anonymity } from "~/peer-review/visibility";

const parse = (json: string) => {
  try {
    return JSON.parse(json) as unknown;
  } catch {
    return json;
  }
};

function anonymityOf(slug: string): Anonymity {
  const settings = findAssignment(slug)?.assignment.frontmatter.peerReview;
  return settings?.enabled ? (settings.anonymity as Anonymity) : "open";
}

/** All personal data of `userId`, gathered for the export (also what the tests compare against). */
export async function personalData(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { id: true, name: true, email: true, role: true, createdAt: true } });
  const [enrollments, wijk, submissions, drafts, given, threads, posts, reactions, follows, reports, cases, directory, digest, reads, requests, signIns] = await Promise.all([
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
        payments: { orderBy: { createdAt: "asc" }, select: { kind: true, status: true, amountCents: true, refundedCents: true, createdAt: true, paidAt: true, dueAt: true } },
      },
    }),
    db.wijk.findUnique({ where: { userId }, select: { versions: { orderBy: { number: "asc" }, omit: { id: true, wijkId: true } } } }),
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
            attachments: { select: { id: true, originalName: true, mediaType: true, size: true, sha256: true, storageKey: true } },
          },
        },
        assessments: {
          where: { status: "RELEASED" },
          orderBy: { number: "asc" },
          select: { number: true, levels: true, feedback: true, overall: true, decision: true, revisionNote: true, correctionReason: true, releasedAt: true },
        },
        peerReviews: {
          where: { status: "SUBMITTED" },
          orderBy: { assignedAt: "asc" },
          select: { crossGilde: true, answers: true, levels: true, tip: true, submittedAt: true, rating: true, ratingComment: true, reviewer: { select: { name: true } } },
        },
      },
    }),
    db.draft.findMany({
      where: { userId },
      select: {
        assignmentSlug: true,
        body: true,
        updatedAt: true,
        attachments: { select: { id: true, originalName: true, mediaType: true, size: true, sha256: true, storageKey: true } },
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
        submission: { select: { user: { select: { name: true } } } },
      },
    }),
    db.thread.findMany({ where: { authorId: userId }, select: { id: true, kind: true, title: true, themes: true, tags: true, createdAt: true } }),
    db.post.findMany({ where: { authorId: userId }, orderBy: { createdAt: "asc" }, select: { threadId: true, body: true, createdAt: true, hiddenAt: true, hiddenReason: true } }),
    db.reaction.findMany({ where: { userId }, select: { postId: true, createdAt: true } }),
    db.follow.findMany({ where: { userId }, select: { threadId: true, createdAt: true } }),
    db.report.findMany({ where: { reporterId: userId }, select: { postId: true, reason: true, createdAt: true, resolvedAt: true } }),
    db.practiceCase.findMany({ where: { authorId: userId }, omit: { authorId: true } }),
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

  const files: { path: string; storageKey: string }[] = [];
  const fileEntry = (a: { id: string; originalName: string; mediaType: string; size: number; sha256: string; storageKey: string }) => {
    const path = `bestanden/${a.id}-${safeFileName(a.originalName) ?? "bestand"}`;
    files.push({ path, storageKey: a.storageKey });
    return { naam: a.originalName, soort: a.mediaType, grootte: a.size, sha256: a.sha256, bestand: path };
  };

  const data = {
    "profiel.json": { naam: user.name, email: user.email, rol: user.role, aangemaakt: user.createdAt },
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
      const anonymity = anonymityOf(s.assignmentSlug);
      const labels = reviewerLabels(
        anonymity,
        s.peerReviews.map((r) => ({ name: r.reviewer.name, crossGilde: r.crossGilde })),
      );
      return {
        opdracht: s.assignmentSlug,
        status: s.status,
        versies: s.versions.map((v) => ({ nummer: v.number, tekst: v.body, ingeleverd: v.handedInAt, te_laat: v.late, bijlagen: v.attachments.map(fileEntry) })),
        beoordelingen: s.assessments.map((a) => ({ ...a, levels: parse(a.levels), feedback: parse(a.feedback) })),
        peerfeedback_ontvangen: s.peerReviews.map((r, i) => ({
          van: labels[i],
          antwoorden: parse(r.answers),
          niveaus: parse(r.levels),
          tip: r.tip,
          gegeven: r.submittedAt,
          jouw_waardering: r.rating,
          jouw_toelichting: r.ratingComment,
        })),
      };
    }),
    "concepten.json": drafts.map((d) => ({ opdracht: d.assignmentSlug, tekst: d.body, bijgewerkt: d.updatedAt, bijlagen: d.attachments.map(fileEntry) })),
    "peerfeedback-gegeven.json": given.map((r) => ({
      opdracht: r.assignmentSlug,
      voor: authorLabel(anonymityOf(r.assignmentSlug), r.submission.user.name, r.crossGilde),
      status: r.status,
      antwoorden: parse(r.answers),
      niveaus: parse(r.levels),
      tip: r.tip,
      toegewezen: r.assignedAt,
      deadline: r.dueAt,
      gegeven: r.submittedAt,
      waardering_ontvangen: r.rating,
      toelichting_ontvangen: r.ratingComment,
    })),
    "community.json": { onderwerpen: threads, berichten: posts, reacties: reactions, gevolgd: follows, meldingen: reports, vindbaar: directory, weekoverzicht: digest },
    "praktijkvoorbeelden.json": cases,
    "leesvoortgang.json": reads,
    "privacyverzoeken.json": requests,
    "inloggen.json": signIns,
  };
  return { user, data, files };
}

const README = `Dit zijn al je gegevens in Gilde, het leerplatform van de leergang Creative Communities.

Elk .json-bestand is leesbaar met een teksteditor. In de map bestanden/ staan de bestanden die je zelf hebt
geüpload, zoals je ze hebt ingeleverd. Feedback van anderen staat erin zoals je hem in Gilde ziet: was een
feedbackgever anoniem, dan blijft die dat hier ook.

Vragen? Neem contact op met de beheerder van Gilde.
`;

/** Builds the ZIP and records the export (a privacy request marked done, and an audit event). */
export async function exportPersonalData(user: SessionUser, ip?: string): Promise<{ fileName: string; bytes: Uint8Array }> {
  const { data, files } = await personalData(user.id);
  const entries: Zippable = { "LEESMIJ.txt": strToU8(README) };
  for (const [name, value] of Object.entries(data)) entries[name] = strToU8(JSON.stringify(value, null, 2));
  for (const file of files) {
    // A file missing from storage is named rather than failing the whole export.
    entries[file.path] = await fileStore()
      .read(file.storageKey)
      .then((bytes): [Uint8Array, { level: 0 }] => [new Uint8Array(bytes), { level: 0 }])
      .catch(() => strToU8("Dit bestand ontbreekt in de opslag."));
  }
  const bytes = zipSync(entries, { level: 6, mtime: new Date() });
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.privacyRequest.create({
      data: {
        userId: user.id,
        kind: "EXPORT",
        status: "DONE",
        requestedAt: now,
        handledAt: now,
        outcome: `Download van ${Object.keys(entries).length} bestanden (${Math.round(bytes.length / 1024)} kB).`,
      },
    });
    await audit(tx, { action: "export", actor: user, subjectId: user.id, summary: "Eigen gegevens gedownload (inzageverzoek).", ip });
  });
  return { fileName: `gilde-gegevens-${now.toISOString().slice(0, 10)}.zip`, bytes };
}
