// Register, log in, log out, forgotten password: through the real app over HTTP, as a browser would.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { forgetSessions } from "~/auth/session.server";
import { db } from "~/db.server";
import { createUser, PASSWORD, uniqueEmail } from "../support/factories";
import { inputValue, startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { mailedLink } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

describe("registering", () => {
  it("makes the account from the mailed link, once, and lands on the dashboard, logged in", async () => {
    const browser = app.client();
    const email = uniqueEmail("nieuw");
    const form = await browser.submit("/registreren", { name: "Noor Bakker", email, password: "wijkwerk-is-vakwerk" });
    expect(form.status).toBe(200);
    expect(form.text).toContain("Kijk in je mail");
    expect(form.text).toContain(`We hebben een e-mail gestuurd naar ${email}.`);
    // Post/redirect/get: reloading the page neither sends the form again nor repeats the message.
    expect((await browser.get("/registreren?verstuurd")).text).not.toContain(email);
    expect(browser.cookies.has("gilde_session")).toBe(false);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const link = await mailedLink(email, "Bevestig je account bij Gilde", /\/registreren\/bevestigen\/\S+/);
    expect((await browser.get(link)).text).toContain("Welkom, Noor Bakker");
    expect(await db.user.count({ where: { email } })).toBe(0); // opening the link (a mail scanner) makes nothing
    const confirmed = await browser.post(link, {});
    expect(confirmed.status).toBe(302);
    expect(confirmed.location).toBe("/dashboard");
    const dashboard = await browser.follow(confirmed);
    expect(dashboard.text).toContain("Noor");
    expect(dashboard.text).toContain("Uitloggen");
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("PARTICIPANT");
    expect(user.passwordHash).not.toContain("wijkwerk");
    expect((await app.client().login(email, "wijkwerk-is-vakwerk")).status).toBe(302);

    const reused = await app.client().post(link, {});
    expect(reused.status).toBe(400);
    expect(reused.text).toContain("verlopen of al gebruikt");
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("answers a known address exactly as a new one, and mails the owner that they have an account", async () => {
    const existing = await createUser({ name: "Bestaand" });
    const fresh = uniqueEmail("nieuw-adres");
    const before = await db.user.count();
    const forKnown = await app.client().submit("/registreren", {
      name: "Nieuwe Naam",
      email: existing.email.toUpperCase(),
      password: "geheim-wachtwoord-123",
    });
    const forNew = await app
      .client()
      .submit("/registreren", { name: "Nieuwe Naam", email: fresh, password: "geheim-wachtwoord-123" });
    expect(forKnown.status).toBe(200);
    expect(forNew.status).toBe(forKnown.status);
    expect(forNew.text.replaceAll(fresh, "ADRES")).toBe(
      forKnown.text.replaceAll(existing.email.toUpperCase(), "ADRES"),
    );
    expect(forKnown.html).not.toContain("geheim-wachtwoord-123");
    expect(await db.user.count()).toBe(before);
    expect((await db.user.findUniqueOrThrow({ where: { id: existing.id } })).name).toBe("Bestaand");
    const note = await db.outboxMessage.findFirstOrThrow({
      where: { to: existing.email, subject: "Je hebt al een account bij Gilde" },
    });
    expect(note.text).toContain("/wachtwoord-vergeten");
    expect(
      await db.outboxMessage.count({ where: { to: existing.email, subject: "Bevestig je account bij Gilde" } }),
    ).toBe(0);
  });

  it("explains a weak, an over-long password and a malformed e-mail next to the field", async () => {
    const browser = app.client();
    const weak = await browser.post("/registreren", { name: "Sam", email: uniqueEmail(), password: "kort" });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain("Kies een wachtwoord van minstens 10 tekens.");

    const long = await browser.post("/registreren", { name: "Sam", email: uniqueEmail(), password: "x".repeat(5000) });
    expect(long.status).toBe(400);
    expect(long.text).toContain("hoogstens 256 tekens");
    expect(long.html).not.toContain("x".repeat(300));

    const malformed = await browser.post("/registreren", { name: "Sam", email: "sam@@wijk", password: PASSWORD });
    expect(malformed.status).toBe(400);
    expect(malformed.text).toContain("Dit is geen geldig e-mailadres");
    expect(inputValue(malformed.html, "email")).toBe("sam@@wijk");
    expect(inputValue(malformed.html, "name")).toBe("Sam");
    expect(browser.cookies.has("gilde_session")).toBe(false);
  });
});

describe("logging in and out", () => {
  it("honours a local redirectTo and ignores one that leaves the site", async () => {
    const user = await createUser();
    const local = await app.client().post("/inloggen?redirectTo=%2Fbeheer", {
      email: user.email,
      password: PASSWORD,
      redirectTo: "/dashboard?welkom=1",
    });
    expect(local.location).toBe("/dashboard?welkom=1");
    const external = await app
      .client()
      .post("/inloggen", { email: user.email, password: PASSWORD, redirectTo: "//kwaad.example/phish" });
    expect(external.location).toBe("/dashboard");
  });

  it("sends an anonymous visitor to the login page and back to where they were going", async () => {
    const user = await createUser();
    const browser = app.client();
    const blocked = await browser.get("/dashboard");
    expect(blocked.location).toBe("/inloggen?redirectTo=%2Fdashboard");
    const loginPage = await browser.follow(blocked);
    expect(inputValue(loginPage.html, "redirectTo")).toBe("/dashboard");
    const done = await browser.post("/inloggen", { email: user.email, password: PASSWORD, redirectTo: "/dashboard" });
    expect(done.location).toBe("/dashboard");
  });

  it("gives the same message for an unknown e-mail and a wrong password, and keeps the e-mail", async () => {
    const user = await createUser();
    const wrong = await app.client().login(user.email, "verkeerd-wachtwoord");
    const unknown = await app.client().login(uniqueEmail("onbekend"), "verkeerd-wachtwoord");
    expect(wrong.status).toBe(400);
    expect(unknown.status).toBe(400);
    const message = "Dit e-mailadres en wachtwoord horen niet bij elkaar.";
    expect(wrong.text).toContain(message);
    expect(unknown.text).toContain(message);
    expect(inputValue(wrong.html, "email")).toBe(user.email);
    expect(wrong.html).not.toContain("verkeerd-wachtwoord");
  });

  it("locks an account at an address after five failures, even for the right password, without locking others", async () => {
    const user = await createUser();
    const other = await createUser();
    const browser = app.client();
    for (let i = 0; i < 5; i++) await browser.login(user.email, `fout-${i}-wachtwoord`);
    const locked = await browser.login(user.email, PASSWORD);
    expect(locked.status).toBe(400);
    expect(locked.text).toContain("Te veel mislukte pogingen");
    expect((await browser.login(other.email, PASSWORD)).status).toBe(302);
  });

  it("locks an address that tries many accounts", async () => {
    const browser = app.client();
    for (let i = 0; i < 30; i++) await browser.login(uniqueEmail("gok"), "geraden-wachtwoord");
    const user = await createUser();
    const fromSameAddress = await browser.login(user.email, PASSWORD);
    expect(fromSameAddress.text).toContain("Te veel mislukte pogingen");
    expect((await app.client().login(user.email, PASSWORD)).status).toBe(302);
  });

  it("logs out with a POST that ends the session on the server", async () => {
    const user = await createUser();
    const browser = app.client();
    await browser.login(user.email, PASSWORD);
    const cookie = browser.cookies.get("gilde_session");
    expect(cookie).toBeTruthy();
    const out = await browser.post("/uitloggen", {});
    expect(out.location).toBe("/");
    expect(browser.cookies.has("gilde_session")).toBe(false);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(0);
    // The old cookie, replayed, opens nothing.
    const replay = app.client();
    replay.cookies.set("gilde_session", cookie!);
    expect((await replay.get("/dashboard")).location).toMatch(/^\/inloggen/);
  });

  it("does not log out on a GET (a link or image cannot end your session)", async () => {
    const user = await createUser();
    const browser = app.client();
    await browser.login(user.email, PASSWORD);
    await browser.get("/uitloggen");
    expect((await browser.get("/dashboard")).status).toBe(200);
  });

  it("treats a tampered or expired session cookie as logged out, with a Dutch explanation", async () => {
    const user = await createUser();
    const browser = app.client();
    await browser.login(user.email, PASSWORD);
    const token = browser.cookies.get("gilde_session")!.split(".");
    const id = at(token, 0, "the session id");
    const secret = at(token, 1, "the session secret");
    browser.cookies.set("gilde_session", `${id}.${secret.slice(0, -2)}xx`);
    const tampered = await browser.get("/dashboard");
    expect(tampered.location).toBe("/inloggen?redirectTo=%2Fdashboard&sessie=verlopen");
    expect(browser.cookies.has("gilde_session")).toBe(false);
    expect((await browser.follow(tampered)).text).toContain("Je sessie is verlopen of niet meer geldig");

    await db.session.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    forgetSessions(); // as if the few seconds a process remembers a session had passed
    const expired = app.client();
    expired.cookies.set("gilde_session", `${id}.${secret}`);
    expect((await expired.get("/dashboard")).location).toContain("sessie=verlopen");
    expect(await db.session.count({ where: { id } })).toBe(0);
  });
});

describe("forgotten password", () => {
  async function resetLinkFor(email: string) {
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email }, orderBy: { createdAt: "desc" } });
    const link = mail.text.match(/https?:\/\/\S+\/wachtwoord-vergeten\/(\S+)/);
    expect(link).not.toBeNull();
    return `/wachtwoord-vergeten/${link![1]}`;
  }

  it("sends a one-time link through the outbox that sets a new password and ends old sessions", async () => {
    const user = await createUser({ name: "Fatima El Amrani" });
    const oldBrowser = app.client();
    await oldBrowser.login(user.email, PASSWORD);

    const asked = await app.client().submit("/wachtwoord-vergeten", { email: user.email });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(user.email);
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: user.email } });
    expect(mail.subject).toBe("Nieuw wachtwoord voor Gilde");
    expect(mail.text).toContain("Hallo Fatima,");
    expect(mail.sentAt).toBeNull();

    const link = await resetLinkFor(user.email);
    const browser = app.client();
    const form = await browser.get(link);
    expect(form.status).toBe(200);
    expect(form.headers.get("Referrer-Policy")).toBe("no-referrer");
    const done = await browser.post(link, { password: "een-nieuw-wachtwoord" });
    expect(done.location).toBe("/dashboard");
    expect((await browser.follow(done)).text).toContain("Je nieuwe wachtwoord is opgeslagen.");

    expect((await app.client().login(user.email, PASSWORD)).status).toBe(400);
    expect((await app.client().login(user.email, "een-nieuw-wachtwoord")).status).toBe(302);
    expect((await oldBrowser.get("/dashboard")).location).toMatch(/^\/inloggen/);

    const reused = await app.client().post(link, { password: "nog-een-ander-wachtwoord" });
    expect(reused.status).toBe(400);
    expect(reused.text).toContain("Deze link om je wachtwoord te herstellen is verlopen of al gebruikt");
    expect((await app.client().login(user.email, "nog-een-ander-wachtwoord")).status).toBe(400);
  });

  it("answers the same for an unknown address and sends nothing", async () => {
    const email = uniqueEmail("niemand");
    const asked = await app.client().submit("/wachtwoord-vergeten", { email });
    expect(asked.status).toBe(200);
    expect(asked.text).toContain(email);
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(0);
  });

  it("refuses an expired link and a weak new password, keeping the old password", async () => {
    const user = await createUser();
    await app.client().post("/wachtwoord-vergeten", { email: user.email });
    const link = await resetLinkFor(user.email);

    const weak = await app.client().post(link, { password: "kort" });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain("minstens 10 tekens");

    await db.passwordReset.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1) } });
    const page = await app.client().get(link);
    expect(page.text).toContain("verlopen of al gebruikt");
    const expired = await app.client().post(link, { password: "te-laat-wachtwoord" });
    expect(expired.status).toBe(400);
    expect((await app.client().login(user.email, PASSWORD)).status).toBe(302);
  });

  it("refuses a link whose secret was changed", async () => {
    const user = await createUser();
    await app.client().post("/wachtwoord-vergeten", { email: user.email });
    const link = await resetLinkFor(user.email);
    const forged = await app.client().post(`${link.slice(0, -3)}abc`, { password: "gesmeed-wachtwoord" });
    expect(forged.status).toBe(400);
    expect((await app.client().login(user.email, PASSWORD)).status).toBe(302);
  });
});
