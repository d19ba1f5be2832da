// Reading the course: the module list with progress, marking sections read, drip dates, search.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createUser } from "../support/factories";
import { participantIn, trainerOf as trainerOfCohort } from "../support/people";
import { startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const first = () => at(getCourse().modules, 0, "a first module");
const second = () => at(getCourse().modules, 1, "a second module");

const participant = (cohortId?: string) => participantIn(app, { cohortId, name: "Lotte Lezer" });

function readButtons(html: string) {
  return [...html.matchAll(/name="(?:read|unread)" value="([^"]+)" aria-pressed="(true|false)"/g)].map((m) => ({
    anchor: at(m, 1),
    read: m[2] === "true",
  }));
}

describe("module list and pages", () => {
  it("lists the modules in order with summary, time and status", async () => {
    const { browser } = await participant();
    const page = await browser.get("/modules");
    expect(page.status).toBe(200);
    const titles = getCourse().modules.map((m) => m.frontmatter.title);
    let position = -1;
    for (const title of titles) {
      const next = page.text.indexOf(title);
      expect(next, title).toBeGreaterThan(position);
      position = next;
    }
    expect(page.text).toContain(first().frontmatter.summary.slice(0, 60).replace(/'/g, "'"));
    expect(page.text).toContain(`ongeveer ${first().frontmatter.minutes} minuten`);
    expect(page.text).toContain("Nog niet begonnen");
    expect(page.text).toContain(`0 van ${getCourse().modules.length} modules gelezen`);
    expect(page.html).toContain('href="/leergang/opbouw"');
    expect(page.html).toContain('href="/leergang/toetsing"');
  });

  it("shows a module with goals, contents, text blocks, assignments and neighbours", async () => {
    const { browser } = await participant();
    const page = await browser.get(`/modules/${second().slug}`);
    expect(page.text).toContain(second().frontmatter.title);
    expect(page.text).toContain(at(second().frontmatter.learningGoals, 0).text.slice(0, 50));
    for (const section of second().sections) expect(page.html).toContain(`href="#${section.anchor}"`);
    expect(page.html).toContain('class="block block--reflectie"');
    expect(page.html).toContain("Opdracht in je eigen wijk");
    expect(page.html).toContain(`href="/modules/${first().slug}"`);
    expect(page.html).toContain(`href="/modules/${at(getCourse().modules, 2, "a third module").slug}"`);
    expect((await browser.get("/modules/bestaat-niet")).status).toBe(404);
  });

  it("sends the module text once in a page, and in the data for client-side navigation", async () => {
    const { browser } = await participant();
    const heading = at(second().sections, 1, "a second section").heading;
    const page = await browser.get(`/modules/${second().slug}`);
    expect(page.html.split(`>${heading} <a class="heading-anchor"`).length - 1).toBe(1);
    expect(page.html).not.toContain('\\u003ch2 id=\\"');
    const data = await browser.get(`/modules/${second().slug}?_data=${encodeURIComponent("routes/modules.$slug")}`);
    expect(JSON.parse(data.html).html).toContain(`id="${at(second().sections, 1).anchor}"`);
  });

  it("asks an anonymous visitor to log in", async () => {
    expect((await app.client().get(`/modules/${first().slug}`)).location).toMatch(/^\/inloggen\?redirectTo=/);
  });
});

describe("progress", () => {
  it("saves read sections per participant, across logins, and shows it on the dashboard", async () => {
    const { user, browser } = await participant();
    const other = await participant();
    const module = first();
    const a = at(module.sections, 0, "a first section");
    const b = at(module.sections, 1, "a second section");

    const marked = await browser.post(`/modules/${module.slug}`, { read: a.anchor });
    expect(marked.location).toBe(`/modules/${module.slug}#${a.anchor}`);
    await browser.post(`/modules/${module.slug}`, { read: b.anchor });
    await browser.post(`/modules/${module.slug}`, { read: b.anchor });

    const fresh = await app.client().signInAs(user);
    const page = await fresh.get(`/modules/${module.slug}`);
    expect(
      readButtons(page.html)
        .filter((s) => s.read)
        .map((s) => s.anchor),
    ).toEqual([a.anchor, b.anchor]);
    expect(page.text).toContain(`Bezig: 2 van ${module.sections.length} secties gelezen`);

    const othersPage = await other.browser.get(`/modules/${module.slug}`);
    expect(readButtons(othersPage.html).every((s) => !s.read)).toBe(true);

    await browser.post(`/modules/${module.slug}`, { unread: a.anchor });
    expect(await db.sectionRead.count({ where: { userId: user.id } })).toBe(1);

    await browser.post(`/modules/${module.slug}`, { intent: "read-all" });
    const list = await browser.get("/modules");
    expect(list.text).toContain(`1 van ${getCourse().modules.length} modules gelezen`);
    const dashboard = await browser.get("/dashboard");
    expect(dashboard.text).toContain(`1 van ${getCourse().modules.length} modules gelezen`);
    expect(dashboard.html).toContain(`href="/modules/${second().slug}"`);
  });

  it("refuses a section that does not exist, and a visitor who is not enrolled", async () => {
    const { user, browser } = await participant();
    const bad = await browser.post(`/modules/${first().slug}`, { read: "verzonnen" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Deze sectie bestaat niet");
    expect(await db.sectionRead.count({ where: { userId: user.id } })).toBe(0);

    const outsider = await createUser();
    const visitor = await app.client().signInAs(outsider);
    const page = await visitor.get(`/modules/${first().slug}`);
    expect(page.text).toContain("gaat open zodra je bent ingeschreven");
    expect(page.html).not.toContain('class="block block--reflectie"');
    expect((await visitor.post(`/modules/${first().slug}`, { intent: "read-all" })).status).toBe(403);
  });
});

describe("drip", () => {
  const trainerOf = (cohortId: string) => trainerOfCohort(app, cohortId);

  it("hides a module's text until its date, shows the date, and never hides it from the trainer", async () => {
    const { browser, cohortId } = await participant();
    const trainer = await trainerOf(cohortId);
    const planning = `/modules/planning/${cohortId}`;
    expect((await trainer.get(planning)).status).toBe(200);

    const saved = await trainer.submit(planning, {
      [`opens.${second().slug}`]: "2099-09-01",
      [`opens.${first().slug}`]: "2020-01-01",
    });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain("De planning is opgeslagen.");

    const closed = await browser.get(`/modules/${second().slug}`);
    expect(closed.text).toContain("Deze module opent op 1 september 2099");
    expect(closed.text).toContain(second().frontmatter.summary.slice(0, 40));
    expect(closed.html).not.toContain('class="block block--reflectie"');
    expect((await browser.post(`/modules/${second().slug}`, { intent: "read-all" })).status).toBe(403);
    expect((await browser.get("/modules")).text).toContain("opent op 1 september 2099");

    const open = await browser.get(`/modules/${first().slug}`);
    expect(open.html).toContain('class="block block--reflectie"');

    const trainerView = await trainer.get(`/modules/${second().slug}`);
    expect(trainerView.html).toContain('class="block block--reflectie"');

    // Clearing the date opens the module again.
    await trainer.post(planning, { [`opens.${second().slug}`]: "" });
    expect((await browser.get(`/modules/${second().slug}`)).html).toContain('class="block block--reflectie"');
  });

  it("keeps the planning and explains a wrong date", async () => {
    const { cohortId } = await participant();
    const trainer = await trainerOf(cohortId);
    const planning = `/modules/planning/${cohortId}`;
    await trainer.post(planning, { [`opens.${second().slug}`]: "2099-09-01" });
    const bad = await trainer.post(planning, {
      [`opens.${second().slug}`]: "2099-02-31",
      [`opens.${first().slug}`]: "2099-01-05",
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Vul een geldige datum in");
    expect(bad.html).toContain('value="2099-02-31"');
    expect(bad.html).toContain('value="2099-01-05"');
    const releases = await db.moduleRelease.findMany({ where: { cohortId } });
    expect(releases.map((r) => [r.moduleSlug, r.opensOn.toISOString().slice(0, 10)])).toEqual([
      [second().slug, "2099-09-01"],
    ]);
  });

  it("lets only the cohort's own trainers plan it", async () => {
    const { cohortId, browser } = await participant();
    const stranger = await trainerOf((await createCohort()).id);
    expect((await stranger.get(`/modules/planning/${cohortId}`)).status).toBe(404);
    expect(
      (await stranger.post(`/modules/planning/${cohortId}`, { [`opens.${first().slug}`]: "2099-01-01" })).status,
    ).toBe(404);
    expect((await browser.get(`/modules/planning/${cohortId}`)).status).toBe(404);
    expect(await db.moduleRelease.count({ where: { cohortId } })).toBe(0);
  });
});

describe("search", () => {
  it("finds inflected Dutch words and highlights them", async () => {
    const { browser } = await participant();
    const page = await browser.get(`/modules?q=${encodeURIComponent("bewoners")}`);
    expect(page.text).toMatch(/\d+ plekken gevonden voor ‘bewoners’/);
    const marks = [...page.html.matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => at(m, 1).toLowerCase());
    expect(marks).toContain("bewoner");
    expect(marks).toContain("bewoners");
    expect(page.html).toMatch(new RegExp(`href="/modules/[a-z0-9-]+#[a-z0-9-]+"`));
  });

  it("finds a section by a word in a different form than the text uses", async () => {
    const { browser } = await participant();
    const page = await browser.get(`/modules?q=${encodeURIComponent("wijkteam")}`);
    const marks = [...page.html.matchAll(/<mark>([^<]+)<\/mark>/g)].map((m) => at(m, 1).toLowerCase());
    expect(marks).toContain("wijkteams");
  });

  it("does not search modules that are not open yet, and says so when nothing is found", async () => {
    const { browser, cohortId } = await participant();
    const onlyInSecond = "leefwereld";
    for (const module of getCourse().modules.slice(1)) {
      await db.moduleRelease.create({ data: { cohortId, moduleSlug: module.slug, opensOn: new Date("2099-01-01") } });
    }
    const page = await browser.get(`/modules?q=${onlyInSecond}`);
    const links = [...page.html.matchAll(/href="\/modules\/([a-z0-9-]+)#/g)].map((m) => at(m, 1));
    expect(links.every((slug) => slug === first().slug)).toBe(true);

    const nothing = await browser.get(`/modules?q=${encodeURIComponent("xylofoonorkest")}`);
    expect(nothing.text).toContain("Niets gevonden voor ‘xylofoonorkest’");
  });

  it("treats search input as words, never as SQL or HTML", async () => {
    const { browser } = await participant();
    const page = await browser.get(
      `/modules?q=${encodeURIComponent(`"vertrouwen' OR 1=1; -- <script>alert(1)</script>`)}`,
    );
    expect(page.status).toBe(200);
    expect(page.html).not.toContain("<script>alert(1)</script>");
  });
});
