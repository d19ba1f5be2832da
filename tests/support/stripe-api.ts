// A local HTTP server standing in for the Stripe API (the real client talks to it through STRIPE_API_BASE):
// it records every call with its idempotency key, answers like Stripe (the same answer for a repeated key), and
// can fail or hang to test errors and timeouts. Also signs webhook payloads as Stripe does.
import { once } from "node:events";
import http from "node:http";
import type { AddressInfo } from "node:net";
import Stripe from "stripe";

export type StripeCall = { method: string; path: string; params: URLSearchParams; idempotencyKey: string | null };

export class StripeStandIn {
  readonly calls: StripeCall[] = [];
  /** Events `GET /v1/events` returns (for reconciliation). */
  events: Stripe.Event[] = [];
  mode: "ok" | "fail" | "hang" = "ok";
  private counter = 0;
  private answers = new Map<string, unknown>();
  private server = http.createServer((req, res) => void this.handle(req, res));
  baseUrl = "";

  async start() {
    this.server.listen(0, "127.0.0.1");
    await once(this.server, "listening");
    this.baseUrl = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  stop() {
    this.server.closeAllConnections();
    return new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  callsTo(path: string) {
    return this.calls.filter((c) => c.path.startsWith(path));
  }

  private async handle(req: http.IncomingMessage, res: http.ServerResponse) {
    let body = "";
    for await (const chunk of req) body += chunk;
    const url = new URL(req.url ?? "/", "http://stripe.test");
    const idempotencyKey = (req.headers["idempotency-key"] as string | undefined) ?? null;
    this.calls.push({
      method: req.method ?? "GET",
      path: url.pathname,
      params: new URLSearchParams(body || url.search),
      idempotencyKey,
    });
    if (this.mode === "hang") return; // never answers: the client times out
    const send = (status: number, payload: unknown) => {
      res.writeHead(status, { "Content-Type": "application/json", "Request-Id": `req_${this.counter}` });
      res.end(JSON.stringify(payload));
    };
    if (this.mode === "fail")
      return send(500, { error: { type: "api_error", message: "Er ging iets mis bij Stripe (test)." } });
    const key = idempotencyKey ? `${req.method} ${url.pathname} ${idempotencyKey}` : null;
    if (key && this.answers.has(key)) return send(200, this.answers.get(key));
    const n = ++this.counter;
    const params = new URLSearchParams(body);
    let answer: unknown;
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      answer = {
        id: `cs_test_${n}`,
        object: "checkout.session",
        url: `https://checkout.stripe.test/pay/cs_test_${n}`,
        client_reference_id: params.get("client_reference_id"),
        amount_total: Number(params.get("line_items[0][price_data][unit_amount]")),
        currency: "eur",
      };
    } else if (req.method === "POST" && url.pathname === "/v1/customers") {
      answer = { id: `cus_${n}`, object: "customer" };
    } else if (req.method === "POST" && url.pathname === "/v1/invoices") {
      answer = { id: `in_${n}`, object: "invoice", status: "draft" };
    } else if (req.method === "POST" && url.pathname === "/v1/invoiceitems") {
      answer = { id: `ii_${n}`, object: "invoiceitem" };
    } else if (req.method === "POST" && /^\/v1\/invoices\/[^/]+\/send$/.test(url.pathname)) {
      answer = { id: url.pathname.split("/")[3], object: "invoice", status: "open" };
    } else if (req.method === "POST" && url.pathname === "/v1/refunds") {
      answer = {
        id: `re_${n}`,
        object: "refund",
        amount: Number(params.get("amount")),
        payment_intent: params.get("payment_intent"),
        status: "succeeded",
      };
    } else if (req.method === "GET" && url.pathname === "/v1/events") {
      answer = { object: "list", data: this.events, has_more: false, url: "/v1/events" };
    } else {
      return send(404, {
        error: { type: "invalid_request_error", message: `Onbekend in de stand-in: ${req.method} ${url.pathname}` },
      });
    }
    if (key) this.answers.set(key, answer);
    send(200, answer);
  }
}

const signer = new Stripe("sk_test_signer");

/** A Stripe-shaped event around an object. */
export function stripeEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_${Math.random().toString(36).slice(2)}`,
): Stripe.Event {
  return {
    id,
    object: "event",
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
    api_version: "2025-01-01",
    livemode: false,
    pending_webhooks: 0,
    request: null,
  } as unknown as Stripe.Event;
}

/** The body and Stripe-Signature header of a webhook delivery. */
export function signed(event: Stripe.Event, secret: string, timestamp?: number) {
  const payload = JSON.stringify(event);
  return { payload, signature: signer.webhooks.generateTestHeaderString({ payload, secret, timestamp }) };
}

const STRIPE_ENV = ["STRIPE_SECRET_KEY", "STRIPE_WEBHOOK_SECRET", "STRIPE_API_BASE", "STRIPE_TIMEOUT_MS"] as const;

/** Points the app's Stripe client at the stand-in with a test key and webhook secret; returns what undoes it. */
export function useStripeStandIn(standIn: StripeStandIn, webhookSecret: string): () => void {
  Object.assign(process.env, {
    STRIPE_SECRET_KEY: "sk_test_gilde",
    STRIPE_WEBHOOK_SECRET: webhookSecret,
    STRIPE_API_BASE: standIn.baseUrl,
    STRIPE_TIMEOUT_MS: "300",
  });
  return () => {
    for (const key of STRIPE_ENV) delete process.env[key];
  };
}

/** Posts a webhook delivery to the app as Stripe does (no Stripe-Signature header when `signature` is null). */
export function deliverWebhook(baseUrl: string, payload: string, signature: string | null) {
  return fetch(`${baseUrl}/webhooks/stripe`, {
    method: "POST",
    headers: { "Content-Type": "application/json", ...(signature ? { "Stripe-Signature": signature } : {}) },
    body: payload,
  });
}
