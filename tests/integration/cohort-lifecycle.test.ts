// Cohorts with a lifecycle (issue 19): a new cohort is a concept nobody else sees; publishing checks place, rhythm,
// dates, price and a trainer and lists what is missing; only the allowed steps are taken, each audited; an intake for
// a cohort that closed meanwhile is refused with what was typed kept; a freed seat is offered to the first person on
// the waiting list by e-mail, held for them, accepted (and paid) or passed on when the offer lapses.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { maintainWaitlists, OFFER_DAYS } from "~/enrollment/waitlist.server";
import { FORM_ID_FIELD } from "~/forms/protocol";
import { createCohort, createUser, enroll } from "../support/factories";
import type { Client, TestApp } from "../support/http";
import { INTAKE, startEnrollmentApp } from "../support/enrollment";
import { trainerOf } from "../support/people";

const DAY_MS = 24 * 60 * 60 * 1000;
let app: TestApp;
let admin: Client;
let stop: () => Promise<void>;

beforeAll(async () => ({ app, admin, stop } = await startEnrollmentApp("whsec_test_lifecycle")));
afterAll(() => stop());

async function applicant(name = "Aanmelder Test") {
  const user = await createUser({ name });
  return { user, browser: await app.client().signInAs(user) };
}

/** A concept cohort as the admin makes one on /beheer: name, dates, price and seats, nothing else yet. */
async function conceptCohort(name: string) {
  const created = await admin.post("/beheer?index", {
    name,
    startsOn: "2028-03-06",
    endsOn: "2028-11-28",
    price: "2.450,00",
    capacity: "20",
  });
  expect(created.status).toBe(302);
  return db.cohort.findFirstOrThrow({ where: { name } });
}

const settingsPage = (cohortId: string) => `/beheer/groepen/${cohortId}/instellingen`;

/** The settings form as the admin sends it, with these changes. */
async function saveSettings(cohortId: string, changes: Record<string, string>) {
  const c = await db.cohort.findUniqueOrThrow({ where: { id: cohortId } });
  return admin.post(settingsPage(cohortId), {
    intent: "settings",
    name: c.name,
    startsOn: c.startsOn.toISOString().slice(0, 10),
    endsOn: c.endsOn.toISOString().slice(0, 10),
    price: String(c.priceCents / 100),
    capacity: String(c.capacity),
    location: c.location,
    rhythm: c.rhythm,
    reservationDays: String(c.reservationDays),
    refundAfterStartPercent: String(c.refundAfterStartPercent),
    ...(c.priceIncludesVat ? { priceIncludesVat: "on" } : {}),
    ...changes,
  });
}

const step = (cohortId: string, to: string) => admin.post(settingsPage(cohortId), { intent: "status", to });
const statusOf = async (cohortId: string) => (await db.cohort.findUniqueOrThrow({ where: { id: cohortId } })).status;
const enrollmentOf = (userId: string, cohortId: string) =>
  db.enrollment.findUniqueOrThrow({ where: { userId_cohortId: { userId, cohortId } } });
const mailsTo = (to: string, subject: string) => db.outboxMessage.count({ where: { to, subject } });

