// Names and Role Provisioning (issue 25): the trainer of the linked cohort fetches the roster of the LMS course
// (paged with Link rel="next"); everyone on it gets an account by (platform, sub) and a place in the cohort
// (Learner → participant, Instructor → trainer); who is Inactive or no longer on it is marked, never deleted.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { nextPage } from "~/lti/services";
import { createCohort, uniqueEmail } from "../support/factories";
import { FakeLtiPlatform, ROLE } from "../support/fake-lti-platform";
import { startTestApp, type TestApp } from "../support/http";
import { launchFrom, registerFakePlatform } from "../support/lti-launch";
import { participantIn, trainerOf } from "../support/people";

let app: TestApp;
let lms: FakeLtiPlatform;
let cohortId: string;

beforeAll(async () => {
  app = await startTestApp();
  lms = await new FakeLtiPlatform().start();
  cohortId = (await createCohort("NRPS-groep")).id;
  await registerFakePlatform(app, lms, cohortId);
});
afterAll(async () => {
  await lms.stop();
  await app.close();
});

const member = (sub: string, name: string, roles = [ROLE.learner], extra: Record<string, string> = {}) => ({
  user_id: sub,
  name,
  email: uniqueEmail(sub),
  roles,
  status: "Active",
  ...extra,
});

describe("the roster of the LMS course", () => {
  it("reads the next page from a Link header", () => {
    expect(nextPage('<https://lms.test/m?page=2>; rel="next", <https://lms.test/m?page=1>; rel="first"')).toBe(
      "https://lms.test/m?page=2",
    );
    expect(nextPage('<https://lms.test/m?page=1>; rel="first"')).toBeNull();
    expect(nextPage(null)).toBeNull();
  });

  it("adds everyone from every page, marks who left, and keeps them in Gilde", async () => {
    // Two people launched before: one is still in the course, one is Inactive now.
    const stays = member("nrps-1", "Blijft Bakker");
    const leaves = member("nrps-4", "Vertrekt Visser");
    for (const person of [stays, leaves]) {
      lms.person = { sub: person.user_id, email: person.email, name: person.name };
      expect((await launchFrom(app, lms, app.client())).status).toBe(303);
    }
    const newcomer = member("nrps-2", "Nieuwe Noor");
    lms.roster = [
      stays,
      newcomer,
      member("nrps-3", "Docent Dirk", [ROLE.instructor]),
      { ...leaves, status: "Inactive" },
      { user_id: "nrps-5", name: "Zonder Adres", roles: [ROLE.learner], status: "Active" },
    ];
    const trainer = await trainerOf(app, cohortId);
    const before = await trainer.get(`/beoordelen/lti/${cohortId}`);
    expect(before.status).toBe(200);
    expect(before.text).toContain("Creative Communities");
    expect(before.text).toContain("Deelnemerslijst ophalen uit de leeromgeving");
    const context = await db.ltiContext.findFirstOrThrow({ where: { platform: { cohortId } } });

    const synced = await trainer.submit(`/beoordelen/lti/${cohortId}`, {
      intent: "sync-roster",
      contextId: context.id,
    });
    expect(lms.rosterPagesServed).toBe(3);
    expect(synced.text).toContain("2 nieuw in Gilde, 1 al bekend, 1 niet meer in de leeromgeving");
    expect(synced.text).toContain("Niet toegevoegd");
    expect(synced.text).toContain("Zonder Adres");
    const noor = await db.user.findUniqueOrThrow({
      where: { email: newcomer.email },
      include: { enrollments: true },
    });
    expect(noor.enrollments).toEqual([expect.objectContaining({ cohortId, status: "ACTIVE" })]);
    const dirk = await db.user.findFirstOrThrow({ where: { name: "Docent Dirk" }, include: { staffOf: true } });
    expect(dirk.staffOf.map((s) => s.cohortId)).toEqual([cohortId]);
    const row = (name: string) => new RegExp(`${name}.*?(ja|niet meer in de leeromgeving)</`).exec(synced.html)?.[1];
    expect(row("Vertrekt Visser")).toBe("niet meer in de leeromgeving");
    expect(row("Nieuwe Noor")).toBe("ja");

    // Noor leaves the course in the LMS: she is marked, her account and enrollment stay.
    lms.roster = lms.roster.filter((m) => m.user_id !== "nrps-2");
    const again = await trainer.submit(`/beoordelen/lti/${cohortId}`, {
      intent: "sync-roster",
      contextId: context.id,
    });
    expect(again.text).toContain("0 nieuw in Gilde, 2 al bekend, 1 niet meer in de leeromgeving");
    expect(new RegExp(`Nieuwe Noor.*?(ja|niet meer in de leeromgeving)</`).exec(again.html)?.[1]).toBe(
      "niet meer in de leeromgeving",
    );
    expect(await db.enrollment.count({ where: { userId: noor.id, cohortId, status: "ACTIVE" } })).toBe(1);
  });

  it("is the linked cohort's trainers' page only", async () => {
    const other = await trainerOf(app, (await createCohort()).id);
    expect((await other.get(`/beoordelen/lti/${cohortId}`)).status).toBe(404);
    const context = await db.ltiContext.findFirstOrThrow({ where: { platform: { cohortId } } });
    const post = await other.post(`/beoordelen/lti/${cohortId}`, { intent: "sync-roster", contextId: context.id });
    expect(post.status).toBe(404);
    const participant = await participantIn(app, { cohortId });
    expect((await participant.browser.get(`/beoordelen/lti/${cohortId}`)).status).toBe(404);
    // A trainer of another cohort with its own LMS course cannot fetch this course through their own page.
    const otherCohort = (await createCohort()).id;
    const otherTrainer = await trainerOf(app, otherCohort);
    const sideways = await otherTrainer.post(`/beoordelen/lti/${otherCohort}`, {
      intent: "sync-roster",
      contextId: context.id,
    });
    expect(sideways.status).toBe(404);
  });
});
