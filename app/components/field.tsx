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

function FieldError({ id, error }: { id?: string; error?: string }) {
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

/** What a form action came to: a notice when it worked, the error when it did not. */
export function Outcome({ notice, error }: { notice?: string; error?: string }) {
  return (
    <>
      {notice ? (
        <p className="notice" role="status">
          {notice}
        </p>
      ) : null}
      <FormError error={error} />
    </>
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
    const target =
      document.querySelector<HTMLElement>('main [aria-invalid="true"], main [data-warning]') ?? passwords[0];
    target?.focus();
  }, [failed]);
}

type TextAreaProps = {
  name: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
  warning?: string;
};

/** A labelled textarea; a warning (not an error) is shown in the warm colour. */
export function TextArea({ name, label, hint, error, defaultValue, rows = 4, warning }: TextAreaProps) {
  const fieldId = `field-${name}`;
  const describedBy = [
    hint ? `${fieldId}-hint` : null,
    error ? `${fieldId}-error` : null,
    warning ? `${fieldId}-warning` : null,
  ]
    .filter(Boolean)
    .join(" ");
  return (
    <div className={error ? "field field--invalid" : "field"}>
      <label htmlFor={fieldId}>{label}</label>
      {hint ? (
        <p className="field__hint" id={`${fieldId}-hint`}>
          {hint}
        </p>
      ) : null}
      <textarea
        id={fieldId}
        name={name}
        rows={rows}
        defaultValue={defaultValue}
        aria-invalid={error ? true : undefined}
        aria-describedby={describedBy || undefined}
        data-warning={warning ? true : undefined}
      />
      <FieldError id={error ? `${fieldId}-error` : undefined} error={error} />
      {warning ? (
        <p className="field__warning" id={`${fieldId}-warning`} role="alert">
          {warning}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select; `options` are value/label pairs, `emptyLabel` adds a first option with value "". */
export function SelectField({
  name,
  label,
  defaultValue,
  options,
  emptyLabel,
  id = name,
}: {
  name: string;
  label: string;
  defaultValue?: string;
  options: { value: string; label: string }[];
  emptyLabel?: string;
  /** Needed when the same field appears more than once on a page. */
  id?: string;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} name={name} defaultValue={defaultValue}>
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
