// Your own account (/account, issue 19): name, e-mail change through a link to the new address, password change,
// sessions, e-mail preferences. Through the real app over HTTP, as a browser would; mail read from the outbox.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EMAIL_CHANGE_TAKEN } from "~/account/email-change.server";
import { sendDeadlineReminders } from "~/assignments/reminders.server";
import { createSession, forgetSessions, validateSessionToken } from "~/auth/session.server";
import { sendWeeklyDigests } from "~/community/digest.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { maintainPeerReviews } from "~/peer-review/allocation.server";
import {
  createCohort,
  createPeerReview,
  createSubmission,
  createUser,
  enroll,
  PASSWORD,
  uniqueEmail,
} from "../support/factories";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { mailedLink } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const CHROME_ANDROID =
  "Mozilla/5.0 (Linux; Android 14; Pixel 7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Mobile Safari/537.36";
const FIREFOX_WINDOWS = "Mozilla/5.0 (Windows NT 10.0; Win64; x64; rv:133.0) Gecko/20100101 Firefox/133.0";

async function signedIn(name = "Anna Account") {
  const user = await createUser({ name });
  const browser = await app.client().signInAs(user);
  return { user, browser };
}

/** Another browser of the same person, signed in with a session that says which browser it is. */
async function otherDevice(userId: string, userAgent: string): Promise<Client> {
  const browser = app.client();
  browser.cookies.set("gilde_session", (await createSession(userId, new Date(), userAgent)).token);
  return browser;
}

const mailsTo = (to: string) => db.outboxMessage.findMany({ where: { to }, select: { subject: true, text: true } });
const CONFIRM_SUBJECT = "Bevestig je nieuwe e-mailadres voor Gilde";
const CONFIRM_LINK = /\/account\/e-mailadres\/\S+/;

describe("the account page", () => {
  it("is reachable from the header for every signed-in person and links to the data page", async () => {
    for (const role of ["PARTICIPANT", "TRAINER", "ADMIN"] as const) {
      const browser = await app.client().signInAs(await createUser({ role }));
      const dashboard = await browser.get("/dashboard");
      expect(dashboard.html).toMatch(/<a[^>]*href="\/account"/);
      const page = await browser.get("/account");
      expect(page.status).toBe(200);
      expect(page.text).toContain("Mijn account");
      expect(page.html).toContain('href="/account/gegevens"');
      expect(page.html).toContain('href="/account/betalingen"');
    }
    expect((await app.client().get("/account")).location).toMatch(/^\/inloggen\?redirectTo=%2Faccount/);
  });
});

describe("changing your name", () => {
  it("saves it trimmed, and explains an empty or over-long name next to the field, keeping what was typed", async () => {
    const { user, browser } = await signedIn("Oude Naam");
    const saved = await browser.submit("/account", { intent: "name", name: "  Noor van Dijk  " });
    expect(saved.text).toContain("Je naam is opgeslagen.");
    expect(saved.text).toContain("Noor van Dijk"); // in the header at once
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Noor van Dijk");

    const empty = await browser.post("/account", { intent: "name", name: "   " });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Vul je naam in.");
    const long = "Noor ".repeat(30);
    const tooLong = await browser.post("/account", { intent: "name", name: long });
    expect(tooLong.status).toBe(400);
    expect(tooLong.text).toContain("Je naam mag hoogstens 120 tekens lang zijn.");
    expect(inputValue(tooLong.html, "name")).toBe(long);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Noor van Dijk");
  });
});

