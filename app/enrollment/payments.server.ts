// Paying for a seat (issue 7): Stripe Checkout (iDEAL, card) for the participant, a Stripe invoice for the
// employer, refunds, and the webhook that alone turns a payment into an ACTIVE enrollment. Every event is stored
// with its id in the same transaction as its effect; outgoing calls carry idempotency keys from our own records.
// In demo mode (embedded demo installs only) the same flows run against a local checkout page that signs its own
// webhook; with payments off, nobody pays online: accepted participants are told they get an invoice.
import { RefusedError } from "~/errors.server";
import { Prisma } from "@prisma/client";
import type Stripe from "stripe";
import { audit } from "~/audit/audit.server";
import type { SessionUser } from "~/auth/guards.server";
import { forgetCourseAccess } from "~/content/access.server";
import { crashPoint } from "~/crash-point.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { SIGNATURE, greeting } from "~/notifications/signature";
import { activate, lockCohort, seatsTaken, type Tx } from "./enrollment.server";
import { priceBreakdown } from "./price";
import { paymentMode, stripeApi, webhooks, webhookSecret, WEBHOOK_TOLERANCE_S } from "./stripe.server";

const DAY_MS = 24 * 60 * 60 * 1000;
export const PAYMENTS_OFF =
  "Online betalen is nog niet ingesteld; je ontvangt een factuur. Je plek blijft voor je vastgehouden.";
const INVOICE_BY_HAND =
  "Online factureren staat uit: stuur de werkgever zelf een factuur en markeer de betaling als geregeld zodra die betaald is.";
const UNREACHABLE =
  "Stripe is nu niet bereikbaar. Er is niets afgeschreven; probeer het over een paar minuten opnieuw.";

/** What is charged: the price including VAT, also when the catalogue shows it without. */
const amountToPay = (cohort: { priceCents: number; priceIncludesVat: boolean }) =>
  priceBreakdown(cohort.priceCents, cohort.priceIncludesVat).inclCents;

