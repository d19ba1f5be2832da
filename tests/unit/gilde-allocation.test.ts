// The gilde allocation's invariants (issue 23), over random cohorts with fast-check: a gilde never reviews its own
// work (nor does anyone who wrote part of it), every work gets its k reviewers where enough others can, the work of
// one gilde goes to one other gilde where that gilde has enough members, and the load is balanced across gildes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { NewReview } from "~/peer-review/allocate";
import { allocateGildeReviews, type GildeAllocationInput } from "~/peer-review/allocate-gilde";

const inputArb = fc
  .record({
    k: fc.integer({ min: 1, max: 3 }),
    seed: fc.string({ maxLength: 6 }),
    sizes: fc.array(fc.integer({ min: 1, max: 6 }), { minLength: 1, maxLength: 7 }),
    handedIn: fc.array(fc.boolean(), { minLength: 7, maxLength: 7 }),
    minutes: fc.array(fc.integer({ min: 0, max: 1000 }), { minLength: 7, maxLength: 7 }),
    /** Someone who moved from gilde 0 to gilde 1 after writing a part of gilde 0's work. */
    moved: fc.boolean(),
  })
  .map(({ k, seed, sizes, handedIn, minutes, moved }): GildeAllocationInput => {
    const members = sizes.map((size, g) => Array.from({ length: size }, (_, i) => `u-${g}-${i}`));
    const done = sizes.map((_, g) => handedIn[g]!);
    const works = sizes.flatMap((_, g) =>
      done[g]
        ? [
            {
              gildeId: `g-${g}`,
              submissionId: `s-${g}`,
              handedInAt: new Date(Date.UTC(2027, 2, 1) + minutes[g]! * 60_000),
              authors: [...members[g]!, ...(moved && g === 0 && sizes.length > 1 ? ["u-1-0"] : [])],
            },
          ]
        : [],
    );
    const reviewers = sizes.flatMap((_, g) =>
      done[g] ? members[g]!.map((userId) => ({ userId, gildeId: `g-${g}` })) : [],
    );
    return { k, seed, works, reviewers, existing: [] };
  });

const gildeOf = (userId: string) => `g-${userId.split("-")[1]}`;

function eligible(input: GildeAllocationInput, work: GildeAllocationInput["works"][number]) {
  return input.reviewers.filter((r) => r.gildeId !== work.gildeId && !work.authors.includes(r.userId));
}

describe("allocating reviews of gilde work", () => {
  it("never gives a gilde its own work, nor a former member work they wrote", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateGildeReviews(input);
        for (const review of result) {
          const work = input.works.find((w) => w.submissionId === review.submissionId)!;
          expect(gildeOf(review.reviewerId)).not.toBe(work.gildeId);
          expect(work.authors).not.toContain(review.reviewerId);
        }
        expect(new Set(result.map((r) => `${r.submissionId}|${r.reviewerId}`)).size).toBe(result.length);
      }),
    );
  });

  it("gives every work k reviewers, or everyone who may review it when there are fewer", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateGildeReviews(input);
        for (const work of input.works) {
          const got = result.filter((r) => r.submissionId === work.submissionId).length;
          expect(got).toBe(Math.min(input.k, eligible(input, work).length));
        }
      }),
    );
  });

  it("has one other gilde review a work when that gilde has enough members", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const result = allocateGildeReviews(input);
        const size = (gildeId: string) => input.reviewers.filter((r) => r.gildeId === gildeId).length;
        for (const work of input.works) {
          const gildes = new Set(
            result.filter((r) => r.submissionId === work.submissionId).map((r) => gildeOf(r.reviewerId)),
          );
          const first = [...gildes][0];
          if (first && size(first) >= input.k && !work.authors.some((a) => gildeOf(a) === first))
            expect(gildes.size).toBe(1);
        }
      }),
    );
  });

  it("spreads the reviewing evenly over gildes of equal size", () => {
    const sameSizes = fc
      .record({ k: fc.integer({ min: 1, max: 3 }), gildes: fc.integer({ min: 2, max: 8 }), seed: fc.string() })
      .map(({ k, gildes, seed }): GildeAllocationInput => {
        const size = k + 1;
        const reviewers = Array.from({ length: gildes }, (_, g) =>
          Array.from({ length: size }, (_, i) => ({ userId: `u-${g}-${i}`, gildeId: `g-${g}` })),
        ).flat();
        const works = Array.from({ length: gildes }, (_, g) => ({
          gildeId: `g-${g}`,
          submissionId: `s-${g}`,
          handedInAt: new Date(Date.UTC(2027, 2, 1) + g * 60_000),
          authors: reviewers.filter((r) => r.gildeId === `g-${g}`).map((r) => r.userId),
        }));
        return { k, seed, works, reviewers, existing: [] };
      });
    fc.assert(
      fc.property(sameSizes, (input) => {
        const result = allocateGildeReviews(input);
        const perGilde = new Map<string, number>();
        const perMember = new Map<string, number>();
        for (const r of result) {
          perGilde.set(gildeOf(r.reviewerId), (perGilde.get(gildeOf(r.reviewerId)) ?? 0) + 1);
          perMember.set(r.reviewerId, (perMember.get(r.reviewerId) ?? 0) + 1);
        }
        // Every gilde reviews exactly one other gilde's work: k reviews each, at most one per member.
        expect([...perGilde.values()].every((n) => n === input.k)).toBe(true);
        expect(perGilde.size).toBe(input.works.length);
        expect(Math.max(...perMember.values())).toBe(1);
      }),
    );
  });

  it("only adds: an existing review counts, and a cancelled pair is never used again", () => {
    const reviewers = ["a", "b", "c", "d"].flatMap((g) =>
      [0, 1, 2].map((i) => ({ userId: `u-${g}-${i}`, gildeId: `g-${g}` })),
    );
    const works = ["a", "b"].map((g) => ({
      gildeId: `g-${g}`,
      submissionId: `s-${g}`,
      handedInAt: null,
      authors: reviewers.filter((r) => r.gildeId === `g-${g}`).map((r) => r.userId),
    }));
    const existing = [
      { submissionId: "s-a", reviewerId: "u-c-0", active: true },
      { submissionId: "s-a", reviewerId: "u-c-1", active: false },
    ];
    const result: NewReview[] = allocateGildeReviews({ k: 2, seed: "x", works, reviewers, existing });
    const forA = result.filter((r) => r.submissionId === "s-a");
    expect(forA).toHaveLength(1);
    // The same gilde goes on reviewing it, with a member not used before.
    expect(forA[0]!.reviewerId).toBe("u-c-2");
    expect(result.filter((r) => r.submissionId === "s-b")).toHaveLength(2);
  });
});
