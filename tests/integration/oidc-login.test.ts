// Logging in with eduID / SURFconext (issue 25) against a real OpenID provider on loopback (oidc-provider 8, see
// tests/support/fake-oidc-provider.ts), through the app over HTTP as a browser would: the button, the trip to the
// provider and back, the session it leaves; and everything that must not log anyone in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { LAST_WAY_IN } from "~/lti/oidc-accounts.server";
import { createUser, PASSWORD, uniqueEmail } from "../support/factories";
import {
  EDUID_CALLBACK,
  pointEduidAt,
  startFakeOidcProvider,
  type FakeOidcProvider,
} from "../support/fake-oidc-provider";
import { startTestApp, type Client, type TestApp } from "../support/http";

let app: TestApp;
let eduid: FakeOidcProvider;
let other: FakeOidcProvider;
let restoreEnv: () => void;

beforeAll(async () => {
  const redirectUris = [EDUID_CALLBACK];
  [app, eduid, other] = await Promise.all([
    startTestApp(),
    startFakeOidcProvider({ redirectUris }),
    startFakeOidcProvider({ redirectUris }),
  ]);
  restoreEnv = pointEduidAt(eduid);
});

afterAll(async () => {
  restoreEnv();
  await Promise.all([app.close(), eduid.close(), other.close()]);
});

let subjects = 0;
function eduidAccount(account: Partial<Parameters<FakeOidcProvider["accounts"]["set"]>[1]> = {}) {
  const subject = `eduid-sub-${process.pid}-${subjects++}`;
  eduid.accounts.set(subject, {
    email: uniqueEmail("eduid"),
    email_verified: true,
    given_name: "Sanne",
    family_name: "de Vries",
    eduperson_principal_name: `${subject}@eduid.nl`,
    schac_home_organization: "eduid.nl",
    ...account,
  });
  other.accounts.set(subject, eduid.accounts.get(subject)!);
  return { subject, email: eduid.accounts.get(subject)!.email! };
}

/** Presses "Inloggen met eduID": the authorization URL the browser is sent to. */
async function startLogin(browser: Client, query = "") {
  const start = await browser.get(`/inloggen/eduid${query}`);
  expect(start.status).toBe(302);
  expect(start.location).toMatch(new RegExp(`^${eduid.issuer}/auth\\?`));
  return start.location!;
}

/** Back at Gilde with what the provider sent: the callback's answer. */
async function comeBack(browser: Client, callback: URL) {
  expect(callback.pathname).toBe("/inloggen/eduid/terug");
  return browser.get(callback.pathname + callback.search);
}

async function signedInAs(browser: Client) {
  const page = await browser.get("/account");
  if (page.status !== 200) return null;
  return page;
}

const sessionsOf = (userId: string) => db.session.count({ where: { userId } });

describe("the buttons on /inloggen", () => {
  it("shows a button only for a configured provider", async () => {
    const page = await app.client().get("/inloggen");
    expect(page.text).toContain("Inloggen met eduID");
    expect(page.html).toContain('href="/inloggen/eduid"');
    expect(page.text).not.toContain("Inloggen met SURFconext");
    expect((await app.client().get("/inloggen/surfconext")).status).toBe(404);
  });

  it("says so in Dutch on /inloggen when the provider cannot be reached", async () => {
    process.env.SURFCONEXT_ISSUER = "http://127.0.0.1:9/";
    process.env.SURFCONEXT_CLIENT_ID = "gilde";
    process.env.SURFCONEXT_CLIENT_SECRET = "geheim";
    try {
      const browser = app.client();
      expect((await browser.get("/inloggen")).text).toContain("Inloggen met SURFconext");
      const start = await browser.get("/inloggen/surfconext");
      expect(start.location).toBe("/inloggen?fout=onbereikbaar&via=surfconext");
      const page = await browser.get(start.location!);
      expect(page.text).toContain("SURFconext is nu niet bereikbaar.");
    } finally {
      for (const name of ["SURFCONEXT_ISSUER", "SURFCONEXT_CLIENT_ID", "SURFCONEXT_CLIENT_SECRET"])
        delete process.env[name];
    }
  });
});

