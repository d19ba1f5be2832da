// The content pipeline: validation with the file and the problem, compile once per content version, and the
// leergang's own modules meeting the bar the course sets for itself.
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { beforeAll, describe, expect, it } from "vitest";
import { compileCourse, ContentError } from "~/content/compile.server";
import { coursePageHtml, getCourse, loadCourse, moduleHtml } from "~/content/course.server";
import { wordCount } from "~/content/sections";
import { first } from "../support/indexed";
import { rejection } from "../support/rejection";

const fixtures = path.resolve("tests/integration/fixtures");
const tempCache = () => fs.mkdtempSync(path.join(os.tmpdir(), "gilde-mdx-"));

function contentError(contentDir: string): Promise<ContentError> {
  return rejection(compileCourse({ contentDir, cacheDir: tempCache() }), ContentError);
}

describe("validation", () => {
  it("compiles a good module with its assignment", async () => {
    const course = await compileCourse({ contentDir: path.join(fixtures, "content-good"), cacheDir: tempCache() });
    expect(course.modules).toHaveLength(1);
    const module = first(course.modules);
    expect(module.slug).toBe("proefmodule");
    expect(module.sections.map((s) => s.anchor)).toEqual(["eerste-sectie", "eerste-sectie-2"]);
    expect(first(module.assignments).frontmatter.peerReview).toMatchObject({ enabled: true, reviewers: 2 });
  });

  it("names the file and the fields when frontmatter is wrong", async () => {
    const error = await contentError(path.join(fixtures, "content-bad-frontmatter"));
    expect(error.message).toContain(path.join("content-bad-frontmatter", "modules", "01-proefmodule", "index.mdx"));
    expect(error.message).toContain("minutes: minutes moet een getal zijn");
    expect(error.message).toContain("learningGoals: learningGoals ontbreekt");
  });

  it("names the file and the line when the MDX does not compile", async () => {
    const error = await contentError(path.join(fixtures, "content-bad-mdx"));
    expect(error.message).toContain(path.join("content-bad-mdx", "modules", "01-proefmodule", "index.mdx"));
    expect(error.message).toMatch(/MDX kon niet worden gecompileerd:\n\s+- regel \d+/);
  });

  it("refuses a link to an assignment that does not exist", async () => {
    const error = await contentError(path.join(fixtures, "content-bad-link"));
    expect(error.message).toContain('<Opdracht slug="bestaat-niet"> verwijst naar een opdracht die niet bestaat');
  });

  it("refuses a learning goal that names a course outcome the leergang does not have", async () => {
    const error = await contentError(path.join(fixtures, "content-unknown-outcome"));
    expect(error.message).toContain(path.join("content-unknown-outcome", "modules", "01-proefmodule", "index.mdx"));
    expect(error.message).toContain('Leerdoel "doel-1" noemt leeruitkomst "bestaat-niet"');
    expect(error.message).toContain(path.join("content-unknown-outcome", "leergang", "index.mdx"));
  });

  it("refuses a rubric criterion that assesses a goal of another module", async () => {
    const error = await contentError(path.join(fixtures, "content-foreign-goal"));
    expect(error.message).toContain(
      path.join("content-foreign-goal", "modules", "02-tweede-module", "opdracht-proef.mdx"),
    );
    expect(error.message).toContain('Criterium "een" toetst leerdoel "doel-1"');
    expect(error.message).toContain(path.join("02-tweede-module", "index.mdx"));
    expect(error.message).toContain(
      `maar bij ${path.join("tests", "integration", "fixtures", "content-foreign-goal", "modules", "01-proefmodule", "index.mdx")}`,
    );
  });

  it("refuses module hours that do not add up to the leergang's hours", async () => {
    const error = await contentError(path.join(fixtures, "content-hours-mismatch"));
    expect(error.message).toContain(path.join("content-hours-mismatch", "leergang", "index.mdx"));
    expect(error.message).toContain("hours: de modules samen vragen 10 uur, de leergang zegt 14.");
  });

  it("refuses a course without leergang/index.mdx", async () => {
    const error = await contentError(path.join(fixtures, "content-no-leergang"));
    expect(error.message).toContain(path.join("content-no-leergang", "leergang", "index.mdx"));
    expect(error.message).toContain("leeruitkomsten, studielast, toelating");
  });

  it("stops the build with the file and the problem", async () => {
    const run = promisify(execFile);
    const failed = await run(
      process.execPath,
      [path.resolve("node_modules/tsx/dist/cli.mjs"), "app/content/check.ts"],
      {
        env: { ...process.env, CONTENT_DIR: path.join(fixtures, "content-bad-frontmatter"), DATA_DIR: tempCache() },
      },
    ).then(
      () => null,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failed?.code).toBe(1);
    expect(failed?.stderr).toContain("Fout in de cursusinhoud");
    expect(failed?.stderr).toContain("01-proefmodule/index.mdx");
    expect(failed?.stderr).not.toMatch(/\n\s+at /);
  });
});

