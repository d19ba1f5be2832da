// LTI Dynamic Registration (issue 25, /lti/register): the fake LMS opens Gilde's registration address with its
// OpenID configuration and a registration token. Gilde shows who asks, registers itself at the platform's
// registration endpoint, and stores the platform waiting for an admin: until approved, no launch gets in. Bad
// configurations, a refusing platform, a second registration and forged or replayed confirmations are refused in
// Dutch, with nothing stored.
import { afterEach, beforeAll, afterAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { makeProof, PROOF_LIFETIME_MS } from "~/lti/registration.server";
import { createCohort, createUser, uniqueEmail } from "../support/factories";
import { FakeLtiPlatform } from "../support/fake-lti-platform";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { launchFrom } from "../support/lti-launch";
import { adminIn } from "../support/people";

let app: TestApp;
const started: FakeLtiPlatform[] = [];

beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());
afterEach(async () => {
  await Promise.all(started.splice(0).map((lms) => lms.stop()));
});

async function newLms(issuerPath = "/moodle") {
  const lms = await new FakeLtiPlatform(issuerPath).start();
  lms.toolJwksUrl = `${app.baseUrl}/lti/jwks`;
  started.push(lms);
  return lms;
}

/** The LMS admin's browser: the confirm page opened in the LMS's frame (or a window of its own). */
function openRegistration(browser: Client, lms: FakeLtiPlatform, { framed = true } = {}) {
  return browser.request(`/lti/register?${lms.registrationQuery()}`, {
    headers: { "Sec-Fetch-Dest": framed ? "iframe" : "document", "Sec-Fetch-Site": "cross-site" },
  });
}

/** "Gilde registreren": the confirm form posts from Gilde's own page. */
function confirm(browser: Client, proof: string, { framed = true } = {}) {
  return browser.request("/lti/register", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: app.baseUrl,
      "Sec-Fetch-Site": "same-origin",
      "Sec-Fetch-Dest": framed ? "iframe" : "document",
    },
    body: new URLSearchParams({ bewijs: proof }).toString(),
  });
}

async function registerThrough(lms: FakeLtiPlatform, browser = app.client(), options = { framed: true }) {
  const page = await openRegistration(browser, lms, options);
  expect(page.status, page.text).toBe(200);
  return confirm(browser, inputValue(page.html, "bewijs")!, options);
}

const platformOf = (lms: FakeLtiPlatform) =>
  db.ltiPlatform.findFirst({
    where: { issuer: lms.issuer },
    include: { deployments: true },
  });

