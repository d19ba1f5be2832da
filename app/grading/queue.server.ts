// The trainer's lists of work: the grading queue (handed-in work waiting, oldest first), the next waiting
// submission after one (for "Opslaan en volgende"), and the list of graded work with its filters. Only the
// trainer's own cohorts (an admin: all).
import { Prisma } from "@prisma/client";
import type { SessionUser } from "~/auth/guards.server";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { parseDecision, storedDecision } from "./assessment-columns";
import type { QueueFilter } from "./queue-filter";
import { DECISION_LABELS, type Decision } from "./rubric";

const QUEUE_PAGE_SIZE = 50;

/** The cohorts a trainer grades in, or null for an admin (every cohort). */
export async function trainerCohortIds(trainer: SessionUser): Promise<string[] | null> {
  if (trainer.role === "ADMIN") return null;
  // Asked on every trainer page: raw, as each of Prisma's compiled queries costs several times more CPU.
  const rows = await db.$queryRaw<{ cohortId: string }[]>`
    SELECT "cohortId" FROM "CohortStaff" WHERE "userId" = ${trainer.id}`;
  return rows.map((r) => r.cohortId);
}

function cohortScopeOf(cohortIds: string[] | null, cohortId: string | undefined) {
  if (cohortIds) return cohortId ? cohortIds.filter((id) => id === cohortId) : cohortIds;
  return cohortId ? [cohortId] : null;
}

/** The WHERE clause of the queue: waiting work in scope, with the filters as EXISTS clauses the indexes serve. */
function queueConditions(cohortScope: string[] | null, filter: QueueFilter) {
  return Prisma.join(
    [
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
    ],
    " AND ",
  );
}

function assignmentTitle(slug: string) {
  return findAssignment(slug)?.assignment.frontmatter.title ?? slug;
}

type CohortChoice = { id: string; name: string; lms: boolean; gildes: { id: string; name: string }[] };

/**
 * The trainer's cohorts with their gildes, newest first (the filters' choices), and whether a cohort is linked to
 * a learning environment. One raw query: through Prisma this was three (cohorts, their gildes, the LTI links).
 */
async function cohortChoices(cohortIds: string[] | null): Promise<CohortChoice[]> {
  if (cohortIds && !cohortIds.length) return [];
  const rows = await db.$queryRaw<
    { id: string; name: string; lms: boolean; gildeId: string | null; gildeName: string | null }[]
  >`
    SELECT c.id, c.name, EXISTS (SELECT 1 FROM "LtiPlatform" l WHERE l."cohortId" = c.id) AS lms,
           g.id AS "gildeId", g.name AS "gildeName"
    FROM "Cohort" c LEFT JOIN "Gilde" g ON g."cohortId" = c.id
    ${cohortIds ? Prisma.sql`WHERE c.id IN (${Prisma.join(cohortIds)})` : Prisma.empty}
    ORDER BY c."startsOn" DESC, c.id, g.name ASC, g.id`;
  const cohorts = new Map<string, CohortChoice>();
  for (const row of rows) {
    let cohort = cohorts.get(row.id);
    if (!cohort) cohorts.set(row.id, (cohort = { id: row.id, name: row.name, lms: row.lms, gildes: [] }));
    if (row.gildeId) cohort.gildes.push({ id: row.gildeId, name: row.gildeName ?? "" });
  }
  return [...cohorts.values()];
}