/** Starts (or resumes) paying for an accepted enrollment; returns the URL of the checkout page. */
export async function startCheckout(user: SessionUser, cohortId: string, now = new Date()): Promise<string> {
  type Prepared =
    | { full: true }
    | { full: false; url: string }
    | { full: false; payment: { id: string; amountCents: number }; enrollmentId: string; cohortName: string };
  const prepared = await db.$transaction(async (tx): Promise<Prepared> => {
    await lockCohort(tx, cohortId);
    const enrollment = await tx.enrollment.findUnique({
      where: { userId_cohortId: { userId: user.id, cohortId } },
      select: {
        id: true,
        status: true,
        reservedUntil: true,
        intake: { select: { payer: true } },
        cohort: {
          select: { name: true, priceCents: true, priceIncludesVat: true, reservationDays: true, capacity: true },
        },
        payments: {
          where: { kind: "CHECKOUT" },
          orderBy: { createdAt: "desc" },
          select: { id: true, status: true, checkoutUrl: true, createdAt: true, amountCents: true },
        },
      },
    });
    if (!enrollment) throw new RefusedError("Je hebt je nog niet aangemeld voor deze groep.", 404);
    if (enrollment.payments.some((p) => p.status === "PAID") || enrollment.status === "ACTIVE")
      throw new RefusedError("Je hebt al betaald: je inschrijving is rond of wordt verwerkt.", 409);
    if (enrollment.status !== "ACCEPTED") throw new RefusedError("Betalen kan zodra je intake is goedgekeurd.", 409);
    if (enrollment.intake?.payer === "EMPLOYER")
      throw new RefusedError("Je werkgever betaalt: de factuur is naar je werkgever gestuurd.", 409);
    if (!enrollment.reservedUntil || enrollment.reservedUntil <= now) {
      // The reservation lapsed: take a seat again if there is one, else the waiting list.
      if ((await seatsTaken(tx, cohortId, now, enrollment.id)) >= enrollment.cohort.capacity) {
        await tx.enrollment.update({
          where: { id: enrollment.id },
          data: { status: "WAITLISTED", reservedUntil: null },
        });
        return { full: true };
      }
      await tx.enrollment.update({
        where: { id: enrollment.id },
        data: { reservedUntil: new Date(now.getTime() + enrollment.cohort.reservationDays * DAY_MS) },
      });
    }
    const resumable = enrollment.payments.find(
      (p) => p.status === "OPEN" && p.checkoutUrl && now.getTime() - p.createdAt.getTime() < 20 * 60 * 60 * 1000,
    );
    if (resumable) return { full: false, url: resumable.checkoutUrl! };
    const retry = enrollment.payments.find((p) => p.status === "OPEN" && !p.checkoutUrl);
    const payment =
      retry ??
      (await tx.payment.create({
        data: { enrollmentId: enrollment.id, kind: "CHECKOUT", amountCents: amountToPay(enrollment.cohort) },
      }));
    return {
      full: false,
      payment: { id: payment.id, amountCents: payment.amountCents },
      enrollmentId: enrollment.id,
      cohortName: enrollment.cohort.name,
    };
  });
  if (prepared.full)
    throw new RefusedError(
      "De groep is intussen vol en je reservering was verlopen. Je staat op de wachtlijst; je hoort het als er een plek vrijkomt.",
      409,
    );
  if ("url" in prepared) return prepared.url;
  const { payment, enrollmentId, cohortName } = prepared;
  const mode = await paymentMode();
  if (mode === "off") throw new RefusedError(PAYMENTS_OFF, 409);
  const api = await stripeApi();
  if (!api) {
    const url = `/betalen/demo/${payment.id}`;
    await db.payment.update({
      where: { id: payment.id },
      data: { checkoutSessionId: `cs_demo_${payment.id}`, checkoutUrl: url },
    });
    return url;
  }
  try {
    const metadata = { enrollmentId, paymentId: payment.id };
    const session = await api.checkout.sessions.create(
      {
        mode: "payment",
        payment_method_types: ["ideal", "card"],
        locale: "nl",
        customer_email: user.email,
        client_reference_id: enrollmentId,
        metadata,
        payment_intent_data: { metadata },
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: "eur",
              unit_amount: payment.amountCents,
              product_data: { name: `Leergang Creative Communities — ${cohortName}` },
            },
          },
        ],
        success_url: `${appUrl()}/aanmelden/${cohortId}/betaald`,
        cancel_url: `${appUrl()}/aanmelden/${cohortId}`,
      },
      // The same payment record always sends the same key: a retry after a timeout never opens a second charge.
      { idempotencyKey: `checkout-${payment.id}` },
    );
    await db.payment.update({
      where: { id: payment.id },
      data: { checkoutSessionId: session.id, checkoutUrl: session.url },
    });
    return session.url!;
  } catch (error) {
    console.error("Stripe Checkout mislukte:", error instanceof Error ? error.message : error);
    throw new RefusedError(UNREACHABLE, 502);
  }
}

/**
 * What the staff read after accepting an employer-paid intake: the invoice goes out at once. The acceptance
 * stands whatever happens to the invoice, so a refusal here is reported, not raised (it can be sent again).
 */
export async function invoiceAfterAcceptance(ids: { cohortId: string; enrollmentId: string }): Promise<string> {
  try {
    const invoice = await sendEmployerInvoice(ids);
    if (!invoice.invoiceId) return `Toegelaten. ${invoice.note ?? ""}`.trim();
    return "Toegelaten; de factuur is naar de werkgever gestuurd.";
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    return `Toegelaten, maar: ${error.message}`;
  }
}

/**
 * Sends the employer's invoice (send_invoice, 30 days) for an accepted, employer-paid enrollment of this cohort.
 * Safe to repeat. The cohort is part of the lookup: the page of one cohort cannot invoice another's enrollment.
 */
