// Attacks on /webhooks/stripe, the one route that turns money into a seat: unsigned, wrongly signed, tampered and
// stale (replayed) deliveries, the same event twice, the same payment under a new event id, and events that
// arrive out of order. The real Stripe client talks to a local stand-in; payloads are signed as Stripe signs them.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createUser } from "../support/factories";
import type { Client, TestApp } from "../support/http";
import { INTAKE, paidSession, startEnrollmentApp } from "../support/enrollment";
import { deliverWebhook, signed, stripeEvent } from "../support/stripe-api";
import { first } from "../support/indexed";

const SECRET = "whsec_test_security";
let app: TestApp;
let admin: Client;
let stop: () => Promise<void>;

beforeAll(async () => ({ app, admin, stop } = await startEnrollmentApp(SECRET)));
afterAll(() => stop());

type Paying = { user: { id: string; email: string }; browser: Client; enrollmentId: string; cohortId: string };

/** An applicant accepted for a fresh cohort, who pressed "Betalen"; with the session Stripe reports when it is paid. */
async function paying(): Promise<Paying & { session: Record<string, unknown>; paymentId: string; amount: number }> {
  const cohort = await createCohort();
  await db.cohort.update({
    where: { id: cohort.id },
    data: { startsOn: new Date("2099-03-01"), endsOn: new Date("2099-12-01") },
  });
  const user = await createUser({ name: "Betaler Test" });
  const browser = await app.client().signInAs(user);
  expect((await browser.submit(`/aanmelden/${cohort.id}`, INTAKE)).text).toContain("je aanmelding is binnen");
  const enrollment = await db.enrollment.findFirstOrThrow({ where: { userId: user.id } });
  expect(
    (
      await admin.submit(`/beoordelen/aanmeldingen/${cohort.id}`, {
        intent: "accept",
        enrollmentId: enrollment.id,
        message: "",
      })
    ).text,
  ).toContain("Toegelaten");
  expect((await browser.post(`/aanmelden/${cohort.id}`, { intent: "pay" })).status).toBe(302);
  const payment = await db.payment.findFirstOrThrow({ where: { enrollmentId: enrollment.id, kind: "CHECKOUT" } });
  const session = paidSession(payment, enrollment.id);
  return {
    user,
    browser,
    enrollmentId: enrollment.id,
    cohortId: cohort.id,
    session,
    paymentId: payment.id,
    amount: payment.amountCents,
  };
}

const deliver = (payload: string, signature: string | null) => deliverWebhook(app.baseUrl, payload, signature);

async function send(type: string, object: Record<string, unknown>, id?: string) {
  const { payload, signature } = signed(stripeEvent(type, object, id), SECRET);
  const response = await deliver(payload, signature);
  expect(response.status).toBe(200);
  return (await response.json()) as { received: boolean; outcome: string };
}

const refund = (p: { paymentId: string; amount: number }, refunded = p.amount) => ({
  id: `ch_${p.paymentId}`,
  object: "charge",
  payment_intent: `pi_${p.paymentId}`,
  amount: p.amount,
  amount_refunded: refunded,
  refunded: refunded >= p.amount,
});

async function state(p: { enrollmentId: string; paymentId: string }) {
  const [enrollment, payment] = await Promise.all([
    db.enrollment.findUniqueOrThrow({ where: { id: p.enrollmentId } }),
    db.payment.findUniqueOrThrow({ where: { id: p.paymentId } }),
  ]);
  return { enrollment: enrollment.status, payment: payment.status, refundedCents: payment.refundedCents };
}

const welcomeMails = (email: string) =>
  db.outboxMessage.count({ where: { to: email, subject: { startsWith: "Welkom in de leergang" } } });

describe("deliveries that are not Stripe's", () => {
  it("refuses a delivery without a signature, or with a signature header that is empty or garbage, and stores nothing", async () => {
    const p = await paying();
    const event = stripeEvent("checkout.session.completed", p.session);
    const payload = JSON.stringify(event);
    for (const signature of [null, "", "t=123,v1=abc", "v1=" + "0".repeat(64), "garbage"]) {
      const response = await deliver(payload, signature);
      expect(response.status, String(signature)).toBe(400);
      expect(await response.json()).toEqual({ received: false, outcome: "ongeldige handtekening" });
    }
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await state(p)).toMatchObject({ enrollment: "ACCEPTED", payment: "OPEN" });
  });

  it("refuses a delivery signed with another secret, and one whose body was changed after signing", async () => {
    const p = await paying();
    const event = stripeEvent("checkout.session.completed", p.session);
    expect((await deliver(JSON.stringify(event), signed(event, "whsec_iemand_anders").signature)).status).toBe(400);
    // Signed for a cheap amount, then the amount in the body changed to match: the signature no longer fits.
    const cheap = stripeEvent("checkout.session.completed", { ...p.session, amount_total: 1 }, event.id);
    const { signature } = signed(cheap, SECRET);
    expect((await deliver(JSON.stringify(event), signature)).status).toBe(400);
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);
    expect(await state(p)).toMatchObject({ enrollment: "ACCEPTED", payment: "OPEN" });
  });

  it("refuses a genuine delivery replayed after the 300 s tolerance, but takes one that is a minute old", async () => {
    const p = await paying();
    const event = stripeEvent("checkout.session.completed", p.session);
    const now = Math.floor(Date.now() / 1000);
    const stale = signed(event, SECRET, now - 301);
    const response = await deliver(stale.payload, stale.signature);
    expect(response.status).toBe(400);
    expect(await state(p)).toMatchObject({ enrollment: "ACCEPTED", payment: "OPEN" });
    expect(await db.stripeEvent.count({ where: { id: event.id } })).toBe(0);

    const recent = signed(event, SECRET, now - 60);
    expect((await deliver(recent.payload, recent.signature)).status).toBe(200);
    expect(await state(p)).toMatchObject({ enrollment: "ACTIVE", payment: "PAID" });
  });
});

