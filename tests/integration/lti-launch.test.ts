// LTI 1.3 launch (issue 25): a fake LMS on loopback starts Gilde through /lti/login and /lti/launch. The id_token is
// checked (iss, aud, exp, iat with skew, nonce once, the platform's keys with one refetch for a new kid), an unknown
// deployment waits for the admin, the state is bound to the browser by a cookie or the platform's storage, people
// are matched by (platform, sub), and LMS roles give a place in the linked cohort.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { forgetPlatformKeys } from "~/lti/platform-keys.server";
import { createCohort, createUser, uniqueEmail } from "../support/factories";
import { FakeLtiPlatform, ROLE } from "../support/fake-lti-platform";
import { startTestApp, type Client, type TestApp } from "../support/http";

let app: TestApp;
let lms: FakeLtiPlatform;
let cohortId: string;
let platformId: string;

async function register(platform: FakeLtiPlatform, cohort: string | null, deployments = [platform.deploymentId]) {
  const row = await db.ltiPlatform.create({
    data: {
      name: `Brightspace ${platform.clientId}`,
      ...platform.registration(),
      cohortId: cohort,
      deployments: { create: deployments.map((deploymentId) => ({ deploymentId })) },
    },
  });
  return row.id;
}

beforeAll(async () => {
  app = await startTestApp();
  lms = await new FakeLtiPlatform().start();
  cohortId = (await createCohort("LTI-groep")).id;
  platformId = await register(lms, cohortId);
});
afterAll(async () => {
  await lms.stop();
  await app.close();
});
beforeEach(() => {
  lms.tamper = (claims) => claims;
  lms.person = {
    sub: `sub-${Math.random().toString(36).slice(2)}`,
    email: uniqueEmail("student"),
    name: "Sam Student",
  };
});

type LaunchOptions = { framed?: boolean; target?: string; login?: Record<string, string>; keepCookie?: boolean };

/** The browser's part: login initiation, the platform's answer, the form post to the redirect URI. */
async function startLaunch(browser: Client, platform = lms, options: LaunchOptions = {}) {
  const target = options.target ?? `${app.baseUrl}/modules`;
  const login = await browser.get(`/lti/login?${platform.loginInitiation(target, options.login)}`);
  let authUrl = login.location;
  if (options.login?.lti_storage_target) {
    // The state goes into the platform's storage first; the page then goes on to the authorisation endpoint.
    expect(login.status).toBe(200);
    expect(login.html).toContain("lti.put_data");
    authUrl = /<a href="([^"]+)">Verder/.exec(login.html)![1]!.replace(/&amp;/g, "&");
  } else expect(login.status, login.text).toBe(302);
  const answer = await platform.authorize(authUrl!);
  return { answer, post: (fields = answer.fields) => postLaunch(browser, platform, fields, options) };
}

function postLaunch(
  browser: Client,
  platform: FakeLtiPlatform,
  fields: Record<string, string>,
  options: LaunchOptions,
) {
  if (options.keepCookie === false)
    for (const name of [...browser.cookies.keys()])
      if (name.startsWith("gilde_lti_state_")) browser.cookies.delete(name);
  return browser.request("/lti/launch", {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      Origin: platform.baseUrl,
      "Sec-Fetch-Site": "cross-site",
      "Sec-Fetch-Dest": options.framed ? "iframe" : "document",
    },
    body: new URLSearchParams(fields).toString(),
  });
}

async function launch(browser: Client, platform = lms, options: LaunchOptions = {}) {
  return (await startLaunch(browser, platform, options)).post();
}

