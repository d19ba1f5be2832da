// "Wie loopt vast?": the flags for prepared data, the order by risk, the page and its CSV, and "Stuur een
// berichtje" landing in the outbox addressed by first name and in the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { stuckOverview } from "~/grading/overview.server";
import { createCohort, createPeerReview, createSubmission, createUser, enroll } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const DAY = 24 * 60 * 60 * 1000;
const now = new Date();
const ago = (days: number) => new Date(now.getTime() - days * DAY);

/**
 * A running cohort whose first two assignments were due last week and whose first module has been open for a
 * month, with one participant per flag: Aart (late twice), Bea (revision open), Chris (feedback overdue),
 * Daan (30 days inactive), Eva (reading behind).
 */
async function stuckCohort() {
  const cohort = await createCohort();
  await db.cohort.update({ where: { id: cohort.id }, data: { startsOn: ago(10), endsOn: ago(-200) } });
  const [first, second] = [at(getCourse().modules, 0), at(getCourse().modules, 1)];
  const slugs = [at(first.assignments, 0).slug, at(second.assignments, 0).slug];
  for (const slug of slugs)
    await db.assignmentSchedule.create({ data: { cohortId: cohort.id, assignmentSlug: slug, dueAt: ago(7) } });
  await db.moduleRelease.create({ data: { cohortId: cohort.id, moduleSlug: first.slug, opensOn: ago(30) } });
  const people: Record<string, string> = {};
  for (const name of ["Aart Achter", "Bea Bijwerken", "Chris Commentaar", "Daan Dommel", "Eva Ezel", "Fleur Fijn"]) {
    const user = await createUser({ name });
    await enroll(user.id, cohort.id);
    people[name.split(" ")[0]!] = user.id;
  }
  const id = (name: string) => people[name]!;
  // Everyone but Aart handed in both; Bea's first came back for revision; Daan did so a month ago.
  for (const name of ["Bea", "Chris", "Daan", "Eva", "Fleur"])
    for (const [index, slug] of slugs.entries()) {
      const submission = await createSubmission({
        userId: id(name),
        cohortId: cohort.id,
        assignmentSlug: slug,
        status: name === "Bea" && index === 0 ? "RETURNED" : "SUBMITTED",
      });
      if (name === "Daan")
        await db.submissionVersion.update({ where: { id: submission.version.id }, data: { handedInAt: ago(30) } });
      if (name === "Fleur" && index === 0)
        await createPeerReview({ submission, reviewerId: id("Chris"), dueAt: ago(2) });
    }
  // Everyone but Eva read the first module (Daan long ago).
  for (const name of ["Aart", "Bea", "Chris", "Daan", "Fleur"])
    await db.sectionRead.createMany({
      data: first.sections.map((s) => ({
        userId: id(name),
        moduleSlug: first.slug,
        sectionId: s.anchor,
        readAt: name === "Daan" ? ago(31) : now,
      })),
    });
  return { cohortId: cohort.id, id };
}

describe("who is stuck", () => {
  it("flags late work, open revisions, overdue feedback, inactivity and reading behind, and sorts by risk", async () => {
    const { cohortId } = await stuckCohort();
    const overview = await stuckOverview(cohortId, "risico", now);
    const kinds = Object.fromEntries(overview.rows.map((r) => [r.name.split(" ")[0], r.flags.map((f) => f.kind)]));
    expect(kinds).toEqual({
      Aart: ["late"],
      Bea: ["revision"],
      Chris: ["reviews"],
      Daan: ["inactive"],
      Eva: ["reading"],
      Fleur: [],
    });
    expect(overview.rows.map((r) => r.name.split(" ")[0])).toEqual(["Aart", "Bea", "Daan", "Chris", "Eva", "Fleur"]);
    const aart = at(overview.rows, 0);
    expect(aart.flags[0]?.label).toBe("Te laat (2)");
    expect(aart.risk).toBeGreaterThan(at(overview.rows, 1).risk);
    expect(overview.rows.find((r) => r.name.startsWith("Daan"))?.flags[0]?.label).toBe("30 dagen stil");
    // The call the dashboard makes (cohort only) still works and carries the same flags.
    const plain = await stuckOverview(cohortId);
    expect(plain.rows.find((r) => r.name.startsWith("Eva"))?.flags.map((f) => f.kind)).toEqual(["reading"]);
  });

  it("shows one line per person with the flags as labels, explains the 14 days, and exports them as CSV", async () => {
    const { cohortId } = await stuckCohort();
    const trainer = await trainerOf(app, cohortId);
    const page = await trainer.get(`/beoordelen/overzicht?groep=${cohortId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("5 van de 6 deelnemers hebben een signaal");
    expect(page.text).toContain("14 dagen of langer");
    const order = ["Aart Achter", "Bea Bijwerken", "Daan Dommel", "Chris Commentaar", "Eva Ezel"].map((name) =>
      page.text.indexOf(name),
    );
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page.text).toContain("Herziening open");
    expect(page.text).toContain("Feedback te laat (1)");
    const csv = await trainer.get(`/beoordelen/overzicht/csv?groep=${cohortId}`);
    const [header, firstRow] = csv.html.replace(/^\uFEFF/, "").split(/\r?\n/);
    expect(header).toMatch(/^Deelnemer;Signalen;/);
    expect(firstRow).toMatch(/^Aart Achter;Te laat \(2\);/);
  });
});

describe("Stuur een berichtje", () => {
  it("prefills a warm message, mails it through the outbox greeting by first name, and audits it", async () => {
    const { cohortId, id } = await stuckCohort();
    const trainer = await trainerOf(app, cohortId);
    const form = await trainer.get(`/beoordelen/bericht/${cohortId}/${id("Aart")}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain("Stuur Aart een berichtje");
    expect(form.html).toMatch(/<textarea[^>]*>Hoi Aart,\n\nik zag dat de deadline van een opdracht voorbij is/);

    const empty = await trainer.post(`/beoordelen/bericht/${cohortId}/${id("Aart")}`, { text: "  " });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Schrijf een berichtje");
    const aart = await db.user.findUniqueOrThrow({ where: { id: id("Aart") } });
    expect(await db.outboxMessage.count({ where: { to: aart.email } })).toBe(0);

    const sent = await trainer.submit(`/beoordelen/bericht/${cohortId}/${id("Aart")}`, {
      text: "Ik zag dat je twee opdrachten nog niet hebt ingeleverd. Zullen we even bellen?",
    });
    expect(sent.text).toContain("Je berichtje aan Aart is verstuurd.");
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: aart.email } });
    expect(mail.text.startsWith("Hoi Aart,\n\nIk zag dat je twee opdrachten")).toBe(true);
    expect(mail.subject).toContain("je trainer");
    const event = await db.auditEvent.findFirstOrThrow({
      where: { action: "participant.message", subjectId: aart.id },
    });
    expect(event.summary).toContain("Aart Achter");
    expect(event.summary).not.toContain("bellen");
  });

  it("is only for a trainer of the cohort, and only to its active participants", async () => {
    const { cohortId, id } = await stuckCohort();
    const stranger = await trainerOf(app, (await createCohort()).id);
    expect((await stranger.get(`/beoordelen/bericht/${cohortId}/${id("Aart")}`)).status).toBe(404);
    expect((await stranger.post(`/beoordelen/bericht/${cohortId}/${id("Aart")}`, { text: "Hoi" })).status).toBe(404);
    const trainer = await trainerOf(app, cohortId);
    const outsider = await createUser({ name: "Olga Buiten" });
    expect((await trainer.get(`/beoordelen/bericht/${cohortId}/${outsider.id}`)).status).toBe(404);
  });
});