describe("the same payment more than once", () => {
  it("processes one event delivered three times exactly once", async () => {
    const p = await paying();
    const delivery = signed(stripeEvent("checkout.session.completed", p.session), SECRET);
    const outcomes: string[] = [];
    for (let i = 0; i < 3; i++) {
      const response = await deliver(delivery.payload, delivery.signature);
      expect(response.status).toBe(200);
      outcomes.push(((await response.json()) as { outcome: string }).outcome);
    }
    expect(outcomes).toEqual(["betaald: ingeschreven", "al verwerkt", "al verwerkt"]);
    expect(await state(p)).toMatchObject({ enrollment: "ACTIVE", payment: "PAID" });
    expect(await welcomeMails(p.user.email)).toBe(1);
    expect(await db.stripeEvent.count({ where: { objectId: p.session.id as string } })).toBe(1);
  });

  it("changes nothing when the same paid session comes again under a new event id", async () => {
    const p = await paying();
    await send("checkout.session.completed", p.session);
    const paidAt = (await db.payment.findUniqueOrThrow({ where: { id: p.paymentId } })).paidAt;
    const again = await send("checkout.session.completed", p.session);
    expect(again.outcome).toBe("betaling was al verwerkt");
    expect((await db.payment.findUniqueOrThrow({ where: { id: p.paymentId } })).paidAt).toEqual(paidAt);
    expect(await welcomeMails(p.user.email)).toBe(1);
  });
});

describe("events out of order", () => {
  it("a refund that arrives before the payment: paid and refunded, never enrolled, no course access", async () => {
    const p = await paying();
    expect((await send("charge.refunded", refund(p))).outcome).toContain("bewaard");
    expect((await send("checkout.session.completed", p.session)).outcome).toContain("al terugbetaald");
    expect(await state(p)).toMatchObject({ enrollment: "ACCEPTED", payment: "REFUNDED" });
    expect(await welcomeMails(p.user.email)).toBe(0);
    expect((await p.browser.get(`/modules/${first(getCourse().modules).slug}`)).text).toContain(
      "De tekst van deze module gaat open zodra je bent ingeschreven",
    );
    expect(
      (await p.browser.get(`/opdrachten/${first(first(getCourse().modules).assignments).slug}`)).text,
    ).not.toContain("Mijn uitwerking");
  });

  it("a late 'session expired' after the payment completed does not undo the payment", async () => {
    const p = await paying();
    await send("checkout.session.completed", p.session);
    const late = await send("checkout.session.expired", { ...p.session, payment_status: "unpaid", status: "expired" });
    expect(late.outcome).toBe("geen open betaling");
    const failed = await send("checkout.session.async_payment_failed", p.session);
    expect(failed.outcome).toBe("geen open betaling");
    expect(await state(p)).toMatchObject({ enrollment: "ACTIVE", payment: "PAID" });
  });

  it("a full refund after the payment frees the seat, and a payment event replayed after that does not bring it back", async () => {
    const p = await paying();
    await send("checkout.session.completed", p.session);
    expect((await send("charge.refunded", refund(p))).outcome).toBe("terugbetaald: plek vrijgegeven");
    expect(await state(p)).toMatchObject({ enrollment: "WITHDRAWN", payment: "REFUNDED", refundedCents: p.amount });
    expect((await send("checkout.session.completed", p.session)).outcome).toBe("betaling was al verwerkt");
    expect((await send("checkout.session.async_payment_succeeded", p.session)).outcome).toBe(
      "betaling was al verwerkt",
    );
    expect(await state(p)).toMatchObject({ enrollment: "WITHDRAWN", payment: "REFUNDED" });
    expect(await welcomeMails(p.user.email)).toBe(1);
  });

  it("a partial refund keeps the seat; an iDEAL session that is not paid yet enrolls nobody", async () => {
    const p = await paying();
    await send("checkout.session.completed", p.session);
    expect((await send("charge.refunded", refund(p, Math.floor(p.amount / 2)))).outcome).toBe("deels terugbetaald");
    expect(await state(p)).toMatchObject({
      enrollment: "ACTIVE",
      payment: "PAID",
      refundedCents: Math.floor(p.amount / 2),
    });

    const q = await paying();
    expect((await send("checkout.session.completed", { ...q.session, payment_status: "unpaid" })).outcome).toContain(
      "wacht op de bank",
    );
    expect(await state(q)).toMatchObject({ enrollment: "ACCEPTED", payment: "OPEN" });
  });
});
