// The rules of member evaluation and feedback quality (issue 23): the minimum-raters rule, outliers, levels in
// range, when feedback quality is low and when it stands between someone and completion.
import { describe, expect, it } from "vitest";
import {
  levelProblems,
  MIN_RATERS,
  momentState,
  resultsFor,
  visibleAggregate,
  type EvaluationLevels,
} from "~/peer-review/evaluation-rules";
import { isLowQuality, qualityGap, qualityLabel, qualityProblems } from "~/peer-review/feedback-quality-rules";

const all = (n: number): EvaluationLevels => ({ bijdrage: n, betrouwbaarheid: n, ruimte: n, wijk: n });
const rating = (raterId: string, rateeId: string, levels: EvaluationLevels) => ({ raterId, rateeId, levels });

describe("visibleAggregate", () => {
  it("hides the average below the minimum number of raters", () => {
    expect(MIN_RATERS).toBe(3);
    expect(visibleAggregate([])).toEqual({ count: 0, average: null });
    expect(visibleAggregate([4, 1])).toEqual({ count: 2, average: null });
    expect(visibleAggregate([4, 1, 2])).toEqual({ count: 3, average: 2.3 });
    expect(visibleAggregate([3, 3, 4, 4])).toEqual({ count: 4, average: 3.5 });
  });
});

describe("resultsFor", () => {
  it("marks a rating 1.5 points or more below the others' average", () => {
    const results = resultsFor("a", [
      rating("b", "a", all(4)),
      rating("c", "a", all(3)),
      rating("d", "a", { ...all(4), ruimte: 2 }),
    ]);
    const ruimte = results.find((r) => r.criterion === "ruimte")!;
    // d gave 2 against an average of 3.5 from the others: exactly 1.5 below.
    expect(ruimte.peers.map((p) => [p.raterId, p.outlier])).toEqual([
      ["b", false],
      ["c", false],
      ["d", true],
    ]);
    const bijdrage = results.find((r) => r.criterion === "bijdrage")!;
    expect(bijdrage.peers.some((p) => p.outlier)).toBe(false);
    expect(bijdrage.average).toBe(3.7);
  });

  it("does not mark a lone rating, and marks an average far below one's own rating", () => {
    const alone = resultsFor("a", [rating("a", "a", all(4)), rating("b", "a", all(1))]);
    expect(alone[0]!.peers[0]!.outlier).toBe(false);
    expect(alone[0]!.self).toBe(4);
    expect(alone[0]!.belowSelf).toBe(true);
    const close = resultsFor("a", [rating("a", "a", all(4)), rating("b", "a", all(3)), rating("c", "a", all(3))]);
    expect(close[0]!.belowSelf).toBe(false);
    const none = resultsFor("a", [rating("a", "a", all(2))]);
    expect(none[0]).toMatchObject({ self: 2, average: null, belowSelf: false, peers: [] });
  });

  it("leaves out ratings about someone else", () => {
    const results = resultsFor("a", [rating("b", "c", all(1)), rating("b", "a", all(3))]);
    expect(results[0]!.peers).toHaveLength(1);
  });
});

describe("levelProblems", () => {
  it("names every criterion that is missing or out of range", () => {
    expect(levelProblems(all(3))).toEqual({});
    expect(levelProblems({ ...all(3), wijk: 5, ruimte: 0 })).toEqual({
      "levels.wijk": "Kies bij ‘Inbreng uit de eigen wijk’ 1, 2, 3 of 4.",
      "levels.ruimte": "Kies bij ‘Ruimte geven aan anderen’ 1, 2, 3 of 4.",
    });
    expect(Object.keys(levelProblems({ bijdrage: 2, betrouwbaarheid: Number.NaN }))).toEqual([
      "levels.betrouwbaarheid",
      "levels.ruimte",
      "levels.wijk",
    ]);
    expect(levelProblems({ ...all(3), bijdrage: 2.5 })).toHaveProperty("levels.bijdrage");
  });
});

describe("momentState", () => {
  it("is open from its opening until its closing moment", () => {
    const moment = { opensAt: new Date("2027-03-01T00:00Z"), closesAt: new Date("2027-03-10T00:00Z") };
    expect(momentState(moment, new Date("2027-02-28T23:59Z"))).toBe("upcoming");
    expect(momentState(moment, new Date("2027-03-01T00:00Z"))).toBe("open");
    expect(momentState(moment, new Date("2027-03-10T00:00Z"))).toBe("closed");
  });
});

describe("feedback quality", () => {
  const levels = (specifiek: number, opbouwend: number, criteria: number, tip: number) => ({
    specifiek,
    opbouwend,
    criteria,
    tip,
  });

  it("is low below an average of 2 ('deels')", () => {
    expect(isLowQuality(levels(1, 2, 2, 2))).toBe(true);
    expect(isLowQuality(levels(2, 2, 2, 2))).toBe(false);
    expect(qualityLabel(levels(1, 2, 1, 1))).toBe("kwaliteit 1,3/3, zwak");
    expect(qualityLabel(levels(3, 3, 2, 2))).toBe("kwaliteit 2,5/3");
    expect(qualityLabel(undefined)).toBeNull();
    expect(qualityLabel({ specifiek: 9 })).toBeNull();
  });

  it("refuses levels out of range", () => {
    expect(qualityProblems(levels(3, 3, 3, 3))).toEqual({});
    expect(qualityProblems({ ...levels(3, 3, 3, 3), tip: 4 })).toEqual({
      "levels.tip": "Kies bij ‘Met een tip voor verder’ 1, 2 of 3.",
    });
  });

  it("stands between someone and completion until assessed, and while the average is low", () => {
    expect(qualityGap([])).toContain("nog niet beoordeeld");
    expect(qualityGap([1.5, 2])).toContain("onder ‘deels’ (1,8 van 3)");
    expect(qualityGap([1.5, 2.5])).toBeNull();
  });
});
