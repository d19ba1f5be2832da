// Inviting staff (issue 19): the admin invites by e-mail, the invitee accepts through the link and lands in their
// cohort; resend, withdraw, expired, reused and tampered links; existing accounts; who may invite; the audit log.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { carryOutErasure, requestErasure } from "~/privacy/erasure.server";
import { createCohort, createUser, uniqueEmail } from "../support/factories";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { mailedLink } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const SUBJECT = "Je bent uitgenodigd voor Gilde";
const LINK = /\/uitnodiging\/[A-Za-z0-9_-]+/;

async function admin(name = "Bea Beheerder") {
  const user = await createUser({ role: "ADMIN", name });
  return { user, browser: await app.client().signInAs(user) };
}

function invite(browser: Client, fields: { email: string; name?: string; role?: string; cohortIds?: string[] }) {
  const body = new URLSearchParams({ intent: "invite", email: fields.email, name: fields.name ?? "" });
  body.set("role", fields.role ?? "TRAINER");
  for (const id of fields.cohortIds ?? []) body.append("cohortIds", id);
  return browser.request("/beheer/uitnodigingen", {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
    body: body.toString(),
  });
}

const openInvitation = (email: string) =>
  db.invitation.findFirstOrThrow({ where: { email, acceptedAt: null, withdrawnAt: null } });

const auditOf = (subjectId: string) =>
  db.auditEvent.findMany({ where: { subjectId }, orderBy: { at: "asc" }, select: { action: true, actorId: true } });

