// The cohort page's pure rules: the price with and without VAT in whole cents, instalments that add up, the
// cancellation terms in words, and the programme in weeks.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cohortWeeks, hoursPerWeek, programmeWeeks } from "~/cohorts/programme";
import { cancellationTerms } from "~/enrollment/cancellation";
import { instalmentAmounts, priceBreakdown } from "~/enrollment/price";

describe("price with and without VAT", () => {
  it("splits a price that includes VAT into the amount without it and the VAT, rounded to the cent", () => {
    expect(priceBreakdown(245000, true)).toEqual({ inclCents: 245000, exclCents: 202479, vatCents: 42521 });
    expect(priceBreakdown(12100, true)).toEqual({ inclCents: 12100, exclCents: 10000, vatCents: 2100 });
    // 1 cent incl.: 0.826 cent excl. rounds to 1, no VAT left.
    expect(priceBreakdown(1, true)).toEqual({ inclCents: 1, exclCents: 1, vatCents: 0 });
  });

  it("adds 21% to a price without VAT, rounded half up", () => {
    expect(priceBreakdown(200000, false)).toEqual({ inclCents: 242000, exclCents: 200000, vatCents: 42000 });
    // 21% of 50 cents is 10.5 cents.
    expect(priceBreakdown(50, false)).toEqual({ inclCents: 61, exclCents: 50, vatCents: 11 });
    expect(priceBreakdown(0, false)).toEqual({ inclCents: 0, exclCents: 0, vatCents: 0 });
  });

  it("always has incl. = excl. + VAT, and VAT within a cent of 21% of excl.", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.boolean(), (cents, includes) => {
        const p = priceBreakdown(cents, includes);
        expect(p.inclCents).toBe(p.exclCents + p.vatCents);
        expect(Math.abs(p.vatCents - p.exclCents * 0.21)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("instalments", () => {
  it("puts the cents that do not divide in the first instalments", () => {
    expect(instalmentAmounts(245000, 3)).toEqual([81667, 81667, 81666]);
    expect(instalmentAmounts(240000, 3)).toEqual([80000, 80000, 80000]);
    expect(instalmentAmounts(245000, 1)).toEqual([245000]);
    expect(instalmentAmounts(100, 0)).toEqual([100]);
  });

  it("always adds up to the total", () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10_000_000 }), fc.integer({ min: 1, max: 24 }), (total, n) => {
        const parts = instalmentAmounts(total, n);
        expect(parts).toHaveLength(n);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
        expect(Math.max(...parts) - Math.min(...parts)).toBeLessThanOrEqual(1);
      }),
    );
  });
});

describe("cancellation terms in words", () => {
  const startsOn = new Date("2027-03-09T00:00:00Z");

  it("says what comes back after the start, from the cohort's percentage", () => {
    expect(cancellationTerms({ startsOn, refundAfterStartPercent: 25, reservationDays: 14 })[0]).toBe(
      "Je kunt kosteloos annuleren tot de start op 9 maart 2027. Daarna krijg je 25% terug.",
    );
    expect(cancellationTerms({ startsOn, refundAfterStartPercent: 0, reservationDays: 14 })[0]).toBe(
      "Je kunt kosteloos annuleren tot de start op 9 maart 2027. Daarna is er geen restitutie.",
    );
    expect(cancellationTerms({ startsOn, refundAfterStartPercent: 100, reservationDays: 14 })[0]).toContain(
      "Ook daarna krijg je het hele bedrag terug.",
    );
  });

  it("says how long an accepted seat is held, in days", () => {
    expect(cancellationTerms({ startsOn, refundAfterStartPercent: 0, reservationDays: 14 })[1]).toContain(
      "houden we je plek 14 dagen voor je vast",
    );
    expect(cancellationTerms({ startsOn, refundAfterStartPercent: 0, reservationDays: 1 })[1]).toContain(
      "houden we je plek 1 dag voor je vast",
    );
  });
});

describe("the programme in weeks", () => {
  const start = new Date("2027-03-01T00:00:00Z");
  const end = new Date("2027-11-30T00:00:00Z");
  const day = (iso: string) => new Date(`${iso}T00:00:00Z`);

  it("counts the weeks a cohort runs and the average hours per week", () => {
    expect(cohortWeeks(start, end)).toBe(40);
    expect(cohortWeeks(start, start)).toBe(1);
    expect(hoursPerWeek(165, 40)).toBe(4.1);
    expect(hoursPerWeek(165, 0)).toBe(165);
  });

  it("runs each module until the next one that opens later, the last until the end", () => {
    const weeks = programmeWeeks(start, end, [
      { slug: "een", opensOn: null },
      { slug: "twee", opensOn: day("2027-02-01") },
      { slug: "drie", opensOn: day("2027-03-29") },
      { slug: "vier", opensOn: day("2027-05-24") },
    ]);
    expect(weeks.map((m) => [m.slug, m.fromWeek, m.toWeek])).toEqual([
      ["een", 1, 4],
      ["twee", 1, 4],
      ["drie", 5, 12],
      ["vier", 13, 40],
    ]);
    // A release before the start opens at the start.
    expect(weeks[1]!.opensOn).toEqual(start);
  });
});
