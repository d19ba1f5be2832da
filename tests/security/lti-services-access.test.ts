// Who may use the LTI services' pages (issue 25): a cohort's LMS roster page is for that cohort's trainers and the
// admin only (others: 404, as for every cohort page); a deep-linking request is only its own teacher's, and a
// made-up or used one is refused in Dutch.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createCohort, createUser } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { adminIn, participantIn, trainerOf } from "../support/people";

let app: TestApp;
let cohortId: string;
beforeAll(async () => {
  app = await startTestApp();
  cohortId = (await createCohort("Beveiligde LTI-groep")).id;
});
afterAll(() => app.close());

describe("/beoordelen/lti/:cohortId", () => {
  it("shows the roster page to the cohort's trainer and the admin", async () => {
    expect((await (await trainerOf(app, cohortId)).get(`/beoordelen/lti/${cohortId}`)).status).toBe(200);
    const admin = await (await adminIn(app)).get(`/beoordelen/lti/${cohortId}`);
    expect(admin.status).toBe(200);
    expect(admin.text).toContain("Nog geen cursus gekoppeld");
  });

  it("is 404 for a participant of the cohort, another cohort's trainer and an unknown cohort", async () => {
    const participant = await participantIn(app, { cohortId });
    expect((await participant.browser.get(`/beoordelen/lti/${cohortId}`)).status).toBe(404);
    const other = await trainerOf(app, (await createCohort()).id);
    expect((await other.get(`/beoordelen/lti/${cohortId}`)).status).toBe(404);
    expect((await other.post(`/beoordelen/lti/${cohortId}`, { intent: "sync-roster", contextId: "x" })).status).toBe(
      404,
    );
    const admin = await adminIn(app);
    expect((await admin.get("/beoordelen/lti/bestaat-niet")).status).toBe(404);
  });

  it("sends a visitor who is not signed in to the login page", async () => {
    expect((await app.client().get(`/beoordelen/lti/${cohortId}`)).location).toMatch(/^\/inloggen/);
  });
});

describe("/lti/deep-link", () => {
  it("refuses a made-up request in Dutch, on the picker and on the answer", async () => {
    const teacher = await app.client().signInAs(await createUser({ role: "TRAINER" }));
    const picker = await teacher.get("/lti/deep-link?verzoek=verzonnen");
    expect(picker.status).toBe(404);
    expect(picker.text).toContain("verlopen of al afgehandeld");
    const answer = await teacher.get("/lti/deep-link/antwoord?verzoek=verzonnen");
    expect(answer.status).toBe(404);
    expect(answer.text).toContain("verlopen of al afgehandeld");
    const chosen = await teacher.post("/lti/deep-link?verzoek=verzonnen", {
      verzoek: "verzonnen",
      kies: "/modules",
    });
    expect(chosen.status).toBe(404);
  });

  it("sends a visitor who is not signed in to the login page", async () => {
    expect((await app.client().get("/lti/deep-link?verzoek=x")).location).toMatch(/^\/inloggen/);
    expect((await app.client().get("/lti/deep-link/antwoord?verzoek=x")).location).toMatch(/^\/inloggen/);
  });
});
