// Issue 19, the cohort page part: a cohort page a person can decide on, an intake that fits who pays (the
// employer's fieldset read only when the employer pays), the admin's "werkgever akkoord: laat starten", and the
// confirmation after paying: page, e-mail with the receipt, and the receipt to download again.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { fromAmsterdamInput } from "~/assignments/time";
import { db } from "~/db.server";
import { createCohort, createUser, enroll } from "../support/factories";
import type { Client, TestApp } from "../support/http";
import { INTAKE, paidSession, startEnrollmentApp } from "../support/enrollment";
import { deliverWebhook, signed, type StripeStandIn, stripeEvent } from "../support/stripe-api";

const SECRET = "whsec_test_cohortpage";
let app: TestApp;
let admin: Client;
let stop: () => Promise<void>;
let _stripe: StripeStandIn;

beforeAll(async () => ({ app, stripe: _stripe, admin, stop } = await startEnrollmentApp(SECRET)));
afterAll(() => stop());

const EMPLOYER = {
  payer: "EMPLOYER",
  employerName: "Gemeente Oost",
  employerContact: "P. de Boer",
  employerEmail: "facturen@oost.example.nl",
  poNumber: "PO-123",
};

async function cohort(data: Parameters<typeof db.cohort.update>[0]["data"] = {}) {
  const created = await createCohort();
  return db.cohort.update({
    where: { id: created.id },
    data: { startsOn: new Date("2027-03-01"), endsOn: new Date("2027-11-30"), priceCents: 245000, ...data },
  });
}

async function applicant(name = "Noor Nieuwkomer") {
  const user = await createUser({ name });
  return { user, browser: await app.client().signInAs(user) };
}

async function accepted(cohortId: string, payer: Record<string, string> = {}) {
  const person = await applicant();
  expect((await person.browser.submit(`/aanmelden/${cohortId}`, { ...INTAKE, ...payer })).text).toContain(
    "je aanmelding is binnen",
  );
  const enrollment = await db.enrollment.findFirstOrThrow({ where: { userId: person.user.id, cohortId } });
  await admin.submit(`/beoordelen/aanmeldingen/${cohortId}`, { intent: "accept", enrollmentId: enrollment.id });
  return { ...person, enrollmentId: enrollment.id };
}

async function send(type: string, object: Record<string, unknown>) {
  const { payload, signature } = signed(stripeEvent(type, object), SECRET);
  return deliverWebhook(app.baseUrl, payload, signature);
}