describe("a launch that works", () => {
  it("makes an account for a new learner, enrols them in the linked cohort and lands on the linked page", async () => {
    const browser = app.client();
    const page = await launch(browser, lms, { target: `${app.baseUrl}/modules` });
    expect(page.status, page.text).toBe(303);
    expect(page.location).toBe("/modules");
    const user = await db.user.findUniqueOrThrow({
      where: { email: lms.person.email! },
      include: { enrollments: true },
    });
    expect(user.name).toBe("Sam Student");
    expect(user.enrollments).toEqual([expect.objectContaining({ cohortId, status: "ACTIVE" })]);
    const dashboard = await browser.get("/dashboard");
    expect(dashboard.status).toBe(200);
    expect(dashboard.text).toContain("Sam Student");
  });

  it("finds the same person again by (platform, sub), even when the LMS sends another address", async () => {
    await launch(app.client());
    const first = await db.ltiIdentity.findUniqueOrThrow({
      where: { platformId_sub: { platformId, sub: lms.person.sub } },
    });
    lms.person = { ...lms.person, email: uniqueEmail("ander") };
    expect((await launch(app.client())).status).toBe(303);
    const identities = await db.ltiIdentity.findMany({ where: { platformId, sub: lms.person.sub } });
    expect(identities.map((i) => i.userId)).toEqual([first.userId]);
    expect(await db.user.count({ where: { email: lms.person.email! } })).toBe(0);
  });

  it("makes an Instructor a trainer of the linked cohort", async () => {
    lms.person = { ...lms.person, roles: [ROLE.instructor] };
    expect((await launch(app.client())).status).toBe(303);
    const user = await db.user.findUniqueOrThrow({ where: { email: lms.person.email! }, include: { staffOf: true } });
    expect(user.role).toBe("TRAINER");
    expect(user.staffOf.map((s) => s.cohortId)).toEqual([cohortId]);
  });

  it("never takes over an existing account by its e-mail address alone", async () => {
    const existing = await createUser({ email: lms.person.email! });
    const page = await launch(app.client());
    expect(page.status).toBe(409);
    expect(page.text).toContain("Gilde koppelt accounts niet op e-mailadres alleen");
    expect(await db.ltiIdentity.count({ where: { userId: existing.id } })).toBe(0);
  });

  it("links the account of whoever is signed in to Gilde when the launch begins in a window of its own", async () => {
    const existing = await createUser({ email: lms.person.email! });
    const browser = await app.client().signInAs(existing);
    expect((await launch(browser)).status).toBe(303);
    const identity = await db.ltiIdentity.findUniqueOrThrow({
      where: { platformId_sub: { platformId, sub: lms.person.sub } },
    });
    expect(identity.userId).toBe(existing.id);
  });

  it("accepts an iat up to 60 seconds in the future (clock skew)", async () => {
    lms.tamper = (c) => ({ ...c, iat: (c.iat as number) + 45 });
    expect((await launch(app.client())).status).toBe(303);
  });
});

describe("id_tokens that are refused", () => {
  const cases: [string, (c: Record<string, unknown>) => Record<string, unknown>][] = [
    ["a wrong issuer", (c) => ({ ...c, iss: "https://elders.test" })],
    ["a wrong audience", (c) => ({ ...c, aud: "iemand-anders" })],
    ["several audiences without azp for us", (c) => ({ ...c, aud: [c.aud, "ander"], azp: "ander" })],
    ["an expired token", (c) => ({ ...c, exp: (c.iat as number) - 120, iat: (c.iat as number) - 400 })],
    ["an iat two minutes in the future", (c) => ({ ...c, iat: (c.iat as number) + 120, exp: (c.iat as number) + 600 })],
    [
      "a token older than the maximum age",
      (c) => ({ ...c, iat: (c.iat as number) - 3600, exp: (c.iat as number) + 600 }),
    ],
    ["another message type", (c) => ({ ...c, "https://purl.imsglobal.org/spec/lti/claim/message_type": "Iets" })],
    ["another LTI version", (c) => ({ ...c, "https://purl.imsglobal.org/spec/lti/claim/version": "1.1" })],
  ];
  for (const [what, tamper] of cases)
    it(`refuses ${what} with a Dutch page and makes no account`, async () => {
      lms.tamper = tamper;
      const page = await launch(app.client());
      expect([400, 401]).toContain(page.status);
      expect(page.text).toContain("Gilde kon niet starten vanuit je leeromgeving");
      expect(await db.user.count({ where: { email: lms.person.email! } })).toBe(0);
    });

  it("refuses a replayed launch (the same id_token and state twice, or the old token with a new state)", async () => {
    const browser = app.client();
    const first = await startLaunch(browser);
    expect((await first.post()).status).toBe(303);
    const again = await first.post();
    expect(again.status).toBe(400);
    expect(again.text).toContain("verlopen of al gebruikt");
    const second = await startLaunch(browser);
    const replay = await second.post({ ...second.answer.fields, id_token: first.answer.fields.id_token! });
    expect(replay.status).toBe(400);
  });

  it("fetches the JWKS once more for a key it does not know, and only once", async () => {
    forgetPlatformKeys();
    await launch(app.client());
    const before = lms.jwksFetches;
    await lms.rotateKey();
    expect((await launch(app.client())).status).toBe(303);
    expect(lms.jwksFetches).toBe(before + 1);
    await lms.signWithUnpublishedKey();
    expect((await launch(app.client())).status).toBe(401);
    expect(lms.jwksFetches).toBe(before + 2);
    await lms.rotateKey();
  });

  it("refuses an initiation from an issuer that is not registered (400, in Dutch)", async () => {
    const page = await app
      .client()
      .get(
        `/lti/login?${new URLSearchParams({ iss: "https://onbekend.test", login_hint: "x", target_link_uri: app.baseUrl })}`,
      );
    expect(page.status).toBe(400);
    expect(page.text).toContain("niet bij Gilde geregistreerd");
  });
});

