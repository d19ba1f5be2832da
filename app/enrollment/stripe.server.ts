// How this installation takes payments, and the Stripe client. The mode is explicit (PAYMENTS=stripe|demo|off,
// parsed in env.server.ts); unset, it is `stripe` when a Stripe key is configured, `demo` only on the embedded
// database holding the demo data, and `off` everywhere else. Demo payments sign their webhook with a secret that
// is random per install and kept in the database (InstallSecret), never one written in the code.
// Read on every call rather than cached, so tests can point the client at a local stand-in (STRIPE_API_BASE).
import crypto from "node:crypto";
import Stripe from "stripe";
import { databaseKind } from "~/db/adapter.server";
import { installSecret } from "~/db/install-secret.server";
import { db } from "~/db.server";
import { paymentSettings, type PaymentMode } from "~/env.server";

export type { PaymentMode };
export const WEBHOOK_TOLERANCE_S = 300;
export const DEMO_SECRET_NAME = "demo-webhook";

let cached: { key: string; client: Stripe } | null = null;
let demoInstall: Promise<boolean> | null = null;

/** Whether the embedded database holds the demo data (the seed leaves the demo secret with it). Asked once. */
function isDemoInstall(): Promise<boolean> {
  if (databaseKind() === "postgres") return Promise.resolve(false);
  const asked =
    demoInstall ??
    db.installSecret
      .count({ where: { name: DEMO_SECRET_NAME } })
      .then((n) => n > 0)
      .catch((error: unknown) => {
        demoInstall = null;
        throw error;
      });
  demoInstall = asked;
  return asked;
}

export async function paymentMode(): Promise<PaymentMode> {
  const settings = paymentSettings();
  if (settings.PAYMENTS) return settings.PAYMENTS;
  if (settings.STRIPE_SECRET_KEY) return "stripe";
  return (await isDemoInstall()) ? "demo" : "off";
}

/** The demo mode's signing secret, made once per install (safe when two requests ask at the same moment). */
export function demoWebhookSecret(): Promise<string> {
  return installSecret(DEMO_SECRET_NAME, () => `whsec_${crypto.randomBytes(32).toString("hex")}`);
}

/** The secret a webhook must be signed with in the current mode; null when no webhook is accepted (off). */
export async function webhookSecret(): Promise<string | null> {
  const mode = await paymentMode();
  if (mode === "stripe") return paymentSettings().STRIPE_WEBHOOK_SECRET ?? null;
  if (mode === "demo") return demoWebhookSecret();
  return null;
}

/** The API client in stripe mode, or null (demo and off). */
export async function stripeApi(): Promise<Stripe | null> {
  if ((await paymentMode()) !== "stripe") return null;
  const { STRIPE_SECRET_KEY: key, STRIPE_API_BASE, STRIPE_TIMEOUT_MS } = paymentSettings();
  if (!key) return null;
  const base = STRIPE_API_BASE ? new URL(STRIPE_API_BASE) : null;
  const cacheKey = `${key}|${base?.href ?? ""}|${STRIPE_TIMEOUT_MS}`;
  if (cached?.key !== cacheKey) {
    cached = {
      key: cacheKey,
      client: new Stripe(key, {
        timeout: STRIPE_TIMEOUT_MS,
        maxNetworkRetries: 1,
        ...(base
          ? {
              host: base.hostname,
              port: Number(base.port || (base.protocol === "https:" ? 443 : 80)),
              protocol: base.protocol.replace(":", "") as "http" | "https",
            }
          : {}),
      }),
    };
  }
  return cached.client;
}

/** Webhook helpers need no API key. */
const offline = new Stripe("sk_offline_webhooks_only");
export const webhooks = offline.webhooks;

/** What the admin reads about the payment mode, in Dutch. */
export const PAYMENT_MODE_NOTES: Record<PaymentMode, string> = {
  stripe: "Betalingen lopen via Stripe (iDEAL en creditcard).",
  demo: "Demostand: alle betalingen zijn testbetalingen in deze app; er wordt niets afgeschreven.",
  off:
    "Online betalen staat uit. Deelnemers kunnen zich aanmelden en worden toegelaten; zij lezen dat ze een factuur " +
    "krijgen. Stuur die factuur zelf en markeer de betaling hier als geregeld, of vraag wie Gilde technisch beheert om " +
    "online betalen via Stripe aan te zetten (de README zegt hoe).",
};