describe("inviting a new trainer", () => {
  it("mails a link that makes the account with a password, the role and the cohort, and lands in the cohort", async () => {
    const { user: bea, browser } = await admin("Bea Beheerder");
    const cohort = await createCohort("Voorjaar 2031");
    const email = uniqueEmail("nina");

    const sent = await invite(browser, { email: email.toUpperCase(), name: "Nina Nieuw", cohortIds: [cohort.id] });
    expect(sent.status).toBe(302);
    const list = await browser.follow(sent);
    expect(list.text).toContain(`De uitnodiging is verstuurd naar ${email}.`);
    expect(list.text).toContain("Openstaande uitnodigingen");
    expect(list.text).toContain(email);
    expect(list.text).toContain("trainer van ‘Voorjaar 2031’");

    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email, subject: SUBJECT } });
    expect(mail.text).toContain("Hallo Nina,");
    expect(mail.text).toContain("Bea Beheerder nodigt je uit als trainer van ‘Voorjaar 2031’");
    expect(mail.text).toMatch(LINK);
    // The admin's outbox never shows a link meant for someone else.
    expect((await browser.get("/beheer/outbox")).text).not.toMatch(LINK);

    const link = await mailedLink(email, SUBJECT, LINK);
    const invitee = app.client();
    const page = await invitee.get(link);
    expect(page.status).toBe(200);
    expect(page.headers.get("Referrer-Policy")).toBe("no-referrer");
    expect(page.text).toContain("Bea Beheerder nodigt");
    expect(page.text).toContain("trainer van ‘Voorjaar 2031’");
    expect(inputValue(page.html, "name")).toBe("Nina Nieuw");
    expect(await db.user.count({ where: { email } })).toBe(0); // opening the link makes nothing

    const accepted = await invitee.post(link, {
      intent: "create",
      name: "Nina Nieuwenhuis",
      password: "wijkwerk-is-vakwerk",
    });
    expect(accepted.status).toBe(302);
    expect(accepted.location).toBe(`/opdrachten/groep/${cohort.id}`);
    const landing = await invitee.follow(accepted);
    expect(landing.status).toBe(200);
    expect(landing.text).toContain("Opdrachten van Voorjaar 2031");
    expect(landing.text).toContain("Welkom bij Gilde, Nina. Je bent nu trainer van ‘Voorjaar 2031’.");

    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("TRAINER");
    expect(user.name).toBe("Nina Nieuwenhuis");
    expect(await db.cohortStaff.count({ where: { userId: user.id, cohortId: cohort.id } })).toBe(1);
    expect((await app.client().login(email, "wijkwerk-is-vakwerk")).status).toBe(302);

    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation.acceptedAt).not.toBeNull();
    expect(invitation.tokenHash).not.toBe(link.split("/").pop());
    expect(await auditOf(invitation.id)).toEqual([
      { action: "invitation.send", actorId: bea.id },
      { action: "invitation.accept", actorId: user.id },
    ]);
    expect((await browser.get("/beheer/uitnodigingen")).text).not.toContain(email);
  });

  it("gives a trainer several cohorts at once, and a co-admin lands on the beheer pages", async () => {
    const { browser } = await admin();
    const [spring, autumn] = [await createCohort("Lente 2032"), await createCohort("Herfst 2032")];
    const trainerEmail = uniqueEmail("twee-groepen");
    await invite(browser, { email: trainerEmail, cohortIds: [spring.id, autumn.id] });
    const trainerLink = await mailedLink(trainerEmail, SUBJECT, LINK);
    await app.client().post(trainerLink, { intent: "create", name: "Tessa Twee", password: "twee-groepen-tegelijk" });
    const trainer = await db.user.findUniqueOrThrow({ where: { email: trainerEmail }, include: { staffOf: true } });
    expect(trainer.staffOf.map((s) => s.cohortId).sort()).toEqual([spring.id, autumn.id].sort());

    const adminEmail = uniqueEmail("co-beheer");
    // A cohort sent along with a co-admin invitation is not a trainer's cohort: it is left out.
    await invite(browser, { email: adminEmail, role: "ADMIN", cohortIds: [spring.id] });
    const adminLink = await mailedLink(adminEmail, SUBJECT, LINK);
    const invitee = app.client();
    const done = await invitee.post(adminLink, { intent: "create", name: "Cor Beheer", password: "samen-beheren-we" });
    expect(done.location).toBe("/beheer");
    expect((await invitee.follow(done)).text).toContain("Je bent nu beheerder.");
    const coAdmin = await db.user.findUniqueOrThrow({ where: { email: adminEmail }, include: { staffOf: true } });
    expect(coAdmin.role).toBe("ADMIN");
    expect(coAdmin.staffOf).toEqual([]);
  });

  it("explains a weak password next to the field, keeps the name, and makes nothing", async () => {
    const { browser } = await admin();
    const email = uniqueEmail("zwak");
    await invite(browser, { email });
    const link = await mailedLink(email, SUBJECT, LINK);
    const weak = await app.client().post(link, { intent: "create", name: "Sam Zwak", password: "kort" });
    expect(weak.status).toBe(400);
    expect(weak.text).toContain("Kies een wachtwoord van minstens 10 tekens.");
    expect(inputValue(weak.html, "name")).toBe("Sam Zwak");
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await openInvitation(email)).acceptedAt).toBeNull();
  });
});

