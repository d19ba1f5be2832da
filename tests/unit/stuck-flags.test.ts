// The flags of "Wie loopt vast?", their weight, and the message a trainer starts from.
import { describe, expect, it } from "vitest";
import { greeted, nudgeDraft } from "~/grading/nudge";
import { riskOf, stuckFlags, type StuckFacts } from "~/grading/stuck-flags";

const calm: StuckFacts = {
  lateAssignments: [],
  openRevisions: [],
  reviewsOverdue: 0,
  daysInactive: 2,
  modulesBehind: [],
};

describe("stuck flags", () => {
  it("raises nothing for someone who is keeping up", () => {
    expect(stuckFlags(calm)).toEqual([]);
    expect(riskOf(calm)).toBe(0);
  });

  it("counts inactivity from 14 days, not before", () => {
    expect(stuckFlags({ ...calm, daysInactive: 13 })).toEqual([]);
    expect(stuckFlags({ ...calm, daysInactive: 14 }).map((f) => f.label)).toEqual(["14 dagen stil"]);
    expect(stuckFlags({ ...calm, daysInactive: null })).toEqual([]);
  });

  it("puts the weightier flags first and weighs late work per assignment", () => {
    const facts: StuckFacts = {
      lateAssignments: ["Verken je buurt", "Twee tips"],
      openRevisions: [],
      reviewsOverdue: 1,
      daysInactive: 20,
      modulesBehind: [{ order: 2, percent: 10 }],
    };
    expect(stuckFlags(facts).map((f) => f.kind)).toEqual(["late", "reviews", "inactive", "reading"]);
    expect(stuckFlags(facts)[0]?.detail).toContain("Verken je buurt, Twee tips");
    expect(riskOf(facts)).toBeGreaterThan(riskOf({ ...facts, lateAssignments: ["Verken je buurt"] }));
    // Two missed deadlines weigh more than a quiet month and slow reading together.
    expect(riskOf({ ...calm, lateAssignments: ["a", "b"] })).toBeGreaterThan(
      riskOf({ ...calm, daysInactive: 30, modulesBehind: [{ order: 1, percent: 0 }] }),
    );
  });
});

describe("the message", () => {
  it("greets by first name and names the weightiest flag warmly", () => {
    const [late] = stuckFlags({ ...calm, lateAssignments: ["Verken je buurt"] });
    const draft = nudgeDraft("Lotte van der Smit", "Tom Trainer", late ? [late] : []);
    expect(draft.startsWith("Hoi Lotte,\n\nik zag dat de deadline van een opdracht voorbij is")).toBe(true);
    expect(draft.endsWith("Groet,\nTom")).toBe(true);
    expect(nudgeDraft("Lotte Smit", "Tom Trainer", [])).toContain("ik wilde even horen hoe het met je gaat");
  });

  it("keeps the trainer's own greeting, and adds one when it was taken out", () => {
    expect(greeted("Beste Lotte, hoe gaat het?", "Lotte Smit")).toBe("Beste Lotte, hoe gaat het?");
    expect(greeted("  Zullen we even bellen?", "Lotte Smit")).toBe("Hoi Lotte,\n\nZullen we even bellen?");
  });
});
