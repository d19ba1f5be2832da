import { describe, expect, it } from "vitest";
import type { RubricCriterion } from "~/content/schema";
import { checkAssessment, completionGaps } from "~/grading/rubric";

const levels = [1, 2, 3, 4].map((score) => ({ score, label: `Niveau ${score}`, descriptor: "…" }));
const rubric: RubricCriterion[] = [
  { id: "analyse", title: "Analyse", required: true, passLevel: 2, goals: [], literature: false, levels },
  { id: "bronnen", title: "Bronnen", required: true, passLevel: 2, goals: [], literature: false, levels },
  { id: "vorm", title: "Vorm", required: false, passLevel: 2, goals: [], literature: false, levels },
];

describe("assessment rules", () => {
  it("lets a draft be incomplete", () => {
    expect(
      checkAssessment(rubric, { levels: { analyse: 3 }, decision: null, revisionNote: "" }, { final: false }),
    ).toEqual({ ok: true });
  });

  it("refuses a level the rubric does not have, and a criterion it does not know", () => {
    const result = checkAssessment(
      rubric,
      { levels: { analyse: 7, verzonnen: 2 }, decision: null, revisionNote: "" },
      { final: false },
    );
    expect(result).toEqual({
      ok: false,
      errors: {
        analyse: "Kies voor ‘Analyse’ een van de niveaus uit de rubric.",
        verzonnen: "Dit criterium staat niet in de rubric van deze opdracht.",
      },
    });
  });

  it("needs every required criterion and a decision before it is final", () => {
    const result = checkAssessment(
      rubric,
      { levels: { analyse: 3 }, decision: null, revisionNote: "" },
      { final: true },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.errors.bronnen).toBe("Kies een niveau voor ‘Bronnen’.");
      expect(result.errors.decision).toMatch(/Kies een besluit/);
      expect(result.errors.vorm).toBeUndefined();
    }
  });

  it("refuses ‘voldaan’ when a required criterion is below its pass level", () => {
    const result = checkAssessment(
      rubric,
      { levels: { analyse: 1, bronnen: 3, vorm: 1 }, decision: "voldaan", revisionNote: "" },
      { final: true },
    );
    expect(result).toEqual({
      ok: false,
      errors: { decision: "‘Voldaan’ kan niet: ‘Analyse’ haalt het vereiste niveau niet." },
    });
    expect(
      checkAssessment(
        rubric,
        { levels: { analyse: 2, bronnen: 3, vorm: 1 }, decision: "voldaan", revisionNote: "" },
        { final: true },
      ),
    ).toEqual({ ok: true });
  });

  it("asks what must change when returning for revision", () => {
    const result = checkAssessment(
      rubric,
      { levels: { analyse: 1, bronnen: 1 }, decision: "herziening", revisionNote: "  " },
      { final: true },
    );
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors.revisionNote).toMatch(/wat er moet veranderen/);
  });
});

describe("completion", () => {
  const required = [
    { slug: "a", title: "Opdracht A" },
    { slug: "b", title: "Opdracht B" },
  ];

  it("is possible when every required assignment is voldaan and no peer review is owed", () => {
    expect(completionGaps(required, new Set(["a", "b"]), 0)).toEqual([]);
  });

  it("names what is missing", () => {
    expect(completionGaps(required, new Set(["a"]), 2)).toEqual([
      "‘Opdracht B’ is nog niet voldaan.",
      "Er staan nog 2 peerfeedbacks open.",
    ]);
  });
});

describe("CSV for Dutch Excel", () => {
  it("starts with a byte-order mark, separates with ; and quotes what needs it", async () => {
    const { toCsv } = await import("~/grading/csv");
    expect(
      toCsv([
        ["Naam", "Besluit"],
        ["De Vries; Jan", 'Zei "ja"'],
        ["=SOM(A1)", null],
      ]),
    ).toBe('\uFEFFNaam;Besluit\r\n"De Vries; Jan";"Zei ""ja"""\r\n\'=SOM(A1);\r\n');
  });
});