describe("deployments, shared issuers and the state", () => {
  it("puts an unknown deployment on the admin's pending list and launches once it is accepted", async () => {
    lms.tamper = (c) => ({ ...c, "https://purl.imsglobal.org/spec/lti/claim/deployment_id": "nieuwe-cursus" });
    const page = await launch(app.client());
    expect(page.status).toBe(403);
    expect(page.text).toContain("moet de koppeling eerst goedkeuren");
    const pending = await db.ltiDeployment.findUniqueOrThrow({
      where: { platformId_deploymentId: { platformId, deploymentId: "nieuwe-cursus" } },
    });
    expect(pending.status).toBe("PENDING");

    const admin = await app.client().signInAs(await createUser({ role: "ADMIN" }));
    const list = await admin.get("/beheer/lti");
    expect(list.text).toContain("Wacht op goedkeuring");
    const accepted = await admin.submit("/beheer/lti", { intent: "accept-deployment", deploymentId: pending.id });
    expect(accepted.text).toContain("nieuwe-cursus");
    expect((await launch(app.client())).status).toBe(303);
  });

  it("keeps two registrations with one issuer (Canvas cloud) apart by client id", async () => {
    const other = await new FakeLtiPlatform().start();
    try {
      // The same issuer as lms, its own client id and keys.
      Object.defineProperty(other, "issuer", { get: () => lms.issuer });
      const otherId = await register(other, null);
      other.person = { sub: lms.person.sub, email: uniqueEmail("tweede"), name: "Tweede Omgeving" };
      expect((await launch(app.client(), other)).status).toBe(303);
      const identity = await db.ltiIdentity.findUniqueOrThrow({
        where: { platformId_sub: { platformId: otherId, sub: other.person.sub } },
      });
      expect(await db.ltiIdentity.count({ where: { platformId, sub: other.person.sub } })).toBe(0);
      expect(identity.platformId).toBe(otherId);
    } finally {
      await other.stop();
    }
  });

  it("refuses a launch whose state cookie did not come back, when the platform offers no storage", async () => {
    const page = await launch(app.client(), lms, { keepCookie: false, framed: true });
    expect(page.status).toBe(400);
    expect(page.text).toContain("Open Gilde in een nieuw venster");
  });

  it("without the cookie, reads the state back from the platform's storage and then launches", async () => {
    const browser = app.client();
    const started = await startLaunch(browser, lms, {
      keepCookie: false,
      framed: true,
      login: { lti_storage_target: "post_message_forwarding" },
    });
    const fields: Record<string, string> = { ...started.answer.fields, lti_storage_target: "post_message_forwarding" };
    const page = await started.post(fields);
    expect(page.status).toBe(200);
    expect(page.html).toContain("lti.get_data");
    expect(page.headers.get("Content-Security-Policy")).toContain(`frame-ancestors ${lms.baseUrl}`);
    const wrong = await started.post({ ...fields, storage_state: "iets-anders" });
    expect(wrong.status).toBe(400);
    const done = await started.post({ ...fields, storage_state: fields.state! });
    expect(done.status, done.text).toBe(303);
  });

  it("lets the LMS frame the pages of a framed session, and nobody frame anything else", async () => {
    const framed = app.client();
    expect((await launch(framed, lms, { framed: true })).status).toBe(303);
    const inFrame = await framed.request("/dashboard", { headers: { "Sec-Fetch-Dest": "iframe" } });
    expect(inFrame.headers.get("Content-Security-Policy")).toContain(`frame-ancestors ${lms.baseUrl}`);
    expect(inFrame.headers.get("X-Frame-Options")).toBeNull();
    expect(inFrame.headers.get("Gilde-Frame-Ancestors")).toBeNull();
    const topLevel = await framed.get("/dashboard");
    expect(topLevel.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");

    const own = app.client();
    expect((await launch(own, lms)).status).toBe(303);
    const ownInFrame = await own.request("/dashboard", { headers: { "Sec-Fetch-Dest": "iframe" } });
    expect(ownInFrame.headers.get("Content-Security-Policy")).toContain("frame-ancestors 'none'");
    expect(ownInFrame.headers.get("X-Frame-Options")).toBe("DENY");
  });

  it("publishes the tool's public key at /lti/jwks", async () => {
    const page = await app.client().get("/lti/jwks");
    const jwks = JSON.parse(page.html) as { keys: { kty: string; kid: string; alg: string; d?: string }[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kty: "RSA", alg: "RS256", kid: expect.any(String) })]);
    expect(jwks.keys[0]!.d).toBeUndefined();
  });
});