export async function sendEmployerInvoice(
  { cohortId, enrollmentId }: { cohortId: string; enrollmentId: string },
  now = new Date(),
) {
  const enrollment = await db.enrollment.findFirst({
    where: { id: enrollmentId, cohortId },
    select: {
      id: true,
      status: true,
      intake: true,
      user: { select: { name: true } },
      cohort: { select: { name: true, priceCents: true, priceIncludesVat: true } },
      payments: { where: { kind: "INVOICE" } },
    },
  });
  if (!enrollment) throw new RefusedError("Deze aanmelding bestaat niet in deze groep.", 404);
  const intake = enrollment.intake;
  if (!intake || intake.payer !== "EMPLOYER" || enrollment.status !== "ACCEPTED")
    throw new RefusedError("Voor deze aanmelding gaat er geen factuur naar een werkgever.", 409);
  const payment =
    enrollment.payments.find((p) => p.status === "OPEN") ??
    (await db.payment.create({
      data: {
        enrollmentId,
        kind: "INVOICE",
        amountCents: amountToPay(enrollment.cohort),
        dueAt: new Date(now.getTime() + 30 * DAY_MS),
      },
    }));
  if (payment.invoiceId) return payment;
  const api = await stripeApi();
  if (!api && (await paymentMode()) === "off") {
    return db.payment.update({ where: { id: payment.id }, data: { note: INVOICE_BY_HAND } });
  }
  if (!api)
    return db.payment.update({ where: { id: payment.id }, data: { invoiceId: `in_demo_${payment.id}`, note: null } });
  try {
    const metadata = { enrollmentId, paymentId: payment.id };
    const customer = await api.customers.create(
      {
        name: intake.employerName ?? undefined,
        email: intake.employerEmail ?? undefined,
        address: intake.employerAddress ? { line1: intake.employerAddress } : undefined,
        metadata,
      },
      { idempotencyKey: `customer-${payment.id}` },
    );
    const invoice = await api.invoices.create(
      {
        customer: customer.id,
        collection_method: "send_invoice",
        days_until_due: 30,
        currency: "eur",
        metadata,
        description: `Leergang Creative Communities — ${enrollment.cohort.name}, deelnemer ${enrollment.user.name}. Ter attentie van ${intake.employerContact ?? intake.employerName}.`,
        ...(intake.poNumber ? { custom_fields: [{ name: "PO-nummer", value: intake.poNumber }] } : {}),
      },
      { idempotencyKey: `invoice-${payment.id}` },
    );
    await api.invoiceItems.create(
      {
        customer: customer.id,
        invoice: invoice.id,
        amount: payment.amountCents,
        currency: "eur",
        description: `Leergang Creative Communities — ${enrollment.cohort.name}`,
      },
      { idempotencyKey: `invoice-item-${payment.id}` },
    );
    await api.invoices.sendInvoice(invoice.id!, {}, { idempotencyKey: `invoice-send-${payment.id}` });
    return db.payment.update({
      where: { id: payment.id },
      data: { invoiceId: invoice.id, customerId: customer.id, note: null },
    });
  } catch (error) {
    console.error("Stripe-factuur mislukte:", error instanceof Error ? error.message : error);
    await db.payment.update({
      where: { id: payment.id },
      data: { note: "Factuur nog niet verstuurd: Stripe was niet bereikbaar. Probeer het opnieuw." },
    });
    throw new RefusedError(`De factuur is nog niet verstuurd. ${UNREACHABLE}`, 502);
  }
}

/**
 * Refunds a paid checkout payment: in full before the cohort starts, after that the cohort's policy. The state
 * changes when Stripe's `charge.refunded` arrives (in demo mode it is produced here, signed, through the same handler).
 */
