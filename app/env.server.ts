// The environment, parsed once at start-up. Defaults make `npm start` work offline on the embedded database.
import { z } from "zod";

const booleanish = z
  .enum(["1", "0", "true", "false", "yes", "no", ""])
  .optional()
  .transform((value) => value === "1" || value === "true" || value === "yes");

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
  SMTP_URL: z.string().regex(/^smtps?:\/\//, "moet beginnen met smtp:// of smtps://").optional(),
  MAIL_FROM: z.string().default("Gilde <noreply@gilde.test>"),
  TRUST_PROXY: booleanish,
  COOKIE_SECURE: z.enum(["auto", "true", "false"]).default("auto"),
  JOBS: z.enum(["on", "off"]).default("on"),
});

export type Env = z.infer<typeof schema>;

export class EnvError extends Error {}

export function parseEnv(source: Record<string, string | undefined> = process.env): Env {
  const result = schema.safeParse(source);
  if (!result.success) {
    const lines = result.error.issues.map((issue) => `  - ${issue.path.join(".")}: ${issue.message}`);
    throw new EnvError(`De omgevingsvariabelen kloppen niet:\n${lines.join("\n")}`);
  }
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