/** Handed-in work waiting for this trainer, oldest first (ties by id, so "next" is always the same one). */
export async function gradingQueue(trainer: SessionUser, filter: QueueFilter, perPage = QUEUE_PAGE_SIZE) {
  const cohortIds = await trainerCohortIds(trainer);
  // One query for the page and one for the count (the hot path of the queue; see the bench): the indexes
  // Submission(cohortId, status, updatedAt) and SubmissionVersion(submissionId, number) serve them.
  const where = queueConditions(cohortScopeOf(cohortIds, filter.cohortId), filter);
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
      SELECT s.id, s."assignmentSlug", s."updatedAt", COALESCE('gilde ' || gi.name, u.name) AS participant, v.number, v."handedInAt", v.late,
             EXISTS (SELECT 1 FROM "Assessment" a WHERE a."submissionId" = s.id AND a.status = 'DRAFT') AS drafted
      FROM (SELECT s.id, s."userId", s."gildeId", s."assignmentSlug", s."updatedAt" FROM "Submission" s WHERE ${where}
            ORDER BY s."updatedAt" ASC, s.id ASC LIMIT ${perPage} OFFSET ${(page - 1) * perPage}) s
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "Gilde" gi ON gi.id = s."gildeId"
      LEFT JOIN LATERAL (SELECT number, "handedInAt", late FROM "SubmissionVersion" WHERE "submissionId" = s.id ORDER BY number DESC LIMIT 1) v ON TRUE
      ORDER BY s."updatedAt" ASC, s.id ASC`,
    db.$queryRaw<{ total: number }[]>`SELECT count(*)::int AS total FROM "Submission" s WHERE ${where}`,
    cohortChoices(cohortIds),
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
      assignment: assignmentTitle(row.assignmentSlug),
      version: row.number ?? 1,
      handedInAt: row.handedInAt ?? row.updatedAt,
      late: row.late ?? false,
      drafted: row.drafted,
    })),
  };
}

/**
 * The waiting submission that comes after `submissionId` in this trainer's queue with the same filters, and the
 * queue page it is on; null after the last one. The submission itself may have left the queue meanwhile (it was
 * released): its place in the order is still where the next one is counted from.
 */
export async function nextInQueue(
  trainer: SessionUser,
  submissionId: string,
  filter: QueueFilter,
  perPage = QUEUE_PAGE_SIZE,
) {
  const current = await db.submission.findUnique({ where: { id: submissionId }, select: { updatedAt: true } });
  if (!current) return null;
  const cohortIds = await trainerCohortIds(trainer);
  const where = queueConditions(cohortScopeOf(cohortIds, filter.cohortId), filter);
  const after = Prisma.sql`(s."updatedAt", s.id) > (${current.updatedAt}, ${submissionId})`;
  const [next] = await db.$queryRaw<{ id: string }[]>`
    SELECT s.id FROM "Submission" s WHERE ${where} AND ${after} ORDER BY s."updatedAt" ASC, s.id ASC LIMIT 1`;
  if (!next) return null;
  const [before] = await db.$queryRaw<{ total: number }[]>`
    SELECT count(*)::int AS total FROM "Submission" s
    WHERE ${where} AND (s."updatedAt", s.id) < (SELECT "updatedAt", id FROM "Submission" WHERE id = ${next.id})`;
  return { id: next.id, page: Math.floor((before?.total ?? 0) / perPage) + 1 };
}

export type GradedFilter = {
  cohortId?: string;
  assignmentSlug?: string;
  decision?: Decision;
  graderId?: string;
  released?: boolean;
  page?: number;
};

/**
 * Graded work: every submission of the trainer's cohorts with an assessment, as its latest assessment stands
 * (a draft or released), newest first, with filters.
 */
export async function gradedWork(trainer: SessionUser, filter: GradedFilter, perPage = QUEUE_PAGE_SIZE) {
  const cohortIds = await trainerCohortIds(trainer);
  const scope = cohortScopeOf(cohortIds, filter.cohortId);
  const decision = filter.decision ? storedDecision(filter.decision) : null;
  const where = Prisma.join(
    [
      Prisma.sql`NOT EXISTS (SELECT 1 FROM "Assessment" b WHERE b."submissionId" = a."submissionId" AND b.number > a.number)`,
      ...(scope ? [scope.length ? Prisma.sql`s."cohortId" IN (${Prisma.join(scope)})` : Prisma.sql`FALSE`] : []),
      ...(filter.assignmentSlug ? [Prisma.sql`s."assignmentSlug" = ${filter.assignmentSlug}`] : []),
      ...(decision ? [Prisma.sql`a.decision = ${decision}::"Decision"`] : []),
      ...(filter.graderId ? [Prisma.sql`a."gradedById" = ${filter.graderId}`] : []),
      ...(filter.released !== undefined
        ? [filter.released ? Prisma.sql`a.status = 'RELEASED'` : Prisma.sql`a.status = 'DRAFT'`]
        : []),
    ],
    " AND ",
  );
  const page = Math.max(1, filter.page ?? 1);
  type Row = {
    submissionId: string;
    assignmentSlug: string;
    participant: string;
    cohort: string;
    grader: string;
    decision: "PASSED" | "FAILED" | "REVISION" | null;
    status: "DRAFT" | "RELEASED";
    number: number;
    releasedAt: Date | null;
    updatedAt: Date;
  };
  const [rows, [counted], cohorts, graders] = await Promise.all([
    db.$queryRaw<Row[]>`
      SELECT a."submissionId", s."assignmentSlug", COALESCE('gilde ' || gi.name, u.name) AS participant, c.name AS cohort, g.name AS grader,
             a.decision::text AS decision, a.status::text AS status, a.number, a."releasedAt", a."updatedAt"
      FROM "Assessment" a
      JOIN "Submission" s ON s.id = a."submissionId"
      JOIN "User" u ON u.id = s."userId"
      LEFT JOIN "Gilde" gi ON gi.id = s."gildeId"
      JOIN "Cohort" c ON c.id = s."cohortId"
      JOIN "User" g ON g.id = a."gradedById"
      WHERE ${where}
      ORDER BY COALESCE(a."releasedAt", a."updatedAt") DESC, a.id DESC
      LIMIT ${perPage} OFFSET ${(page - 1) * perPage}`,
    db.$queryRaw<{ total: number }[]>`
      SELECT count(*)::int AS total FROM "Assessment" a JOIN "Submission" s ON s.id = a."submissionId" WHERE ${where}`,
    cohortChoices(cohortIds),
    db.user.findMany({
      where: {
        role: { in: ["TRAINER", "ADMIN"] },
        ...(cohortIds ? { staffOf: { some: { cohortId: { in: cohortIds } } } } : {}),
      },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
  ]);
  const total = counted?.total ?? 0;
  return {
    total,
    page,
    pages: Math.max(1, Math.ceil(total / perPage)),
    cohorts: cohorts.map((c) => ({ id: c.id, name: c.name })),
    graders,
    rows: rows.map((row) => {
      const decided = parseDecision(row.decision);
      return {
        id: row.submissionId,
        participant: row.participant,
        cohort: row.cohort,
        assignment: assignmentTitle(row.assignmentSlug),
        grader: row.grader,
        decision: decided ? DECISION_LABELS[decided] : null,
        released: row.status === "RELEASED",
        correction: row.number > 1,
        at: row.releasedAt ?? row.updatedAt,
      };
    }),
  };
}
