// Who may see and do what with certificates: the JSON and PDF are their participant's only (anyone else gets the
// same 404 as for an id that does not exist); revoking, re-issuing, rotating the key, the issuer settings and the
// edubadges CSV are the admin's only; a participant cannot re-issue someone else's certificate.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { issueCredential } from "~/credentials/issue.server";
import { db } from "~/db.server";
import { createCohort, createUser, enroll } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { adminIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

async function alumnusWithCredential(name: string) {
  const cohort = await createCohort();
  const user = await createUser({ name });
  await db.enrollment.create({
    data: { userId: user.id, cohortId: cohort.id, status: "COMPLETED", completedAt: new Date(Date.now() - 60_000) },
  });
  const { id } = await issueCredential(cohort.id, user.id);
  return { user, cohortId: cohort.id, credentialId: id, browser: await app.client().signInAs(user) };
}

describe("certificate downloads", () => {
  it("are the participant's own: another participant, a trainer and an admin get a 404, anonymous a login", async () => {
    const owner = await alumnusWithCredential("Olga Eigenaar");
    const other = await alumnusWithCredential("Otto Ander");
    const trainer = await trainerOf(app, owner.cohortId);
    const admin = await adminIn(app);
    for (const kind of ["json", "pdf"]) {
      const path = `/account/certificaat/${owner.credentialId}/${kind}`;
      expect((await owner.browser.get(path)).status).toBe(200);
      for (const stranger of [other.browser, trainer, admin]) {
        const page = await stranger.get(path);
        expect(page.status).toBe(404);
        expect(page.html).not.toContain("Olga Eigenaar");
      }
      const anonymous = await app.client().get(path);
      expect(anonymous.status).toBe(302);
      expect(anonymous.location).toContain("/inloggen");
    }
  });

  it("refuse a participant who re-issues someone else's certificate, and change nothing", async () => {
    const owner = await alumnusWithCredential("Petra Eigenaar");
    const other = await alumnusWithCredential("Paul Ander");
    await db.user.update({ where: { id: owner.user.id }, data: { name: "Petra Nieuw" } });
    const refused = await other.browser.post("/account/certificaat", {
      intent: "reissue",
      credentialId: owner.credentialId,
    });
    expect(refused.status).toBe(404);
    expect(await db.credential.count({ where: { userId: owner.user.id } })).toBe(1);
  });

  it("give a participant who has not completed nothing to download", async () => {
    const cohort = await createCohort();
    const user = await createUser();
    await enroll(user.id, cohort.id);
    const browser = await app.client().signInAs(user);
    const page = await browser.get("/account/certificaat");
    expect(page.text).not.toContain("downloaden");
    expect(await db.credential.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the admin's certificate page", () => {
  it("is closed to participants and trainers, for reading and for every action", async () => {
    const owner = await alumnusWithCredential("Ria Revoke");
    const trainer = await trainerOf(app, owner.cohortId);
    for (const client of [owner.browser, trainer]) {
      expect((await client.get("/beheer/certificaten")).status).toBe(403);
      expect((await client.get(`/beheer/certificaten/edubadges/${owner.cohortId}`)).status).toBe(403);
      const attempts: Record<string, string>[] = [
        { intent: "revoke", credentialId: owner.credentialId, reason: "Zomaar ingetrokken." },
        { intent: "reissue", credentialId: owner.credentialId },
        { intent: "rotate" },
        { intent: "settings", name: "Nep", url: "https://nep.example", email: "nep@nep.example" },
      ];
      for (const fields of attempts) expect((await client.post("/beheer/certificaten", fields)).status).toBe(403);
    }
    const stored = await db.credential.findUniqueOrThrow({ where: { id: owner.credentialId } });
    expect(stored.revokedAt).toBeNull();
    expect(await db.issuerSettings.count({ where: { name: "Nep" } })).toBe(0);
  });

  it("answers 404 for a cohort that does not exist in the edubadges export", async () => {
    const admin = await adminIn(app);
    expect((await admin.get("/beheer/certificaten/edubadges/bestaat-niet")).status).toBe(404);
  });
});
