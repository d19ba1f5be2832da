// Attacks on signing in and on sessions: guessing passwords (throttling), learning which e-mail addresses have an
// account (enumeration), planting a session before login (fixation), replaying a cookie after logout, password
// change and reset, forged or garbled session cookies, and altered reset and unsubscribe links.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { changePassword } from "~/auth/account.server";
import { unsubscribeUrl } from "~/community/digest.server";
import { db } from "~/db.server";
import { createUser, PASSWORD, uniqueEmail } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { registerThroughMail } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const COOKIE = "gilde_session";
const LOCKED = "Te veel mislukte pogingen om in te loggen";
const WRONG = "Dit e-mailadres en wachtwoord horen niet bij elkaar.";
const RESET_INVALID = "Deze link om je wachtwoord te herstellen is verlopen of al gebruikt";
const STACK_TRACE = /at .*\.(js|ts|tsx):\d+|node_modules|PrismaClient|TypeError|URIError/;

/** A browser that is logged in as a new user of the given name. */
async function loggedIn(
  name = "Sessie Houder",
): Promise<{ user: Awaited<ReturnType<typeof createUser>>; browser: Client }> {
  const user = await createUser({ name });
  const browser = app.client();
  expect((await browser.login(user.email, PASSWORD)).status).toBe(302);
  return { user, browser };
}

/** A browser that carries exactly this session cookie and nothing else. */
function withCookie(value: string): Client {
  const browser = app.client();
  browser.cookies.set(COOKIE, value);
  return browser;
}

/** What /dashboard says to a cookie: the user's page (200) or the way to the login page. */
async function dashboardFor(browser: Client) {
  const page = await browser.get("/dashboard");
  return { status: page.status, location: page.location, text: page.text };
}

/** The id and secret of an `<id>.<secret>` token (a session cookie, the end of a reset link). */
function tokenParts(token: string | undefined) {
  const [id, secret, ...rest] = token?.split(".") ?? [];
  if (!id || !secret || rest.length > 0) throw new Error(`Expected an <id>.<secret> token, got ${token}`);
  return { id, secret };
}

async function resetLinkFor(email: string) {
  const mail = await db.outboxMessage.findFirstOrThrow({
    where: { to: email, subject: "Nieuw wachtwoord voor Gilde" },
    orderBy: { createdAt: "desc" },
  });
  const token = mail.text.match(/\/wachtwoord-vergeten\/(\S+)/)?.[1];
  expect(token).toBeTruthy();
  return `/wachtwoord-vergeten/${token}`;
}