describe("a registration that works", () => {
  it("shows who asks, registers Gilde at the platform and keeps the platform waiting for an admin", async () => {
    const lms = await newLms();
    const browser = app.client();
    const page = await openRegistration(browser, lms);
    expect(page.status).toBe(200);
    expect(page.text).toContain("Gilde koppelen aan je leeromgeving");
    expect(page.text).toContain("Moodle (versie 4.3)");
    expect(page.text).toContain(lms.issuer);
    expect(page.text).toContain("Resultaten in het cijferoverzicht");
    expect(page.text).toContain("keurt een beheerder van Gilde de koppeling goed");
    expect(page.html).toContain("Gilde registreren");
    // The LMS frames this page; nobody else may.
    const csp = page.headers.get("Content-Security-Policy") ?? "";
    expect(csp).toContain(`frame-ancestors ${lms.baseUrl}`);
    expect(page.headers.get("X-Frame-Options")).toBeNull();
    expect(lms.registrations).toHaveLength(0);

    const done = await confirm(browser, inputValue(page.html, "bewijs")!);
    expect(done.status, done.text).toBe(200);
    expect(done.text).toContain("Gilde is geregistreerd");
    expect(done.text).toContain("Een beheerder van Gilde keurt de koppeling nu goed");
    expect(done.html).toMatch(/<script nonce="[^"]+">[^<]*org\.imsglobal\.lti\.close/);
    expect(done.headers.get("Content-Security-Policy")).toContain(`frame-ancestors ${lms.baseUrl}`);

    // What the platform received: the bearer token and Gilde's client registration with the absolute addresses.
    expect(lms.registrations).toHaveLength(1);
    const { authorization, body } = lms.registrations[0]!;
    expect(authorization).toBe("Bearer reg-token-1");
    expect(body).toMatchObject({
      application_type: "web",
      response_types: ["id_token"],
      grant_types: ["implicit", "client_credentials"],
      initiate_login_uri: `${app.baseUrl}/lti/login`,
      redirect_uris: [`${app.baseUrl}/lti/launch`],
      client_name: "Gilde",
      jwks_uri: `${app.baseUrl}/lti/jwks`,
      token_endpoint_auth_method: "private_key_jwt",
    });
    expect(String(body.scope).split(" ").sort()).toEqual([
      "https://purl.imsglobal.org/spec/lti-ags/scope/lineitem",
      "https://purl.imsglobal.org/spec/lti-ags/scope/score",
      "https://purl.imsglobal.org/spec/lti-nrps/scope/contextmembership.readonly",
    ]);
    const tool = body["https://purl.imsglobal.org/spec/lti-tool-configuration"] as Record<string, unknown>;
    expect(tool.domain).toBe(new URL(app.baseUrl).host);
    expect(tool.target_link_uri).toBe(`${app.baseUrl}/dashboard`);
    expect(tool.messages).toContainEqual(
      expect.objectContaining({ type: "LtiDeepLinkingRequest", target_link_uri: `${app.baseUrl}/lti/deep-link` }),
    );

    const platform = await platformOf(lms);
    expect(platform).toMatchObject({
      status: "PENDING",
      clientId: lms.clientId,
      productFamily: "moodle",
      registeredDynamically: true,
      authLoginUrl: `${lms.baseUrl}/auth`,
      accessTokenUrl: `${lms.baseUrl}/token`,
      jwksUrl: `${lms.baseUrl}/jwks`,
      cohortId: null,
    });
    expect(platform!.deployments.map((d) => d.deploymentId)).toEqual([lms.deploymentId]);
  });

  it("refuses launches until an admin approves with a cohort, then launches into that cohort", async () => {
    const lms = await newLms();
    expect((await registerThrough(lms)).status).toBe(200);
    lms.person = { sub: "sub-dr-1", email: uniqueEmail("dr"), name: "Dina Dynamisch" };

    const student = app.client();
    const refused = await student.get(`/lti/login?${lms.loginInitiation(`${app.baseUrl}/modules`)}`);
    expect(refused.status).toBe(403);
    expect(refused.text).toContain("nog niet goedgekeurd");
    // The waiting platform may frame this refusal (its own), and nothing else.
    expect(refused.headers.get("Content-Security-Policy")).toContain(`frame-ancestors ${lms.baseUrl}`);
    expect(await db.user.count({ where: { email: lms.person.email! } })).toBe(0);

    const admin = await adminIn(app);
    const list = await admin.get("/beheer/lti");
    expect(list.text).toContain("Aangemeld, wacht op goedkeuring");
    expect(list.text).toContain("Moodle (127.0.0.1");
    expect(list.text).toContain(lms.issuer);
    const platform = (await platformOf(lms))!;
    const cohort = await createCohort("Dynamisch geregistreerd");
    const approved = await admin.submit("/beheer/lti", {
      intent: "approve-platform",
      platformId: platform.id,
      cohortId: cohort.id,
    });
    expect(approved.text).toContain("is goedgekeurd");

    const launched = await launchFrom(app, lms, app.client());
    expect(launched.status, launched.text).toBe(303);
    const user = await db.user.findUniqueOrThrow({
      where: { email: lms.person.email! },
      include: { enrollments: true },
    });
    expect(user.enrollments).toEqual([expect.objectContaining({ cohortId: cohort.id, status: "ACTIVE" })]);

    // Approved, it sits with the others, its cohort chosen in the form that changes it.
    const after = await admin.get("/beheer/lti");
    expect(after.html).toMatch(new RegExp(`<option value="${cohort.id}" selected`));
    const changed = await admin.submit("/beheer/lti", { intent: "link-cohort", platformId: platform.id, cohortId: "" });
    expect(changed.text).toContain("De groep van");
    expect((await platformOf(lms))!).toMatchObject({ status: "ACTIVE", cohortId: null });
  });

  it("lets an admin refuse a waiting platform: it is gone and launches are refused as unknown", async () => {
    const lms = await newLms();
    await registerThrough(lms);
    const admin = await adminIn(app);
    const platform = (await platformOf(lms))!;
    const refused = await admin.submit("/beheer/lti", { intent: "refuse-platform", platformId: platform.id });
    expect(refused.text).toContain("is geweigerd en verwijderd");
    expect(await platformOf(lms)).toBeNull();
    const login = await app.client().get(`/lti/login?${lms.loginInitiation(`${app.baseUrl}/modules`)}`);
    expect(login.status).toBe(400);
    expect(login.text).toContain("niet bij Gilde geregistreerd");
  });

  it("is active at once when a signed-in admin registers in a window of Gilde's own, not inside a frame", async () => {
    const admin = await createUser({ role: "ADMIN" });
    const own = await newLms();
    const window = await app.client().signInAs(admin);
    const page = await openRegistration(window, own, { framed: false });
    expect(page.text).toContain("ingelogd als beheerder: na het registreren werkt de koppeling meteen");
    const done = await confirm(window, inputValue(page.html, "bewijs")!, { framed: false });
    expect(done.text).toContain("De koppeling werkt");
    expect((await platformOf(own))!.status).toBe("ACTIVE");
    expect((await launchFrom(app, own, app.client())).status).toBe(303);

    // The same admin's cookie inside a frame does not approve anything.
    const framed = await newLms("/tweede");
    const inFrame = await registerThrough(framed, await app.client().signInAs(admin), { framed: true });
    expect(inFrame.text).toContain("keurt de koppeling nu goed");
    expect((await platformOf(framed))!.status).toBe("PENDING");
  });

  it("makes no second platform when the same registration (issuer, client id) comes again", async () => {
    const lms = await newLms();
    lms.registeredClientId = `vast-${lms.clientId}`;
    expect((await registerThrough(lms)).status).toBe(200);
    const again = await registerThrough(lms);
    expect(again.status).toBe(200);
    expect(again.text).toContain("Gilde was al geregistreerd bij deze leeromgeving");
    expect(await db.ltiPlatform.count({ where: { issuer: lms.issuer } })).toBe(1);
    expect((await platformOf(lms))!.deployments).toHaveLength(1);
  });
});

