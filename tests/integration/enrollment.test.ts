// From interest to a seat (issue 7): catalogue, intake, assessment, Stripe Checkout and invoices against a local
// stand-in for the Stripe API, signed webhooks (and bad ones), idempotency, refunds, races, reconciliation.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCohort, createGilde, createUser, joinGilde } from "../support/factories";
import type { Client, TestApp } from "../support/http";
import { trainerOf, registerThroughMail } from "../support/people";
import { INTAKE, paidSession, startEnrollmentApp } from "../support/enrollment";
import { deliverWebhook, signed, type StripeStandIn, stripeEvent } from "../support/stripe-api";
import { at, first } from "../support/indexed";

const SECRET = "whsec_test_gilde";
let app: TestApp;
let stripe: StripeStandIn;
let admin: Client;
let stop: () => Promise<void>;

beforeAll(async () => ({ app, stripe, admin, stop } = await startEnrollmentApp(SECRET)));
afterAll(() => stop());

beforeEach(() => {
  stripe.mode = "ok";
});

async function applicant(name = "Aanmelder Test") {
  const user = await createUser({ name });
  const browser = await app.client().signInAs(user);
  return { user, browser };
}

async function cohort(
  data: {
    capacity?: number;
    priceCents?: number;
    startsOn?: Date;
    autoPlaceInGilde?: boolean;
    status?: "CONCEPT" | "PUBLISHED" | "INTAKE_CLOSED" | "RUNNING" | "FINISHED";
  } = {},
) {
  const created = await createCohort();
  return db.cohort.update({ where: { id: created.id }, data: { startsOn: new Date("2027-03-01"), ...data } });
}

async function accepted(cohortId: string, payer: Record<string, string> = {}) {
  const person = await applicant();
  const applied = await person.browser.submit(`/aanmelden/${cohortId}`, { ...INTAKE, ...payer });
  expect(applied.text).toContain("je aanmelding is binnen");
  const enrollment = await db.enrollment.findFirstOrThrow({ where: { userId: person.user.id, cohortId } });
  const decided = await admin.submit(`/beoordelen/aanmeldingen/${cohortId}`, {
    intent: "accept",
    enrollmentId: enrollment.id,
    message: "Welkom!",
  });
  expect(decided.text).toContain("Toegelaten");
  return { ...person, enrollmentId: enrollment.id };
}

const deliver = (payload: string, signature: string | null) => deliverWebhook(app.baseUrl, payload, signature);

async function send(type: string, object: Record<string, unknown>, id?: string) {
  const { payload, signature } = signed(stripeEvent(type, object, id), SECRET);
  return deliver(payload, signature);
}

/** Pays through "Betalen" and returns what Stripe would send when the payment succeeds. */
async function checkout(person: { browser: Client; enrollmentId: string }, cohortId: string) {
  const response = await person.browser.post(`/aanmelden/${cohortId}`, { intent: "pay" });
  expect(response.status).toBe(302);
  const payment = await db.payment.findFirstOrThrow({
    where: { enrollmentId: person.enrollmentId, kind: "CHECKOUT" },
    orderBy: { createdAt: "desc" },
  });
  return {
    response,
    payment,
    session: paidSession(payment, person.enrollmentId),
  };
}

const statusOf = async (enrollmentId: string) =>
  (await db.enrollment.findUniqueOrThrow({ where: { id: enrollmentId } })).status;