async function refundPayment(
  paymentId: string,
  now = new Date(),
  reason?: string,
  actor?: { id: string; email: string },
) {
  const payment = await db.payment.findUnique({
    where: { id: paymentId },
    select: {
      id: true,
      status: true,
      kind: true,
      amountCents: true,
      refundedCents: true,
      paymentIntentId: true,
      enrollment: { select: { cohort: { select: { startsOn: true, refundAfterStartPercent: true } } } },
    },
  });
  if (!payment) throw new RefusedError("Deze betaling bestaat niet.", 404);
  if (payment.status !== "PAID" || !payment.paymentIntentId)
    throw new RefusedError("Alleen een betaalde iDEAL- of kaartbetaling kan hier worden terugbetaald.", 409);
  const { startsOn, refundAfterStartPercent } = payment.enrollment.cohort;
  const amount = reason
    ? payment.amountCents
    : startsOn > now
      ? payment.amountCents
      : Math.round((payment.amountCents * refundAfterStartPercent) / 100);
  if (amount <= 0)
    throw new RefusedError("Na de start van de groep geeft het beleid van deze groep geen terugbetaling.", 409);
  const api = await stripeApi();
  if (!api) {
    // Off: a payment made through Stripe or the demo earlier cannot be refunded from here any more.
    if ((await paymentMode()) === "off")
      throw new RefusedError("Online betalen staat uit: betaal dit bedrag zelf terug.", 409);
    await sendDemoEvent("charge.refunded", {
      id: `ch_demo_${payment.id}`,
      object: "charge",
      payment_intent: payment.paymentIntentId,
      amount: payment.amountCents,
      amount_refunded: amount,
      refunded: amount >= payment.amountCents,
      currency: "eur",
    });
    await auditRefund(payment.id, amount, reason, actor);
    return { amount };
  }
  try {
    await api.refunds.create(
      { payment_intent: payment.paymentIntentId, amount, metadata: { paymentId: payment.id } },
      { idempotencyKey: `refund-${payment.id}-${amount}` },
    );
  } catch (error) {
    console.error("Stripe-terugbetaling mislukte:", error instanceof Error ? error.message : error);
    throw new RefusedError(`De terugbetaling is niet gelukt. ${UNREACHABLE}`, 502);
  }
  await db.payment.update({
    where: { id: payment.id },
    data: { note: `Terugbetaling van ${euros(amount)} euro aangevraagd${reason ? ` (${reason})` : ""}.` },
  });
  await auditRefund(payment.id, amount, reason, actor);
  return { amount };
}

/** An admin's refund from a cohort's page: only a payment of that cohort; another cohort's id is refused as unknown. */
export async function refundCohortPayment(
  cohortId: string,
  paymentId: string,
  actor: { id: string; email: string },
  now = new Date(),
) {
  const payment = await db.payment.findFirst({
    where: { id: paymentId, enrollment: { cohortId } },
    select: { id: true },
  });
  if (!payment) throw new RefusedError("Deze betaling bestaat niet in deze groep.", 404);
  // A payment never moves to another enrollment, nor an enrollment to another cohort: the check stays true.
  return refundPayment(payment.id, now, undefined, actor);
}

const euros = (cents: number) => (cents / 100).toFixed(2).replace(".", ",");

function auditRefund(
  paymentId: string,
  amount: number,
  reason: string | undefined,
  actor: { id: string; email: string } | undefined,
) {
  return audit(db, {
    action: "refund",
    actor,
    subjectId: paymentId,
    summary: `Terugbetaling van ${euros(amount)} euro aangevraagd${reason ? ` (${reason})` : actor ? "" : " (automatisch)"}.`,
  });
}

// ---- Webhooks ----

export type WebhookResult = { status: 200 | 400; outcome: string };

/** The one entry for Stripe's events: verify the raw body's signature, then process once. */
export async function handleWebhook(
  rawBody: string,
  signature: string | null,
  now = new Date(),
): Promise<WebhookResult> {
  let event: Stripe.Event;
  try {
    const secret = await webhookSecret();
    if (!secret) return { status: 400, outcome: "betalingen staan uit" };
    event = webhooks.constructEvent(rawBody, signature ?? "", secret, WEBHOOK_TOLERANCE_S);
  } catch {
    return { status: 400, outcome: "ongeldige handtekening" };
  }
  return { status: 200, outcome: await processEvent(event, now) };
}

type Follow = { refund?: { paymentId: string; reason: string }; forget?: string };

