// Trainers grade handed-in work: the queue, the grading screen's data, draft assessments with optimistic
// concurrency, and release. Only trainers of the submission's cohort (and admins) get anywhere: others get null.
import { Prisma } from "@prisma/client";
import type { SessionUser } from "~/auth/guards.server";
import { diffSummary, diffWords } from "~/assignments/diff";
import { audit } from "~/audit/audit.server";
import { renderMarkdown } from "~/markdown/markdown";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { RefusedError } from "~/errors.server";
import { peerFeedbackForTrainer } from "~/peer-review/peer-review.server";
import { checkAssessment, DECISION_LABELS, type AssessmentInput, type Decision } from "./rubric";

export class GradingError extends RefusedError {
  constructor(
    errors: Record<string, string>,
    message = "Niet opgeslagen: verbeter wat hieronder staat.",
    status = 400,
  ) {
    super(message, status, errors);
  }
}

class SecondReaderNeeded extends GradingError {
  constructor() {
    super(
      {},
      "Nog niet vrijgegeven: deze groep vraagt bij ‘niet voldaan’ eerst een tweede trainer die meeleest en akkoord geeft.",
      409,
    );
  }
}

async function cohortIdsOf(trainer: SessionUser): Promise<string[] | null> {
  if (trainer.role === "ADMIN") return null;
  const rows = await db.cohortStaff.findMany({
    where: { userId: trainer.id },
    select: { cohortId: true },
  });
  return rows.map((r) => r.cohortId);
}

export type QueueFilter = {
  cohortId?: string;
  gildeId?: string;
  assignmentSlug?: string;
  late?: boolean;
  drafted?: boolean;
  page?: number;
};

/** Handed-in work waiting for this trainer, oldest first. */
export async function gradingQueue(trainer: SessionUser, filter: QueueFilter, perPage = 50) {
  const cohortIds = await cohortIdsOf(trainer);
  const cohortScope = cohortIds
    ? filter.cohortId
      ? cohortIds.filter((id) => id === filter.cohortId)
      : cohortIds
    : filter.cohortId
      ? [filter.cohortId]
      : null;
  // One query for the page and one for the count (the hot path of the queue; see the bench): the filters as
  // EXISTS clauses the indexes Submission(cohortId, status, updatedAt) and SubmissionVersion(submissionId, number) serve.
  const conditions = [
    Prisma.sql`s.status = 'SUBMITTED'`,
    ...(cohortScope
      ? [cohortScope.length ? Prisma.sql`s."cohortId" IN (${Prisma.join(cohortScope)})` : Prisma.sql`FALSE`]
      : []),
    ...(filter.assignmentSlug ? [Prisma.sql`s."assignmentSlug" = ${filter.assignmentSlug}`] : []),
    ...(filter.late !== undefined
      ? [
          Prisma.sql`EXISTS (SELECT 1 FROM "SubmissionVersion" v WHERE v."submissionId" = s.id AND v.late = ${filter.late})`,
        ]
      : []),
    ...(filter.gildeId
      ? [
          Prisma.sql`EXISTS (SELECT 1 FROM "GildeMember" g WHERE g."userId" = s."userId" AND g."gildeId" = ${filter.gildeId})`,
        ]
      : []),
    ...(filter.drafted !== undefined
      ? [
          Prisma.sql`${filter.drafted ? Prisma.empty : Prisma.sql`NOT`} EXISTS (SELECT 1 FROM "Assessment" a WHERE a."submissionId" = s.id AND a.status = 'DRAFT')`,
        ]
      : []),
  ];
  const where = Prisma.join(conditions, " AND ");
  const page = Math.max(1, filter.page ?? 1);
  type Row = {
    id: string;
    assignmentSlug: string;
    updatedAt: Date;
    participant: string;
    number: number | null;
    handedInAt: Date | null;
    late: boolean | null;
    drafted: boolean;
  };
  const [rows, [counted], cohorts] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT s.id, s."assignmentSlug", s."updatedAt", u.name AS participant, v.number, v."handedInAt", v.late,
             EXISTS (SELECT 1 FROM "Assessment" a WHERE a."submissionId" = s.id AND a.status = 'DRAFT') AS drafted
      FROM (SELECT s.id, s."userId", s."assignmentSlug", s."updatedAt" FROM "Submission" s WHERE ${where}
            ORDER BY s."updatedAt" ASC LIMIT ${perPage} OFFSET ${(page - 1) * perPage}) s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN LATERAL (SELECT number, "handedInAt", late FROM "SubmissionVersion" WHERE "submissionId" = s.id ORDER BY number DESC LIMIT 1) v ON TRUE
      ORDER BY s."updatedAt" ASC`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Submission" s WHERE ${where}`,
    db.cohort.findMany({
      where: cohortIds ? { id: { in: cohortIds } } : {},
      select: { id: true, name: true, gildes: { select: { id: true, name: true }, orderBy: { name: "asc" } } },
      orderBy: { startsOn: "desc" },
    }),
  ]);
  const total = counted?.total ?? 0;
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
    cohorts,
    rows: rows.map((row) => ({
      id: row.id,
      participant: row.participant,
      assignment: findAssignment(row.assignmentSlug)?.assignment.frontmatter.title ?? row.assignmentSlug,
      version: row.number ?? 1,
      handedInAt: row.handedInAt ?? row.updatedAt,
      late: row.late ?? false,
      drafted: row.drafted,
    })),
  };
}

