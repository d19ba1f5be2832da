// The environment: every variable Gilde reads, with its default and its check, lives here. The server parses all
// of it once at start-up (`parseEnv`) and stops with a Dutch list of what is wrong; the rest of the app asks this
// module, never `process.env`. Defaults make `npm start` work offline on the embedded database.
import os from "node:os";
import { z } from "zod";

/** Unset or blank: undefined. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => value?.trim() || undefined);

/** Unset or blank: the default. */
const textOr = (fallback: string) => optionalText.transform((value) => value ?? fallback);

// Read on every call (through `databaseSettings`): the test set-up points DATABASE_URL at a schema of its own
// per test file, and the Prisma CLI and the backup scripts share this with the app.
const databaseFields = z.object({
  DATABASE_URL: optionalText.pipe(
    z
      .string()
      .regex(/^postgres(ql)?:\/\//, "moet beginnen met postgres:// of postgresql://")
      .optional(),
  ),
  DATABASE_POOL_SIZE: optionalText.pipe(
    z.coerce
      .number({ invalid_type_error: "moet een aantal verbindingen zijn, bijvoorbeeld 10" })
      .int("moet een aantal verbindingen zijn, bijvoorbeeld 10")
      .min(1, "moet minstens 1 zijn")
      .max(1000, "moet een aantal verbindingen zijn, bijvoorbeeld 10")
      .default(10),
  ),
  DATA_DIR: textOr("data"),
});

const schema = z.object({
  NODE_ENV: optionalText.pipe(
    z
      .enum(["development", "production", "test"], { message: "moet development, production of test zijn" })
      .default("development"),
  ),
  PORT: z.coerce
    .number({ invalid_type_error: "moet een poortnummer zijn, bijvoorbeeld 3000" })
    .int("moet een poortnummer zijn, bijvoorbeeld 3000")
    .min(1, "moet een poortnummer zijn, bijvoorbeeld 3000")
    .max(65535, "moet een poortnummer zijn, bijvoorbeeld 3000")
    .default(3000),
  ...databaseFields.shape,
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
  // Worker processes of `npm start` (PostgreSQL only; the embedded database allows one process). See workerCount.
  WORKERS: optionalText.pipe(
    z.coerce
      .number({ invalid_type_error: "moet een aantal processen zijn, bijvoorbeeld 2" })
      .int("moet een aantal processen zijn, bijvoorbeeld 2")
      .min(1, "moet minstens 1 zijn")
      .max(64, "moet een aantal processen zijn, bijvoorbeeld 2")
      .optional(),
  ),
  // Where the course modules live (the tests point it at broken fixtures).
  CONTENT_DIR: textOr("content"),
  // `on` serves /bench/statisch, the bare page `npm run bench` compares with. Never in production.
  BENCH: optionalText.pipe(z.enum(["on", "off"], { message: "moet on of off zijn" }).default("off")),
  // For the crash-safety tests only: the process stops at this point in its work (app/crash-point.server.ts).
  GILDE_CRASH_POINT: optionalText.pipe(
    z.enum(["upload", "hand-in", "webhook"], { message: "moet upload, hand-in of webhook zijn" }).optional(),
  ),
});

// Read on every call (through `paymentSettings`): tests switch between Stripe's stand-in and demo payments within
// one process.
const paymentFields = z.object({
  PAYMENTS: optionalText.pipe(
    z.enum(["stripe", "demo", "off"], { errorMap: () => ({ message: "moet stripe, demo of off zijn" }) }).optional(),
  ),
  STRIPE_SECRET_KEY: optionalText,
  STRIPE_WEBHOOK_SECRET: optionalText,
  STRIPE_API_BASE: z.string().url("moet een volledig adres zijn").optional(),
  STRIPE_TIMEOUT_MS: z.coerce.number().int().min(1).default(20_000),
});

const paymentSchema = paymentFields.superRefine((value, ctx) => {
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

// Login with eduID and SURFconext (issue 25): a provider is on when its issuer, client id and secret are all set.
// Read on every call (through `oidcSettings`): the tests point them at a fake provider on a port of its own.
const issuerField = optionalText.pipe(
  z
    .string()
    .url("moet een volledig adres zijn, bijvoorbeeld https://connect.surfconext.nl")
    .refine(
      (value) => value.startsWith("https://") || /^http:\/\/(127\.0\.0\.1|localhost)(:\d+)?(\/|$)/.test(value),
      "moet met https:// beginnen",
    )
    .optional(),
);
const oidcFields = z.object({
  EDUID_ISSUER: issuerField,
  EDUID_CLIENT_ID: optionalText,
  EDUID_CLIENT_SECRET: optionalText,
  SURFCONEXT_ISSUER: issuerField,
  SURFCONEXT_CLIENT_ID: optionalText,
  SURFCONEXT_CLIENT_SECRET: optionalText,
});

const oidcSchema = oidcFields.superRefine((value, ctx) => {
  for (const prefix of ["EDUID", "SURFCONEXT"] as const) {
    const names = [`${prefix}_ISSUER`, `${prefix}_CLIENT_ID`, `${prefix}_CLIENT_SECRET`] as const;
    const set = names.filter((name) => value[name] !== undefined);
    if (set.length === 0 || set.length === names.length) continue;
    for (const name of names.filter((name) => value[name] === undefined)) {
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: `ontbreekt: ${set.join(" en ")} ${set.length === 1 ? "is" : "zijn"} gezet, zet ze alle drie of geen`,
      });
    }
  }
});

export type OidcSettings = z.infer<typeof oidcSchema>;

export type PaymentSettings = z.infer<typeof paymentSchema>;
export type PaymentMode = "stripe" | "demo" | "off";
export type DatabaseSettings = z.infer<typeof databaseFields>;
export type Env = z.infer<typeof schema>;

type Source = Record<string, string | undefined>;

export class EnvError extends Error {}

function problems(error: z.ZodError): string[] {
  return error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
}

function envError(lines: string[]) {
  return new EnvError(`De omgevingsvariabelen kloppen niet:\n${lines.join("\n")}`);
}

/** Every variable at once, with every problem in one list. */
export function parseEnv(source: Source = process.env): Env {
  const result = schema.safeParse(source);
  const payments = paymentSchema.safeParse(source);
  const oidc = oidcSchema.safeParse(source);
  const lines = [
    ...(result.success ? [] : problems(result.error)),
    ...(payments.success ? [] : problems(payments.error)),
    ...(oidc.success ? [] : problems(oidc.error)),
  ];
  if (!result.success || lines.length) throw envError(lines);
  return result.data;
}

/** A parser for one group of variables that parses again only when one of their values changed. */
function whenChanged<T>(names: string[], schema: z.ZodType<T, z.ZodTypeDef, unknown>) {
  let last: { key: string; value: T } | undefined;
  return (source: Source): T => {
    const key = JSON.stringify(names.map((name) => source[name] ?? null));
    if (last?.key !== key) {
      const result = schema.safeParse(source);
      if (!result.success) throw envError(problems(result.error));
      last = { key, value: result.data };
    }
    return last.value;
  };
}

const parsePayments = whenChanged(Object.keys(paymentFields.shape), paymentSchema);
const parseDatabase = whenChanged(Object.keys(databaseFields.shape), databaseFields);
const parseOidc = whenChanged(Object.keys(oidcFields.shape), oidcSchema);

/** The eduID and SURFconext settings as the environment holds them now (the start checks them with parseEnv). */
export function oidcSettings(source: Source = process.env): OidcSettings {
  return parseOidc(source);
}

/** The payment settings as the environment holds them now (the start checks them once with parseEnv). */
export function paymentSettings(source: Source = process.env): PaymentSettings {
  return parsePayments(source);
}

/** Which database, and where the embedded one and the uploads live, as the environment holds them now. */
export function databaseSettings(source: Source = process.env): DatabaseSettings {
  return parseDatabase(source);
}

let cached: Env | undefined;

/** The rest of the configuration, parsed on first use and kept for the life of the process. */
export function env(): Env {
  cached ??= parseEnv();
  return cached;
}

/**
 * How many worker processes `npm start` runs: WORKERS, or else one per core on PostgreSQL and one on the embedded
 * database, which only one process may open. Checks the whole environment first, as the start does.
 */
export function workerCount(source: Source = process.env): number {
  const { WORKERS, DATABASE_URL } = parseEnv(source);
  if (!DATABASE_URL && WORKERS !== undefined && WORKERS > 1) {
    throw envError([
      "  - WORKERS: meer dan één proces kan alleen met PostgreSQL (DATABASE_URL); de ingebouwde database opent er één",
    ]);
  }
  return WORKERS ?? (DATABASE_URL ? os.availableParallelism() : 1);
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