describe("the cohort page", () => {
  it("shows everything a person decides on, from the cohort's own data", async () => {
    const c = await cohort({
      name: "Voorjaar Proef",
      location: "Utrecht, buurthuis De Leeuw",
      rhythm: "Om de twee weken op dinsdag",
      capacity: 12,
      accreditationRegister: "Registerplein",
      accreditationPoints: 20,
      instalments: 3,
      refundAfterStartPercent: 25,
      reservationDays: 10,
      priceIncludes: "Alle modules, zes contactdagen met lunch en het bewijs van afronding.",
    });
    const trainer = await createUser({ role: "TRAINER", name: "Tineke Trainer" });
    await db.user.update({ where: { id: trainer.id }, data: { bio: "Twintig jaar opbouwwerk in Overvecht." } });
    await db.cohortStaff.create({ data: { cohortId: c.id, userId: trainer.id } });
    const participant = await createUser({ name: "Piet Deelnemer" });
    await db.user.update({ where: { id: participant.id }, data: { bio: "Een profiel dat niet openbaar is." } });
    await enroll(participant.id, c.id);
    await db.contactDay.createMany({
      data: [
        {
          cohortId: c.id,
          startsAt: fromAmsterdamInput("2027-03-09T09:30")!,
          endsAt: fromAmsterdamInput("2027-03-09T16:00")!,
          place: "Buurthuis De Leeuw, Utrecht",
          topic: "Kennismaking",
        },
        {
          cohortId: c.id,
          startsAt: fromAmsterdamInput("2027-05-18T13:00")!,
          endsAt: fromAmsterdamInput("2027-05-18T15:30")!,
          online: true,
          topic: "Intervisie",
        },
      ],
    });
    await db.moduleRelease.create({
      data: { cohortId: c.id, moduleSlug: "vertrouwen", opensOn: new Date("2027-04-26T00:00:00Z") },
    });

    const list = await app.client().get("/leergang");
    expect(list.html).toContain(`href="/leergang/${c.id}"`);
    const page = await app.client().get(`/leergang/${c.id}`);
    expect(page.status).toBe(200);
    const text = page.text;
    // For whom: the course's own admission rule.
    expect(text).toContain("Ervaring in gebiedsgericht werken.");
    // Programme per module with weeks and hours: module 3 opens in week 9, so 1 and 2 take weeks 1–8.
    expect(text).toContain("1. De wijk leren kennen");
    expect(text).toContain("2. Twee werelden in de wijk Week 1–8 · vanaf 1 maart 2027 · 10 uur");
    expect(text).toContain("3. Vertrouwen in de buurt Week 9–40 · vanaf 26 april 2027");
    // Study load: the fixture course's 50 hours over 40 weeks.
    expect(text).toContain("50 uur (2 EC), gemiddeld 1,3 uur per week");
    // Contact days with date, times and place or online.
    expect(text).toContain("dinsdag 9 maart 2027 , 9.30–16.00 uur Buurthuis De Leeuw, Utrecht · Kennismaking");
    expect(text).toContain("dinsdag 18 mei 2027 , 13.00–15.30 uur Online · Intervisie");
    // Certificate and accreditation.
    expect(text).toContain("bewijs van afronding");
    expect(text).toContain("Deze groep is geaccrediteerd bij Registerplein: je krijgt 20 punten.");
    // Trainers with their profile; a participant's profile is not shown.
    expect(text).toContain("Tineke Trainer Twintig jaar opbouwwerk in Overvecht.");
    expect(text).not.toContain("Piet Deelnemer");
    expect(text).not.toContain("Een profiel dat niet openbaar is.");
    // Price with and without VAT, what it includes, how to pay.
    expect(text).toContain("Prijs incl. btw € 2.450,00 Prijs excl. btw € 2.024,79 Btw (21%) € 425,21");
    expect(text).toContain("Alle modules, zes contactdagen met lunch en het bewijs van afronding.");
    expect(text).toContain("iDEAL of creditcard");
    expect(text).toContain("Door je werkgever");
    expect(text).toContain("in 3 termijnen van € 816,67 (de laatste € 816,66)");
    // Cancellation terms from the refund policy.
    expect(text).toContain("Je kunt kosteloos annuleren tot de start op 1 maart 2027. Daarna krijg je 25% terug.");
    expect(text).toContain("houden we je plek 10 dagen voor je vast");
    // Seats, the button at the top and the bottom, and the FAQ.
    expect(text).toContain("Nog 11 van 12 plaatsen vrij.");
    expect(page.html.match(new RegExp(`href="/aanmelden/${c.id}"`, "g"))).toHaveLength(2);
    for (const question of [
      "Mijn werkgever betaalt. Hoe gaat dat?",
      "Hoeveel tijd kost het per week?",
      "Wat als ik een contactdag mis?",
      "Moet ik sociaal werker zijn?",
      "Krijg ik een certificaat?",
      "Wat als ik stop?",
    ])
      expect(text).toContain(question);
  });

  it("says so plainly for a cohort without contact days, accreditation or seats, and 404s what is not offered", async () => {
    const c = await cohort({ capacity: 0, rhythm: "" });
    const page = await app.client().get(`/leergang/${c.id}`);
    expect(page.text).toContain("De contactdagen van deze groep zijn nog niet gepland.");
    expect(page.text).toContain("Voor deze groep is geen accreditatie vastgesteld.");
    expect(page.text).toContain("De prijs is voor de hele leergang");
    expect(page.text).toContain("Daarna is er geen restitutie.");
    expect(page.text).toContain("De trainers van deze groep worden nog bekendgemaakt.");
    expect(page.text).toContain("Op de wachtlijst");
    expect(page.text).not.toContain("termijnen van");
    const closed = await cohort({ intakeOpen: false });
    expect((await app.client().get(`/leergang/${closed.id}`)).text).toContain("niet open");
    const started = await cohort({ startsOn: new Date(Date.now() - 86_400_000) });
    const gone = await app.client().get(`/leergang/${started.id}`);
    expect(gone.status).toBe(404);
    expect(gone.text).toContain("Deze groep staat niet (meer) in het aanbod.");
    expect((await app.client().get("/leergang/bestaat-niet")).status).toBe(404);
  });
});

