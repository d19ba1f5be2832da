// Who reviews whom (issue 6). A pure function, run every time someone hands in, withdraws or lets a review lapse:
// it only adds review assignments, never moves or removes one. Gilde members first; reviewers from another gilde
// of the cohort only when the own gilde has nobody left; always the least-loaded reviewer, ties broken by a
// seeded hash so the result is the same for the same input and seed.

export type AllocationParticipant = {
  userId: string;
  gildeId: string | null;
  /** Their submission of this assignment, when handed in (and they are still active). */
  submissionId: string | null;
  handedInAt: Date | null;
  /** May be given reviews: handed in, active, not excused. */
  canReview: boolean;
};

type ExistingReview = {
  submissionId: string;
  reviewerId: string;
  /** Open or given; a cancelled review (reallocated, excused) is not active but its pair is never used again. */
  active: boolean;
};

export type AllocationInput = {
  k: number;
  seed: string;
  participants: AllocationParticipant[];
  existing: ExistingReview[];
};

export type NewReview = { submissionId: string; reviewerId: string; crossGilde: boolean };

/** FNV-1a, 32 bits: a stable tie-breaker, not a secret. */
export function hash(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

export function allocateReviews({ k, seed, participants, existing }: AllocationInput): NewReview[] {
  const reviewers = participants.filter((p) => p.canReview);
  const byGilde = new Map<string, AllocationParticipant[]>();
  for (const r of reviewers) {
    if (r.gildeId === null) continue;
    if (!byGilde.has(r.gildeId)) byGilde.set(r.gildeId, []);
    byGilde.get(r.gildeId)!.push(r);
  }
  const load = new Map<string, number>(reviewers.map((r) => [r.userId, 0]));
  const received = new Map<string, number>();
  const paired = new Set<string>();
  for (const e of existing) {
    paired.add(`${e.submissionId}|${e.reviewerId}`);
    if (!e.active) continue;
    if (load.has(e.reviewerId)) load.set(e.reviewerId, load.get(e.reviewerId)! + 1);
    received.set(e.submissionId, (received.get(e.submissionId) ?? 0) + 1);
  }
  const tie = (submissionId: string, reviewerId: string) => hash(`${seed}|${submissionId}|${reviewerId}`);
  const authors = participants
    .filter((p): p is AllocationParticipant & { submissionId: string } => p.submissionId !== null)
    .sort(
      (a, b) =>
        (a.handedInAt?.getTime() ?? 0) - (b.handedInAt?.getTime() ?? 0) ||
        hash(`${seed}|${a.submissionId}`) - hash(`${seed}|${b.submissionId}`),
    );

  // Among equally loaded reviewers, those whose own submission comes later go first: when their own turn comes
  // (and they cannot review themselves) they already have their share, so nobody ends up two below the rest.
  const turn = new Map(authors.map((a, index) => [a.userId, index]));

  /** The least-loaded reviewer in `pool` who may review this submission, or null. */
  function pick(
    pool: AllocationParticipant[],
    author: AllocationParticipant & { submissionId: string },
    otherGildesOnly: boolean,
  ) {
    let best: AllocationParticipant | null = null;
    let bestKey: [load: number, turn: number, tie: number] = [Infinity, Infinity, Infinity];
    for (const r of pool) {
      if (r.userId === author.userId || paired.has(`${author.submissionId}|${r.userId}`)) continue;
      if (otherGildesOnly && author.gildeId !== null && r.gildeId === author.gildeId) continue;
      const key: typeof bestKey = [
        load.get(r.userId)!,
        -(turn.get(r.userId) ?? -1),
        tie(author.submissionId, r.userId),
      ];
      if (
        key[0] < bestKey[0] ||
        (key[0] === bestKey[0] && (key[1] < bestKey[1] || (key[1] === bestKey[1] && key[2] < bestKey[2])))
      ) {
        best = r;
        bestKey = key;
      }
    }
    return best;
  }

  const result: NewReview[] = [];
  for (const author of authors) {
    let need = k - (received.get(author.submissionId) ?? 0);
    while (need > 0) {
      const own = author.gildeId !== null ? pick(byGilde.get(author.gildeId) ?? [], author, false) : null;
      const reviewer = own ?? pick(reviewers, author, true);
      if (!reviewer) break;
      result.push({
        submissionId: author.submissionId,
        reviewerId: reviewer.userId,
        crossGilde: reviewer.gildeId !== author.gildeId || author.gildeId === null,
      });
      paired.add(`${author.submissionId}|${reviewer.userId}`);
      load.set(reviewer.userId, load.get(reviewer.userId)! + 1);
      need--;
    }
  }
  return result;
}
