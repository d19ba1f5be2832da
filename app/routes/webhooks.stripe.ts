// Stripe's webhook: the raw body is verified with STRIPE_WEBHOOK_SECRET (300 s tolerance) before anything is
// read; the only route exempt from the CSRF check (app/auth/csrf.ts), because the signature authenticates it.
import type { ActionFunctionArgs } from "@remix-run/node";
import { handleWebhook } from "~/enrollment/payments.server";

export async function action({ request }: ActionFunctionArgs) {
  if (request.method !== "POST") return new Response("Alleen POST.", { status: 405 });
  const result = await handleWebhook(await request.text(), request.headers.get("stripe-signature"));
  return new Response(JSON.stringify({ received: result.status === 200, outcome: result.outcome }), {
    status: result.status,
    headers: { "Content-Type": "application/json" },
  });
}

export function loader() {
  return new Response("Alleen POST.", { status: 405 });
}