describe("a first login with eduID", () => {
  it("makes an account for a new, verified address, keeps eppn and organisation, and signs in", async () => {
    const { subject, email } = eduidAccount();
    const browser = app.client();
    const callback = await eduid.authorize(await startLogin(browser, "?redirectTo=%2Fmodules"), { subject });
    const back = await comeBack(browser, callback);
    expect(back.status).toBe(302);
    expect(back.location).toBe("/modules");
    const user = await db.user.findUniqueOrThrow({
      where: { email },
      select: { id: true, name: true, passwordHash: true, externalIdentities: true },
    });
    expect(user.name).toBe("Sanne de Vries");
    expect(user.passwordHash).toBe("");
    expect(user.externalIdentities).toMatchObject([
      { provider: "EDUID", subject, eppn: `${subject}@eduid.nl`, schacHomeOrganization: "eduid.nl" },
    ]);
    expect((await signedInAs(browser))?.text).toContain("eduID is gekoppeld");
    const events = await db.auditEvent.findMany({ where: { actorId: user.id }, select: { action: true } });
    expect(events.map((e) => e.action).sort()).toEqual(["login", "oidc.account"]);
  });

  it("signs a linked person in to the same account next time, never making a second one", async () => {
    const { subject, email } = eduidAccount();
    const first = app.client();
    await comeBack(first, await eduid.authorize(await startLogin(first), { subject }));
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    // Their address at eduID changes: the subject is the key, not the address.
    eduid.accounts.get(subject)!.email = uniqueEmail("nieuw-adres");
    const second = app.client();
    const back = await comeBack(second, await eduid.authorize(await startLogin(second), { subject }));
    expect(back.location).toBe("/dashboard");
    expect(await sessionsOf(user.id)).toBe(2);
    expect(await db.externalIdentity.count({ where: { subject } })).toBe(1);
    expect(await db.user.count({ where: { email: eduid.accounts.get(subject)!.email! } })).toBe(0);
  });

  it("refuses an address eduID has not verified, and makes no account", async () => {
    const { subject, email } = eduidAccount({ email_verified: false });
    const browser = app.client();
    const back = await comeBack(browser, await eduid.authorize(await startLogin(browser), { subject }));
    expect(back.location).toBe("/inloggen?fout=geen-email&via=eduid");
    expect((await browser.get(back.location!)).text).toContain("eduID gaf geen bevestigd e-mailadres door");
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(await signedInAs(browser)).toBeNull();
  });

  it("tells someone who refused consent what happened, in Dutch, on /inloggen", async () => {
    const browser = app.client();
    const back = await comeBack(browser, await eduid.authorize(await startLogin(browser), { deny: true }));
    expect(back.location).toBe("/inloggen?fout=geweigerd&via=eduid");
    const page = await browser.get(back.location!);
    expect(page.text).toContain("Je hebt het inloggen bij eduID afgebroken of geen toestemming gegeven.");
    expect(page.text).not.toMatch(/access_denied|Error/);
  });
});

describe("what never logs anyone in", () => {
  it("a replayed callback: the second use is refused", async () => {
    const { subject, email } = eduidAccount();
    const browser = app.client();
    const callback = await eduid.authorize(await startLogin(browser), { subject });
    const cookies = new Map(browser.cookies);
    expect((await comeBack(browser, callback)).location).toBe("/dashboard");
    // The same answer again, with the attempt cookie it had (an attacker who saw the URL and the cookie).
    const replay = app.client();
    for (const [name, value] of cookies) replay.cookies.set(name, value);
    const again = await comeBack(replay, callback);
    expect(again.location).toBe("/inloggen?fout=verlopen&via=eduid");
    const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true } });
    expect(await sessionsOf(user.id)).toBe(1);
  });

  it("a callback in another browser, or with another state, is refused", async () => {
    const { subject, email } = eduidAccount();
    const browser = app.client();
    const callback = await eduid.authorize(await startLogin(browser), { subject });
    const elsewhere = await comeBack(app.client(), callback);
    expect(elsewhere.location).toBe("/inloggen?fout=verlopen&via=eduid");

    const tampered = new URL(callback);
    tampered.searchParams.set("state", "een-andere-state");
    expect((await comeBack(browser, tampered)).location).toBe("/inloggen?fout=verlopen&via=eduid");
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("an ID token with another nonce is refused", async () => {
    const { subject, email } = eduidAccount();
    const browser = app.client();
    const url = new URL(await startLogin(browser));
    url.searchParams.set("nonce", "nonce-van-iemand-anders");
    const back = await comeBack(browser, await eduid.authorize(url.href, { subject }));
    expect(back.location).toBe("/inloggen?fout=mislukt&via=eduid");
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await browser.get(back.location!)).text).toContain("Het antwoord van eduID klopte niet");
  });

  it("an answer from another issuer is refused", async () => {
    const { subject, email } = eduidAccount();
    const browser = app.client();
    const url = new URL(await startLogin(browser));
    const elsewhere = new URL(url.pathname + url.search, other.issuer);
    const back = await comeBack(browser, await other.authorize(elsewhere.href, { subject }));
    expect(back.location).toBe("/inloggen?fout=mislukt&via=eduid");
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect(
      await db.auditEvent.count({ where: { action: "oidc.failed", summary: { startsWith: "eduID: mislukt" } } }),
    ).toBeGreaterThan(0);
  });
});

