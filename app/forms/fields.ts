// Reusable zod fields with Dutch messages.
import { z } from "zod";
import { passwordProblem, PASSWORD_MAX } from "~/auth/password";
import { formatNumber } from "~/format";

export const requiredText = (label: string, max = 200) =>
  z
    .string({ required_error: `Vul ${label} in.`, invalid_type_error: `Vul ${label} in.` })
    .trim()
    .min(1, `Vul ${label} in.`)
    .max(max, `${label.charAt(0).toUpperCase()}${label.slice(1)} mag hoogstens ${max} tekens lang zijn.`);

export const emailField = z
  .string({ required_error: "Vul je e-mailadres in." })
  .trim()
  .min(1, "Vul je e-mailadres in.")
  .max(254, "Dit e-mailadres is te lang.")
  .email("Dit is geen geldig e-mailadres, bijvoorbeeld naam@organisatie.nl.");

export const newPasswordField = z.string({ required_error: "Kies een wachtwoord." }).superRefine((value, ctx) => {
  const problem = passwordProblem(value);
  if (problem) ctx.addIssue({ code: z.ZodIssueCode.custom, message: problem });
});

export const passwordField = z
  .string({ required_error: "Vul je wachtwoord in." })
  .min(1, "Vul je wachtwoord in.")
  .max(PASSWORD_MAX * 4, "Dit e-mailadres en wachtwoord horen niet bij elkaar.");

/** A honeypot that people never see; bots fill it in. */
export const honeypot = z
  .string()
  .optional()
  .refine((value) => !value, "Dit formulier kon niet worden verstuurd.");

/** Euro amounts as Dutch people type them: "2450", "2450,50", "2.450", "2.450,50", "€ 2450". Null if not. */
export function parseEuroCents(input: string): number | null {
  const value = input.replace(/^€/, "").replace(/\s+/g, "");
  let normal: string;
  if (/^\d{1,3}(\.\d{3})+(,\d{1,2})?$/.test(value)) normal = value.replace(/\./g, "").replace(",", ".");
  else if (/^\d{1,7}([.,]\d{1,2})?$/.test(value)) normal = value.replace(",", ".");
  else return null;
  return Math.round(Number(normal) * 100);
}

export const euroAmount = (label: string) =>
  z
    .string({ required_error: `Vul ${label} in.` })
    .trim()
    .min(1, `Vul ${label} in.`)
    .transform((value, ctx) => {
      const cents = parseEuroCents(value);
      if (cents === null) {
        ctx.addIssue({
          code: z.ZodIssueCode.custom,
          message: `Vul ${label} in als bedrag in euro, bijvoorbeeld 2450 of 2.450,00.`,
        });
        return z.NEVER;
      }
      return cents;
    });

/** A whole number as Dutch people type it: "2400", "2.400" or "2 400". Null if not. */
export function parseWholeNumber(input: string): number | null {
  const value = input.trim().replace(/\s+/g, "");
  if (/^\d{1,3}(\.\d{3})+$/.test(value)) return Number(value.replace(/\./g, ""));
  if (/^\d{1,9}$/.test(value)) return Number(value);
  return null;
}

/**
 * A required (or, with `optional`, possibly empty → null) whole number between min and max, with Dutch
 * messages that say what fits: "Vul het aantal plaatsen in als getal, bijvoorbeeld 24."
 */
export function wholeNumber(what: string, { min, max, example }: { min: number; max: number; example: number }) {
  const asNumber = `Vul ${what} in als getal, bijvoorbeeld ${formatNumber(example)}.`;
  const range = `Vul voor ${what} een getal van ${formatNumber(min)} tot en met ${formatNumber(max)} in.`;
  return z
    .union([z.string(), z.number()], { required_error: asNumber, invalid_type_error: asNumber })
    .transform((input, ctx) => {
      const value = typeof input === "number" ? input : parseWholeNumber(input);
      if (value === null || !Number.isInteger(value)) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: asNumber });
        return z.NEVER;
      }
      if (value < min || value > max) {
        ctx.addIssue({ code: z.ZodIssueCode.custom, message: range });
        return z.NEVER;
      }
      return value;
    });
}

/** Rubric levels as radio groups send them (`levels.<criterionId>`): chosen ones as numbers, unchosen left out. */
export const rubricLevels = () =>
  z
    .record(z.string())
    .default({})
    .transform((levels) =>
      Object.fromEntries(
        Object.entries(levels)
          .filter(([, score]) => score !== "")
          .map(([id, score]) => [id, Number(score)]),
      ),
    );

/** A calendar date that exists ("2031-02-30" does not; JavaScript would quietly make it 2 March). */
function isRealDate(value: string): boolean {
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

export const isoDate = (label: string) =>
  z
    .string({ required_error: `Vul ${label} in.` })
    .regex(/^\d{4}-\d{2}-\d{2}$/, `Vul ${label} in als datum.`)
    .refine(isRealDate, `Deze datum bestaat niet: vul ${label} in als geldige datum.`)
    .transform((value) => new Date(`${value}T00:00:00Z`));

/** The page number of a list (?pagina=): a whole number from 1, anything else is page 1. */
export function pageNumber(params: URLSearchParams, name = "pagina"): number {
  const value = params.get(name) ?? "";
  return /^[1-9]\d{0,5}$/.test(value) ? Number(value) : 1;
}