describe("an intake that fits who pays", () => {
  const LONG_PO = "9".repeat(2000);

  it("ignores the employer's fieldset for a self-payer, also a 2,000-character PO number", async () => {
    const c = await cohort();
    const person = await applicant();
    const sent = await person.browser.submit(`/aanmelden/${c.id}`, {
      ...INTAKE,
      payer: "SELF",
      employerName: "Oude werkgever",
      poNumber: LONG_PO,
    });
    expect(sent.text).toContain("je aanmelding is binnen");
    const intake = await db.intake.findFirstOrThrow({ where: { enrollment: { userId: person.user.id } } });
    expect(intake).toMatchObject({ payer: "SELF", employerName: null, poNumber: null });
  });

  it("checks the employer's fieldset when the employer pays: a PO number too long gets a Dutch message, the rest is kept", async () => {
    const c = await cohort();
    const person = await applicant();
    const form = await person.browser.get(`/aanmelden/${c.id}`);
    // Without JavaScript the employer's fields are in the page, in their own fieldset.
    expect(form.html).toMatch(/<fieldset[^>]*id="werkgever"/);
    expect(form.text).toContain("Gegevens van je werkgever (alleen als je werkgever betaalt)");
    const bad = await person.browser.post(`/aanmelden/${c.id}`, { ...INTAKE, ...EMPLOYER, poNumber: LONG_PO });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Een inkoopnummer of kostenplaats is hoogstens 50 tekens.");
    expect(bad.html).toContain('value="Gemeente Oost"');
    expect(bad.html).toContain('value="facturen@oost.example.nl"');
    expect(bad.html).toContain("Zes jaar buurtwerk in Transvaal");
    expect(await db.enrollment.count({ where: { userId: person.user.id } })).toBe(0);
    const missing = await person.browser.post(`/aanmelden/${c.id}`, { ...INTAKE, payer: "EMPLOYER" });
    expect(missing.text).toContain("Vul de naam van de organisatie in die betaalt.");
    expect((await person.browser.submit(`/aanmelden/${c.id}`, { ...INTAKE, ...EMPLOYER })).text).toContain(
      "je aanmelding is binnen",
    );
    expect(await db.intake.findFirstOrThrow({ where: { enrollment: { userId: person.user.id } } })).toMatchObject({
      payer: "EMPLOYER",
      employerName: "Gemeente Oost",
      poNumber: "PO-123",
    });
  });
});

describe("werkgever akkoord: laat starten", () => {
  it("activates an employer-paid participant while the invoice stays open and owed", async () => {
    const c = await cohort();
    const person = await accepted(c.id, EMPLOYER);
    const invoice = await db.payment.findFirstOrThrow({
      where: { enrollmentId: person.enrollmentId, kind: "INVOICE" },
    });
    const intakes = await admin.get(`/beoordelen/aanmeldingen/${c.id}`);
    expect(intakes.text).toContain("Werkgever akkoord: laat starten");
    const trainer = await createUser({ role: "TRAINER" });
    await db.cohortStaff.create({ data: { cohortId: c.id, userId: trainer.id } });
    const asTrainer = await app.client().signInAs(trainer);
    const intent = { intent: "employer-start", enrollmentId: person.enrollmentId };
    expect((await asTrainer.post(`/beoordelen/aanmeldingen/${c.id}`, intent)).status).toBe(403);

    const started = await admin.submit(`/beoordelen/aanmeldingen/${c.id}`, intent);
    expect(started.text).toContain("De deelnemer is gestart; de factuur aan de werkgever staat nog open.");
    expect(started.text).toContain("gestart op akkoord van de werkgever (factuur open)");
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: person.enrollmentId } })).status).toBe("ACTIVE");
    expect((await db.payment.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("OPEN");
    expect(
      await db.auditEvent.count({ where: { action: "enrollment.employer-start", subjectId: person.enrollmentId } }),
    ).toBe(1);
    expect(
      await db.outboxMessage.count({
        where: { to: person.user.email, subject: { startsWith: "Welkom in de leergang" } },
      }),
    ).toBe(1);
    // Still owed: once past its date it is among the overdue invoices.
    await db.payment.update({ where: { id: invoice.id }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
    expect((await admin.get("/beheer/betalingen")).text).toContain("Gemeente Oost");
    // Twice is refused; so is a self-payer.
    expect((await admin.post(`/beoordelen/aanmeldingen/${c.id}`, intent)).status).toBe(409);
    const self = await accepted(c.id);
    const refused = await admin.post(`/beoordelen/aanmeldingen/${c.id}`, {
      ...intent,
      enrollmentId: self.enrollmentId,
    });
    expect(refused.status).toBe(409);
    expect(refused.text).toContain("Deze deelnemer betaalt zelf");
    // When the employer pays, the invoice is paid and nothing else changes.
    const paid = await send("invoice.paid", {
      id: invoice.invoiceId,
      object: "invoice",
      amount_paid: invoice.amountCents,
      currency: "eur",
    });
    expect(await paid.json()).toMatchObject({ outcome: "factuur betaald (deelnemer was al gestart)" });
    expect((await db.payment.findUniqueOrThrow({ where: { id: invoice.id } })).status).toBe("PAID");
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: person.enrollmentId } })).status).toBe("ACTIVE");
  });
});