describe("an address that already has a password account", () => {
  it("is linked only after that account's password, and then signs in", async () => {
    const owner = await createUser({ name: "Petra Wachtwoord" });
    const { subject } = eduidAccount({ email: owner.email });
    const browser = app.client();
    const back = await comeBack(browser, await eduid.authorize(await startLogin(browser), { subject }));
    expect(back.location).toBe("/inloggen/koppelen");
    expect(await db.externalIdentity.count({ where: { subject } })).toBe(0);
    expect(await sessionsOf(owner.id)).toBe(0);

    const page = await browser.get("/inloggen/koppelen");
    expect(page.text).toContain("Koppel eduID aan je account");
    expect(page.text).toContain(owner.email);

    const wrong = await browser.post("/inloggen/koppelen", { password: "niet-het-wachtwoord" });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Dit e-mailadres en wachtwoord horen niet bij elkaar.");
    expect(await db.externalIdentity.count({ where: { subject } })).toBe(0);

    const right = await browser.post("/inloggen/koppelen", { password: PASSWORD });
    expect(right.status).toBe(302);
    expect(right.location).toBe("/dashboard");
    expect(await db.externalIdentity.findFirst({ where: { subject }, select: { userId: true } })).toEqual({
      userId: owner.id,
    });
    expect(await db.auditEvent.count({ where: { action: "oidc.link", actorId: owner.id } })).toBe(1);
    // The linking page is used up.
    expect((await browser.get("/inloggen/koppelen")).location).toBe("/inloggen?fout=verlopen");
    // Next time eduID alone is enough.
    const later = app.client();
    expect((await comeBack(later, await eduid.authorize(await startLogin(later), { subject }))).location).toBe(
      "/dashboard",
    );
  });

  it("cannot be reached without the trip to eduID", async () => {
    const page = await app.client().get("/inloggen/koppelen");
    expect(page.location).toBe("/inloggen?fout=verlopen");
    const post = await app.client().post("/inloggen/koppelen", { password: PASSWORD });
    expect(post.location).toBe("/inloggen?fout=verlopen");
  });
});

describe("linking and unlinking on /account", () => {
  it("links eduID to the signed-in account, then unlinks it", async () => {
    const user = await createUser({ name: "Karim Koppelaar" });
    const { subject } = eduidAccount({ email: uniqueEmail("ander-adres") });
    const browser = await app.client().signInAs(user);
    expect((await browser.get("/account")).text).toContain("eduID is niet gekoppeld.");
    const start = await browser.post("/inloggen/eduid", {});
    expect(start.location).toMatch(new RegExp(`^${eduid.issuer}/auth\\?`));
    const back = await comeBack(browser, await eduid.authorize(start.location!, { subject }));
    expect(back.location).toBe("/account#inloggen-met");
    const account = await browser.follow(back);
    expect(account.text).toContain("eduID is gekoppeld. Je kunt nu ook met eduID inloggen.");
    expect(account.text).toContain(`(${subject}@eduid.nl)`);
    const identity = await db.externalIdentity.findFirstOrThrow({
      where: { subject },
      select: { id: true, userId: true },
    });
    expect(identity.userId).toBe(user.id);

    const unlinked = await browser.submit("/account", { intent: "unlink-oidc", identity: identity.id });
    expect(unlinked.text).toContain("eduID is ontkoppeld.");
    expect(await db.externalIdentity.count({ where: { subject } })).toBe(0);
    expect(await db.auditEvent.count({ where: { action: "oidc.unlink", actorId: user.id } })).toBe(1);
  });

  it("refuses to unlink the only way in of an account without a password", async () => {
    const { subject, email } = eduidAccount();
    const browser = app.client();
    await comeBack(browser, await eduid.authorize(await startLogin(browser), { subject }));
    const identity = await db.externalIdentity.findFirstOrThrow({ where: { subject }, select: { id: true } });
    const refused = await browser.post("/account", { intent: "unlink-oidc", identity: identity.id });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain(LAST_WAY_IN);
    expect(await db.externalIdentity.count({ where: { subject } })).toBe(1);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });
});