/** Processes one event exactly once (also when two deliveries arrive at the same moment). */
async function processEvent(event: Stripe.Event, now = new Date()): Promise<string> {
  let follow: Follow = {};
  let outcome: string;
  try {
    outcome = await db.$transaction(async (tx) => {
      await tx.stripeEvent.create({
        data: { id: event.id, type: event.type, objectId: objectIdOf(event), outcome: "bezig" },
      });
      const result = await effectOf(tx, event, now);
      await crashPoint("webhook");
      follow = result.follow ?? {};
      await tx.stripeEvent.update({ where: { id: event.id }, data: { outcome: result.outcome } });
      return result.outcome;
    });
  } catch (error) {
    if (error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2002") return "al verwerkt";
    throw error;
  }
  if (follow.forget) forgetCourseAccess(follow.forget);
  if (follow.refund) {
    try {
      await refundPayment(follow.refund.paymentId, now, follow.refund.reason);
    } catch (error) {
      console.error(
        "Automatische terugbetaling mislukte; zie /beheer:",
        error instanceof Error ? error.message : error,
      );
    }
  }
  return outcome;
}

function objectIdOf(event: Stripe.Event): string | null {
  const object = event.data.object as { id?: string; payment_intent?: string | { id: string } | null; object?: string };
  if (object.object === "charge")
    return typeof object.payment_intent === "string" ? object.payment_intent : (object.payment_intent?.id ?? null);
  return object.id ?? null;
}

async function effectOf(tx: Tx, event: Stripe.Event, now: Date): Promise<{ outcome: string; follow?: Follow }> {
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded": {
      const session = event.data.object as Stripe.Checkout.Session;
      if (session.payment_status !== "paid") return { outcome: "wacht op de bank (iDEAL nog niet bevestigd)" };
      return settleCheckout(tx, session, now);
    }
    case "checkout.session.async_payment_failed":
    case "checkout.session.expired": {
      const session = event.data.object as Stripe.Checkout.Session;
      const failed = event.type === "checkout.session.async_payment_failed";
      const { count } = await tx.payment.updateMany({
        where: { checkoutSessionId: session.id, status: "OPEN" },
        data: { status: failed ? "FAILED" : "EXPIRED" },
      });
      return { outcome: count ? (failed ? "betaling mislukt" : "betaalsessie verlopen") : "geen open betaling" };
    }
    case "invoice.paid":
      return settleInvoice(tx, event.data.object as Stripe.Invoice, now);
    case "charge.refunded":
      return settleRefund(tx, event.data.object as Stripe.Charge, now);
    default:
      return { outcome: "genegeerd" };
  }
}

async function settleCheckout(
  tx: Tx,
  session: Stripe.Checkout.Session,
  now: Date,
): Promise<{ outcome: string; follow?: Follow }> {
  const payment = await tx.payment.findFirst({
    where: {
      OR: [
        { checkoutSessionId: session.id },
        ...(session.metadata?.paymentId ? [{ id: session.metadata.paymentId, checkoutSessionId: session.id }] : []),
      ],
    },
    select: {
      id: true,
      status: true,
      amountCents: true,
      enrollmentId: true,
      enrollment: { select: { cohortId: true, userId: true } },
    },
  });
  if (!payment) return { outcome: "onbekende betaalsessie" };
  // A session we created carries our enrollment and amount; anything else is not ours to trust.
  if (
    session.client_reference_id !== payment.enrollmentId ||
    session.amount_total !== payment.amountCents ||
    session.currency !== "eur"
  ) {
    return { outcome: "geweigerd: inschrijving of bedrag klopt niet met de betaling" };
  }
  if (payment.status === "PAID" || payment.status === "REFUNDED") return { outcome: "betaling was al verwerkt" };
  const paymentIntentId =
    typeof session.payment_intent === "string" ? session.payment_intent : (session.payment_intent?.id ?? null);
  const refundedEarlier = paymentIntentId
    ? await tx.stripeEvent.findFirst({ where: { objectId: paymentIntentId, type: "charge.refunded" } })
    : null;
  await tx.payment.update({
    where: { id: payment.id },
    data: { status: refundedEarlier ? "REFUNDED" : "PAID", paidAt: now, paymentIntentId },
  });
  if (refundedEarlier) return { outcome: "betaald en al terugbetaald: geen inschrijving" };
  return seatFor(tx, payment, now);
}