describe("the confirmation after paying", () => {
  it("sends the receipt and what comes next once the webhook activates, shows it, and lets the participant download it again", async () => {
    const c = await cohort({ name: "Groep Bevestiging" });
    await db.contactDay.create({
      data: {
        cohortId: c.id,
        startsAt: fromAmsterdamInput("2027-03-02T09:30")!,
        endsAt: fromAmsterdamInput("2027-03-02T16:00")!,
        place: "Wijkcentrum De Kei",
      },
    });
    const person = await accepted(c.id);
    expect((await person.browser.post(`/aanmelden/${c.id}`, { intent: "pay" })).status).toBe(302);
    const payment = await db.payment.findFirstOrThrow({
      where: { enrollmentId: person.enrollmentId, kind: "CHECKOUT" },
    });
    expect(payment.amountCents).toBe(245000);
    expect((await send("checkout.session.completed", paidSession(payment, person.enrollmentId))).status).toBe(200);

    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: person.user.email, subject: { startsWith: "Welkom in de leergang" } },
    });
    expect(mail.subject).toBe("Welkom in de leergang (Groep Bevestiging): je betaling is binnen");
    const text = mail.text.replaceAll("\u00a0", " ");
    expect(text).toContain("Bedrag: € 2.450,00, waarvan btw (21%): € 425,21");
    expect(text).toContain(`Kenmerk: pi_${payment.id}`);
    expect(text).toContain("Betaald door: Noor Nieuwkomer");
    expect(text).toContain("De leergang begint op 1 maart 2027.");
    expect(text).toContain("De eerste contactdag: dinsdag 2 maart 2027, 9.30–16.00 uur, Wijkcentrum De Kei.");
    expect(text).toContain("Wat je vast kunt doen");
    expect(text).toContain("Module 1, De wijk leren kennen, gaat open op 1 maart 2027.");
    expect(text).toContain("/account/betalingen");

    const page = await person.browser.get(`/aanmelden/${c.id}/betaald`);
    expect(page.text).toContain("Je bent ingeschreven");
    expect(page.text).toContain("Bedrag € 2.450,00 incl. btw Waarvan btw (21%) € 425,21 Bedrag excl. btw € 2.024,79");
    expect(page.text).toContain("De eerste contactdag is op dinsdag 2 maart 2027, 9.30–16.00 uur, Wijkcentrum De Kei.");
    expect(page.text).toContain("Je trainer deelt je in bij een gilde");

    const list = await person.browser.get("/account/betalingen");
    expect(list.text).toContain("Groep Bevestiging");
    expect(list.html).toContain(`/account/betalingen/${payment.id}/bewijs`);
    const download = await person.browser.get(`/account/betalingen/${payment.id}/bewijs`);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(
      /^attachment; filename="betaalbewijs-\d{4}-\d{2}-\d{2}-/,
    );
    expect(download.text).toContain("Totaal incl. btw € 2.450,00");
    expect(download.text).toContain("Btw (21%) € 425,21");
    expect(download.text).toContain("Betaald door Noor Nieuwkomer");
    // Someone else's receipt does not exist for you.
    const other = await applicant("Iemand Anders");
    expect((await other.browser.get(`/account/betalingen/${payment.id}/bewijs`)).status).toBe(404);
    expect((await app.client().get(`/account/betalingen/${payment.id}/bewijs`)).status).toBe(302);
  });
});
