// Who may do what with eduID / SURFconext logins (issue 25): nobody unlinks someone else's, nobody links a
// provider account that already belongs to another person, a forged attempt cookie gets nowhere, a link can only
// be started by the signed-in person from our own pages, and the login never leaves for another site.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createUser, uniqueEmail } from "../support/factories";
import {
  EDUID_CALLBACK,
  pointEduidAt,
  startFakeOidcProvider,
  type FakeOidcProvider,
} from "../support/fake-oidc-provider";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { adminIn } from "../support/people";

let app: TestApp;
let eduid: FakeOidcProvider;
let restoreEnv: () => void;

beforeAll(async () => {
  [app, eduid] = await Promise.all([startTestApp(), startFakeOidcProvider({ redirectUris: [EDUID_CALLBACK] })]);
  restoreEnv = pointEduidAt(eduid);
});
afterAll(async () => {
  restoreEnv();
  await Promise.all([app.close(), eduid.close()]);
});

let n = 0;
function account() {
  const subject = `sec-sub-${process.pid}-${n++}`;
  eduid.accounts.set(subject, { email: uniqueEmail("sec"), email_verified: true, given_name: "Sec" });
  return subject;
}

async function callbackFor(browser: Client, start: string, subject: string) {
  const callback = await eduid.authorize(start, { subject });
  return browser.get(callback.pathname + callback.search);
}

async function loginWithEduid(browser: Client, subject: string, query = "") {
  const start = await browser.get(`/inloggen/eduid${query}`);
  return callbackFor(browser, start.location!, subject);
}

describe("linked provider accounts", () => {
  it("cannot be unlinked by someone else (404, the link stays)", async () => {
    const subject = account();
    await loginWithEduid(app.client(), subject);
    const identity = await db.externalIdentity.findFirstOrThrow({ where: { subject }, select: { id: true } });
    const stranger = await app.client().signInAs(await createUser());
    const attempt = await stranger.post("/account", { intent: "unlink-oidc", identity: identity.id });
    expect(attempt.status).toBe(404);
    expect(await db.externalIdentity.count({ where: { id: identity.id } })).toBe(1);
  });

  it("cannot be linked to a second Gilde account", async () => {
    const subject = account();
    await loginWithEduid(app.client(), subject);
    const owner = await db.externalIdentity.findFirstOrThrow({ where: { subject }, select: { userId: true } });
    const someoneElse = await createUser();
    const browser = await app.client().signInAs(someoneElse);
    const start = await browser.post("/inloggen/eduid", {});
    const back = await callbackFor(browser, start.location!, subject);
    expect(back.location).toBe("/account#inloggen-met");
    expect((await browser.follow(back)).text).toContain("is al gekoppeld aan een ander Gilde-account");
    expect(await db.externalIdentity.findMany({ where: { subject }, select: { userId: true } })).toEqual([owner]);
  });
});

describe("starting a link", () => {
  it("needs a signed-in person, and a form from our own pages", async () => {
    const anonymous = await app.client().post("/inloggen/eduid", {});
    expect(anonymous.location).toMatch(/^\/inloggen\?redirectTo=/);
    const browser = await app.client().signInAs(await createUser());
    const crossSite = await browser.post("/inloggen/eduid", {}, { origin: "https://kwaadwillend.example" });
    expect(crossSite.status).toBe(403);
    expect(crossSite.location).toBeNull();
  });
});

describe("the attempt cookie", () => {
  it("with the right id but a forged secret gets nowhere", async () => {
    const subject = account();
    const browser = app.client();
    const start = await browser.get("/inloggen/eduid");
    const [id] = browser.cookies.get("gilde_oidc")!.split(".");
    const forger = app.client();
    forger.cookies.set("gilde_oidc", `${id}.${"x".repeat(27)}`);
    const back = await callbackFor(forger, start.location!, subject);
    expect(back.location).toBe("/inloggen?fout=verlopen&via=eduid");
    expect(await db.externalIdentity.count({ where: { subject } })).toBe(0);
  });
});

describe("after the login", () => {
  it("only goes on to a page of Gilde itself", async () => {
    const back = await loginWithEduid(app.client(), account(), "?redirectTo=https%3A%2F%2Fkwaadwillend.example%2F");
    expect(back.location).toBe("/dashboard");
  });

  it("the admin sees the eppn and home organisation; others do not get the list", async () => {
    const subject = account();
    eduid.accounts.get(subject)!.eduperson_principal_name = `${subject}@hva.nl`;
    eduid.accounts.get(subject)!.schac_home_organization = "hva.nl";
    await loginWithEduid(app.client(), subject);
    const user = await db.user.findFirstOrThrow({ where: { externalIdentities: { some: { subject } } } });
    const admin = await app.client().signInAs(await createUser({ role: "ADMIN" }));
    const list = await admin.get(`/beheer/gebruikers?q=${encodeURIComponent(user.email)}`);
    expect(list.text).toContain(`eduID: ${subject}@hva.nl (hva.nl)`);
    const participant = await app.client().signInAs(await createUser());
    expect((await participant.get("/beheer/gebruikers")).status).toBe(403);
  });
});

describe("an erased account", () => {
  it("keeps no eduID link, and eduID no longer logs in to it", async () => {
    const subject = account();
    const browser = app.client();
    await loginWithEduid(browser, subject);
    const user = await db.user.findFirstOrThrow({ where: { externalIdentities: { some: { subject } } } });
    await browser.submit("/account/gegevens", { intent: "erase", reason: "Ik stop", confirm: "on" });
    const request = await db.privacyRequest.findFirstOrThrow({ where: { userId: user.id, kind: "ERASURE" } });
    const beheer = await adminIn(app, "Bea Beheer");
    await beheer.submit("/beheer/privacy", { intent: "erase", requestId: request.id, confirm: "on" });
    expect(await db.externalIdentity.count({ where: { userId: user.id } })).toBe(0);

    const later = app.client();
    await loginWithEduid(later, subject);
    const page = await later.get("/account");
    expect(page.status).toBe(200);
    expect(await db.externalIdentity.findFirst({ where: { subject }, select: { userId: true } })).not.toEqual({
      userId: user.id,
    });
  });
});
