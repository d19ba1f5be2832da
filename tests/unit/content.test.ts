import { describe, expect, it } from "vitest";
import { moduleStatus, percent } from "~/content/progress";
import { AssignmentFrontmatter, describeIssues, ModuleFrontmatter } from "~/content/schema";
import { plainText, slugify, splitSections } from "~/content/sections";
import { at, first } from "../support/indexed";

const module = {
  title: "Vertrouwen",
  order: 3,
  summary: "Over vertrouwen.",
  minutes: 90,
  learningGoals: [
    { id: "schaal", text: "Je verantwoordt de schaal van je buurt met bewoners.", outcomes: ["leefwereld"] },
  ],
  hours: { reading: 3.5, assignment: 14, peerFeedback: 2, contact: 0, total: 19.5 },
  reading: { required: ["WRR, Vertrouwen in de buurt, 2005"], recommended: [] },
  buildsOn: "Module 2.",
  prepares: "Module 4.",
  sources: ["WRR, Vertrouwen in de buurt, 2005"],
};

const level = (score: number) => ({ score, label: `Niveau ${score}`, descriptor: "Omschrijving." });
const criterion = (id: string) => ({
  id,
  title: `Criterium ${id}`,
  passLevel: 2,
  levels: [level(1), level(2), level(3)],
});
const assignment = {
  title: "Verken je buurt",
  slug: "buurt-verkennen",
  summary: "Verkennen.",
  handIn: "Een verslag.",
  rubric: ["a", "b", "c"].map(criterion),
};

describe("module frontmatter", () => {
  it("accepts a complete module", () => {
    expect(ModuleFrontmatter.parse(module)).toEqual(module);
  });

  it("names every wrong field", () => {
    const result = ModuleFrontmatter.safeParse({
      ...module,
      minutes: "negentig",
      learningGoals: [],
      title: undefined,
      extra: 1,
    });
    expect(result.success).toBe(false);
    const text = describeIssues(result.error!);
    expect(text).toContain("minutes: minutes moet een getal zijn");
    expect(text).toContain("learningGoals: noem minstens één leerdoel");
    expect(text).toContain("title: title ontbreekt");
    expect(text).toContain("onbekend veld: extra");
  });

  it("refuses study hours that do not add up, and names what they add up to", () => {
    const result = ModuleFrontmatter.safeParse({ ...module, hours: { ...module.hours, total: 20 } });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toContain(
      "hours.total: reading + assignment + peerFeedback + contact is 19.5 uur, niet 20",
    );
  });
});

describe("assignment frontmatter", () => {
  it("refuses an optional criterion that assesses a learning goal", () => {
    const result = AssignmentFrontmatter.safeParse({
      ...assignment,
      rubric: [{ ...criterion("a"), required: false, goals: ["schaal"] }, criterion("b"), criterion("c")],
    });
    expect(result.success).toBe(false);
    expect(describeIssues(result.error!)).toContain(
      "rubric.0.required: een criterium dat een leerdoel toetst is verplicht",
    );
  });

  it("accepts an assignment and fills in peer review defaults", () => {
    const parsed = AssignmentFrontmatter.parse(assignment);
    expect(parsed.peerReview).toMatchObject({ enabled: false });
    expect(first(parsed.rubric).required).toBe(true);
  });

  it("wants three to five rubric criteria", () => {
    expect(AssignmentFrontmatter.safeParse({ ...assignment, rubric: ["a", "b"].map(criterion) }).success).toBe(false);
    expect(
      AssignmentFrontmatter.safeParse({ ...assignment, rubric: ["a", "b", "c", "d", "e", "f"].map(criterion) }).success,
    ).toBe(false);
  });

  it("refuses a pass level that is not one of the scores, and duplicate criteria", () => {
    const wrongPass = AssignmentFrontmatter.safeParse({
      ...assignment,
      rubric: [{ ...criterion("a"), passLevel: 7 }, criterion("b"), criterion("c")],
    });
    expect(describeIssues(wrongPass.error!)).toContain("passLevel 7 is geen van de scores 1, 2, 3");
    const duplicate = AssignmentFrontmatter.safeParse({ ...assignment, rubric: ["a", "a", "c"].map(criterion) });
    expect(describeIssues(duplicate.error!)).toContain("twee criteria met hetzelfde id");
  });
});

describe("sections", () => {
  it("makes stable, readable anchors", () => {
    expect(slugify("Wat is de sociale basis?")).toBe("wat-is-de-sociale-basis");
    expect(slugify("Coöperatie & één plan")).toBe("cooperatie-een-plan");
  });

  it("splits at ## headings, keeps the introduction apart, and numbers duplicate headings", () => {
    const body = [
      "Intro over **bewoners**.",
      "",
      "## Eerste",
      "Tekst <Reflectie>Vraag?</Reflectie>",
      "```",
      "## geen kop",
      "```",
      "## Eerste",
      "Meer.",
      "### Onderkop",
      "Nog.",
    ].join("\n");
    const { intro, sections } = splitSections(body, "Module");
    expect(intro).toEqual({ anchor: "inleiding", heading: "Module", text: "Intro over bewoners ." });
    expect(sections.map((s) => s.anchor)).toEqual(["eerste", "eerste-2"]);
    expect(at(sections, 0).text).toContain("Vraag?");
    expect(at(sections, 0).text).toContain("geen kop");
    expect(at(sections, 1).text).toContain("Onderkop");
  });

  it("reduces MDX to the words a reader sees", () => {
    expect(plainText("In <Wijknaam /> zie je [een link](https://x.nl) en <Bron>WRR, 2005</Bron>.")).toBe(
      "In je wijk zie je een link en WRR, 2005 .",
    );
  });
});

describe("module status", () => {
  it("goes from not started via busy to done", () => {
    expect(moduleStatus(0, 7)).toBe("not-started");
    expect(moduleStatus(3, 7)).toBe("busy");
    expect(moduleStatus(7, 7)).toBe("done");
    expect(percent(2, 3)).toBe(66);
    expect(percent(0, 0)).toBe(0);
  });
});