describe("a cohort's lifecycle", () => {
  it("starts a new cohort as a concept that is neither on /leergang nor open for an intake", async () => {
    const cohort = await conceptCohort("Concept Lente 2028");
    expect(cohort.status).toBe("CONCEPT");
    expect((await app.client().get("/leergang")).text).not.toContain("Concept Lente 2028");
    expect((await app.client().get("/")).text).not.toContain("Concept Lente 2028");
    const page = await app.client().get(`/aanmelden/${cohort.id}`);
    expect(page.status).toBe(404);
    expect(page.text).toContain("nog niet open voor aanmelding");
    const person = await applicant();
    const posted = await person.browser.post(`/aanmelden/${cohort.id}`, INTAKE);
    expect(posted.status).toBe(404);
    expect(await db.enrollment.count({ where: { cohortId: cohort.id } })).toBe(0);
    // The admin sees it, with its status.
    expect((await admin.get(`/beheer/groepen/${cohort.id}`)).text).toContain("Status: concept");
  });

  it("lists what is missing before publishing, next to the button, and publishes nothing", async () => {
    const cohort = await conceptCohort("Concept Zomer 2028");
    const page = await admin.get(settingsPage(cohort.id));
    expect(page.text).toContain("Om te publiceren is nog nodig:");
    for (const gap of ["de plaats (een adres, of ‘online’)", "het ritme", "minstens één trainer"])
      expect(page.text).toContain(gap);
    expect(page.text).not.toContain("een prijs hoger dan");
    const refused = await step(cohort.id, "PUBLISHED");
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("Nog niet gepubliceerd. Dit ontbreekt nog: de plaats");
    expect(refused.text).toContain("minstens één trainer");
    expect(await statusOf(cohort.id)).toBe("CONCEPT");
    expect(await db.auditEvent.count({ where: { subjectId: cohort.id } })).toBe(0);
    // A start in the past and a price of nothing are named too.
    await saveSettings(cohort.id, { startsOn: "2026-01-05", endsOn: "2026-12-01", price: "0" });
    const again = await step(cohort.id, "PUBLISHED");
    expect(again.text).toContain("een startdatum in de toekomst");
    expect(again.text).toContain("een prijs hoger dan € 0");
  });

  it("publishes a complete cohort: on /leergang with its intake open, and audited", async () => {
    const cohort = await conceptCohort("Publiek Najaar 2028");
    const saved = await saveSettings(cohort.id, { location: "online", rhythm: "Elke maandagavond, 19–21 uur" });
    expect(saved.status).toBe(302);
    const trainer = await createUser({ role: "TRAINER", name: "Tineke Trainer" });
    await admin.post(`/beheer/groepen/${cohort.id}`, { intent: "add-trainer", userId: trainer.id });
    const ready = await admin.get(settingsPage(cohort.id));
    expect(ready.text).toContain("Alles wat nodig is om te publiceren, staat klaar.");
    const published = await admin.submit(settingsPage(cohort.id), { intent: "status", to: "PUBLISHED" });
    expect(published.text).toContain("De groep is nu ‘gepubliceerd’.");
    expect(await statusOf(cohort.id)).toBe("PUBLISHED");
    const catalogue = await app.client().get("/leergang");
    expect(catalogue.text).toContain("Publiek Najaar 2028");
    expect(catalogue.html).toContain(`href="/aanmelden/${cohort.id}"`);
    const events = await db.auditEvent.findMany({ where: { subjectId: cohort.id } });
    expect(events.map((e) => [e.action, e.summary])).toEqual([
      ["cohort.publish", "Publiek Najaar 2028: van concept naar gepubliceerd."],
    ]);
  });

  it("takes only the allowed steps, each audited, and refuses the others in Dutch", async () => {
    const cohort = await createCohort("Stappen 2027");
    const trainer = await trainerOf(app, cohort.id);
    await db.cohort.update({
      where: { id: cohort.id },
      data: { status: "CONCEPT", location: "Den Haag", rhythm: "Elke week" },
    });
    const skip = await step(cohort.id, "RUNNING");
    expect(skip.status).toBe(409);
    expect(skip.text).toContain("Een groep die ‘concept’ is, kan niet naar ‘lopend’. Wel naar ‘gepubliceerd’.");
    await db.cohort.update({ where: { id: cohort.id }, data: { status: "PUBLISHED" } });
    expect((await step(cohort.id, "FINISHED")).text).toContain("kan niet naar ‘afgerond’");
    expect((await step(cohort.id, "CONCEPT")).status).toBe(409);
    for (const to of ["INTAKE_CLOSED", "PUBLISHED", "INTAKE_CLOSED", "RUNNING", "FINISHED"]) {
      expect((await step(cohort.id, to)).status).toBe(302);
      expect(await statusOf(cohort.id)).toBe(to);
    }
    const last = await step(cohort.id, "PUBLISHED");
    expect(last.status).toBe(409);
    expect(last.text).toContain("Dit is de laatste stap.");
    const events = await db.auditEvent.findMany({ where: { subjectId: cohort.id }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.action)).toEqual([
      "cohort.close-intake",
      "cohort.reopen-intake",
      "cohort.close-intake",
      "cohort.start",
      "cohort.finish",
    ]);
    // Only the admin moves a cohort: its own trainer cannot.
    expect((await trainer.post(settingsPage(cohort.id), { intent: "status", to: "RUNNING" })).status).toBe(403);
  });

  it("refuses an intake for a cohort that closed meanwhile, in Dutch, keeping what was typed", async () => {
    const cohort = await createCohort("Sluit Zo 2027");
    const person = await applicant();
    expect((await person.browser.get(`/aanmelden/${cohort.id}`)).text).toContain("Intake");
    expect((await step(cohort.id, "INTAKE_CLOSED")).status).toBe(302);
    // As the browser sends it: the intake form names itself.
    const refused = await person.browser.post(`/aanmelden/${cohort.id}`, { ...INTAKE, [FORM_ID_FIELD]: "intake" });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("De aanmelding voor deze groep is inmiddels gesloten");
    expect(refused.text).toContain(INTAKE.motivation);
    expect(refused.text).toContain(INTAKE.experience);
    expect(await db.enrollment.count({ where: { cohortId: cohort.id } })).toBe(0);
    // Still on the catalogue, saying the intake is closed.
    const catalogue = await app.client().get("/leergang");
    expect(catalogue.text).toContain("Sluit Zo 2027");
    expect(catalogue.html).not.toContain(`href="/aanmelden/${cohort.id}"`);
  });
});

