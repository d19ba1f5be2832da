// One way to read a form: a zod schema, field errors in Dutch next to the field, typed values kept.
import type { z } from "zod";

export type FieldErrors = Record<string, string>;
export type FormFailure = { ok: false; fieldErrors: FieldErrors; formError?: string; values: Record<string, string> };
export type FormResult<T> = { ok: true; data: T } | FormFailure;

// Never echoed back to the page.
const SECRET_FIELDS = new Set(["password", "newPassword", "currentPassword"]);

export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value === "string" && !SECRET_FIELDS.has(key)) values[key] = value;
  }
  return values;
}

export function parseForm<S extends z.ZodTypeAny>(schema: S, formData: FormData): FormResult<z.output<S>> {
  const raw: Record<string, unknown> = {};
  for (const key of new Set(formData.keys())) {
    const all = formData.getAll(key);
    raw[key] = all.length > 1 ? all : all[0];
  }
  const result = schema.safeParse(raw);
  if (result.success) return { ok: true, data: result.data };
  const fieldErrors: FieldErrors = {};
  let formError: string | undefined;
  for (const issue of result.error.issues) {
    const key = issue.path.join(".");
    if (!key) formError ??= issue.message;
    else fieldErrors[key] ??= issue.message;
  }
  return { ok: false, fieldErrors, formError, values: formValues(formData) };
}

export function failure(formData: FormData, fieldErrors: FieldErrors, formError?: string): FormFailure {
  return { ok: false, fieldErrors, formError, values: formValues(formData) };
}
