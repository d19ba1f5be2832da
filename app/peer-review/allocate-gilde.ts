// Who reviews a gilde's work (issue 23). Pure, like allocate.ts, and run at the same moments: it only adds review
// assignments. A gilde's one submission is reviewed by members of ANOTHER gilde: never by a member of the author
// gilde, nor by anyone who wrote a part of it (someone who changed gilde). The work of one gilde goes to one other
// gilde where it can (its reviewers are chosen there first), the least-loaded gilde first, and within a gilde the
// least-loaded member, so the reviewing is spread evenly over the gildes and their members.
import { hash, type NewReview } from "./allocate";

type GildeWork = {
  gildeId: string;
  submissionId: string;
  handedInAt: Date | null;
  /** Everyone whose work it is: the members now and whoever wrote a part of it. */
  authors: string[];
};

/** Someone who may be given a review of gilde work: active, in a gilde that handed in, not excused. */
type GildeReviewer = { userId: string; gildeId: string };

export type GildeAllocationInput = {
  k: number;
  seed: string;
  works: GildeWork[];
  reviewers: GildeReviewer[];
  existing: { submissionId: string; reviewerId: string; active: boolean }[];
};

export function allocateGildeReviews({ k, seed, works, reviewers, existing }: GildeAllocationInput): NewReview[] {
  const gildeOf = new Map(reviewers.map((r) => [r.userId, r.gildeId]));
  const load = new Map<string, number>(reviewers.map((r) => [r.userId, 0]));
  const gildeLoad = new Map<string, number>(reviewers.map((r) => [r.gildeId, 0]));
  const received = new Map<string, number>();
  const paired = new Set<string>();
  /** Per submission, the gildes already reviewing it. */
  const reviewingGildes = new Map<string, Set<string>>();
  const note = (submissionId: string, reviewerId: string) => {
    const gilde = gildeOf.get(reviewerId);
    if (!gilde) return;
    load.set(reviewerId, load.get(reviewerId)! + 1);
    gildeLoad.set(gilde, gildeLoad.get(gilde)! + 1);
    if (!reviewingGildes.has(submissionId)) reviewingGildes.set(submissionId, new Set());
    reviewingGildes.get(submissionId)!.add(gilde);
  };
  for (const e of existing) {
    paired.add(`${e.submissionId}|${e.reviewerId}`);
    if (!e.active) continue;
    received.set(e.submissionId, (received.get(e.submissionId) ?? 0) + 1);
    note(e.submissionId, e.reviewerId);
  }
  const tie = (a: string, b: string) => hash(`${seed}|${a}|${b}`);
  const ordered = [...works].sort(
    (a, b) =>
      (a.handedInAt?.getTime() ?? 0) - (b.handedInAt?.getTime() ?? 0) ||
      hash(`${seed}|${a.submissionId}`) - hash(`${seed}|${b.submissionId}`),
  );
  // Among equally loaded gildes, those whose own work comes later go first (as in allocate.ts): the last work then
  // never finds only its own gilde without reviewing to do.
  const turn = new Map(ordered.map((w, index) => [w.gildeId, index]));
  const result: NewReview[] = [];
  for (const work of ordered) {
    const authors = new Set(work.authors);
    let need = k - (received.get(work.submissionId) ?? 0);
    while (need > 0) {
      const already = reviewingGildes.get(work.submissionId) ?? new Set<string>();
      let best: GildeReviewer | null = null;
      let bestKey: number[] = [];
      for (const r of reviewers) {
        if (r.gildeId === work.gildeId || authors.has(r.userId) || paired.has(`${work.submissionId}|${r.userId}`))
          continue;
        const key = [
          already.has(r.gildeId) ? 0 : 1,
          gildeLoad.get(r.gildeId)!,
          -(turn.get(r.gildeId) ?? -1),
          load.get(r.userId)!,
          tie(work.submissionId, r.userId),
        ];
        if (!best || lexicallyLess(key, bestKey)) {
          best = r;
          bestKey = key;
        }
      }
      if (!best) break;
      result.push({ submissionId: work.submissionId, reviewerId: best.userId, crossGilde: true });
      paired.add(`${work.submissionId}|${best.userId}`);
      note(work.submissionId, best.userId);
      need--;
    }
  }
  return result;
}

function lexicallyLess(a: number[], b: number[]) {
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return a[i]! < b[i]!;
  return false;
}