describe("guessing passwords", () => {
  it("throttles repeated wrong passwords with a Dutch message, and the right password during the lock does not log in", async () => {
    const user = await createUser();
    const attacker = app.client();
    for (let i = 0; i < 5; i++) {
      const attempt = await attacker.login(user.email, `geraden-wachtwoord-${i}`);
      expect(attempt.status).toBe(400);
    }
    const sixth = await attacker.login(user.email, "nog-een-gok-123");
    expect(sixth.text).toContain(LOCKED);
    expect(sixth.text).toMatch(/Probeer het over \d+ (minuut|minuten) opnieuw/);

    // The right password from the guessing address during the lock: no cookie, no session.
    const right = await attacker.login(user.email, PASSWORD);
    expect(right.status).toBe(400);
    expect(right.text).toContain(LOCKED);
    expect(attacker.cookies.has(COOKIE)).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);

    // The owner, from their own address, is not locked out by someone who merely knows the e-mail address.
    const owner = app.client();
    expect((await owner.login(user.email, PASSWORD)).status).toBe(302);
    expect(owner.cookies.has(COOKIE)).toBe(true);
  });

  it("locks an account guessed from many addresses for everyone, briefly, and a password reset lifts the lock", async () => {
    const user = await createUser();
    for (let i = 0; i < 50; i++) expect((await app.client().login(user.email, `verspreide-gok-${i}`)).status).toBe(400);
    const owner = app.client();
    const locked = await owner.login(user.email, PASSWORD);
    expect(locked.text).toContain(LOCKED);
    expect(locked.text).toMatch(/Probeer het over 5 minuten opnieuw/);

    await owner.post("/wachtwoord-vergeten", { email: user.email });
    const reset = await owner.get(await resetLinkFor(user.email));
    expect(reset.status).toBe(200);
    const newPassword = "een-nieuw-wachtwoord-na-de-aanval";
    expect((await owner.post(await resetLinkFor(user.email), { password: newPassword })).status).toBe(302);
    const again = app.client();
    expect((await again.login(user.email, newPassword)).status).toBe(302);
  });

  it("counts a differently written address (case, spaces) as the same account", async () => {
    const user = await createUser();
    const variants = [
      user.email.toUpperCase(),
      ` ${user.email} `,
      user.email.replace(/^./, (c) => c.toUpperCase()),
      user.email,
      `\t${user.email.toUpperCase()}`,
    ];
    const attacker = app.client();
    for (const variant of variants) await attacker.login(variant, "verkeerd-wachtwoord");
    const locked = await attacker.login(user.email, PASSWORD);
    expect(locked.text).toContain(LOCKED);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("learning who has an account", () => {
  it("answers an unknown e-mail exactly as a wrong password: same status, same page", async () => {
    const user = await createUser();
    const unknownEmail = uniqueEmail("bestaat-niet");
    const wrong = await app.client().login(user.email, "verkeerd-wachtwoord-1");
    const unknown = await app.client().login(unknownEmail, "verkeerd-wachtwoord-1");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(wrong.status);
    expect(wrong.text).toContain(WRONG);
    expect(unknown.text.replaceAll(unknownEmail, "ADRES")).toBe(wrong.text.replaceAll(user.email, "ADRES"));
  });

  it("locks an unknown address after as many tries as a known one, so the lock gives nothing away", async () => {
    const known = await createUser();
    const unknownEmail = uniqueEmail("niemand");
    const pages: Record<string, string> = {};
    for (const email of [known.email, unknownEmail]) {
      const attacker = app.client();
      for (let i = 0; i < 5; i++) await attacker.login(email, `gok-${i}-wachtwoord`);
      const sixth = await attacker.login(email, "laatste-gok-123");
      expect(sixth.status).toBe(400);
      pages[email] = sixth.text.replaceAll(email, "ADRES");
    }
    expect(pages[known.email]).toContain(LOCKED);
    expect(pages[unknownEmail]).toBe(pages[known.email]);
  });

  it("says the same on /wachtwoord-vergeten for a known and an unknown address", async () => {
    const known = await createUser();
    const unknownEmail = uniqueEmail("onbekend");
    const forKnown = await app.client().post("/wachtwoord-vergeten", { email: known.email });
    const forUnknown = await app.client().post("/wachtwoord-vergeten", { email: unknownEmail });
    expect(forKnown.status).toBe(200);
    expect(forUnknown.status).toBe(forKnown.status);
    expect(forKnown.text).toContain("Als");
    expect(forKnown.text).toContain("bij ons bekend is");
    expect(forUnknown.text.replaceAll(unknownEmail, "ADRES")).toBe(forKnown.text.replaceAll(known.email, "ADRES"));
    // Only the real account gets mail; the page does not say so.
    expect(await db.outboxMessage.count({ where: { to: known.email } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: unknownEmail } })).toBe(0);
  });
});

describe("session fixation and replay", () => {
  it("never turns a cookie planted before login into a logged-in session", async () => {
    const user = await createUser({ name: "Fixatie Slachtoffer" });
    const planted = `${"a".repeat(27)}.${"b".repeat(27)}`;
    const browser = withCookie(planted);
    const before = await browser.get("/dashboard");
    expect(before.location).toMatch(/^\/inloggen\?.*sessie=verlopen/);

    browser.cookies.set(COOKIE, planted);
    const login = await browser.login(user.email, PASSWORD);
    expect(login.status).toBe(302);
    const issued = browser.cookies.get(COOKIE);
    expect(issued).toBeTruthy();
    expect(issued).not.toBe(planted);
    expect(issued!.split(".")[0]).not.toBe(planted.split(".")[0]);
    expect(await db.session.count({ where: { id: planted.split(".")[0] } })).toBe(0);
    expect((await dashboardFor(withCookie(planted))).location).toMatch(/^\/inloggen/);
    expect((await dashboardFor(browser)).text).toContain("Fixatie");
  });

  it("gives a victim who logs in with the attacker's session cookie a new session; the attacker's stays the attacker's", async () => {
    const attacker = await loggedIn("Aanvaller Albers");
    const attackerCookie = attacker.browser.cookies.get(COOKIE)!;
    const victim = await createUser({ name: "Slachtoffer Smit" });
    const victimBrowser = withCookie(attackerCookie);
    expect((await victimBrowser.login(victim.email, PASSWORD)).status).toBe(302);
    const victimCookie = victimBrowser.cookies.get(COOKIE)!;
    expect(victimCookie).not.toBe(attackerCookie);

    const attackerView = await dashboardFor(withCookie(attackerCookie));
    expect(attackerView.text).toContain("Aanvaller");
    expect(attackerView.text).not.toContain("Slachtoffer");
    expect(await db.session.count({ where: { id: attackerCookie.split(".")[0], userId: victim.id } })).toBe(0);
    expect((await dashboardFor(victimBrowser)).text).toContain("Slachtoffer");
  });

  it("does not accept the cookie again after /uitloggen, also not right after (no cached session)", async () => {
    const { user, browser } = await loggedIn();
    const cookie = browser.cookies.get(COOKIE)!;
    expect((await browser.get("/dashboard")).status).toBe(200); // now remembered by the session cache
    expect((await browser.post("/uitloggen", {})).status).toBe(302);
    for (const path of ["/dashboard", "/wijk", "/opdrachten"]) {
      const replay = await withCookie(cookie).get(path);
      expect(replay.status).toBe(302);
      expect(replay.location).toMatch(/^\/inloggen/);
    }
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
  });

  it("ends every other session when the password is reset, and the new password is the only way back in", async () => {
    const { user } = await loggedIn("Reset Ruud");
    const laptop = app.client();
    const phone = app.client();
    await laptop.login(user.email, PASSWORD);
    await phone.login(user.email, PASSWORD);
    for (const device of [laptop, phone]) expect((await device.get("/dashboard")).status).toBe(200);

    await app.client().post("/wachtwoord-vergeten", { email: user.email });
    const link = await resetLinkFor(user.email);
    const resetter = app.client();
    expect((await resetter.post(link, { password: "een-heel-nieuw-wachtwoord" })).location).toBe("/dashboard");
    for (const device of [laptop, phone]) expect((await device.get("/dashboard")).location).toMatch(/^\/inloggen/);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect((await resetter.get("/dashboard")).text).toContain("Ruud");
  });

  it("ends every session when the password is changed, except the new one it hands out", async () => {
    const { user, browser } = await loggedIn("Wissel Wim");
    const other = app.client();
    await other.login(user.email, PASSWORD);
    expect((await other.get("/dashboard")).status).toBe(200);
    const fresh = await changePassword(user.id, "een-ander-goed-wachtwoord");
    for (const device of [browser, other]) expect((await device.get("/dashboard")).location).toMatch(/^\/inloggen/);
    expect((await dashboardFor(withCookie(fresh.token))).text).toContain("Wim");
    expect((await app.client().login(user.email, PASSWORD)).status).toBe(400);
  });
});

describe("what a login hands out", () => {
  it("sets the session cookie HttpOnly, SameSite=Lax, for the whole site, with an expiry", async () => {
    const user = await createUser();
    const login = await app.client().login(user.email, PASSWORD);
    const cookie = login.headers.get("Set-Cookie") ?? "";
    expect(cookie).toMatch(/^gilde_session=[A-Za-z0-9_-]{20,64}\.[A-Za-z0-9_-]{20,64};/);
    expect(cookie).toMatch(/;\s*HttpOnly/i);
    expect(cookie).toMatch(/;\s*SameSite=Lax/i);
    expect(cookie).toMatch(/;\s*Path=\//);
    expect(cookie).toMatch(/;\s*Expires=/);
    // Only a hash of the secret is stored.
    const { id, secret } = tokenParts(/^gilde_session=([^;]*)/.exec(cookie)?.[1]);
    const stored = await db.session.findUniqueOrThrow({ where: { id } });
    expect(stored.secretHash).not.toContain(secret);
    expect(stored.secretHash).toMatch(/^[a-f0-9]{64}$/);
  });

  it("never sends a fresh login or registration to another site, however redirectTo is dressed up", async () => {
    const user = await createUser();
    const targets = [
      "//evil.example",
      "/\\evil.example",
      "https://evil.example",
      "\t//evil.example",
      "/\t/evil.example",
      "javascript:alert(1)",
      "%2F%2Fevil.example",
      " //evil.example",
    ];
    for (const redirectTo of targets) {
      const login = await app.client().post("/inloggen", { email: user.email, password: PASSWORD, redirectTo });
      expect(login.status, redirectTo).toBe(302);
      expect(login.location, redirectTo).toMatch(/^\/(?![/\\])/);
      expect(login.location, redirectTo).not.toContain("evil.example");
      const { confirmed: registered } = await registerThroughMail(app.client(), {
        name: "Nieuw",
        email: uniqueEmail("redirect"),
        password: "een-goed-lang-wachtwoord",
        redirectTo,
      });
      expect(registered?.status, redirectTo).toBe(302);
      expect(registered?.location, redirectTo).toMatch(/^\/(?![/\\])/);
      expect(registered?.location, redirectTo).not.toContain("evil.example");
    }
  });
});

describe("forged and garbled session cookies", () => {
  it("refuses a cookie whose secret was changed, and one that pairs another session's id with the attacker's own secret", async () => {
    const victim = await loggedIn("Doelwit Dirk");
    const attacker = await loggedIn("Kraker Kees");
    const { id: victimId, secret: victimSecret } = tokenParts(victim.browser.cookies.get(COOKIE));
    const { secret: attackerSecret } = tokenParts(attacker.browser.cookies.get(COOKIE));
    const flipped = victimSecret.slice(0, -1) + (victimSecret.endsWith("A") ? "B" : "A");
    for (const forged of [
      `${victimId}.${flipped}`,
      `${victimId}.${attackerSecret}`,
      `${victimId}.${victimSecret}x`,
      `${victimId}`,
    ]) {
      const page = await withCookie(forged).get("/dashboard");
      expect(page.status, forged).toBe(302);
      expect(page.location).toMatch(/^\/inloggen/);
      expect(page.headers.get("Set-Cookie") ?? "").toMatch(/gilde_session=;.*Max-Age=0/i);
    }
    // The real owner is not logged out by someone trying.
    expect((await dashboardFor(victim.browser)).text).toContain("Dirk");
  });

  it("treats garbage in the cookie as logged out, with a Dutch page and no stack trace", async () => {
    const garbage = [
      "../../etc/passwd",
      '\'; DROP TABLE "Session"; --',
      "%00%00",
      "x".repeat(4000),
      "a.b.c",
      "<script>alert(1)</script>",
      "Zm9v.YmFy",
    ];
    for (const value of garbage) {
      const browser = app.client();
      const home = await browser.request("/", { headers: { Cookie: `${COOKIE}=${value}` } });
      expect(home.status, value).toBe(200);
      expect(home.html).not.toMatch(STACK_TRACE);
      expect(home.text).toContain("Inloggen");
      const guarded = await browser.request("/dashboard", { headers: { Cookie: `${COOKIE}=${value}` } });
      expect(guarded.status, value).toBe(302);
      expect(guarded.location).toMatch(/^\/inloggen/);
    }
  });

  it("recovers from a cookie with a broken percent-escape: logged out and the cookie cleared, not an error on every page", async () => {
    // Anyone who can set a cookie for the domain (a sibling subdomain, a plain-http hop) could otherwise lock a
    // user out of every page until they clear their cookies by hand.
    for (const value of ["%E0%A4%A", "%", "abc%zz.def"]) {
      const browser = app.client();
      const home = await browser.request("/", { headers: { Cookie: `${COOKIE}=${value}` } });
      expect(home.status, value).toBe(200);
      expect(home.html).not.toMatch(STACK_TRACE);
      expect(home.headers.get("Set-Cookie") ?? "").toMatch(/gilde_session=;.*Max-Age=0/i);
      const guarded = await browser.request("/dashboard", { headers: { Cookie: `${COOKIE}=${value}` } });
      expect(guarded.status, value).toBe(302);
      expect(guarded.location).toMatch(/^\/inloggen/);
    }
  });
});

describe("tampered links: password reset and digest unsubscribe", () => {
  it("refuses an altered link with a clear Dutch message, keeps the password and shows no stack trace", async () => {
    const user = await createUser();
    await app.client().post("/wachtwoord-vergeten", { email: user.email });
    const link = await resetLinkFor(user.email);
    const { id, secret } = tokenParts(link.split("/").pop());
    const flipped = secret.slice(0, -1) + (secret.endsWith("A") ? "B" : "A");
    const forgeries = [
      `${id}.${flipped}`,
      `${id}.`,
      `${id}`,
      `${flipped}.${secret}`,
      `..%2F..%2Fetc%2Fpasswd`,
      `${id}.${secret}%00`,
    ];
    for (const token of forgeries) {
      const view = await app.client().get(`/wachtwoord-vergeten/${token}`);
      expect(view.status, token).toBe(200);
      expect(view.text).toContain(RESET_INVALID);
      expect(view.html).not.toMatch(STACK_TRACE);
      const post = await app.client().post(`/wachtwoord-vergeten/${token}`, { password: "gesmeed-wachtwoord-123" });
      expect(post.status, token).toBe(400);
      expect(post.text).toContain(RESET_INVALID);
      expect(post.html).not.toMatch(STACK_TRACE);
    }
    expect((await app.client().login(user.email, "gesmeed-wachtwoord-123")).status).toBe(400);
    expect((await app.client().login(user.email, PASSWORD)).status).toBe(302);
    // The genuine link still works after all those tries.
    expect((await app.client().post(link, { password: "echt-nieuw-wachtwoord" })).location).toBe("/dashboard");
  });

  it("works once: the second use, even with another password, is refused and changes nothing", async () => {
    const user = await createUser();
    await app.client().post("/wachtwoord-vergeten", { email: user.email });
    const link = await resetLinkFor(user.email);
    expect((await app.client().post(link, { password: "eerste-nieuwe-wachtwoord" })).status).toBe(302);
    const again = await app.client().post(link, { password: "tweede-nieuwe-wachtwoord" });
    expect(again.status).toBe(400);
    expect(again.text).toContain(RESET_INVALID);
    expect(again.headers.get("Set-Cookie") ?? "").not.toContain(`${COOKIE}=`);
    expect((await app.client().login(user.email, "tweede-nieuwe-wachtwoord")).status).toBe(400);
    expect((await app.client().login(user.email, "eerste-nieuwe-wachtwoord")).status).toBe(302);
  });

  it("refuses an expired link, and an older link once a newer one was used", async () => {
    const user = await createUser();
    await app.client().post("/wachtwoord-vergeten", { email: user.email });
    const older = await resetLinkFor(user.email);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await app.client().post("/wachtwoord-vergeten", { email: user.email });
    const newer = await resetLinkFor(user.email);
    expect(newer).not.toBe(older);
    expect((await app.client().post(newer, { password: "via-de-nieuwe-link" })).status).toBe(302);
    const stale = await app.client().post(older, { password: "via-de-oude-link-1" });
    expect(stale.status).toBe(400);
    expect(stale.text).toContain(RESET_INVALID);

    const other = await createUser();
    await app.client().post("/wachtwoord-vergeten", { email: other.email });
    const expiring = await resetLinkFor(other.email);
    await db.passwordReset.updateMany({
      where: { userId: other.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    const expired = await app.client().post(expiring, { password: "te-laat-gekozen-1" });
    expect(expired.status).toBe(400);
    expect(expired.text).toContain(RESET_INVALID);
    expect((await app.client().login(other.email, PASSWORD)).status).toBe(302);
  });

  it("refuses a digest unsubscribe link that was altered or moved to another member, changing nothing", async () => {
    const owner = await createUser();
    const other = await createUser();
    const url = new URL(await unsubscribeUrl(owner.id));
    const token = url.searchParams.get("t")!;
    const flipped = token.slice(0, -1) + (token.endsWith("A") ? "B" : "A");
    const forgeries = [
      `u=${other.id}&t=${token}`,
      `u=${owner.id}&t=${flipped}`,
      `u=${owner.id}&t=`,
      `u=${owner.id}`,
      `u=&t=${token}`,
    ];
    for (const query of forgeries) {
      const page = await app.client().get(`/digest/afmelden?${query}`);
      expect(page.status, query).toBe(400);
      expect(page.text).toContain("Deze link klopt niet");
      expect(page.html).not.toMatch(STACK_TRACE);
    }
    expect(await db.digestPreference.count({ where: { userId: { in: [owner.id, other.id] }, weekly: false } })).toBe(0);
    expect((await app.client().get(`${url.pathname}${url.search}`)).text).toContain("Afgemeld");
    expect(await db.digestPreference.count({ where: { userId: owner.id, weekly: false } })).toBe(1);
    expect(await db.digestPreference.count({ where: { userId: other.id, weekly: false } })).toBe(0);
  });
});