describe("catalogue and intake", () => {
  it("lists upcoming cohorts with price, VAT and seats, and a waiting list when full", async () => {
    const open = await cohort({ capacity: 3, priceCents: 245000 });
    const full = await cohort({ capacity: 0 });
    const page = await app.client().get("/leergang");
    expect(page.text).toContain(open.name);
    expect(page.text).toContain("€ 2.450,00 incl. btw");
    expect(page.text).toContain("Nog 3 van 3 vrij");
    expect(page.html).toContain(`/aanmelden/${open.id}`);
    expect(page.text).toContain("Vol: aanmelden kan voor de wachtlijst");
    const person = await applicant();
    const waiting = await person.browser.submit(`/aanmelden/${full.id}`, INTAKE);
    expect(waiting.text).toContain("je staat op de wachtlijst");
    expect(await db.enrollment.findFirstOrThrow({ where: { userId: person.user.id } })).toMatchObject({
      status: "WAITLISTED",
    });
  });

  it("asks a visitor to log in first, and comes back to the intake after registering", async () => {
    const c = await cohort();
    const visitor = app.client();
    expect((await visitor.get(`/aanmelden/${c.id}`)).html).toContain(
      `/registreren?redirectTo=${encodeURIComponent(`/aanmelden/${c.id}`)}`,
    );
    const { confirmed } = await registerThroughMail(visitor, {
      name: "Nieuwe Aanmelder",
      email: `nieuw-${c.id}@example.nl`,
      password: "een lange zin als wachtwoord",
      redirectTo: `/aanmelden/${c.id}`,
    });
    expect(confirmed?.location).toBe(`/aanmelden/${c.id}`);
  });

  it("refuses an incomplete intake with messages and keeps what was typed; refuses twice, closed cohorts and staff", async () => {
    const c = await cohort();
    const person = await applicant();
    const bad = await person.browser.post(`/aanmelden/${c.id}`, {
      ...INTAKE,
      motivation: "",
      experienceYears: "veel",
      payer: "EMPLOYER",
      employerName: "Gemeente",
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Vul een aantal jaren in");
    expect(bad.text).toContain("Vul een geldig e-mailadres in voor de factuur");
    expect(bad.html).toContain("Zes jaar buurtwerk in Transvaal");
    expect(bad.html).toContain('value="Gemeente"');
    expect(await db.enrollment.count({ where: { userId: person.user.id } })).toBe(0);
    expect((await person.browser.submit(`/aanmelden/${c.id}`, INTAKE)).text).toContain("je aanmelding is binnen");
    // The message is shown once: reloading the page shows the status, not the thanks, and sends nothing.
    const reloaded = await person.browser.get(`/aanmelden/${c.id}`);
    expect(reloaded.text).toContain("Je aanmelding: aangemeld");
    expect(reloaded.text).not.toContain("je aanmelding is binnen");
    const again = await person.browser.post(`/aanmelden/${c.id}`, INTAKE);
    expect(again.status).toBe(409);
    expect(again.text).toContain("Je hebt je al aangemeld");
    const closed = await cohort({ status: "INTAKE_CLOSED" });
    expect((await person.browser.post(`/aanmelden/${closed.id}`, INTAKE)).text).toContain("gesloten");
    const started = await cohort({ startsOn: new Date(Date.now() - 86_400_000) });
    expect((await person.browser.post(`/aanmelden/${started.id}`, INTAKE)).text).toContain("gesloten");
    expect((await admin.post(`/aanmelden/${c.id}`, INTAKE)).status).toBe(403);
  });

  it("lets the cohort's trainer accept with a message that is e-mailed, and holds the seat for 14 days", async () => {
    const c = await cohort();
    const person = await applicant();
    await person.browser.post(`/aanmelden/${c.id}`, INTAKE);
    const enrollment = await db.enrollment.findFirstOrThrow({ where: { userId: person.user.id } });
    const stranger = await trainerOf(app, (await createCohort()).id);
    expect(
      (await stranger.post(`/beoordelen/aanmeldingen/${c.id}`, { intent: "accept", enrollmentId: enrollment.id }))
        .status,
    ).toBe(404);
    expect((await person.browser.get(`/beoordelen/aanmeldingen/${c.id}`)).status).toBe(404);
    const trainer = await trainerOf(app, c.id);
    const page = await trainer.get(`/beoordelen/aanmeldingen/${c.id}`);
    expect(page.text).toContain("Zes jaar buurtwerk in Transvaal");
    await trainer.post(`/beoordelen/aanmeldingen/${c.id}`, {
      intent: "accept",
      enrollmentId: enrollment.id,
      message: "Fijn dat je komt.",
    });
    const after = await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } });
    expect(after.status).toBe("ACCEPTED");
    expect(Math.round((after.reservedUntil!.getTime() - Date.now()) / 86_400_000)).toBe(14);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: person.user.email, subject: { startsWith: "Toegelaten" } },
    });
    expect(mail.text).toContain("Fijn dat je komt.");
    expect((await trainer.post(`/beoordelen/aanmeldingen/${c.id}`, { intent: "refund", paymentId: "x" })).status).toBe(
      403,
    );
    // Payments and settings are the admin's: a trainer's form for them is refused and changes nothing.
    const settings = await trainer.post(`/beoordelen/aanmeldingen/${c.id}`, {
      intent: "settings",
      reservationDays: "1",
      refundAfterStartPercent: "100",
    });
    expect(settings.status).toBe(403);
    expect(await db.cohort.findUniqueOrThrow({ where: { id: c.id } })).toMatchObject({
      reservationDays: 14,
      refundAfterStartPercent: c.refundAfterStartPercent,
    });
    expect((await trainer.post("/beheer/betalingen", { since: "2026-01-01" })).status).toBe(403);
    expect((await person.browser.post(`/webhooks/stripe`, {})).status).toBe(400);
  });
});

