// The Stripe client, or none: without STRIPE_SECRET_KEY the app runs in demo mode (a local stand-in checkout
// that signs its own webhook). Read lazily, so tests can point the client at a local stand-in for the API
// (STRIPE_API_BASE) and give it a short timeout.
import Stripe from "stripe";

/** The signing secret of demo mode; in production STRIPE_WEBHOOK_SECRET is required next to the key. */
export const DEMO_WEBHOOK_SECRET = "whsec_gilde_demo_mode_only";
export const WEBHOOK_TOLERANCE_S = 300;

let cached: { key: string; client: Stripe } | null = null;

export function isDemoMode() {
  return !process.env.STRIPE_SECRET_KEY;
}

export function webhookSecret(): string {
  const secret = process.env.STRIPE_WEBHOOK_SECRET || (isDemoMode() ? DEMO_WEBHOOK_SECRET : "");
  if (!secret) throw new Error("STRIPE_WEBHOOK_SECRET ontbreekt terwijl STRIPE_SECRET_KEY gezet is.");
  return secret;
}

/** The API client (real mode), or null in demo mode. */
export function stripeApi(): Stripe | null {
  const key = process.env.STRIPE_SECRET_KEY;
  if (!key) return null;
  const base = process.env.STRIPE_API_BASE ? new URL(process.env.STRIPE_API_BASE) : null;
  const cacheKey = `${key}|${base?.href ?? ""}|${process.env.STRIPE_TIMEOUT_MS ?? ""}`;
  if (cached?.key !== cacheKey) {
    cached = {
      key: cacheKey,
      client: new Stripe(key, {
        timeout: Number(process.env.STRIPE_TIMEOUT_MS ?? 20_000),
        maxNetworkRetries: 1,
        ...(base ? { host: base.hostname, port: Number(base.port || (base.protocol === "https:" ? 443 : 80)), protocol: base.protocol.replace(":", "") as "http" | "https" } : {}),
      }),
    };
  }
  return cached.client;
}

/** Webhook helpers work without an API key (demo mode signs and verifies with the demo secret). */
const offline = new Stripe("sk_offline_webhooks_only");
export const webhooks = offline.webhooks;
