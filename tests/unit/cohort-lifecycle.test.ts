// The pure rules of a cohort's life: which step may follow which, what publishing needs, who may see it.
import { describe, expect, it } from "vitest";
import {
  intakeIsOpen,
  isPublic,
  NEXT_STATUSES,
  publishGaps,
  transitionRefusal,
  type CohortStatus,
} from "~/cohorts/lifecycle";

const now = new Date("2026-12-01T12:00:00Z");
const complete = {
  location: "online",
  rhythm: "Elke dinsdag",
  startsOn: new Date("2027-03-01"),
  endsOn: new Date("2027-11-30"),
  priceCents: 245000,
  trainers: 1,
};
const ALL: CohortStatus[] = ["CONCEPT", "PUBLISHED", "INTAKE_CLOSED", "RUNNING", "FINISHED"];

describe("publishGaps", () => {
  it("is empty for a complete cohort", () => expect(publishGaps(complete, now)).toEqual([]));

  it("names every missing part, in Dutch", () => {
    expect(
      publishGaps(
        { location: " ", rhythm: "", startsOn: now, endsOn: new Date("2026-11-01"), priceCents: 0, trainers: 0 },
        now,
      ),
    ).toEqual([
      "de plaats (een adres, of ‘online’)",
      "het ritme (bijvoorbeeld: om de twee weken op dinsdag)",
      "een startdatum in de toekomst",
      "een einddatum na de startdatum",
      "een prijs hoger dan € 0",
      "minstens één trainer",
    ]);
  });
});

describe("transitions", () => {
  it("allows exactly the steps of the lifecycle", () => {
    const allowed = ALL.flatMap((from) =>
      ALL.filter((to) => !transitionRefusal(from, to)).map((to) => `${from}>${to}`),
    );
    expect(allowed).toEqual([
      "CONCEPT>PUBLISHED",
      "PUBLISHED>INTAKE_CLOSED",
      "PUBLISHED>RUNNING",
      "INTAKE_CLOSED>PUBLISHED",
      "INTAKE_CLOSED>RUNNING",
      "RUNNING>FINISHED",
    ]);
    for (const from of ALL) for (const to of NEXT_STATUSES[from]) expect(transitionRefusal(from, to)).toBeNull();
  });

  it("says why a step is refused", () => {
    expect(transitionRefusal("PUBLISHED", "PUBLISHED")).toBe("De groep is al ‘gepubliceerd’.");
    expect(transitionRefusal("RUNNING", "PUBLISHED")).toBe(
      "Een groep die ‘lopend’ is, kan niet naar ‘gepubliceerd’. Wel naar ‘afgerond’.",
    );
    expect(transitionRefusal("FINISHED", "RUNNING")).toContain("Dit is de laatste stap.");
  });
});

describe("visibility and intake", () => {
  it("hides only a concept", () => {
    expect(ALL.filter((status) => isPublic({ status }))).toEqual(["PUBLISHED", "INTAKE_CLOSED", "RUNNING", "FINISHED"]);
  });

  it("opens the intake only when published and not yet started", () => {
    const future = new Date("2027-03-01");
    expect(ALL.filter((status) => intakeIsOpen({ status, startsOn: future }, now))).toEqual(["PUBLISHED"]);
    expect(intakeIsOpen({ status: "PUBLISHED", startsOn: now }, now)).toBe(false);
  });
});