describe("paying with Stripe Checkout", () => {
  it("opens Checkout with the cohort's price, and activates only from the verified webhook, once", async () => {
    const c = await cohort({ priceCents: 199500 });
    const person = await accepted(c.id);
    const { response, payment, session } = await checkout(person, c.id);
    expect(response.location).toBe(`https://checkout.stripe.test/pay/${payment.checkoutSessionId}`);
    const call = at(stripe.callsTo("/v1/checkout/sessions"), -1, "a Checkout call");
    expect(call.params.get("line_items[0][price_data][unit_amount]")).toBe("199500");
    expect(call.params.get("line_items[0][price_data][currency]")).toBe("eur");
    expect(call.params.get("client_reference_id")).toBe(person.enrollmentId);
    expect(
      call.params.getAll("payment_method_types[]").length + call.params.getAll("payment_method_types[0]").length,
    ).toBeGreaterThan(0);
    expect(call.idempotencyKey).toBe(`checkout-${payment.id}`);

    // Clicking again resumes the same session; the success page does not enroll anyone.
    const calls = stripe.callsTo("/v1/checkout/sessions").length;
    expect((await person.browser.post(`/aanmelden/${c.id}`, { intent: "pay", amount: "1" })).location).toBe(
      response.location,
    );
    expect(stripe.callsTo("/v1/checkout/sessions").length).toBe(calls);
    expect((await person.browser.get(`/aanmelden/${c.id}/betaald`)).text).toContain("We verwerken je betaling");
    expect(await statusOf(person.enrollmentId)).toBe("ACCEPTED");

    const event = stripeEvent("checkout.session.completed", session);
    const delivery = signed(event, SECRET);
    expect((await deliver(delivery.payload, delivery.signature)).status).toBe(200);
    expect(await statusOf(person.enrollmentId)).toBe("ACTIVE");
    expect((await person.browser.get(`/aanmelden/${c.id}/betaald`)).text).toContain("Je bent ingeschreven");
    expect((await person.browser.get("/dashboard")).text).toContain("ingeschreven");
    expect(await (await deliver(delivery.payload, delivery.signature)).json()).toMatchObject({
      outcome: "al verwerkt",
    });
    expect(
      await db.outboxMessage.count({
        where: { to: person.user.email, subject: { startsWith: "Welkom in de leergang" } },
      }),
    ).toBe(1);
    expect((await person.browser.post(`/aanmelden/${c.id}`, { intent: "pay" })).text).toContain("Je hebt al betaald");
  });

  it("refuses unsigned, wrongly signed, stale and re-serialised webhooks, writing nothing", async () => {
    const c = await cohort();
    const person = await accepted(c.id);
    const { session } = await checkout(person, c.id);
    const event = stripeEvent("checkout.session.completed", session);
    const good = signed(event, SECRET);
    const before = await db.stripeEvent.count();
    expect((await deliver(good.payload, null)).status).toBe(400);
    expect((await deliver(good.payload, signed(event, "whsec_wrong").signature)).status).toBe(400);
    expect(
      (await deliver(good.payload, signed(event, SECRET, Math.floor(Date.now() / 1000) - 301).signature)).status,
    ).toBe(400);
    expect((await deliver(JSON.stringify(event, null, 2), good.signature)).status).toBe(400);
    expect(await db.stripeEvent.count()).toBe(before);
    expect(await statusOf(person.enrollmentId)).toBe("ACCEPTED");
  });

  it("does not enroll on a session whose enrollment or amount was tampered with", async () => {
    const c = await cohort();
    const person = await accepted(c.id);
    const other = await accepted(c.id);
    const { session } = await checkout(person, c.id);
    expect(await (await send("checkout.session.completed", { ...session, amount_total: 100 })).json()).toMatchObject({
      outcome: expect.stringContaining("geweigerd"),
    });
    expect(
      await (await send("checkout.session.completed", { ...session, client_reference_id: other.enrollmentId })).json(),
    ).toMatchObject({
      outcome: expect.stringContaining("geweigerd"),
    });
    expect(await statusOf(person.enrollmentId)).toBe("ACCEPTED");
    expect(await statusOf(other.enrollmentId)).toBe("ACCEPTED");
  });

  it("lets nobody pay for someone else's enrollment", async () => {
    const c = await cohort();
    await accepted(c.id);
    const stranger = await applicant();
    expect((await stranger.browser.post(`/aanmelden/${c.id}`, { intent: "pay" })).status).toBe(404);
    const payment = await db.payment.findFirst({ where: { enrollment: { cohortId: c.id } } });
    expect(payment).toBeNull();
  });

  it("says clearly when Stripe fails or times out, and retries with the same key without a second payment", async () => {
    const c = await cohort();
    const person = await accepted(c.id);
    stripe.mode = "fail";
    const failed = await person.browser.post(`/aanmelden/${c.id}`, { intent: "pay" });
    expect(failed.status).toBe(502);
    expect(failed.text).toContain("Stripe is nu niet bereikbaar");
    stripe.mode = "hang";
    const timedOut = await person.browser.post(`/aanmelden/${c.id}`, { intent: "pay" });
    expect(timedOut.status).toBe(502);
    stripe.mode = "ok";
    const { payment } = await checkout(person, c.id);
    expect(await db.payment.count({ where: { enrollmentId: person.enrollmentId } })).toBe(1);
    expect(
      new Set(
        stripe
          .callsTo("/v1/checkout/sessions")
          .filter((call) => call.idempotencyKey?.endsWith(payment.id))
          .map((call) => call.idempotencyKey),
      ),
    ).toEqual(new Set([`checkout-${payment.id}`]));
  });

  it("settles a refund that arrives before the payment: no enrollment", async () => {
    const c = await cohort();
    const person = await accepted(c.id);
    const { session, payment } = await checkout(person, c.id);
    await send("charge.refunded", {
      id: "ch_1",
      object: "charge",
      payment_intent: `pi_${payment.id}`,
      amount: payment.amountCents,
      amount_refunded: payment.amountCents,
      refunded: true,
    });
    await send("checkout.session.completed", session);
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("REFUNDED");
    expect(await statusOf(person.enrollmentId)).toBe("ACCEPTED");
  });

  it("refunds in full before the start through Stripe; charge.refunded frees the seat", async () => {
    const c = await cohort({ capacity: 5 });
    const person = await accepted(c.id);
    const { session, payment } = await checkout(person, c.id);
    await send("checkout.session.completed", session);
    expect((await app.client().get("/leergang")).text).toContain("Nog 4 van 5 vrij");
    expect(
      (await admin.submit(`/beoordelen/aanmeldingen/${c.id}`, { intent: "refund", paymentId: payment.id })).text,
    ).toContain("Terugbetaling aangevraagd");
    const refund = at(stripe.callsTo("/v1/refunds"), -1, "a refund call");
    expect(refund.params.get("payment_intent")).toBe(`pi_${payment.id}`);
    expect(refund.params.get("amount")).toBe(String(payment.amountCents));
    expect(refund.idempotencyKey).toBe(`refund-${payment.id}-${payment.amountCents}`);
    const logged = first(await db.auditEvent.findMany({ where: { action: "refund", subjectId: payment.id } }));
    expect(logged.summary).toMatch(/^Terugbetaling van \d+,\d\d euro aangevraagd\.$/);
    expect(logged.actorId).not.toBeNull();
    await send("charge.refunded", {
      id: "ch_2",
      object: "charge",
      payment_intent: `pi_${payment.id}`,
      amount: payment.amountCents,
      amount_refunded: payment.amountCents,
      refunded: true,
    });
    expect(await statusOf(person.enrollmentId)).toBe("WITHDRAWN");
    expect((await app.client().get("/leergang")).text).toContain("Nog 5 van 5 vrij");
  });

  it("applies the cohort's refund policy after the start", async () => {
    const c = await cohort();
    const person = await accepted(c.id);
    const { session, payment } = await checkout(person, c.id);
    await send("checkout.session.completed", session);
    await db.cohort.update({ where: { id: c.id }, data: { startsOn: new Date(Date.now() - 86_400_000) } });
    const none = await admin.post(`/beoordelen/aanmeldingen/${c.id}`, { intent: "refund", paymentId: payment.id });
    expect(none.status).toBe(409);
    expect(none.text).toContain("geeft het beleid van deze groep geen terugbetaling");
    const settings = {
      intent: "settings",
      name: c.name,
      startsOn: new Date(Date.now() - 86_400_000).toISOString().slice(0, 10),
      endsOn: "2027-12-15",
      price: "2495",
      capacity: "24",
      location: "Utrecht",
      rhythm: "",
      reservationDays: "14",
      refundAfterStartPercent: "50",
      priceIncludesVat: "on",
    };
    // The catalogue settings moved from the intake page to the admin's cohort settings (issue 19).
    await admin.post(`/beheer/groepen/${c.id}/instellingen`, settings);
    await admin.post(`/beoordelen/aanmeldingen/${c.id}`, { intent: "refund", paymentId: payment.id });
    const refund = at(stripe.callsTo("/v1/refunds"), -1, "a refund call");
    expect(refund.params.get("amount")).toBe(String(payment.amountCents / 2));
    const bad = await admin.post(`/beheer/groepen/${c.id}/instellingen`, { ...settings, reservationDays: "0" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Vul voor het aantal dagen een getal van 1 tot en met 90 in.");
    expect((await db.cohort.findUniqueOrThrow({ where: { id: c.id } })).reservationDays).toBe(14);
  });

  it("gives the last seat to one of two people paying at once; the other is refunded and waitlisted", async () => {
    const c = await cohort({ capacity: 2 });
    const first = await accepted(c.id);
    const second = await accepted(c.id);
    const sessions = [await checkout(first, c.id), await checkout(second, c.id)];
    // Both reservations lapse, and someone else takes one of the two seats meanwhile.
    await db.enrollment.updateMany({
      where: { id: { in: [first.enrollmentId, second.enrollmentId] } },
      data: { reservedUntil: new Date(Date.now() - 1000) },
    });
    await accepted(c.id);
    const refundsBefore = stripe.callsTo("/v1/refunds").length;
    await Promise.all(sessions.map(({ session }) => send("checkout.session.completed", session)));
    const statuses = [await statusOf(first.enrollmentId), await statusOf(second.enrollmentId)].sort();
    expect(statuses).toEqual(["ACTIVE", "WAITLISTED"]);
    expect(stripe.callsTo("/v1/refunds").length).toBe(refundsBefore + 1);
    const loser = statuses[0] === "ACTIVE" && (await statusOf(first.enrollmentId)) === "ACTIVE" ? second : first;
    expect(
      await db.outboxMessage.count({ where: { to: loser.user.email, subject: { startsWith: "Geen plek meer vrij" } } }),
    ).toBe(1);
  });

  it("processes a duplicate delivery once, also when both arrive at the same moment", async () => {
    const c = await cohort();
    const person = await accepted(c.id);
    const { session } = await checkout(person, c.id);
    const delivery = signed(stripeEvent("checkout.session.completed", session), SECRET);
    const outcomes = await Promise.all([
      deliver(delivery.payload, delivery.signature),
      deliver(delivery.payload, delivery.signature),
    ]);
    expect(outcomes.map((r) => r.status)).toEqual([200, 200]);
    expect(
      await db.outboxMessage.count({
        where: { to: person.user.email, subject: { startsWith: "Welkom in de leergang" } },
      }),
    ).toBe(1);
  });
});

describe("employer invoices, withdrawal, reconciliation, placement", () => {
  const EMPLOYER = {
    payer: "EMPLOYER",
    employerName: "Gemeente Oost",
    employerContact: "P. de Boer",
    employerEmail: "facturen@oost.example.nl",
    poNumber: "PO-123",
  };

  it("invoices the employer on acceptance and activates on invoice.paid; overdue invoices show in /beheer", async () => {
    const c = await cohort();
    const person = await accepted(c.id, EMPLOYER);
    const payment = await db.payment.findFirstOrThrow({
      where: { enrollmentId: person.enrollmentId, kind: "INVOICE" },
    });
    expect(payment.invoiceId).toMatch(/^in_/);
    const invoice = stripe.callsTo("/v1/invoices").find((call) => call.idempotencyKey === `invoice-${payment.id}`)!;
    expect(invoice.params.get("collection_method")).toBe("send_invoice");
    expect(invoice.params.get("days_until_due")).toBe("30");
    expect(stripe.callsTo(`/v1/invoices/${payment.invoiceId}/send`)).toHaveLength(1);
    expect((await person.browser.get(`/aanmelden/${c.id}`)).text).toContain("De factuur is naar je werkgever gestuurd");
    await db.payment.update({ where: { id: payment.id }, data: { dueAt: new Date(Date.now() - 86_400_000) } });
    expect((await admin.get("/beheer/betalingen")).text).toContain("Gemeente Oost");
    await send("invoice.paid", {
      id: payment.invoiceId,
      object: "invoice",
      amount_paid: payment.amountCents,
      currency: "eur",
    });
    expect(await statusOf(person.enrollmentId)).toBe("ACTIVE");
  });

  it("lets the admin mark an employer's payment as arranged", async () => {
    const c = await cohort();
    const person = await accepted(c.id, EMPLOYER);
    expect(
      (
        await admin.submit(`/beoordelen/aanmeldingen/${c.id}`, {
          intent: "arranged",
          enrollmentId: person.enrollmentId,
        })
      ).text,
    ).toContain("ingeschreven");
    expect(await statusOf(person.enrollmentId)).toBe("ACTIVE");
  });

  it("lets a participant withdraw, which frees their seat", async () => {
    const c = await cohort({ capacity: 1 });
    const person = await accepted(c.id);
    expect((await app.client().get("/leergang")).text).toContain("Vol: aanmelden kan voor de wachtlijst");
    expect((await person.browser.submit(`/aanmelden/${c.id}`, { intent: "withdraw" })).text).toContain(
      "Je bent afgemeld",
    );
    expect(await statusOf(person.enrollmentId)).toBe("WITHDRAWN");
    expect((await app.client().get("/leergang")).text).toContain("Nog 1 van 1 vrij");
  });

  it("reconciles: processes events Stripe has that never arrived, and only those", async () => {
    const c = await cohort();
    const person = await accepted(c.id);
    const { session } = await checkout(person, c.id);
    stripe.events = [stripeEvent("checkout.session.completed", session, `evt_missed_${person.enrollmentId}`)];
    const first = await admin.submit("/beheer/betalingen", { since: "2026-01-01" });
    expect(first.text).toContain("1 waren nog niet verwerkt");
    expect(await statusOf(person.enrollmentId)).toBe("ACTIVE");
    expect((await admin.submit("/beheer/betalingen", { since: "2026-01-01" })).text).toContain(
      "0 waren nog niet verwerkt",
    );
    expect((await admin.post("/beheer/betalingen", { since: "gisteren" })).text).toContain("Kies een datum");
    stripe.events = [];
  });

  it("lets the cohort's trainer place a new participant in a gilde", async () => {
    const c = await cohort();
    const gilde = await createGilde({ cohortId: c.id, name: "De Vlechters" });
    const person = await accepted(c.id);
    const { session } = await checkout(person, c.id);
    await send("checkout.session.completed", session);
    const trainer = await trainerOf(app, c.id);
    expect((await trainer.get(`/beoordelen/aanmeldingen/${c.id}`)).text).toContain("Nog niet in een gilde (1)");
    const wrong = await trainer.post(`/beoordelen/aanmeldingen/${c.id}`, {
      intent: "place",
      userId: person.user.id,
      gildeId: "niet-bestaand",
    });
    expect(wrong.text).toContain("Kies een gilde van deze groep");
    expect(
      (
        await trainer.submit(`/beoordelen/aanmeldingen/${c.id}`, {
          intent: "place",
          userId: person.user.id,
          gildeId: gilde.id,
        })
      ).text,
    ).toContain("Geplaatst");
    expect((await db.gildeMember.findFirstOrThrow({ where: { userId: person.user.id } })).gildeId).toBe(gilde.id);
  });

  it("places a new participant in the smallest gilde when the cohort is set so", async () => {
    const c = await cohort({ autoPlaceInGilde: true });
    const big = await createGilde({ cohortId: c.id, name: "De Grote" });
    const small = await createGilde({ cohortId: c.id, name: "De Kleine" });
    const filler = await createUser();
    await db.enrollment.create({ data: { userId: filler.id, cohortId: c.id, status: "ACTIVE" } });
    await joinGilde(big, filler.id);
    const person = await accepted(c.id);
    const { session } = await checkout(person, c.id);
    await send("checkout.session.completed", session);
    expect((await db.gildeMember.findFirstOrThrow({ where: { userId: person.user.id } })).gildeId).toBe(small.id);
  });
});
