// The leergang as a whole, as someone deciding to enrol (or an accreditation panel) reads it: /leergang/opbouw with
// the outcomes, their BPSW and NLQF 6 mapping, where each is assessed, the study load and required reading per
// module and the admission rules; /leergang/toetsing with the assessment policy. Both are public.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { NLQF_DESCRIPTORS } from "~/content/schema";
import { formatHours } from "~/format";
import { startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

// Texts from the frontmatter may wrap differently on the page: compare with whitespace squashed.
const squash = (text: string) => text.replace(/\s+/g, " ");

describe("/leergang/opbouw", () => {
  it("shows every outcome with its BPSW and NLQF 6 mapping, without logging in", async () => {
    const page = await app.client().get("/leergang/opbouw");
    expect(page.status).toBe(200);
    const { frontmatter } = getCourse().leergang;
    const text = squash(page.text);
    expect(text).toContain(`Zo is de leergang ${frontmatter.title} opgebouwd`);
    for (const outcome of frontmatter.outcomes) {
      expect(text).toContain(squash(outcome.text));
      for (const bpsw of outcome.bpsw) expect(text).toContain(squash(bpsw));
      for (const descriptor of outcome.nlqf) expect(text).toContain(NLQF_DESCRIPTORS[descriptor]);
    }
  });

  it("says where each outcome is worked on and which required criterion assesses it", async () => {
    const text = squash((await app.client().get("/leergang/opbouw")).text);
    const modules = getCourse().modules;
    // In the fixture course, “Tijdlijn en bronnen” of module 1 assesses doel-1 (werken-in-de-wijk).
    expect(text).toContain(
      `Module 1, ${at(modules, 0, "module 1").frontmatter.title} — beoordeeld in Het verhaal van je wijk (criterium “Tijdlijn en bronnen”)`,
    );
    // A module whose goals serve the outcome but whose criteria do not name them is listed without a criterion.
    expect(text).toMatch(new RegExp(`Module 2, ${at(modules, 1, "module 2").frontmatter.title}(?! — beoordeeld)`));
  });

  it("shows the study load per module with its parts and required reading, the total and the admission rules", async () => {
    const page = await app.client().get("/leergang/opbouw");
    const text = squash(page.text);
    const { modules, leergang } = getCourse();
    for (const m of modules) {
      const h = m.frontmatter.hours;
      expect(text).toContain(
        `${formatHours(h.total)}: lezen ${formatHours(h.reading)}, opdracht ${formatHours(h.assignment)}, peerfeedback ${formatHours(h.peerFeedback)}`,
      );
      for (const required of m.frontmatter.reading.required) expect(text).toContain(squash(required));
    }
    expect(text).toContain(`Samen ${formatHours(leergang.frontmatter.hours)}`);
    expect(text).toContain(`ongeveer ${leergang.frontmatter.ec.toLocaleString("nl-NL")} EC`);
    for (const rule of leergang.frontmatter.admission) expect(text).toContain(squash(rule));
    expect(page.html).toContain('href="/leergang/toetsing"');
  });
});

describe("/leergang/toetsing", () => {
  it("shows the assessment policy, linked from the course overview", async () => {
    const page = await app.client().get("/leergang/toetsing");
    expect(page.status).toBe(200);
    expect(page.text).toContain("Toetsbeleid");
    expect(page.text).toContain("De trainer, met de rubric.");
    expect(page.html).toContain('href="/leergang/opbouw"');
  });
});
