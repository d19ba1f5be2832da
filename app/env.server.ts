// The environment, parsed once at start-up. Defaults make `npm start` work offline on the embedded database.
import { z } from "zod";

const schema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  DATA_DIR: z.string().default("data"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\//, "moet beginnen met postgres:// of postgresql://")
    .optional()
    .or(z.literal("").transform(() => undefined)),
  APP_URL: z.string().url("moet een volledig adres zijn, bijvoorbeeld https://gilde.example.nl").optional(),
  SMTP_URL: z
    .string()
    .regex(/^smtps?:\/\//, "moet beginnen met smtp:// of smtps://")
    .optional(),
  MAIL_FROM: z.string().default("Gilde <noreply@gilde.test>"),
  // The number of proxies in front of the app whose X-Forwarded-For and X-Forwarded-Proto we believe. Never "all".
  TRUST_PROXY: z
    .string()
    .optional()
    .transform((value) => (value === undefined || ["", "0", "off", "false", "no"].includes(value) ? "0" : value))
    .pipe(
      z.coerce
        .number({ invalid_type_error: "moet een aantal proxies zijn, bijvoorbeeld 1" })
        .int("moet een aantal proxies zijn, bijvoorbeeld 1")
        .min(0, "moet een aantal proxies zijn, bijvoorbeeld 1")
        .max(10, "moet een aantal proxies zijn, bijvoorbeeld 1"),
    ),
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  JOBS: z.enum(["on", "off"]).default("on"),
});

const paymentSchema = z
  .object({
    PAYMENTS: z
      .enum(["stripe", "demo", "off"], { errorMap: () => ({ message: "moet stripe, demo of off zijn" }) })
      .optional()
      .or(z.literal("").transform(() => undefined)),
    STRIPE_SECRET_KEY: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    STRIPE_WEBHOOK_SECRET: z
      .string()
      .optional()
      .or(z.literal("").transform(() => undefined)),
    STRIPE_API_BASE: z.string().url("moet een volledig adres zijn").optional(),
    STRIPE_TIMEOUT_MS: z.coerce.number().int().min(1).default(20_000),
  })
  .superRefine((value, ctx) => {
    const stripe = value.PAYMENTS === "stripe" || (!value.PAYMENTS && value.STRIPE_SECRET_KEY);
    if (stripe && !value.STRIPE_SECRET_KEY) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_SECRET_KEY"],
        message: "ontbreekt: PAYMENTS=stripe heeft de API-sleutel van Stripe nodig",
      });
    }
    if (stripe && !value.STRIPE_WEBHOOK_SECRET) {
      ctx.addIssue({
        code: "custom",
        path: ["STRIPE_WEBHOOK_SECRET"],
        message:
          "ontbreekt: zonder het ondertekeningsgeheim van de webhook (whsec_…) kan Gilde betalingen van Stripe niet controleren",
      });
    }
  });

export type PaymentSettings = z.infer<typeof paymentSchema>;
export type PaymentMode = "stripe" | "demo" | "off";

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

function problems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  const payments = paymentSchema.safeParse(source);
  const lines = [
    ...(result.success ? [] : problems(result.error)),
    ...(payments.success ? [] : problems(payments.error)),
  ];
  if (!result.success || lines.length) throw new EnvError(`De omgevingsvariabelen kloppen niet:\n${lines.join("\n")}`);
  return result.data;
}

/**
 * The payment settings, read from the environment on every call (the start checks them once with parseEnv; tests
 * switch between Stripe's stand-in and demo payments within one process).
 */
export function paymentSettings(source: Record<string, string | undefined> = process.env): PaymentSettings {
  const result = paymentSchema.safeParse(source);
  if (!result.success) throw new EnvError(`De omgevingsvariabelen kloppen niet:\n${problems(result.error).join("\n")}`);
  return result.data;
}

let cached: Env | undefined;

export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/** The public address of the app, used in links in e-mails. */
export function appUrl(): string {
  const e = env();
  return (e.APP_URL ?? `http://localhost:${e.PORT}`).replace(/\/$/, "");
}

export function cookieSecure(): boolean {
  const e = env();
  if (e.COOKIE_SECURE !== "auto") return e.COOKIE_SECURE === "true";
  // Secure cookies are only sent over https; a local `npm start` on http://localhost must keep working.
  return e.APP_URL?.startsWith("https://") ?? false;
}