describe("the waiting list", () => {
  it("offers a freed seat to the first person waiting, by e-mail, and accepting it leads to paying", async () => {
    const cohort = await createCohort("Wachtlijst Een");
    await db.cohort.update({ where: { id: cohort.id }, data: { capacity: 1 } });
    const seated = await applicant("Eerste Plek");
    await seated.browser.post(`/aanmelden/${cohort.id}`, INTAKE);
    const seat = await enrollmentOf(seated.user.id, cohort.id);
    await admin.post(`/beoordelen/aanmeldingen/${cohort.id}`, { intent: "accept", enrollmentId: seat.id });
    const first = await applicant("Wachtende Een");
    const second = await applicant("Wachtende Twee");
    expect((await first.browser.submit(`/aanmelden/${cohort.id}`, INTAKE)).text).toContain("je staat op de wachtlijst");
    await second.browser.post(`/aanmelden/${cohort.id}`, INTAKE);

    const before = Date.now();
    await seated.browser.post(`/aanmelden/${cohort.id}`, { intent: "withdraw" });
    const offered = await enrollmentOf(first.user.id, cohort.id);
    expect(offered.status).toBe("WAITLISTED");
    const held = offered.offerExpiresAt!.getTime() - before;
    expect(held).toBeGreaterThanOrEqual(OFFER_DAYS * DAY_MS);
    expect(held).toBeLessThan(OFFER_DAYS * DAY_MS + 60_000);
    expect(await mailsTo(first.user.email, "Er is een plek vrij in Wachtlijst Een")).toBe(1);
    expect(await mailsTo(second.user.email, "Er is een plek vrij in Wachtlijst Een")).toBe(0);
    expect((await enrollmentOf(second.user.id, cohort.id)).offerExpiresAt).toBeNull();
    // The offered seat is held: the catalogue says the cohort is full, the trainers see until when it runs.
    expect((await app.client().get("/leergang")).text).toContain("Vol: aanmelden kan voor de wachtlijst");
    const trainer = await trainerOf(app, cohort.id);
    expect((await trainer.get(`/beoordelen/aanmeldingen/${cohort.id}`)).text).toContain("aanbod loopt tot");

    const page = await first.browser.get(`/aanmelden/${cohort.id}`);
    expect(page.text).toContain("Er is een plek vrij voor jou");
    expect((await second.browser.get(`/aanmelden/${cohort.id}`)).text).not.toContain("Er is een plek vrij");
    const accepted = await first.browser.submit(`/aanmelden/${cohort.id}`, { intent: "accept-offer" });
    expect(accepted.text).toContain("De plek is van jou. Betaal hieronder");
    expect(accepted.html).toMatch(/<button[^>]*value="pay"[^>]*>Betalen<\/button>/);
    const now = await enrollmentOf(first.user.id, cohort.id);
    expect(now).toMatchObject({ status: "ACCEPTED", offerExpiresAt: null });
    expect(now.reservedUntil!.getTime()).toBeGreaterThan(Date.now() + 13 * DAY_MS);
    // Answering twice is refused in Dutch.
    const twice = await first.browser.post(`/aanmelden/${cohort.id}`, { intent: "accept-offer" });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain("Er staat voor jou geen aanbod van een plek open.");
  });

  it("passes an offer nobody answered on to the next person, and a declined one too", async () => {
    const cohort = await createCohort("Wachtlijst Twee");
    await db.cohort.update({ where: { id: cohort.id }, data: { capacity: 1 } });
    await enroll((await createUser()).id, cohort.id, "ACTIVE");
    const first = await applicant("Eerste Wachtende");
    const second = await applicant("Tweede Wachtende");
    await first.browser.post(`/aanmelden/${cohort.id}`, INTAKE);
    await second.browser.post(`/aanmelden/${cohort.id}`, INTAKE);
    // More seats: the first person waiting is offered the new one.
    expect((await saveSettings(cohort.id, { capacity: "2" })).status).toBe(302);
    expect((await enrollmentOf(first.user.id, cohort.id)).offerExpiresAt).not.toBeNull();
    expect((await enrollmentOf(second.user.id, cohort.id)).offerExpiresAt).toBeNull();
    // Fewer seats than are taken is refused next to the field.
    const fewer = await saveSettings(cohort.id, { capacity: "1" });
    expect(fewer.status).toBe(400);
    expect(fewer.text).toContain("Er zijn al 2 plaatsen bezet of vastgehouden: kies minstens 2.");

    // The deadline passes: the background job lapses the offer and offers the seat to the next person.
    await maintainWaitlists(new Date(Date.now() + OFFER_DAYS * DAY_MS + 60_000));
    const lapsed = await enrollmentOf(first.user.id, cohort.id);
    expect(lapsed).toMatchObject({ status: "WAITLISTED", offerExpiresAt: null });
    expect(await mailsTo(first.user.email, "Aanbod verlopen (Wachtlijst Twee)")).toBe(1);
    expect((await enrollmentOf(second.user.id, cohort.id)).offerExpiresAt).not.toBeNull();
    expect(await mailsTo(second.user.email, "Er is een plek vrij in Wachtlijst Twee")).toBe(1);
    const late = await first.browser.post(`/aanmelden/${cohort.id}`, { intent: "accept-offer" });
    expect(late.status).toBe(409);
    expect((await enrollmentOf(first.user.id, cohort.id)).status).toBe("WAITLISTED");

    // The second person declines: they leave the list, and the seat goes back to the first, still waiting.
    const declined = await second.browser.submit(`/aanmelden/${cohort.id}`, { intent: "decline-offer" });
    expect(declined.text).toContain("Je hebt de plek afgeslagen");
    expect((await enrollmentOf(second.user.id, cohort.id)).status).toBe("WITHDRAWN");
    expect((await enrollmentOf(first.user.id, cohort.id)).offerExpiresAt).not.toBeNull();
    expect(await mailsTo(first.user.email, "Er is een plek vrij in Wachtlijst Twee")).toBe(2);
  });
});