describe("changing your e-mail address", () => {
  it("mails a link to the new address and a note to the old one, changes only when the link is used, once", async () => {
    const { user, browser } = await signedIn("Eva Emmen");
    const newEmail = uniqueEmail("nieuw");
    const asked = await browser.submit("/account", {
      intent: "email",
      email: `  ${newEmail.toUpperCase()} `,
      currentPassword: PASSWORD,
    });
    expect(asked.text).toContain(`We stuurden een link naar ${newEmail}.`);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    const toOld = await mailsTo(user.email);
    expect(toOld.map((m) => m.subject)).toEqual(["Je vroeg om een ander e-mailadres voor Gilde"]);
    expect(toOld[0]!.text).toContain(newEmail);
    expect(toOld[0]!.text).toContain("Was jij dit niet?");

    const link = await mailedLink(newEmail, CONFIRM_SUBJECT, CONFIRM_LINK);
    const stored = await db.emailChange.findFirstOrThrow({ where: { userId: user.id } });
    expect(link).not.toContain(stored.tokenHash);
    expect(stored.tokenHash).toMatch(/^[a-f0-9]{64}$/);
    expect(link).toContain(stored.id);
    expect(stored.expiresAt.getTime() - stored.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);

    // Opening the link (or a mail scanner fetching it) changes nothing; the button does.
    const opened = await app.client().get(link);
    expect(opened.text).toContain("Bevestig je nieuwe e-mailadres");
    expect(opened.text).toContain(newEmail);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);

    const confirmed = await browser.post(link, {});
    expect(confirmed.location).toBe("/account");
    const account = await browser.follow(confirmed);
    expect(account.text).toContain(`Je e-mailadres is gewijzigd. Je logt voortaan in met ${newEmail}.`);
    expect(account.text).toContain(`Je logt nu in met ${newEmail}`);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(newEmail);
    expect((await mailsTo(user.email)).map((m) => m.subject)).toContain("Je e-mailadres voor Gilde is gewijzigd");
    expect(await db.auditEvent.count({ where: { action: "email.change", subjectId: user.id } })).toBe(1);

    const again = await browser.post(link, {});
    expect(again.status).toBe(400);
    expect(again.text).toContain("verlopen, al gebruikt of niet compleet");
    expect((await app.client().get(link)).text).toContain("Deze link werkt niet meer");
  });

  it("refuses an expired or tampered link with a Dutch page, and changes nothing", async () => {
    const { user, browser } = await signedIn();
    const newEmail = uniqueEmail("later");
    await browser.post("/account", { intent: "email", email: newEmail, currentPassword: PASSWORD });
    const link = await mailedLink(newEmail, CONFIRM_SUBJECT, CONFIRM_LINK);

    const tampered = link.slice(0, -3) + (link.endsWith("aaa") ? "bbb" : "aaa");
    const wrong = await browser.post(tampered, {});
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Er is niets veranderd.");
    expect((await browser.post("/account/e-mailadres/onzin", {})).status).toBe(400);

    await db.emailChange.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const expired = await browser.get(link);
    expect(expired.text).toContain("Deze link werkt niet meer");
    expect(expired.text).toContain("verlopen");
    expect((await browser.post(link, {})).status).toBe(400);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("answers an address in use exactly as a free one, tells its owner, and never changes it", async () => {
    const owner = await createUser({ name: "Bert Bezet" });
    const { user, browser } = await signedIn("Vera Vraagt");
    const free = uniqueEmail("vrij");
    const forTaken = await browser.submit("/account", {
      intent: "email",
      email: owner.email,
      currentPassword: PASSWORD,
    });
    const forFree = await browser.submit("/account", { intent: "email", email: free, currentPassword: PASSWORD });
    expect(forTaken.status).toBe(forFree.status);
    expect(forTaken.text.replaceAll(owner.email, "ADRES")).toBe(forFree.text.replaceAll(free, "ADRES"));
    // The old address hears the same either way.
    const notes = (await mailsTo(user.email)).map((m) =>
      m.text.replaceAll(owner.email, "ADRES").replaceAll(free, "ADRES"),
    );
    expect(notes).toHaveLength(2);
    expect(notes[0]).toBe(notes[1]);

    const toOwner = await mailsTo(owner.email);
    expect(toOwner.map((m) => m.subject)).toEqual(["Iemand wilde dit adres gebruiken voor Gilde"]);
    expect(toOwner[0]!.text).not.toContain(user.email);
    expect(toOwner[0]!.text).not.toMatch(CONFIRM_LINK);
    expect(await db.emailChange.count({ where: { userId: user.id, newEmail: owner.email } })).toBe(0);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
    expect((await db.user.findUniqueOrThrow({ where: { id: owner.id } })).email).toBe(owner.email);
  });

  it("says so when the address was taken between asking and opening the link, and changes nothing", async () => {
    const { user, browser } = await signedIn();
    const newEmail = uniqueEmail("weg");
    await browser.post("/account", { intent: "email", email: newEmail, currentPassword: PASSWORD });
    const link = await mailedLink(newEmail, CONFIRM_SUBJECT, CONFIRM_LINK);
    await createUser({ email: newEmail });
    const refused = await browser.post(link, {});
    expect(refused.status).toBe(400);
    expect(refused.text).toContain(EMAIL_CHANGE_TAKEN);
    expect((await db.user.findUniqueOrThrow({ where: { id: user.id } })).email).toBe(user.email);
  });

  it("needs the current password: a wrong one is explained on its field, the new address is kept, nothing is sent", async () => {
    const { user, browser } = await signedIn();
    const newEmail = uniqueEmail("poging");
    const wrong = await browser.post("/account", {
      intent: "email",
      email: newEmail,
      currentPassword: "niet-mijn-wachtwoord",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Dit is niet je huidige wachtwoord.");
    expect(inputValue(wrong.html, "email")).toBe(newEmail);
    expect(wrong.html).not.toContain("niet-mijn-wachtwoord");
    expect(await mailsTo(newEmail)).toEqual([]);
    expect(await mailsTo(user.email)).toEqual([]);

    const same = await browser.post("/account", { intent: "email", email: user.email, currentPassword: PASSWORD });
    expect(same.text).toContain("Dit is al je e-mailadres.");
  });
});

describe("changing your password", () => {
  it("needs the current one, then ends every other session but this one, and says so", async () => {
    const { user, browser } = await signedIn("Paul Wachtwoord");
    const phone = await otherDevice(user.id, CHROME_ANDROID);
    const laptop = await otherDevice(user.id, FIREFOX_WINDOWS);
    expect((await phone.get("/account")).status).toBe(200);

    const wrong = await browser.post("/account", {
      intent: "password",
      currentPassword: "verkeerd-wachtwoord",
      newPassword: "een-nieuw-wachtwoord",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Dit is niet je huidige wachtwoord.");
    expect(wrong.html).not.toContain("een-nieuw-wachtwoord");
    expect((await phone.get("/account")).status).toBe(200);

    const weak = await browser.post("/account", { intent: "password", currentPassword: PASSWORD, newPassword: "kort" });
    expect(weak.text).toContain("Kies een wachtwoord van minstens 10 tekens.");

    const changed = await browser.submit("/account", {
      intent: "password",
      currentPassword: PASSWORD,
      newPassword: "een-nieuw-wachtwoord",
    });
    expect(changed.status).toBe(200);
    expect(changed.text).toContain("Op je andere apparaten ben je uitgelogd; hier blijf je ingelogd.");
    for (const device of [phone, laptop]) expect((await device.get("/account")).location).toMatch(/^\/inloggen/);
    expect((await browser.get("/account")).status).toBe(200);
    expect(await db.session.count({ where: { userId: user.id } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "password.change", actorId: user.id } })).toBe(1);
    expect((await mailsTo(user.email)).map((m) => m.subject)).toContain("Je wachtwoord voor Gilde is gewijzigd");
    expect((await app.client().login(user.email, "een-nieuw-wachtwoord")).status).toBe(302);
  });

  it("stops checking after a few wrong current passwords, like a login", async () => {
    const { browser } = await signedIn();
    const guess = (currentPassword: string) =>
      browser.post("/account", { intent: "password", currentPassword, newPassword: "een-nieuw-wachtwoord" });
    for (let i = 0; i < 5; i++) expect((await guess(`gok-nummer-${i}`)).status).toBe(400);
    const locked = await guess(PASSWORD);
    expect(locked.status).toBe(429);
    expect(locked.text).toContain("Te vaak een verkeerd wachtwoord.");
  });
});

describe("your sessions", () => {
  it("lists each device in words with when it was last used, marks this one, and ends one at once", async () => {
    const { user, browser } = await signedIn();
    const phone = await otherDevice(user.id, CHROME_ANDROID);
    const laptop = await otherDevice(user.id, FIREFOX_WINDOWS);
    const page = await browser.get("/account");
    expect(page.text).toContain("Chrome op Android");
    expect(page.text).toContain("Firefox op Windows");
    expect(page.text).toContain("dit apparaat");
    expect(page.text).toContain("zojuist");
    // The page names a session by a handle, never by its id (half of the cookie).
    for (const { id } of await db.session.findMany({ where: { userId: user.id } })) expect(page.html).not.toContain(id);

    const rows = page.html.split("<tr").filter((row) => row.includes('name="session"'));
    expect(rows).toHaveLength(2);
    const handleIn = (device: string) =>
      rows.find((row) => row.includes(device))?.match(/name="session" value="([a-f0-9]+)"/)?.[1] ?? "";
    const phoneHandle = handleIn("Chrome op Android");
    expect((await phone.get("/account")).status).toBe(200); // validated, so it sits in the session cache
    const ended = await browser.submit("/account", { intent: "end-session", session: phoneHandle });
    expect(ended.text).toContain("Je bent uitgelogd op Chrome op Android.");
    expect(ended.text.split("Chrome op Android")).toHaveLength(2); // only in the message, no longer in the list
    expect((await phone.get("/account")).location).toMatch(/^\/inloggen/);
    expect((await laptop.get("/account")).status).toBe(200);

    const gone = await browser.post("/account", { intent: "end-session", session: phoneHandle });
    expect(gone.status).toBe(409);
    expect(gone.text).toContain("Deze sessie bestaat niet meer");
  });

  it("never ends someone else's session, whatever handle is sent", async () => {
    const mine = await signedIn();
    const theirs = await signedIn();
    const theirPhone = await otherDevice(theirs.user.id, CHROME_ANDROID);
    const handle = (await theirs.browser.get("/account")).html.match(/name="session" value="([a-f0-9]+)"/)?.[1] ?? "";
    expect(handle).not.toBe("");
    const refused = await mine.browser.post("/account", { intent: "end-session", session: handle });
    expect(refused.status).toBe(409);
    expect((await theirPhone.get("/account")).status).toBe(200);
  });

  it("ends all others with one button and keeps this one", async () => {
    const { user, browser } = await signedIn();
    const devices = [await otherDevice(user.id, CHROME_ANDROID), await otherDevice(user.id, FIREFOX_WINDOWS)];
    for (const device of devices) expect((await device.get("/account")).status).toBe(200);
    const done = await browser.submit("/account", { intent: "end-other-sessions" });
    expect(done.text).toContain("Je bent op al je andere apparaten uitgelogd.");
    for (const device of devices) expect((await device.get("/account")).location).toMatch(/^\/inloggen/);
    expect((await browser.get("/account")).status).toBe(200);
  });

  it("remembers the last use at most once per five minutes", async () => {
    const user = await createUser();
    const start = new Date("2027-03-01T10:00:00Z");
    const { token } = await createSession(user.id, start, FIREFOX_WINDOWS);
    const lastSeen = async () =>
      (await db.session.findFirstOrThrow({ where: { userId: user.id } })).lastSeenAt?.toISOString();
    const minutes = (n: number) => new Date(start.getTime() + n * 60_000);
    forgetSessions({ userId: user.id });
    await validateSessionToken(token, minutes(3));
    expect(await lastSeen()).toBe(start.toISOString());
    await validateSessionToken(token, minutes(6));
    expect(await lastSeen()).toBe(minutes(6).toISOString());
    forgetSessions({ userId: user.id });
    await validateSessionToken(token, minutes(9));
    expect(await lastSeen()).toBe(minutes(6).toISOString());
  });

  it("records the browser of a login", async () => {
    const user = await createUser();
    const browser = app.client();
    const login = await browser.request("/inloggen", {
      method: "POST",
      headers: {
        "Content-Type": "application/x-www-form-urlencoded",
        Origin: app.baseUrl,
        "User-Agent": CHROME_ANDROID,
      },
      body: new URLSearchParams({ email: user.email, password: PASSWORD }).toString(),
    });
    expect(login.status).toBe(302);
    expect((await db.session.findFirstOrThrow({ where: { userId: user.id } })).userAgent).toBe(CHROME_ANDROID);
  });
});

describe("e-mail preferences", () => {
  it("start switched on, and switching reminders off stops the deadline reminders for that person only", async () => {
    const cohort = await createCohort();
    const quiet = await signedIn("Stille Sanne");
    const keen = await signedIn("Wakkere Wim");
    for (const person of [quiet, keen]) await enroll(person.user.id, cohort.id);
    const page = await quiet.browser.get("/account");
    expect(page.html).toMatch(/<input[^>]*name="reminders"[^>]*checked/);
    expect(page.html).toMatch(/<input[^>]*name="weekly"[^>]*checked/);

    const saved = await quiet.browser.submit("/account", { intent: "preferences", weekly: "on" });
    expect(saved.text).toContain("Je e-mailvoorkeuren zijn opgeslagen.");
    expect(saved.html).not.toMatch(/<input[^>]*name="reminders"[^>]*checked/);
    expect(saved.html).toMatch(/<input[^>]*name="weekly"[^>]*checked/);

    const slug = at(at(getCourse().modules, 0).assignments, 0).slug;
    await db.assignmentSchedule.create({
      data: { cohortId: cohort.id, assignmentSlug: slug, dueAt: new Date("2099-06-03T21:59:00Z") },
    });
    await sendDeadlineReminders(new Date("2099-06-01T10:00:00Z"));
    const reminded = await db.outboxMessage.findMany({
      where: { to: { in: [quiet.user.email, keen.user.email] }, subject: { contains: "deadline" } },
      select: { to: true },
    });
    expect(reminded.map((m) => m.to)).toEqual([keen.user.email]);
  });

  it("switching reminders off also stops the reminder of peer feedback to give", async () => {
    const cohort = await createCohort();
    const author = await createUser({ name: "Auteur" });
    const quiet = await signedIn("Stille Stijn");
    const keen = await signedIn("Wakkere Wanda");
    for (const id of [author.id, quiet.user.id, keen.user.id]) await enroll(id, cohort.id);
    await quiet.browser.post("/account", { intent: "preferences", weekly: "on" });
    const slug = at(at(getCourse().modules, 0).assignments, 0).slug;
    const work = await createSubmission({
      userId: author.id,
      cohortId: cohort.id,
      assignmentSlug: slug,
      status: "SUBMITTED",
    });
    const tomorrow = new Date(Date.now() + 24 * 60 * 60 * 1000);
    for (const person of [quiet, keen]) {
      await createPeerReview({ submission: work, reviewerId: person.user.id, dueAt: tomorrow });
    }
    await maintainPeerReviews();
    const reminded = await db.outboxMessage.findMany({
      where: {
        to: { in: [quiet.user.email, keen.user.email] },
        subject: { startsWith: "Nog twee dagen: peerfeedback" },
      },
      select: { to: true },
    });
    expect(reminded.map((m) => m.to)).toEqual([keen.user.email]);
  });

  it("switching the weekly digest off stops it for that person only", async () => {
    const writer = await createUser({ name: "Schrijver" });
    const quiet = await signedIn("Stille Sam");
    const keen = await signedIn("Lezer Lot");
    const thread = await db.thread.create({ data: { kind: "COMMUNITY", authorId: writer.id, title: "Buurtmoestuin" } });
    for (const person of [quiet, keen])
      await db.follow.create({ data: { threadId: thread.id, userId: person.user.id } });
    await quiet.browser.post("/account", { intent: "preferences", reminders: "on" });
    await db.post.create({ data: { threadId: thread.id, authorId: writer.id, body: "Wie helpt zaterdag mee?" } });

    await sendWeeklyDigests();
    const digests = await db.outboxMessage.findMany({
      where: { to: { in: [quiet.user.email, keen.user.email] }, subject: "Deze week in de gilde-community" },
      select: { to: true },
    });
    expect(digests.map((m) => m.to)).toEqual([keen.user.email]);
  });
});
