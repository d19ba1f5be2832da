// Trainers grade handed-in work: the grading screen's data, draft assessments with optimistic concurrency, and
// release (the lists of work are in queue.server.ts). Only trainers of the submission's cohort (and admins) get anywhere: others get null.
import { Prisma, type Decision as StoredDecision } from "@prisma/client";
import type { SessionUser } from "~/auth/guards.server";
import { diffSummary, diffWords } from "~/assignments/diff";
import { audit } from "~/audit/audit.server";
import { renderMarkdown } from "~/markdown/markdown";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { RefusedError } from "~/errors.server";
import { peerFeedbackForTrainer } from "~/peer-review/oversight.server";
import { parseAssessmentFeedback, parseAssessmentLevels, parseDecision, storedDecision } from "./assessment-columns";
import { trainerCohortIds } from "./queue.server";
import { checkAssessment, DECISION_LABELS, type AssessmentInput, type Decision } from "./rubric";
import { greeting } from "~/notifications/signature";
import { queueReleaseScore } from "~/lti/scores.server";

type Tx = Prisma.TransactionClient;

const NOT_SAVED = "Niet opgeslagen: verbeter wat hieronder staat.";

/** The refusal of a release that waits for a second reader; the bulk release counts these apart. */
class SecondReaderNeeded extends RefusedError {
  constructor() {
    super(
      "Nog niet vrijgegeven: deze groep vraagt bij ‘niet voldaan’ eerst een tweede trainer die meeleest en akkoord geeft.",
      409,
    );
  }
}

/** The submission, when this trainer may grade it: a trainer of its cohort, or an admin. */
function gradable(trainer: SessionUser, submissionId: string): Prisma.SubmissionWhereInput {
  return trainer.role === "ADMIN"
    ? { id: submissionId }
    : { id: submissionId, cohort: { staff: { some: { userId: trainer.id } } } };
}

/** An assessment as the grading code reads it: its Json columns parsed, its decision in the rubric's words. */
function parsed<T extends { levels: Prisma.JsonValue; feedback: Prisma.JsonValue; decision: StoredDecision | null }>(
  row: T,
): Omit<T, "levels" | "feedback" | "decision"> & {
  levels: Record<string, number>;
  feedback: Record<string, string>;
  decision: Decision | null;
} {
  return {
    ...row,
    levels: parseAssessmentLevels(row.levels),
    feedback: parseAssessmentFeedback(row.feedback),
    decision: parseDecision(row.decision),
  };
}

/** What the grading screen shows of an assessment: never the ids of who wrote or read it. */
const assessmentSelect = {
  id: true,
  number: true,
  status: true,
  revision: true,
  levels: true,
  feedback: true,
  overall: true,
  decision: true,
  revisionNote: true,
  correctionReason: true,
  secondReadAt: true,
  releasedAt: true,
  gradedBy: { select: { name: true } },
  secondReader: { select: { name: true } },
} satisfies Prisma.AssessmentSelect;