/** After a verified payment: the seat, or (when it went to someone else meanwhile) the waiting list and a refund. */
async function seatFor(
  tx: Tx,
  payment: { id: string; enrollmentId: string; enrollment: { cohortId: string; userId: string } },
  now: Date,
): Promise<{ outcome: string; follow?: Follow }> {
  const capacity = await lockCohort(tx, payment.enrollment.cohortId);
  const enrollment = await tx.enrollment.findUniqueOrThrow({
    where: { id: payment.enrollmentId },
    select: {
      status: true,
      reservedUntil: true,
      user: { select: { name: true, email: true } },
      cohort: { select: { name: true } },
    },
  });
  if (enrollment.status === "ACTIVE") return { outcome: "al ingeschreven" };
  if (enrollment.status === "WITHDRAWN" || enrollment.status === "REJECTED") {
    return {
      outcome: "betaald na afmelding: wordt terugbetaald",
      follow: { refund: { paymentId: payment.id, reason: "betaald na afmelding" } },
    };
  }
  const reserved =
    enrollment.status === "ACCEPTED" && enrollment.reservedUntil !== null && enrollment.reservedUntil > now;
  if (reserved || (await seatsTaken(tx, payment.enrollment.cohortId, now, payment.enrollmentId)) < capacity) {
    await activate(tx, payment.enrollmentId, now, payment.id);
    return { outcome: "betaald: ingeschreven", follow: { forget: payment.enrollment.userId } };
  }
  await tx.enrollment.update({
    where: { id: payment.enrollmentId },
    data: { status: "WAITLISTED", reservedUntil: null },
  });
  await queueMail(tx, {
    to: enrollment.user.email,
    subject: `Geen plek meer vrij (${enrollment.cohort.name})`,
    text:
      `${greeting(enrollment.user.name)}\n\nJe reservering was verlopen en de laatste plek in ${enrollment.cohort.name} is net aan iemand anders gegaan. ` +
      `We storten je betaling automatisch terug en zetten je op de wachtlijst; komt er een plek vrij, dan hoor je het.\n\n${SIGNATURE}`,
  });
  return {
    outcome: "groep vol: terugbetaald, op de wachtlijst",
    follow: { refund: { paymentId: payment.id, reason: "groep vol" } },
  };
}

async function settleInvoice(
  tx: Tx,
  invoice: Stripe.Invoice,
  now: Date,
): Promise<{ outcome: string; follow?: Follow }> {
  const payment = await tx.payment.findUnique({
    where: { invoiceId: invoice.id ?? "" },
    select: {
      id: true,
      status: true,
      amountCents: true,
      enrollmentId: true,
      enrollment: { select: { cohortId: true, userId: true, status: true } },
    },
  });
  if (!payment) return { outcome: "onbekende factuur" };
  if (invoice.amount_paid !== payment.amountCents || invoice.currency !== "eur")
    return { outcome: "geweigerd: bedrag klopt niet met de factuur" };
  if (payment.status === "PAID") return { outcome: "factuur was al verwerkt" };
  await tx.payment.update({ where: { id: payment.id }, data: { status: "PAID", paidAt: now } });
  if (payment.enrollment.status === "ACTIVE") return { outcome: "factuur betaald (deelnemer was al gestart)" };
  if (payment.enrollment.status !== "ACCEPTED") return { outcome: "factuur betaald (inschrijving niet meer open)" };
  await lockCohort(tx, payment.enrollment.cohortId);
  await activate(tx, payment.enrollmentId, now, payment.id);
  return { outcome: "factuur betaald: ingeschreven", follow: { forget: payment.enrollment.userId } };
}

async function settleRefund(tx: Tx, charge: Stripe.Charge, now: Date): Promise<{ outcome: string; follow?: Follow }> {
  const paymentIntentId =
    typeof charge.payment_intent === "string" ? charge.payment_intent : (charge.payment_intent?.id ?? null);
  const payment = paymentIntentId
    ? await tx.payment.findUnique({
        where: { paymentIntentId },
        select: {
          id: true,
          amountCents: true,
          enrollmentId: true,
          enrollment: { select: { userId: true, status: true } },
        },
      })
    : null;
  // A refund can arrive before the payment it belongs to: the stored event settles it when the payment comes.
  if (!payment) return { outcome: "terugbetaling voor een nog onbekende betaling: bewaard" };
  const full = charge.refunded || charge.amount_refunded >= payment.amountCents;
  await tx.payment.update({
    where: { id: payment.id },
    data: { refundedCents: charge.amount_refunded, ...(full ? { status: "REFUNDED" as const } : {}) },
  });
  if (["ACTIVE", "ACCEPTED", "WAITLISTED"].includes(payment.enrollment.status) && full) {
    await tx.enrollment.update({
      where: { id: payment.enrollmentId },
      data: { status: "WITHDRAWN", endedAt: now, reservedUntil: null },
    });
    return { outcome: "terugbetaald: plek vrijgegeven", follow: { forget: payment.enrollment.userId } };
  }
  return { outcome: full ? "terugbetaald" : "deels terugbetaald" };
}