type StoredAssessment = { levels: string; feedback: string };

function parseStored(a: StoredAssessment) {
  return {
    levels: JSON.parse(a.levels) as Record<string, number>,
    feedback: JSON.parse(a.feedback) as Record<string, string>,
  };
}

/** Everything on the grading screen, or null when this trainer may not see the submission. */
export async function gradingScreen(trainer: SessionUser, submissionId: string) {
  const cohortIds = await cohortIdsOf(trainer);
  const submission = await db.submission.findFirst({
    where: {
      id: submissionId,
      ...(cohortIds ? { cohortId: { in: cohortIds } } : {}),
    },
    select: {
      id: true,
      status: true,
      assignmentSlug: true,
      cohortId: true,
      user: { select: { id: true, name: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          body: true,
          handedInAt: true,
          late: true,
          wijkVersion: true,
          attachments: { select: { id: true, originalName: true, size: true } },
        },
      },
      assessments: { orderBy: { number: "desc" } },
    },
  });
  if (!submission) return null;
  const found = findAssignment(submission.assignmentSlug);
  if (!found) return null;
  const current = submission.assessments[0] ?? null;
  const cohort = await db.cohort.findUniqueOrThrow({
    where: { id: submission.cohortId },
    select: { id: true, name: true, secondReaderForFail: true },
  });
  const people = new Map(
    (
      await db.user.findMany({
        where: {
          id: {
            in: [current?.gradedById, current?.secondReaderId].filter((id): id is string => Boolean(id)),
          },
        },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  const versions = submission.versions.map((v, index) => {
    const previous = submission.versions[index + 1];
    const changes = previous ? diffWords(previous.body, v.body) : null;
    return {
      ...v,
      html: renderMarkdown(v.body),
      changes: changes ? { parts: changes, ...diffSummary(changes) } : null,
    };
  });
  // Handing in writes the submission and its first version together; without a version there is nothing to grade.
  const latest = versions[0];
  if (!latest) return null;
  return {
    submission: {
      id: submission.id,
      status: submission.status,
      cohort,
      participant: submission.user,
      versions,
      latest,
    },
    assignment: {
      slug: found.assignment.slug,
      title: found.assignment.frontmatter.title,
      rubric: found.assignment.frontmatter.rubric,
    },
    current: current
      ? {
          ...current,
          ...parseStored(current),
          gradedBy: people.get(current.gradedById) ?? "",
          secondReader: current.secondReaderId ? (people.get(current.secondReaderId) ?? "") : null,
        }
      : null,
    peerFeedback: await peerFeedbackForTrainer(submission.id),
    history: submission.assessments.filter((a) => a.status === "RELEASED").map((a) => ({ ...a, ...parseStored(a) })),
  };
}

export type GradeInput = AssessmentInput & {
  feedback: Record<string, string>;
  overall: string;
  correctionReason?: string;
};

/**
 * Saves the trainer's assessment of the latest version as a draft. `baseRevision` is the revision the trainer
 * started from: when someone else saved in between, the save is refused. After release, saving starts a
 * correction: a new draft with a higher number and a reason.
 */
export async function saveAssessment(
  trainer: SessionUser,
  submissionId: string,
  input: GradeInput,
  baseRevision: number,
) {
  const screen = await gradingScreen(trainer, submissionId);
  if (!screen) throw new GradingError({}, "Deze inzending bestaat niet.", 404);
  const check = checkAssessment(screen.assignment.rubric, input, {
    final: false,
  });
  if (!check.ok) throw new GradingError(check.errors);
  const latestVersion = screen.submission.latest;
  const data = {
    versionId: latestVersion.id,
    levels: JSON.stringify(input.levels),
    feedback: JSON.stringify(input.feedback),
    overall: input.overall,
    decision: input.decision,
    revisionNote: input.revisionNote,
    gradedById: trainer.id,
  };
  const current = screen.current;
  if (current && current.status === "DRAFT" && current.versionId === latestVersion.id) {
    const unchanged =
      JSON.stringify(current.levels) === data.levels &&
      JSON.stringify(current.feedback) === data.feedback &&
      current.overall === data.overall &&
      current.decision === data.decision &&
      current.revisionNote === data.revisionNote;
    // Saving the same assessment again (as "Opslaan en vrijgeven" does) changes nothing, not even who graded it.
    if (unchanged) return { revision: current.revision };
    const { count } = await db.assessment.updateMany({
      where: { id: current.id, revision: baseRevision },
      data: {
        ...data,
        revision: baseRevision + 1,
        secondReaderId: null,
        secondReadAt: null,
      },
    });
    if (count === 0)
      throw new GradingError(
        {},
        "Iemand anders heeft deze beoordeling net opgeslagen. Laad de pagina opnieuw; je eigen invoer staat hieronder nog.",
        409,
      );
    return { revision: baseRevision + 1 };
  }
  const isCorrection = current?.status === "RELEASED" && current.versionId === latestVersion.id;
  if (isCorrection && !input.correctionReason?.trim()) {
    throw new GradingError({
      correctionReason: "Schrijf kort waarom je de vrijgegeven beoordeling corrigeert.",
    });
  }
  if (baseRevision !== (current?.status === "DRAFT" ? current.revision : 0)) {
    throw new GradingError(
      {},
      "Iemand anders heeft deze beoordeling net opgeslagen. Laad de pagina opnieuw; je eigen invoer staat hieronder nog.",
      409,
    );
  }
  try {
    await db.assessment.create({
      data: {
        ...data,
        submissionId,
        number: (current?.number ?? 0) + 1,
        revision: 1,
        correctionReason: isCorrection ? input.correctionReason!.trim() : null,
      },
    });
  } catch {
    throw new GradingError(
      {},
      "Iemand anders heeft deze beoordeling net opgeslagen. Laad de pagina opnieuw; je eigen invoer staat hieronder nog.",
      409,
    );
  }
  return { revision: 1 };
}

const STATUS_FOR: Record<Decision, "PASSED" | "FAILED" | "RETURNED"> = {
  voldaan: "PASSED",
  "niet-voldaan": "FAILED",
  herziening: "RETURNED",
};

/** Releases the draft assessment: the participant sees it and gets an e-mail. */
export async function releaseAssessment(trainer: SessionUser, submissionId: string) {
  const screen = await gradingScreen(trainer, submissionId);
  if (!screen) throw new GradingError({}, "Deze inzending bestaat niet.", 404);
  const draft = screen.current;
  if (!draft || draft.status !== "DRAFT")
    throw new GradingError({}, "Er is geen beoordeling om vrij te geven. Sla eerst een beoordeling op.");
  const check = checkAssessment(
    screen.assignment.rubric,
    {
      levels: draft.levels,
      decision: draft.decision as Decision | null,
      revisionNote: draft.revisionNote,
    },
    { final: true },
  );
  if (!check.ok) throw new GradingError(check.errors, "Nog niet vrijgegeven: de beoordeling is niet compleet.");
  const decision = draft.decision as Decision;
  if (needsSecondReader(screen.submission.cohort, draft)) {
    throw new SecondReaderNeeded();
  }
  await db.$transaction(async (tx) => {
    const { count } = await tx.assessment.updateMany({
      where: { id: draft.id, status: "DRAFT" },
      data: { status: "RELEASED", releasedAt: new Date() },
    });
    if (count === 0) throw new GradingError({}, "Deze beoordeling is al vrijgegeven.", 409);
    await tx.submission.update({
      where: { id: submissionId },
      data: { status: STATUS_FOR[decision] },
    });
    const correction = Boolean(draft.correctionReason);
    await audit(tx, {
      action: correction ? "grade.correction" : "grade.release",
      actor: trainer,
      subjectId: submissionId,
      summary:
        `${screen.assignment.title} van ${screen.submission.participant.name}: ${DECISION_LABELS[decision].toLowerCase()}` +
        (correction ? ` (correctie: ${draft.correctionReason})` : "") +
        ".",
    });
    const participant = await tx.user.findUniqueOrThrow({
      where: { id: screen.submission.participant.id },
      select: { email: true, name: true },
    });
    await queueMail(tx, {
      to: participant.email,
      subject: `Beoordeling: ${screen.assignment.title}`,
      text:
        `Hallo ${participant.name},\n\n` +
        `Je trainer heeft ‘${screen.assignment.title}’ beoordeeld: ${DECISION_LABELS[decision].toLowerCase()}.\n` +
        `${decision === "herziening" ? `\nWat er moet veranderen:\n${draft.revisionNote}\n` : ""}\n` +
        `Lees de feedback per criterium: ${appUrl()}/opdrachten/${screen.assignment.slug}\n\nGroet,\nGilde — leergang Creative Communities`,
    });
  });
}

function needsSecondReader(
  cohort: { secondReaderForFail: boolean },
  draft: { decision: string | null; secondReaderId: string | null },
) {
  return cohort.secondReaderForFail && draft.decision === "niet-voldaan" && !draft.secondReaderId;
}

/**
 * A second trainer agrees with a "niet voldaan" draft as it stands (`revision`), so it can be released. The
 * trainer who wrote it cannot be their own second reader; any change to the draft afterwards asks for a new reading.
 */
export async function secondRead(trainer: SessionUser, submissionId: string, revision: number) {
  const screen = await gradingScreen(trainer, submissionId);
  if (!screen) throw new GradingError({}, "Deze inzending bestaat niet.", 404);
  const draft = screen.current;
  if (!draft || draft.status !== "DRAFT" || draft.decision !== "niet-voldaan") {
    throw new GradingError({}, "Er is geen concept ‘niet voldaan’ om mee te lezen.");
  }
  if (draft.gradedById === trainer.id)
    throw new GradingError(
      {},
      "Een andere trainer dan jij moet meelezen: je kunt je eigen beoordeling niet als tweede lezer goedkeuren.",
    );
  const { count } = await db.assessment.updateMany({
    where: { id: draft.id, status: "DRAFT", revision },
    data: { secondReaderId: trainer.id, secondReadAt: new Date() },
  });
  if (count === 0)
    throw new GradingError(
      {},
      "De beoordeling is veranderd sinds je de pagina opende. Lees de nieuwe versie en geef dan akkoord.",
      409,
    );
}

/** The released assessments of a participant's own submission, newest first (never a draft). */
export async function releasedAssessmentsFor(userId: string, cohortId: string, assignmentSlug: string) {
  const rows = await db.assessment.findMany({
    where: {
      status: "RELEASED",
      submission: { userId, cohortId, assignmentSlug },
    },
    orderBy: { number: "desc" },
    select: {
      id: true,
      number: true,
      levels: true,
      feedback: true,
      overall: true,
      decision: true,
      revisionNote: true,
      releasedAt: true,
      correctionReason: true,
    },
  });
  return rows.map((row) => ({
    ...row,
    ...parseStored(row),
    overallHtml: renderMarkdown(row.overall),
  }));
}

/** Every released decision of a cohort, for the CSV export. */
export async function cohortDecisions(cohortId: string) {
  const rows = await db.assessment.findMany({
    where: { status: "RELEASED", submission: { cohortId } },
    orderBy: [{ releasedAt: "asc" }],
    select: {
      number: true,
      decision: true,
      levels: true,
      releasedAt: true,
      correctionReason: true,
      gradedById: true,
      submission: {
        select: {
          assignmentSlug: true,
          user: { select: { name: true, email: true } },
        },
      },
    },
  });
  const graders = new Map(
    (
      await db.user.findMany({
        where: { id: { in: [...new Set(rows.map((r) => r.gradedById))] } },
        select: { id: true, name: true },
      })
    ).map((u) => [u.id, u.name]),
  );
  return rows.map((row) => ({
    participant: row.submission.user.name,
    email: row.submission.user.email,
    assignment:
      findAssignment(row.submission.assignmentSlug)?.assignment.frontmatter.title ?? row.submission.assignmentSlug,
    number: row.number,
    decision: row.decision ? DECISION_LABELS[row.decision as Decision] : "",
    levels: Object.entries(JSON.parse(row.levels) as Record<string, number>)
      .map(([id, score]) => `${id}=${score}`)
      .join(", "),
    releasedAt: row.releasedAt,
    grader: graders.get(row.gradedById) ?? "",
    correction: row.correctionReason ?? "",
  }));
}

/** Releases every complete draft assessment of one assignment in this trainer's cohorts; names the rest. */
export async function releaseAll(trainer: SessionUser, assignmentSlug: string) {
  const cohortIds = await cohortIdsOf(trainer);
  const drafts = await db.assessment.findMany({
    where: {
      status: "DRAFT",
      submission: {
        assignmentSlug,
        status: "SUBMITTED",
        ...(cohortIds ? { cohortId: { in: cohortIds } } : {}),
      },
    },
    select: {
      submissionId: true,
      submission: { select: { user: { select: { name: true } } } },
    },
  });
  const released: string[] = [];
  const incomplete: string[] = [];
  const awaitingSecondReader: string[] = [];
  for (const draft of drafts) {
    try {
      await releaseAssessment(trainer, draft.submissionId);
      released.push(draft.submission.user.name);
    } catch (error) {
      if (!(error instanceof GradingError)) throw error;
      (error instanceof SecondReaderNeeded ? awaitingSecondReader : incomplete).push(draft.submission.user.name);
    }
  }
  return { released, incomplete, awaitingSecondReader };
}