describe("links that no longer work", () => {
  async function invited() {
    const { user, browser } = await admin();
    const email = uniqueEmail("link");
    await invite(browser, { email });
    return { admin: user, browser, email, link: await mailedLink(email, SUBJECT, LINK) };
  }

  it("resending makes a new link with a new week; the old link stops working", async () => {
    const { admin: bea, browser, email, link: oldLink } = await invited();
    const before = await openInvitation(email);
    await db.invitation.update({ where: { id: before.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await browser.get("/beheer/uitnodigingen")).text).toContain("Verlopen");

    const resent = await browser.submit("/beheer/uitnodigingen", { intent: "resend", invitationId: before.id });
    expect(resent.text).toContain(`De uitnodiging is opnieuw verstuurd naar ${email}, met een nieuwe link.`);
    const after = await openInvitation(email);
    expect(after.sentCount).toBe(2);
    expect(after.expiresAt.getTime()).toBeGreaterThan(Date.now() + 6 * 24 * 60 * 60 * 1000);
    expect(await db.outboxMessage.count({ where: { to: email, subject: SUBJECT } })).toBe(2);

    const newLink = await mailedLink(email, SUBJECT, LINK);
    expect(newLink).not.toBe(oldLink);
    const old = await app.client().get(oldLink);
    expect(old.text).toContain("Deze link werkt niet");
    expect(old.text).toContain("alleen de link uit de nieuwste e-mail");
    const refused = await app
      .client()
      .post(oldLink, { intent: "create", name: "Oud", password: "oude-link-werkt-niet" });
    expect(refused.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(0);

    const ok = await app.client().post(newLink, { intent: "create", name: "Nieuw", password: "nieuwe-link-werkt-wel" });
    expect(ok.status).toBe(302);
    expect((await auditOf(before.id)).map((e) => e.action)).toEqual([
      "invitation.send",
      "invitation.resend",
      "invitation.accept",
    ]);
    expect((await auditOf(before.id))[1]?.actorId).toBe(bea.id);
  });

  it("a withdrawn invitation leaves the list and its link says it was withdrawn", async () => {
    const { browser, email, link } = await invited();
    const invitation = await openInvitation(email);
    const done = await browser.submit("/beheer/uitnodigingen", { intent: "withdraw", invitationId: invitation.id });
    expect(done.text).toContain(`De uitnodiging voor ${email} is ingetrokken.`);
    expect(done.text).not.toContain(`${email} trainer`);
    expect(await db.invitation.count({ where: { email, withdrawnAt: null } })).toBe(0);

    const page = await app.client().get(link);
    expect(page.text).toContain("Deze uitnodiging is ingetrokken");
    expect(page.text).toContain("Vraag de beheerder om een nieuwe uitnodiging");
    const refused = await app
      .client()
      .post(link, { intent: "create", name: "Te Laat", password: "ingetrokken-is-weg" });
    expect(refused.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(0);
    expect((await auditOf(invitation.id)).map((e) => e.action)).toEqual(["invitation.send", "invitation.withdraw"]);

    // Withdrawing twice (a second tab) is told, not an error page.
    const again = await browser.post("/beheer/uitnodigingen", { intent: "withdraw", invitationId: invitation.id });
    expect(again.status).toBe(409);
    expect(again.text).toContain("Deze uitnodiging is al ingetrokken.");
  });

  it("an expired link says so and what to do, and makes nothing", async () => {
    const { email, link } = await invited();
    await db.invitation.updateMany({ where: { email }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const page = await app.client().get(link);
    expect(page.text).toContain("Deze uitnodiging is verlopen");
    expect(page.text).toContain("Vraag de beheerder die je uitnodigde om je opnieuw uit te nodigen");
    const refused = await app
      .client()
      .post(link, { intent: "create", name: "Laat", password: "verlopen-link-werkt-niet" });
    expect(refused.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(0);
  });

  it("a used link works once; opened again it says to log in", async () => {
    const { email, link } = await invited();
    expect(
      (await app.client().post(link, { intent: "create", name: "Eén", password: "een-keer-is-genoeg" })).status,
    ).toBe(302);
    const page = await app.client().get(link);
    expect(page.text).toContain("Deze uitnodiging is al gebruikt");
    expect(page.text).toContain("Log in met je e-mailadres en wachtwoord");
    const again = await app.client().post(link, { intent: "create", name: "Twee", password: "nog-een-keer-proberen" });
    expect(again.status).toBe(410);
    expect(await db.user.count({ where: { email } })).toBe(1);
    expect((await db.user.findUniqueOrThrow({ where: { email } })).name).toBe("Eén");
  });

  it("a tampered or made-up link gets the same clear page", async () => {
    const { link } = await invited();
    for (const path of [`${link.slice(0, -2)}xx`, "/uitnodiging/niet-echt", "/uitnodiging/%3Cscript%3E"]) {
      const page = await app.client().get(path);
      expect(page.status).toBe(200);
      expect(page.text).toContain("Deze link werkt niet");
      expect(page.text).toContain("vraag de beheerder dan om een nieuwe uitnodiging");
    }
  });
});

describe("an address that already has an account", () => {
  it("tells the admin, and adds the role and cohort once its owner is logged in and accepts", async () => {
    const { browser } = await admin();
    const cohort = await createCohort("Zomer 2031");
    const person = await createUser({ name: "Pim Deelnemer" });
    const sent = await browser.submit("/beheer/uitnodigingen", {
      intent: "invite",
      email: person.email,
      role: "TRAINER",
      cohortIds: cohort.id,
    });
    expect(sent.text).toContain("Dit adres heeft al een account (deelnemer): de rol komt erbij");
    expect(sent.text).toContain("heeft al een account (deelnemer), krijgt de rol erbij");
    const link = await mailedLink(person.email, SUBJECT, LINK);
    expect((await db.outboxMessage.findFirstOrThrow({ where: { to: person.email, subject: SUBJECT } })).text).toContain(
      "Je hebt al een Gilde-account met dit adres",
    );

    const anonymous = await app.client().get(link);
    expect(anonymous.text).toContain("Er is al een Gilde-account met dit adres");
    expect(anonymous.html).toContain(`/inloggen?redirectTo=${encodeURIComponent(link)}`);
    expect(inputValue(anonymous.html, "password")).toBeUndefined();
    const sneaky = await app.client().post(link, { intent: "create", name: "Kaper", password: "overname-van-account" });
    expect(sneaky.status).toBe(409);
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).name).toBe("Pim Deelnemer");

    const someoneElse = await app.client().signInAs(await createUser());
    expect((await someoneElse.get(link)).text).toContain(`Deze uitnodiging is voor ${person.email}`);
    expect((await someoneElse.post(link, { intent: "accept" })).status).toBe(403);

    const owner = await app.client().signInAs(person);
    expect((await owner.get(link)).text).toContain("Uitnodiging aannemen");
    const accepted = await owner.post(link, { intent: "accept" });
    expect(accepted.location).toBe(`/opdrachten/groep/${cohort.id}`);
    expect((await owner.follow(accepted)).text).toContain("Opdrachten van Zomer 2031");
    expect((await db.user.findUniqueOrThrow({ where: { id: person.id } })).role).toBe("TRAINER");
    expect(await db.cohortStaff.count({ where: { userId: person.id, cohortId: cohort.id } })).toBe(1);
  });

  it("never takes the admin role away: an admin invited as trainer stays admin and gets the cohort", async () => {
    const { browser } = await admin();
    const cohort = await createCohort("Winter 2031");
    const colleague = await createUser({ role: "ADMIN", name: "Ada Admin" });
    await invite(browser, { email: colleague.email, cohortIds: [cohort.id] });
    const link = await mailedLink(colleague.email, SUBJECT, LINK);
    const accepted = await (await app.client().signInAs(colleague)).post(link, { intent: "accept" });
    expect(accepted.status).toBe(302);
    expect((await db.user.findUniqueOrThrow({ where: { id: colleague.id } })).role).toBe("ADMIN");
    expect(await db.cohortStaff.count({ where: { userId: colleague.id, cohortId: cohort.id } })).toBe(1);
  });

  it("refuses an invitation that would add nothing", async () => {
    const { browser } = await admin();
    const colleague = await createUser({ role: "ADMIN" });
    const refused = await invite(browser, { email: colleague.email, role: "ADMIN" });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("al beheerder");
    expect(await db.invitation.count({ where: { email: colleague.email } })).toBe(0);
  });
});

describe("the admin's form", () => {
  it("explains an invalid address next to the field and keeps what was typed", async () => {
    const { browser } = await admin();
    const bad = await invite(browser, { email: "nina@@wijk", name: "Nina Typfout" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Dit is geen geldig e-mailadres");
    expect(inputValue(bad.html, "email")).toBe("nina@@wijk");
    expect(inputValue(bad.html, "name")).toBe("Nina Typfout");
    expect(await db.invitation.count({ where: { email: "nina@@wijk" } })).toBe(0);
  });

  it("says an address already has an open invitation and offers to send it again, without a second one", async () => {
    const { browser } = await admin();
    const email = uniqueEmail("dubbel");
    await invite(browser, { email, name: "Eerste Keer" });
    const twice = await invite(browser, { email: email.toUpperCase(), name: "Tweede Keer" });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain("Er staat al een uitnodiging open voor dit adres");
    expect(twice.text).toContain(`Opnieuw sturen naar ${email}`);
    expect(inputValue(twice.html, "name")).toBe("Tweede Keer");
    expect(await db.invitation.count({ where: { email } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: email, subject: SUBJECT } })).toBe(1);
  });

  it("ticks the cohort the admin came from", async () => {
    const { browser } = await admin();
    const cohort = await createCohort("Groep met link");
    const cohortPage = await browser.get(`/beheer/groepen/${cohort.id}`);
    expect(cohortPage.html).toContain(`/beheer/uitnodigingen?groep=${cohort.id}`);
    const page = await browser.get(`/beheer/uitnodigingen?groep=${cohort.id}`);
    const box = page.html.match(new RegExp(`<input[^>]*value="${cohort.id}"[^>]*>`))?.[0];
    expect(box).toContain("checked");
  });
});

describe("only admins invite", () => {
  it("answers trainers and participants with 403 and sends anonymous visitors to log in", async () => {
    const email = uniqueEmail("niet-toegestaan");
    for (const role of ["TRAINER", "PARTICIPANT"] as const) {
      const browser = await app.client().signInAs(await createUser({ role }));
      expect((await browser.get("/beheer/uitnodigingen")).status).toBe(403);
      const post = await invite(browser, { email, role: "ADMIN" });
      expect(post.status).toBe(403);
      expect(post.text).not.toContain("Error");
    }
    const anonymous = await invite(app.client(), { email, role: "ADMIN" });
    expect(anonymous.status).toBe(302);
    expect(anonymous.location).toContain("/inloggen");
    expect(await db.invitation.count({ where: { email } })).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: email } })).toBe(0);
  });
});

describe("at the same moment", () => {
  it("one link pressed twice at once makes one account", async () => {
    const { browser } = await admin();
    const email = uniqueEmail("tegelijk");
    await invite(browser, { email });
    const link = await mailedLink(email, SUBJECT, LINK);
    const answers = await Promise.all(
      ["Eerste Tab", "Tweede Tab"].map((name) =>
        app.client().post(link, { intent: "create", name, password: "twee-tabs-tegelijk" }),
      ),
    );
    expect(answers.map((a) => a.status).sort()).toEqual([302, 410]);
    expect(await db.user.count({ where: { email } })).toBe(1);
  });

  it("two admins inviting one address at once give one invitation", async () => {
    const [first, second] = [await admin("Eerste Beheerder"), await admin("Tweede Beheerder")];
    const email = uniqueEmail("twee-beheerders");
    const answers = await Promise.all([invite(first.browser, { email }), invite(second.browser, { email })]);
    expect(answers.map((a) => a.status).sort()).toEqual([302, 409]);
    expect(await db.invitation.count({ where: { email } })).toBe(1);
    expect(await db.outboxMessage.count({ where: { to: email, subject: SUBJECT } })).toBe(1);
  });
});

describe("erasure", () => {
  it("removes the invitations to the erased address", async () => {
    const { user: bea, browser } = await admin();
    const person = await createUser({ name: "Wil Weg" });
    await invite(browser, { email: person.email, cohortIds: [(await createCohort()).id] });
    await requestErasure({ ...person, role: "PARTICIPANT" }, "Graag alles weg.");
    const request = await db.privacyRequest.findFirstOrThrow({ where: { userId: person.id } });
    await carryOutErasure({ ...bea, role: "ADMIN" }, request.id);
    expect(await db.invitation.count({ where: { email: person.email } })).toBe(0);
  });
});
