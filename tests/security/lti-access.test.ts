// Who may register LMS platforms (issue 25): only an admin sees /beheer/lti and changes it; a trainer or participant
// is refused and nothing changes. The launch steps accept a post from the LMS's site (exempt from the origin check),
// but only with a state Gilde made. Dynamic registration (/lti/register) is open to anyone, so its confirmation must
// come from Gilde's own page, and a platform that registered itself frames nothing of Gilde's until approved.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeProof } from "~/lti/registration.server";
import { createLtiPlatform, createUser } from "../support/factories";
import { FakeLtiPlatform } from "../support/fake-lti-platform";
import { inputValue, startTestApp, type TestApp } from "../support/http";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const registration = {
  intent: "register",
  name: "Canvas van iemand anders",
  issuer: "https://canvas.instructure.com",
  clientId: "1000000000001",
  deploymentIds: "",
  authLoginUrl: "https://sso.canvaslms.com/api/lti/authorize_redirect",
  accessTokenUrl: "https://sso.canvaslms.com/login/oauth2/token",
  jwksUrl: "https://sso.canvaslms.com/api/lti/security/jwks",
};

describe("/beheer/lti", () => {
  for (const role of ["PARTICIPANT", "TRAINER"] as const)
    it(`refuses a ${role.toLowerCase()} and registers nothing`, async () => {
      const who = await app.client().signInAs(await createUser({ role }));
      expect([403, 404]).toContain((await who.get("/beheer/lti")).status);
      expect([403, 404]).toContain((await who.post("/beheer/lti", registration)).status);
      expect(await db.ltiPlatform.count({ where: { clientId: registration.clientId } })).toBe(0);
    });

  it("sends a visitor who is not signed in to the login page", async () => {
    const page = await app.client().get("/beheer/lti");
    expect(page.location).toMatch(/^\/inloggen/);
  });

  it("lets an admin register a platform, and refuses the same (issuer, client id) twice next to the field", async () => {
    const admin = await app.client().signInAs(await createUser({ role: "ADMIN" }));
    const done = await admin.submit("/beheer/lti", { ...registration, clientId: "1000000000002" });
    expect(done.text).toContain("Canvas van iemand anders is geregistreerd");
    const again = await admin.post("/beheer/lti", { ...registration, clientId: "1000000000002" });
    expect(again.status).toBe(409);
    expect(again.text).toContain("al geregistreerd");
    const bad = await admin.post("/beheer/lti", { ...registration, clientId: "3", jwksUrl: "ftp://nee" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("volledig https-adres");
    expect(bad.html).toContain('value="3"');
  });

  it("refuses a launch post with a state Gilde never made, even from another site", async () => {
    const page = await app
      .client()
      .post("/lti/launch", { id_token: "x.y.z", state: "verzonnen" }, { origin: "https://lms.elders.test" });
    expect(page.status).toBe(400);
    expect(page.text).toContain("verlopen of al gebruikt");
  });
});

describe("/lti/register", () => {
  it("refuses a confirmation posted from another site's page, and sends the platform nothing", async () => {
    const lms = await new FakeLtiPlatform("/moodle").start();
    try {
      const proof = await makeProof(lms.configurationUrl, lms.registrationToken);
      const page = await app.client().post("/lti/register", { bewijs: proof }, { origin: "https://aanvaller.test" });
      expect(page.status).toBe(403);
      expect(lms.registrations).toHaveLength(0);
      expect(await db.ltiPlatform.count({ where: { issuer: lms.issuer } })).toBe(0);
    } finally {
      await lms.stop();
    }
  });

  it("lets a platform waiting for approval frame nothing of Gilde's but its own registration pages", async () => {
    const lms = await new FakeLtiPlatform("/moodle").start();
    try {
      const browser = app.client();
      const confirm = await browser.get(`/lti/register?${lms.registrationQuery()}`);
      expect(confirm.headers.get("Content-Security-Policy")).toContain(`frame-ancestors ${lms.baseUrl}`);
      const done = await browser.post("/lti/register", { bewijs: inputValue(confirm.html, "bewijs")! });
      expect(done.status).toBe(200);
      expect((await db.ltiPlatform.findFirstOrThrow({ where: { issuer: lms.issuer } })).status).toBe("PENDING");
      // Any other launch refusal may be framed by the approved platforms only.
      await createLtiPlatform({
        name: "Goedgekeurd",
        origin: "https://goedgekeurd.lms.test",
        clientId: `c-${lms.clientId}`,
      });
      const query = new URLSearchParams({
        iss: "https://onbekend.test",
        login_hint: "x",
        target_link_uri: app.baseUrl,
      });
      const other = await browser.get(`/lti/login?${query}`);
      expect(other.status).toBe(400);
      expect(other.headers.get("Content-Security-Policy")).toContain("https://goedgekeurd.lms.test");
      expect(other.headers.get("Content-Security-Policy")).not.toContain(lms.baseUrl);
    } finally {
      await lms.stop();
    }
  });
});
