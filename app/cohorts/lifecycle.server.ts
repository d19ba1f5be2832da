// Moving a cohort through its life (issue 19), audited, and the one rule for what the public may see.
import type { Prisma } from "@prisma/client";
import { audit } from "~/audit/audit.server";
import type { AuditAction } from "~/audit/actions";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { COHORT_STATUS_LABELS } from "~/format";
import { NEXT_STATUSES, PUBLIC_STATUSES, publishGaps, transitionRefusal, type CohortStatus } from "./lifecycle";

/**
 * The `where` for every public list or page of cohorts (catalogue, cohort page, intake): never a concept.
 * Use it as `{ ...publicCohortWhere, …}`; for one loaded cohort, `isPublic(cohort)` from ./lifecycle says the same.
 */
export const publicCohortWhere = { status: { in: PUBLIC_STATUSES } } satisfies Prisma.CohortWhereInput;

const AUDIT_OF: Partial<Record<CohortStatus, AuditAction>> = {
  INTAKE_CLOSED: "cohort.close-intake",
  RUNNING: "cohort.start",
  FINISHED: "cohort.finish",
};

const publishSelect = {
  name: true,
  status: true,
  location: true,
  rhythm: true,
  startsOn: true,
  endsOn: true,
  priceCents: true,
  _count: { select: { staff: true } },
} satisfies Prisma.CohortSelect;

/** Where the cohort stands, the steps it may take next and what publishing still needs (for the admin's page). */
export async function cohortLifecycle(cohortId: string, now = new Date()) {
  const cohort = await db.cohort.findUnique({ where: { id: cohortId }, select: publishSelect });
  if (!cohort) throw new Response("Niet gevonden", { status: 404 });
  const gaps = publishGaps({ ...cohort, trainers: cohort._count.staff }, now);
  return { status: cohort.status, next: NEXT_STATUSES[cohort.status], gaps };
}

/** The admin moves the cohort one step; publishing (and reopening) refuses with the list of what is missing. */
export async function changeCohortStatus(
  admin: { id: string; email: string },
  cohortId: string,
  to: CohortStatus,
  now = new Date(),
) {
  await db.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT id FROM "Cohort" WHERE id = ${cohortId} FOR UPDATE`;
    const cohort = await tx.cohort.findUnique({ where: { id: cohortId }, select: publishSelect });
    if (!cohort) throw new RefusedError("Deze groep bestaat niet.", 404);
    const refusal = transitionRefusal(cohort.status, to);
    if (refusal) throw new RefusedError(refusal, 409);
    if (to === "PUBLISHED") {
      const gaps = publishGaps({ ...cohort, trainers: cohort._count.staff }, now);
      if (gaps.length) throw new RefusedError(`Nog niet gepubliceerd. Dit ontbreekt nog: ${gaps.join("; ")}.`, 409);
    }
    await tx.cohort.update({ where: { id: cohortId }, data: { status: to } });
    const action =
      to === "PUBLISHED" ? (cohort.status === "CONCEPT" ? "cohort.publish" : "cohort.reopen-intake") : AUDIT_OF[to];
    if (action)
      await audit(
        tx,
        {
          action,
          actor: admin,
          subjectId: cohortId,
          summary: `${cohort.name}: van ${COHORT_STATUS_LABELS[cohort.status]} naar ${COHORT_STATUS_LABELS[to]}.`,
        },
        now,
      );
  });
}
