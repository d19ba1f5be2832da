// The leergang as an accreditation panel reads it (issue 26): goals at NLQF 6 that a required rubric criterion
// assesses, a study load that adds up, the seed authors named where their ideas are used, a line through the
// course via the wijkprofiel, a portfolio that covers every outcome, and no sentence taken from the sources.
import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { compileCourse, type Course } from "~/content/compile.server";

let course: Course;
beforeAll(async () => {
  course = await compileCourse({
    contentDir: path.resolve("content"),
    cacheDir: fs.mkdtempSync(path.join(os.tmpdir(), "gilde-mdx-")),
  });
});

const moduleDirs = fs.readdirSync(path.resolve("content/modules")).sort();
const moduleFor = (dir: string) => {
  const module = course.modules.find((m) => m.dir.endsWith(dir));
  if (!module) throw new Error(`geen module in ${dir}`);
  return module;
};
const textOf = (dir: string) =>
  fs
    .readdirSync(path.resolve("content/modules", dir))
    .map((name) => fs.readFileSync(path.resolve("content/modules", dir, name), "utf8"))
    .join("\n");

// Verbs that name what cannot be observed or assessed at NLQF 6.
const UNOBSERVABLE = /\b(herken|herkent|weet|kent|begrijpt|snapt)\b/i;

// The seed authors and the name a module's sources must carry when the module uses their work.
const SEED_AUTHORS = ["Koenen", "Ikink", "Repetur", "Dagelet", "Creative Tinkers"];

describe.each(moduleDirs)("module %s", (dir) => {
  it("writes every learning goal as something a participant does, observably", () => {
    for (const goal of moduleFor(dir).frontmatter.learningGoals) expect(goal.text, goal.id).not.toMatch(UNOBSERVABLE);
  });

  it("assesses every learning goal with a required criterion at its pass level", () => {
    const module = moduleFor(dir);
    const assessed = new Set(
      module.assignments.flatMap((a) => a.frontmatter.rubric.filter((c) => c.required).flatMap((c) => c.goals)),
    );
    for (const goal of module.frontmatter.learningGoals)
      expect(assessed.has(goal.id), `leerdoel "${goal.id}" wordt door geen verplicht criterium getoetst`).toBe(true);
  });

  it("has no optional core criterion, and one asks for grounding in the literature", () => {
    for (const assignment of moduleFor(dir).assignments) {
      const rubric = assignment.frontmatter.rubric;
      expect(
        rubric.filter((c) => !c.required).map((c) => c.id),
        assignment.file,
      ).toEqual([]);
      expect(
        rubric.some((c) => c.literature && c.required),
        `${assignment.file}: geen criterium met literature: true`,
      ).toBe(true);
    }
  });

  it("names every seed author whose ideas it uses in its sources", () => {
    const module = moduleFor(dir);
    const body = textOf(dir);
    for (const author of SEED_AUTHORS) {
      if (!body.includes(author)) continue;
      expect(
        module.frontmatter.sources.some((s) => s.includes(author)),
        `${author} wordt genoemd maar staat niet in sources`,
      ).toBe(true);
    }
  });

  it("works on the wijkprofiel in its assignment", () => {
    for (const assignment of moduleFor(dir).assignments) {
      const text = fs.readFileSync(path.resolve(assignment.file), "utf8");
      expect(text, assignment.file).toMatch(/wijkprofiel/i);
    }
  });
});

describe("the course as a whole", () => {
  it("states a study load that the modules add up to, within what the work asks", () => {
    const { hours, ec } = course.leergang.frontmatter;
    expect(course.modules.reduce((sum, m) => sum + m.frontmatter.hours.total, 0)).toBe(hours);
    expect(hours).toBeGreaterThanOrEqual(150);
    expect(hours).toBeLessThanOrEqual(190);
    expect(Math.abs(hours / 28 - ec)).toBeLessThanOrEqual(0.5);
    for (const m of course.modules) {
      const h = m.frontmatter.hours;
      expect(h.reading + h.assignment + h.peerFeedback + h.contact, m.dir).toBe(h.total);
      expect(m.frontmatter.reading.required.length, m.dir).toBeGreaterThan(0);
    }
  });

  it("assesses every course outcome somewhere, and the portfolio covers all of them", () => {
    const outcomes = course.leergang.frontmatter.outcomes.map((o) => o.id);
    const assessedOutcomes = (modules: Course["modules"]) =>
      new Set(
        modules.flatMap((m) => {
          const assessed = new Set(
            m.assignments.flatMap((a) => a.frontmatter.rubric.filter((c) => c.required).flatMap((c) => c.goals)),
          );
          return m.frontmatter.learningGoals.filter((g) => assessed.has(g.id)).flatMap((g) => g.outcomes);
        }),
      );
    expect([...assessedOutcomes(course.modules)].sort()).toEqual([...outcomes].sort());
    const portfolio = course.modules.at(-1)!;
    expect(portfolio.slug).toBe("portfolio");
    expect([...assessedOutcomes([portfolio])].sort()).toEqual([...outcomes].sort());
  });

  it("names each seed author's work in some module's sources", () => {
    const sources = course.modules.flatMap((m) => m.frontmatter.sources).join("\n");
    for (const author of SEED_AUTHORS) expect(sources, author).toContain(author);
  });

  it("copies no run of ten words from the seed articles", () => {
    const shingles = new Set(
      fs
        .readFileSync(path.resolve("tests/integration/fixtures/seed-shingles.txt"), "utf8")
        .split("\n")
        .filter((line) => line && !line.startsWith("#")),
    );
    const copied: string[] = [];
    const files = fs.readdirSync(path.resolve("content"), { recursive: true, encoding: "utf8" });
    for (const file of files.filter((f) => f.endsWith(".mdx"))) {
      const words =
        fs
          .readFileSync(path.resolve("content", file), "utf8")
          .toLowerCase()
          .match(/[a-zà-ÿ0-9]+/g) ?? [];
      for (let i = 0; i + 10 <= words.length; i++) {
        const run = words.slice(i, i + 10).join(" ");
        if (shingles.has(crypto.createHash("sha1").update(run).digest("hex").slice(0, 16)))
          copied.push(`${file}: ${run}`);
      }
    }
    expect(copied).toEqual([]);
  });
});
