// What the enrollment and webhook tests share: the app against the Stripe stand-in with an admin logged in, a
// complete intake, and the Checkout Session Stripe reports when a payment of ours is paid.
import type { Client, TestApp } from "./http";
import { startTestApp } from "./http";
import { adminIn } from "./people";
import { StripeStandIn, useStripeStandIn } from "./stripe-api";

export const INTAKE = {
  intent: "apply",
  currentWork: "Opbouwwerker",
  organisation: "Welzijn Oost",
  experienceYears: "6",
  experience: "Zes jaar buurtwerk in Transvaal, vooral met bewonersinitiatieven.",
  wijk: "Transvaal",
  motivation: "Ik wil bewoners beter coachen in hun eigen ambities.",
  payer: "SELF",
};

export type EnrollmentApp = { app: TestApp; stripe: StripeStandIn; admin: Client; stop: () => Promise<void> };

/** The app with its Stripe client pointed at a fresh stand-in (webhooks signed with `webhookSecret`). */
export async function startEnrollmentApp(webhookSecret: string): Promise<EnrollmentApp> {
  const stripe = await new StripeStandIn().start();
  const restoreEnv = useStripeStandIn(stripe, webhookSecret);
  const app = await startTestApp();
  const admin = await adminIn(app);
  return {
    app,
    stripe,
    admin,
    stop: async () => {
      restoreEnv();
      await app.close();
      await stripe.stop();
    },
  };
}

/** The Checkout Session of `payment` as Stripe sends it in `checkout.session.completed` once it is paid. */
export function paidSession(
  payment: { id: string; checkoutSessionId: string | null; amountCents: number },
  enrollmentId: string,
) {
  return {
    id: payment.checkoutSessionId,
    object: "checkout.session",
    client_reference_id: enrollmentId,
    metadata: { enrollmentId, paymentId: payment.id },
    amount_total: payment.amountCents,
    currency: "eur",
    payment_status: "paid",
    payment_intent: `pi_${payment.id}`,
  };
}