/** Everything on the grading screen, or null when this trainer may not see the submission. */
export async function gradingScreen(trainer: SessionUser, submissionId: string) {
  const submission = await db.submission.findFirst({
    where: gradable(trainer, submissionId),
    select: {
      id: true,
      status: true,
      assignmentSlug: true,
      cohort: { select: { id: true, name: true, secondReaderForFail: true } },
      user: { select: { id: true, name: true } },
      versions: {
        orderBy: { number: "desc" },
        select: {
          id: true,
          number: true,
          body: true,
          handedInAt: true,
          late: true,
          wijkVersion: { select: { number: true, name: true, municipality: true } },
          attachments: { select: { id: true, originalName: true, size: true, mediaType: true } },
        },
      },
      assessments: { orderBy: { number: "desc" }, select: assessmentSelect },
    },
  });
  if (!submission) return null;
  const found = findAssignment(submission.assignmentSlug);
  if (!found) return null;
  const current = submission.assessments[0];
  const versions = submission.versions.map(({ body, ...v }, index) => {
    const previous = submission.versions[index + 1];
    const changes = previous ? diffWords(previous.body, body) : null;
    return {
      ...v,
      html: renderMarkdown(body),
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
      cohort: submission.cohort,
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
          ...parsed(current),
          gradedBy: current.gradedBy.name,
          secondReader: current.secondReader?.name ?? null,
        }
      : null,
    peerFeedback: await peerFeedbackForTrainer(submission.id),
    history: submission.assessments
      .filter((a) => a.status === "RELEASED")
      .map((a) => ({
        id: a.id,
        number: a.number,
        decision: parseDecision(a.decision),
        releasedAt: a.releasedAt,
        correctionReason: a.correctionReason,
      })),
  };
}

/**
 * What a write needs to know, read in its own transaction: whether this trainer may grade the submission (null if
 * not), its rubric, its latest version and its latest assessment. Never the grading screen's Markdown, diffs or
 * peer feedback.
 */
async function gradingTarget(tx: Tx, trainer: SessionUser, submissionId: string) {
  const submission = await tx.submission.findFirst({
    where: gradable(trainer, submissionId),
    select: {
      assignmentSlug: true,
      cohort: { select: { secondReaderForFail: true } },
      user: { select: { name: true, email: true } },
      versions: { orderBy: { number: "desc" }, take: 1, select: { id: true } },
      assessments: {
        orderBy: { number: "desc" },
        take: 1,
        select: {
          id: true,
          number: true,
          status: true,
          versionId: true,
          revision: true,
          levels: true,
          feedback: true,
          overall: true,
          decision: true,
          revisionNote: true,
          correctionReason: true,
          gradedById: true,
          secondReaderId: true,
        },
      },
    },
  });
  const found = submission && findAssignment(submission.assignmentSlug);
  const latestVersion = submission?.versions[0];
  if (!submission || !found || !latestVersion) return null;
  const current = submission.assessments[0];
  return {
    assignment: {
      slug: found.assignment.slug,
      title: found.assignment.frontmatter.title,
      rubric: found.assignment.frontmatter.rubric,
    },
    cohort: submission.cohort,
    participant: submission.user,
    latestVersion,
    current: current ? parsed(current) : null,
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
  return db.$transaction(async (tx) => {
    const target = await gradingTarget(tx, trainer, submissionId);
    if (!target) throw new RefusedError("Deze inzending bestaat niet.", 404);
    const check = checkAssessment(target.assignment.rubric, input, {
      final: false,
    });
    if (!check.ok) throw new RefusedError(NOT_SAVED, 400, check.errors);
    const latestVersion = target.latestVersion;
    const data = {
      versionId: latestVersion.id,
      levels: input.levels,
      feedback: input.feedback,
      overall: input.overall,
      decision: storedDecision(input.decision),
      revisionNote: input.revisionNote,
      gradedById: trainer.id,
    };
    const current = target.current;
    if (current && current.status === "DRAFT" && current.versionId === latestVersion.id) {
      const unchanged =
        sameRecord(current.levels, input.levels) &&
        sameRecord(current.feedback, input.feedback) &&
        current.overall === input.overall &&
        current.decision === input.decision &&
        current.revisionNote === input.revisionNote;
      // Saving the same assessment again (as "Opslaan en vrijgeven" does) changes nothing, not even who graded it.
      if (unchanged) return { revision: current.revision };
      const { count } = await tx.assessment.updateMany({
        where: { id: current.id, revision: baseRevision },
        data: {
          ...data,
          revision: baseRevision + 1,
          secondReaderId: null,
          secondReadAt: null,
        },
      });
      if (count === 0)
        throw new RefusedError(
          "Iemand anders heeft deze beoordeling net opgeslagen. Laad de pagina opnieuw; je eigen invoer staat hieronder nog.",
          409,
        );
      return { revision: baseRevision + 1 };
    }
    const isCorrection = current?.status === "RELEASED" && current.versionId === latestVersion.id;
    if (isCorrection && !input.correctionReason?.trim()) {
      throw new RefusedError(NOT_SAVED, 400, {
        correctionReason: "Schrijf kort waarom je de vrijgegeven beoordeling corrigeert.",
      });
    }
    if (baseRevision !== (current?.status === "DRAFT" ? current.revision : 0)) {
      throw new RefusedError(
        "Iemand anders heeft deze beoordeling net opgeslagen. Laad de pagina opnieuw; je eigen invoer staat hieronder nog.",
        409,
      );
    }
    try {
      await tx.assessment.create({
        data: {
          ...data,
          submissionId,
          number: (current?.number ?? 0) + 1,
          revision: 1,
          correctionReason: isCorrection ? input.correctionReason!.trim() : null,
        },
      });
    } catch {
      throw new RefusedError(
        "Iemand anders heeft deze beoordeling net opgeslagen. Laad de pagina opnieuw; je eigen invoer staat hieronder nog.",
        409,
      );
    }
    return { revision: 1 };
  });
}

/** The same entries, whatever their order (jsonb does not keep the order they were written in). */
function sameRecord(a: Record<string, unknown>, b: Record<string, unknown>) {
  const keys = Object.keys(a);
  return keys.length === Object.keys(b).length && keys.every((key) => Object.is(a[key], b[key]));
}

const STATUS_FOR: Record<Decision, "PASSED" | "FAILED" | "RETURNED"> = {
  voldaan: "PASSED",
  "niet-voldaan": "FAILED",
  herziening: "RETURNED",
};

/** Releases the draft assessment: the participant sees it and gets an e-mail. */
export async function releaseAssessment(trainer: SessionUser, submissionId: string) {
  await db.$transaction(async (tx) => {
    const target = await gradingTarget(tx, trainer, submissionId);
    if (!target) throw new RefusedError("Deze inzending bestaat niet.", 404);
    const draft = target.current;
    if (!draft || draft.status !== "DRAFT")
      throw new RefusedError("Er is geen beoordeling om vrij te geven. Sla eerst een beoordeling op.");
    const check = checkAssessment(
      target.assignment.rubric,
      {
        levels: draft.levels,
        decision: draft.decision,
        revisionNote: draft.revisionNote,
      },
      { final: true },
    );
    if (!check.ok) throw new RefusedError("Nog niet vrijgegeven: de beoordeling is niet compleet.", 400, check.errors);
    const decision = draft.decision!;
    if (needsSecondReader(target.cohort, draft)) {
      throw new SecondReaderNeeded();
    }
    const { count } = await tx.assessment.updateMany({
      where: { id: draft.id, status: "DRAFT" },
      data: { status: "RELEASED", releasedAt: new Date() },
    });
    if (count === 0) throw new RefusedError("Deze beoordeling is al vrijgegeven.", 409);
    await tx.submission.update({
      where: { id: submissionId },
      data: { status: STATUS_FOR[decision] },
    });
    await queueReleaseScore(tx, submissionId);
    const correction = Boolean(draft.correctionReason);
    await audit(tx, {
      action: correction ? "grade.correction" : "grade.release",
      actor: trainer,
      subjectId: submissionId,
      summary:
        `${target.assignment.title} van ${target.participant.name}: ${DECISION_LABELS[decision].toLowerCase()}` +
        (correction ? ` (correctie: ${draft.correctionReason})` : "") +
        ".",
    });
    await queueMail(tx, {
      to: target.participant.email,
      subject: `Beoordeling: ${target.assignment.title}`,
      text:
        `${greeting(target.participant.name)}\n\n` +
        `Je trainer heeft ‘${target.assignment.title}’ beoordeeld: ${DECISION_LABELS[decision].toLowerCase()}.\n` +
        `${decision === "herziening" ? `\nWat er moet veranderen:\n${draft.revisionNote}\n` : ""}\n` +
        `Lees de feedback per criterium: ${appUrl()}/opdrachten/${target.assignment.slug}\n\nGroet,\nGilde — leergang Creative Communities`,
    });
  });
}

function needsSecondReader(
  cohort: { secondReaderForFail: boolean },
  draft: { decision: Decision | null; secondReaderId: string | null },
) {
  return cohort.secondReaderForFail && draft.decision === "niet-voldaan" && !draft.secondReaderId;
}

/**
 * A second trainer agrees with a "niet voldaan" draft as it stands (`revision`), so it can be released. The
 * trainer who wrote it cannot be their own second reader; any change to the draft afterwards asks for a new reading.
 */
export async function secondRead(trainer: SessionUser, submissionId: string, revision: number) {
  await db.$transaction(async (tx) => {
    const target = await gradingTarget(tx, trainer, submissionId);
    if (!target) throw new RefusedError("Deze inzending bestaat niet.", 404);
    const draft = target.current;
    if (!draft || draft.status !== "DRAFT" || draft.decision !== "niet-voldaan") {
      throw new RefusedError("Er is geen concept ‘niet voldaan’ om mee te lezen.");
    }
    if (draft.gradedById === trainer.id)
      throw new RefusedError(
        "Een andere trainer dan jij moet meelezen: je kunt je eigen beoordeling niet als tweede lezer goedkeuren.",
      );
    const { count } = await tx.assessment.updateMany({
      where: { id: draft.id, status: "DRAFT", revision },
      data: { secondReaderId: trainer.id, secondReadAt: new Date() },
    });
    if (count === 0)
      throw new RefusedError(
        "De beoordeling is veranderd sinds je de pagina opende. Lees de nieuwe versie en geef dan akkoord.",
        409,
      );
  });
}

/** The released assessments of a participant's own submission, newest first (never a draft). */
export async function releasedAssessmentsFor(
  userId: string,
  cohortId: string,
  assignmentSlug: string,
  /** A gilde assignment: the gilde's one submission, whoever of its members handed it in. */
  gildeId?: string,
) {
  const rows = await db.assessment.findMany({
    where: {
      status: "RELEASED",
      submission: gildeId ? { gildeId, cohortId, assignmentSlug } : { userId, cohortId, assignmentSlug },
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
    ...parsed(row),
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
      gradedBy: { select: { name: true } },
      submission: {
        select: {
          assignmentSlug: true,
          user: { select: { name: true, email: true } },
        },
      },
    },
  });
  return rows.map((row) => {
    const decision = parseDecision(row.decision);
    const assignment = findAssignment(row.submission.assignmentSlug)?.assignment.frontmatter;
    return {
      participant: row.submission.user.name,
      email: row.submission.user.email,
      assignment: assignment?.title ?? row.submission.assignmentSlug,
      number: row.number,
      decision: decision ? DECISION_LABELS[decision] : "",
      // "Tijdlijn en bronnen: Voldoende (2)": the criterion and the level as the trainer chose them.
      levels: Object.entries(parseAssessmentLevels(row.levels))
        .map(([id, score]) => {
          const criterion = assignment?.rubric.find((c) => c.id === id);
          const level = criterion?.levels.find((l) => l.score === score);
          return `${criterion?.title ?? id}: ${level ? `${level.label} (${score})` : score}`;
        })
        .join("; "),
      releasedAt: row.releasedAt,
      grader: row.gradedBy.name,
      correction: row.correctionReason ?? "",
    };
  });
}

/** Releases every complete draft assessment of one assignment in this trainer's cohorts; names the rest. */
export async function releaseAll(trainer: SessionUser, assignmentSlug: string) {
  const cohortIds = await trainerCohortIds(trainer);
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
      if (!(error instanceof RefusedError)) throw error;
      (error instanceof SecondReaderNeeded ? awaitingSecondReader : incomplete).push(draft.submission.user.name);
    }
  }
  return { released, incomplete, awaitingSecondReader };
}