describe("compile once per content version", () => {
  it("compiles on the first run and reads the cache after, until the source changes", async () => {
    const contentDir = fs.mkdtempSync(path.join(os.tmpdir(), "gilde-content-"));
    fs.cpSync(path.join(fixtures, "content-good"), contentDir, { recursive: true });
    // Content this process has never seen, so neither the memory nor the disk cache knows it.
    const marker = `Versie ${Date.now()}-${Math.random()}`;
    for (const name of ["index.mdx", "opdracht-proef.mdx"])
      fs.appendFileSync(path.join(contentDir, "modules", "01-proefmodule", name), `\n\n${marker}\n`);
    const cacheDir = tempCache();
    const { compileStats } = await import("~/content/compile.server");

    const before = compileStats.compiled;
    const first = await compileCourse({ contentDir, cacheDir });
    expect(compileStats.compiled - before).toBe(2);
    expect(fs.readdirSync(cacheDir).filter((f) => f.endsWith(".js"))).toHaveLength(2);

    const again = await compileCourse({ contentDir, cacheDir });
    expect(compileStats.compiled - before).toBe(2);
    expect(again.version).toBe(first.version);

    const file = path.join(contentDir, "modules", "01-proefmodule", "index.mdx");
    fs.writeFileSync(file, fs.readFileSync(file, "utf8").replace("Een inleiding", "Een nieuwe inleiding"));
    const changed = await compileCourse({ contentDir, cacheDir });
    expect(compileStats.compiled - before).toBe(3);
    expect(changed.version).not.toBe(first.version);
  });

  it("leaves the next process nothing to compile", async () => {
    const run = promisify(execFile);
    const env = { ...process.env, DATA_DIR: tempCache(), CONTENT_DIR: path.join(fixtures, "content-good") };
    const check = [path.resolve("node_modules/tsx/dist/cli.mjs"), "app/content/check.ts"];
    const first = await run(process.execPath, check, { env });
    expect(first.stdout).toContain("(4 gecompileerd, 0 uit de cache)");
    const second = await run(process.execPath, check, { env });
    expect(second.stdout).toContain("(0 gecompileerd, 4 uit de cache)");
  });
});