describe("registrations that are refused", () => {
  const broken: [string, (c: Record<string, unknown>) => Record<string, unknown>, string][] = [
    [
      "an issuer the configuration URL does not start with",
      (c) => ({ ...c, issuer: "http://127.0.0.1:9/moodle" }),
      "hoort niet bij dit adres",
    ],
    [
      "an issuer that only shares a prefix",
      (c) => ({ ...c, issuer: `${String(c.issuer).slice(0, -2)}` }),
      "hoort niet bij dit adres",
    ],
    ["no registration endpoint", ({ registration_endpoint: _, ...c }) => c, "registration_endpoint ontbreekt"],
    ["no JWKS address", ({ jwks_uri: _, ...c }) => c, "jwks_uri ontbreekt"],
    [
      "no platform configuration naming the product",
      (c) => ({ ...c, "https://purl.imsglobal.org/spec/lti-platform-configuration": {} }),
      "product_family_code",
    ],
    [
      "an endpoint that is not https",
      (c) => ({ ...c, token_endpoint: "http://lms.hogeschool.test/token" }),
      "geen bruikbaar https-adres",
    ],
  ];
  for (const [what, tamper, says] of broken)
    it(`refuses a configuration with ${what}, in Dutch, and registers nothing`, async () => {
      const lms = await newLms();
      lms.tamperConfiguration = tamper;
      const page = await openRegistration(app.client(), lms);
      expect(page.status).toBe(400);
      expect(page.text).toContain("Gilde kon zich niet registreren");
      expect(page.text).toContain(says);
      expect(page.html).not.toContain('name="bewijs"');
      expect(lms.registrations).toHaveLength(0);
      expect(await platformOf(lms)).toBeNull();
    });

  it("says so when the configuration cannot be fetched (unreachable, or the platform refuses)", async () => {
    const lms = await newLms();
    const configurationUrl = lms.configurationUrl;
    await lms.stop();
    started.splice(started.indexOf(lms), 1);
    const down = await app
      .client()
      .get(`/lti/register?${new URLSearchParams({ openid_configuration: configurationUrl })}`);
    expect(down.status).toBe(502);
    expect(down.text).toContain("Gilde kon je leeromgeving niet bereiken (127.0.0.1");
    expect(down.html).toContain("Opnieuw proberen");

    const other = await newLms();
    const wrongToken = await app
      .client()
      .get(
        `/lti/register?${new URLSearchParams({ openid_configuration: other.configurationUrl, registration_token: "fout" })}`,
      );
    expect(wrongToken.status).toBe(502);
    expect(wrongToken.text).toContain("gaf haar configuratie niet (HTTP 401)");
  });

  it("explains the address when it is opened without a configuration", async () => {
    const page = await app.client().get("/lti/register");
    expect(page.status).toBe(400);
    expect(page.text).toContain("Dit adres is voor je leeromgeving");
    expect(page.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
  });

  it("stores nothing when the registration endpoint refuses, and says which status it gave", async () => {
    const lms = await newLms();
    lms.refuseRegistration = 400;
    const page = await registerThrough(lms);
    expect(page.status).toBe(502);
    expect(page.text).toContain("weigerde de registratie van Gilde (HTTP 400)");
    expect(page.text).toContain("Er is niets opgeslagen");
    expect(page.html).toContain("Opnieuw proberen");
    expect(await platformOf(lms)).toBeNull();
  });

  it("refuses a forged, a replayed and an expired confirmation", async () => {
    const lms = await newLms();
    const browser = app.client();
    const page = await openRegistration(browser, lms);
    const proof = inputValue(page.html, "bewijs")!;

    // Another configuration URL under the same signature: the proof is bound to the address it was made for.
    const [value, signature] = proof.split(".") as [string, string];
    const payload = JSON.parse(Buffer.from(value, "base64url").toString("utf8")) as Record<string, unknown>;
    const swapped = Buffer.from(JSON.stringify({ ...payload, c: "https://elders.test/config" })).toString("base64url");
    const forged = await confirm(browser, `${swapped}.${signature}`);
    expect(forged.status).toBe(400);
    expect(forged.text).toContain("verlopen of klopt niet");
    expect((await confirm(browser, "verzonnen")).status).toBe(400);
    expect(lms.registrations).toHaveLength(0);

    expect((await confirm(browser, proof)).status).toBe(200);
    const replay = await confirm(browser, proof);
    expect(replay.status).toBe(409);
    expect(replay.text).toContain("al gebruikt");
    expect(lms.registrations).toHaveLength(1);

    const old = await makeProof(
      lms.configurationUrl,
      lms.registrationToken,
      new Date(Date.now() - PROOF_LIFETIME_MS - 1000),
    );
    const expired = await confirm(browser, old);
    expect(expired.status).toBe(400);
    expect(lms.registrations).toHaveLength(1);
    expect(await db.ltiPlatform.count({ where: { issuer: lms.issuer } })).toBe(1);
  });
});
