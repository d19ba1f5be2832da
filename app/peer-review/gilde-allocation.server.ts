// The inputs of the gilde allocation (allocate-gilde.ts), read inside allocateFor's transaction and lock.
import type { Prisma } from "@prisma/client";
import { allocateGildeReviews } from "./allocate-gilde";

export async function gildeAllocation(
  tx: Prisma.TransactionClient,
  {
    cohortId,
    assignmentSlug,
    k,
    active,
    excused,
    lapsed,
  }: {
    cohortId: string;
    assignmentSlug: string;
    k: number;
    active: Set<string>;
    excused: Set<string>;
    lapsed: Set<string>;
  },
) {
  const [submissions, members, contributions, existing] = await Promise.all([
    tx.submission.findMany({
      where: { cohortId, assignmentSlug, gildeId: { not: null } },
      select: {
        id: true,
        userId: true,
        gildeId: true,
        versions: { orderBy: { number: "asc" }, take: 1, select: { handedInAt: true } },
      },
    }),
    tx.gildeMember.findMany({ where: { cohortId }, select: { userId: true, gildeId: true } }),
    tx.gildeContribution.findMany({
      where: { assignmentSlug, gilde: { cohortId } },
      select: { userId: true, gildeId: true },
    }),
    tx.peerReview.findMany({
      where: { cohortId, assignmentSlug },
      select: { submissionId: true, reviewerId: true, status: true },
    }),
  ]);
  const handedIn = new Set(submissions.map((s) => s.gildeId));
  return allocateGildeReviews({
    k,
    seed: `${cohortId}|${assignmentSlug}`,
    works: submissions.map((s) => ({
      gildeId: s.gildeId!,
      submissionId: s.id,
      handedInAt: s.versions[0]?.handedInAt ?? null,
      authors: [
        s.userId,
        ...members.filter((m) => m.gildeId === s.gildeId).map((m) => m.userId),
        ...contributions.filter((c) => c.gildeId === s.gildeId).map((c) => c.userId),
      ],
    })),
    reviewers: members.filter(
      (m) => handedIn.has(m.gildeId) && active.has(m.userId) && !excused.has(m.userId) && !lapsed.has(m.userId),
    ),
    existing: existing.map((e) => ({
      submissionId: e.submissionId,
      reviewerId: e.reviewerId,
      active: e.status !== "CANCELLED",
    })),
  });
}
