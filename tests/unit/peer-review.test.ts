// The allocation's invariants (issue 6), checked over random cohorts with fast-check.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  allocateReviews,
  type AllocationInput,
  type AllocationParticipant,
  type NewReview,
} from "~/peer-review/allocate";

const participantArb = (gilde: number, index: number) =>
  fc
    .record({
      handedIn: fc.boolean(),
      minute: fc.integer({ min: 0, max: 10_000 }),
      excused: fc.integer({ min: 0, max: 9 }),
    })
    .map(({ handedIn, minute, excused }): AllocationParticipant => ({
      userId: `u-${gilde}-${index}`,
      gildeId: `g-${gilde}`,
      submissionId: handedIn ? `s-${gilde}-${index}` : null,
      handedInAt: handedIn ? new Date(Date.UTC(2027, 2, 1) + minute * 60_000) : null,
      canReview: handedIn && excused !== 0,
    }));

const cohortArb = fc
  .array(fc.integer({ min: 1, max: 8 }), { minLength: 1, maxLength: 6 })
  .chain((sizes) =>
    fc.tuple(...sizes.map((size, g) => fc.tuple(...Array.from({ length: size }, (_, i) => participantArb(g, i))))),
  )
  .map((gildes) => gildes.flat());

const inputArb = fc
  .record({ k: fc.integer({ min: 1, max: 4 }), seed: fc.string({ maxLength: 8 }), participants: cohortArb })
  .map((i): AllocationInput => ({ ...i, existing: [] }));

function loads(input: AllocationInput, result: NewReview[]) {
  const load = new Map(input.participants.filter((p) => p.canReview).map((p) => [p.userId, 0]));
  for (const r of [...input.existing.filter((e) => e.active), ...result])
    load.set(r.reviewerId, (load.get(r.reviewerId) ?? 0) + 1);
  return load;
}

function checkInvariants(input: AllocationInput, result: NewReview[]) {
  const byId = new Map(input.participants.map((p) => [p.userId, p]));
  const authorOf = new Map(input.participants.filter((p) => p.submissionId).map((p) => [p.submissionId!, p]));
  const pairs = new Set(input.existing.map((e) => `${e.submissionId}|${e.reviewerId}`));
  for (const r of result) {
    const author = authorOf.get(r.submissionId)!;
    expect(r.reviewerId, "nobody reviews their own work").not.toBe(author.userId);
    expect(pairs.has(`${r.submissionId}|${r.reviewerId}`), "nobody reviews the same submission twice").toBe(false);
    pairs.add(`${r.submissionId}|${r.reviewerId}`);
    expect(byId.get(r.reviewerId)!.canReview, "only eligible reviewers").toBe(true);
    if (r.crossGilde) {
      const gildemates = input.participants.filter(
        (p) => p.canReview && p.gildeId === author.gildeId && p.userId !== author.userId,
      );
      expect(
        gildemates.every(
          (p) =>
            pairs.has(`${r.submissionId}|${p.userId}`) ||
            result.some((x) => x.submissionId === r.submissionId && x.reviewerId === p.userId),
        ),
        "another gilde only when the own gilde has nobody left",
      ).toBe(true);
    }
  }
  for (const author of authorOf.values()) {
    const active = input.existing.filter((e) => e.active && e.submissionId === author.submissionId).length;
    const used = new Set(input.existing.filter((e) => e.submissionId === author.submissionId).map((e) => e.reviewerId));
    const eligible = input.participants.filter(
      (p) => p.canReview && p.userId !== author.userId && !used.has(p.userId),
    ).length;
    const given = result.filter((r) => r.submissionId === author.submissionId).length;
    expect(active + given, "every submission that can get k reviewers gets exactly k").toBe(
      active >= input.k ? active : Math.min(input.k, active + eligible),
    );
  }
}

describe("allocating peer reviews", () => {
  it("never self, never twice, exactly k where possible, own gilde first", () => {
    fc.assert(
      fc.property(inputArb, (input) => checkInvariants(input, allocateReviews(input))),
      { numRuns: 300 },
    );
  });

  it("balances the load: in gildes where everyone handed in, nobody has more than one review above the minimum", () => {
    const uniform = fc
      .record({
        k: fc.integer({ min: 1, max: 4 }),
        gildes: fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 8 }),
        seed: fc.string({ maxLength: 8 }),
      })
      .map(({ k, gildes, seed }): AllocationInput => ({
        k,
        seed,
        existing: [],
        participants: gildes.flatMap((extra, g) =>
          Array.from({ length: k + 1 + extra }, (_, i) => ({
            userId: `u-${g}-${i}`,
            gildeId: `g-${g}`,
            submissionId: `s-${g}-${i}`,
            handedInAt: new Date(Date.UTC(2027, 2, 1, 0, (i * 7 + g) % 60)),
            canReview: true,
          })),
        ),
      }));
    fc.assert(
      fc.property(uniform, (input) => {
        const result = allocateReviews(input);
        const values = [...loads(input, result).values()];
        expect(Math.max(...values) - Math.min(...values)).toBeLessThanOrEqual(1);
        expect(result.every((r) => !r.crossGilde)).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it("is deterministic for the same input and seed, whatever the order of the participants", () => {
    fc.assert(
      fc.property(inputArb, (input) => {
        const again = allocateReviews({ ...input, participants: [...input.participants].reverse() });
        const key = (r: NewReview) => `${r.submissionId}|${r.reviewerId}`;
        expect(allocateReviews(input).map(key).sort()).toEqual(again.map(key).sort());
      }),
      { numRuns: 200 },
    );
  });

  it("gives a late submitter k reviewers without taking an existing assignment away", () => {
    fc.assert(
      fc.property(inputArb, fc.nat(5), (input, gilde) => {
        const first = allocateReviews(input);
        const late: AllocationParticipant = {
          userId: "laat",
          gildeId: `g-${gilde}`,
          submissionId: "s-laat",
          handedInAt: new Date(Date.UTC(2027, 5, 1)),
          canReview: true,
        };
        const next: AllocationInput = {
          ...input,
          participants: [...input.participants, late],
          existing: first.map((r) => ({ ...r, active: true })),
        };
        const second = allocateReviews(next);
        checkInvariants(next, second);
        const firstPairs = new Set(first.map((r) => `${r.submissionId}|${r.reviewerId}`));
        expect(second.some((r) => firstPairs.has(`${r.submissionId}|${r.reviewerId}`))).toBe(false);
        const others = input.participants.filter((p) => p.canReview).length;
        expect(second.filter((r) => r.submissionId === "s-laat").length).toBe(Math.min(input.k, others));
      }),
      { numRuns: 200 },
    );
  });
});