// ---- Demo mode and reconciliation ----

/** Demo mode: builds a Stripe-shaped event, signs it with the demo secret and sends it through the same handler. */
async function sendDemoEvent(type: string, object: Record<string, unknown>, now = new Date()) {
  const payload = JSON.stringify({
    id: `evt_demo_${crypto.randomUUID().replaceAll("-", "")}`,
    object: "event",
    api_version: "2025-01-01",
    created: Math.floor(now.getTime() / 1000),
    type,
    data: { object },
  });
  const secret = await webhookSecret();
  if ((await paymentMode()) !== "demo" || !secret)
    throw new RefusedError("Testbetalingen bestaan alleen in de demostand.", 404);
  const signature = webhooks.generateTestHeaderString({ payload, secret });
  return handleWebhook(payload, signature, now);
}

/** The demo checkout page's data, for the participant who owns the payment only. */
export async function demoCheckout(userId: string, paymentId: string) {
  if ((await paymentMode()) !== "demo") return null;
  return db.payment.findFirst({
    where: { id: paymentId, kind: "CHECKOUT", enrollment: { userId } },
    select: {
      id: true,
      status: true,
      amountCents: true,
      checkoutSessionId: true,
      enrollmentId: true,
      enrollment: { select: { cohortId: true, cohort: { select: { name: true } } } },
    },
  });
}

/** Demo mode: "pays" (or gives up), producing the event Stripe would send. */
export async function completeDemoCheckout(userId: string, paymentId: string, paid: boolean) {
  const payment = await demoCheckout(userId, paymentId);
  if (!payment?.checkoutSessionId) throw new RefusedError("Deze testbetaling bestaat niet.", 404);
  if (payment.status !== "OPEN") throw new RefusedError("Deze testbetaling is al afgerond.", 409);
  const session = {
    id: payment.checkoutSessionId,
    object: "checkout.session",
    client_reference_id: payment.enrollmentId,
    metadata: { enrollmentId: payment.enrollmentId, paymentId: payment.id },
    amount_total: payment.amountCents,
    currency: "eur",
    payment_status: paid ? "paid" : "unpaid",
    payment_intent: paid ? `pi_demo_${payment.id}` : null,
  };
  await sendDemoEvent(paid ? "checkout.session.completed" : "checkout.session.expired", session);
  return payment.enrollment.cohortId;
}

/** Lists Stripe's events since a moment and processes any that were missed (the others are recognised by id). */
export async function reconcile(since: Date) {
  const api = await stripeApi();
  if (!api)
    throw new RefusedError(
      "In de demostand is er geen Stripe om te vragen: alle testbetalingen lopen al via deze app.",
      409,
    );
  let seen = 0;
  let processed = 0;
  try {
    for await (const event of api.events.list({ created: { gte: Math.floor(since.getTime() / 1000) }, limit: 100 })) {
      seen++;
      if ((await processEvent(event)) !== "al verwerkt") processed++;
    }
  } catch (error) {
    console.error("Stripe-afstemming mislukte:", error instanceof Error ? error.message : error);
    throw new RefusedError(`Afstemmen is niet gelukt. ${UNREACHABLE}`, 502);
  }
  return { seen, processed };
}

/** Employer invoices past their due date, for /beheer. */
export async function overdueInvoices(now = new Date()) {
  return db.payment.findMany({
    where: { kind: "INVOICE", status: "OPEN", dueAt: { lt: now } },
    orderBy: { dueAt: "asc" },
    select: {
      id: true,
      invoiceId: true,
      amountCents: true,
      dueAt: true,
      enrollment: {
        select: {
          cohortId: true,
          cohort: { select: { name: true } },
          user: { select: { name: true } },
          intake: { select: { employerName: true } },
        },
      },
    },
  });
}

/** Recent events, for /beheer. */
export function recentEvents(take = 50) {
  return db.stripeEvent.findMany({
    orderBy: { receivedAt: "desc" },
    take,
    select: { id: true, type: true, objectId: true, outcome: true, receivedAt: true },
  });
}
