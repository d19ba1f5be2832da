// A labelled form field with its error next to it, announced to screen readers.
import { useEffect, type InputHTMLAttributes, type ReactNode } from "react";

type FieldProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">;

export function Field({ name, label, hint, error, defaultValue, id, ...input }: FieldProps) {
  const fieldId = id ?? `field-${name}`;
  const hintId = hint ? `${fieldId}-hint` : undefined;
  const errorId = error ? `${fieldId}-error` : undefined;
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="field__hint" id={hintId}>
          {hint}
        </p>
      ) : null}
      <input
        id={fieldId}
        name={name}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={[hintId, errorId].filter(Boolean).join(" ") || undefined}
        {...input}
      />
      <FieldError id={errorId} error={error} />
    </div>
  );
}

export function FieldError({ id, error }: { id?: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field__error" id={id} role="alert">
      {error}
    </p>
  );
}

export function FormError({ error }: { error?: string }) {
  if (!error) return null;
  return (
    <div className="notice notice--error" role="alert">
      {error}
    </div>
  );
}

/** Hidden from people, tempting to bots. */
export function Honeypot() {
  return (
    <div className="visually-hidden" aria-hidden="true">
      <label htmlFor="field-website">Laat dit veld leeg</label>
      <input id="field-website" name="website" type="text" tabIndex={-1} autoComplete="off" />
    </div>
  );
}

/**
 * After a failed submit (with JavaScript on): password inputs are emptied, as the server never sends a
 * password back, and focus moves to the first field with an error, or else to the password to retype.
 */
export function useAfterFailedSubmit(failed: unknown) {
  useEffect(() => {
    if (!failed) return;
    const passwords = document.querySelectorAll<HTMLInputElement>('main input[type="password"]');
    passwords.forEach((input) => (input.value = ""));
    const target = document.querySelector<HTMLElement>('main [aria-invalid="true"]') ?? passwords[0];
    target?.focus();
  }, [failed]);
}