describe("the leergang's modules", () => {
  // The real course in content/, not the fixture course the other integration tests read.
  beforeAll(() => loadCourse({ contentDir: path.resolve("content"), cacheDir: tempCache() }));
  const course = () => getCourse();

  it("has at least eight modules in order, ending with the portfolio", () => {
    const modules = course().modules;
    expect(modules.length).toBeGreaterThanOrEqual(8);
    expect(modules.map((m) => m.frontmatter.order)).toEqual(
      [...modules.map((m) => m.frontmatter.order)].sort((a, b) => a - b),
    );
    expect(modules.at(-1)!.frontmatter.title.toLowerCase()).toContain("portfolio");
  });

  it("gives every module learning goals, 1,500 to 3,600 words, three reflections, a case, sources and a wijk assignment", () => {
    for (const module of course().modules) {
      const words = wordCount([module.intro, ...module.sections].map((s) => s.text).join(" "));
      const source = fs.readFileSync(path.join(module.dir, "index.mdx"), "utf8");
      const where = module.dir;
      expect(module.frontmatter.learningGoals.length, where).toBeGreaterThanOrEqual(2);
      expect(words, where).toBeGreaterThanOrEqual(1500);
      expect(words, where).toBeLessThanOrEqual(3600);
      expect(source.match(/<Reflectie>/g)?.length ?? 0, where).toBeGreaterThanOrEqual(3);
      expect(source, where).toContain("<Casus");
      expect(module.frontmatter.sources.length, where).toBeGreaterThanOrEqual(2);
      expect(module.assignments.length, where).toBeGreaterThanOrEqual(1);
      for (const assignment of module.assignments) {
        expect(assignment.frontmatter.rubric.length).toBeGreaterThanOrEqual(3);
        expect(fs.readFileSync(assignment.file, "utf8"), assignment.file).toContain("<Wijknaam />");
      }
    }
  });

  it("renders every module with its blocks, anchors and personalised assignment links", () => {
    for (const module of course().modules) {
      const html = moduleHtml(module, "Transvaal");
      for (const section of module.sections) expect(html, module.slug).toContain(`id="${section.anchor}"`);
      expect(html, module.slug).toContain('class="block block--reflectie"');
      expect(html, module.slug).toContain('class="block block--casus"');
      for (const slug of module.linkedAssignments) {
        expect(html).toContain(`href="/opdrachten/${slug}"`);
        expect(html).toContain("Opdracht in Transvaal");
      }
      expect(moduleHtml(module, null)).not.toContain("Transvaal");
    }
  });

  it("explains the course as a whole and its assessment policy on the leergang pages", () => {
    const overview = coursePageHtml("overview");
    for (const part of ["NHL Stenden", "Creative Tinkers", "wijkprofiel", "netwerkkaart", "28 uur", "examencommissie"])
      expect(overview, part).toContain(part);
    // Where the themes a panel asks for are treated, by module.
    for (const theme of [
      "Macht en participatie",
      "digitaal wijkwerk",
      "Diversiteit en inclusie",
      "AVG",
      "Informele zorg",
    ])
      expect(overview, theme).toContain(theme);
    const policy = coursePageHtml("policy");
    for (const heading of [
      "Wie beoordeelt",
      "De tweede lezer",
      "Deadlines, uitstel en herkansing",
      "Peerfeedback is om van te leren",
      "Eigen werk, fraude en plagiaat",
      "Het gebruik van AI",
      "Bezwaar",
      "De examencommissie",
      "Hoe lang we je werk bewaren",
      "Evaluatie van de leergang",
    ])
      expect(policy, heading).toMatch(new RegExp(`<h2[^>]*>${heading}`));
  });

  it("covers the subjects the leergang promises, naming its sources", () => {
    const all = course()
      .modules.map((m) => fs.readFileSync(path.join(m.dir, "index.mdx"), "utf8"))
      .join("\n");
    for (const subject of [
      "opbouwwerk",
      "samenlevingsopbouw",
      "sociale vernieuwing",
      "Krachtwijken",
      "Wmo",
      "Burgerkracht",
      "participatiesamenleving",
      "wijkteams",
      "Eropaf",
      "vraag achter de vraag",
      "systeemwereld",
      "leefwereld",
      "500 woningen",
      "Welkom Thuis",
      "Movisie",
      "Zutphen",
      "Rotterdam Zuid",
      "niet wat, maar wie",
      "woningcorporaties",
      "bewonersbedrijven",
      "zorgcoöperaties",
      "IFSW",
    ]) {
      expect(all.toLowerCase(), subject).toContain(subject.toLowerCase());
    }
  });
});
