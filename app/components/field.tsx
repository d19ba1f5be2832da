// Labelled form fields with their error next to them, announced to screen readers. A field takes Conform's
// metadata (`meta`: name, id, what was typed, errors) from `useGildeForm`; `name`/`error`/`defaultValue` remain
// for the few inputs that are not part of a schema form.
import type { FieldMetadata } from "@conform-to/react";
import type { InputHTMLAttributes, ReactNode } from "react";

type Meta = Pick<
  FieldMetadata<unknown>,
  "id" | "name" | "errorId" | "descriptionId" | "errors" | "initialValue" | "key"
>;

type Described = { id: string; name: string; error?: string; defaultValue?: string; hintId: string; errorId: string };

/** One reading of a field's wiring, from Conform's metadata or from plain props. */
function describe(
  meta: Meta | undefined,
  plain: { name?: string; id?: string; error?: string; defaultValue?: string },
): Described {
  if (meta) {
    const initial = meta.initialValue;
    return {
      id: meta.id,
      name: meta.name,
      error: meta.errors?.[0],
      defaultValue: typeof initial === "string" ? initial : undefined,
      hintId: meta.descriptionId,
      errorId: meta.errorId,
    };
  }
  const name = plain.name ?? "";
  const id = plain.id ?? `field-${name}`;
  return {
    id,
    name,
    error: plain.error,
    defaultValue: plain.defaultValue,
    hintId: `${id}-hint`,
    errorId: `${id}-error`,
  };
}

function describedBy(...ids: (string | false | undefined)[]) {
  return ids.filter(Boolean).join(" ") || undefined;
}

type FieldProps = {
  meta?: Meta;
  name?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
} & Omit<InputHTMLAttributes<HTMLInputElement>, "name" | "defaultValue">;

export function Field({ meta, name, label, hint, error, defaultValue, id, ...input }: FieldProps) {
  const field = describe(meta, { name, id, error, defaultValue });
  return (
    <div className={field.error ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={field.hintId}>
          {hint}
        </p>
      ) : null}
      <input
        key={meta?.key}
        id={field.id}
        name={field.name}
        defaultValue={input.type === "password" ? undefined : field.defaultValue}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(hint ? field.hintId : false, field.error ? field.errorId : false)}
        {...input}
      />
      <FieldError id={field.errorId} error={field.error} />
    </div>
  );
}

function FieldError({ id, error }: { id: string; error?: string }) {
  if (!error) return null;
  return (
    <p className="field__error" id={id}>
      {error}
    </p>
  );
}

/** A form's own message (not about one field): see FormMessage in components/form.tsx for schema forms. */
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
 * A labelled checkbox with its error next to it, checked as the form's default value (`true`) or as it was sent
 * after a refusal. `inline` keeps it on the line of the form's other fields while it has no error.
 */
export function CheckField({ meta, label, inline }: { meta: Meta; label: ReactNode; inline?: boolean }) {
  const field = describe(meta, {});
  const input = (
    <label className="check-label">
      <input
        key={meta.key}
        type="checkbox"
        id={field.id}
        name={field.name}
        defaultChecked={meta.initialValue === "on"}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={field.error ? field.errorId : undefined}
      />{" "}
      {label}
    </label>
  );
  if (inline && !field.error) return input;
  return (
    <div className={field.error ? "field field--invalid" : "field"}>
      {input}
      <FieldError id={field.errorId} error={field.error} />
    </div>
  );
}

type TextAreaProps = {
  meta?: Meta;
  name?: string;
  label: string;
  hint?: ReactNode;
  error?: string;
  defaultValue?: string;
  rows?: number;
  maxLength?: number;
  required?: boolean;
  warning?: string;
};

/** A labelled textarea; a warning (not an error) is shown in the warm colour. */
export function TextArea({ meta, name, label, hint, error, defaultValue, rows = 4, warning, ...rest }: TextAreaProps) {
  const field = describe(meta, { name, error, defaultValue });
  const warningId = `${field.id}-warning`;
  return (
    <div className={field.error ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={field.hintId}>
          {hint}
        </p>
      ) : null}
      <textarea
        key={meta?.key}
        id={field.id}
        name={field.name}
        rows={rows}
        defaultValue={field.defaultValue}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(
          hint ? field.hintId : false,
          field.error ? field.errorId : false,
          warning ? warningId : false,
        )}
        data-warning={warning ? true : undefined}
        {...rest}
      />
      <FieldError id={field.errorId} error={field.error} />
      {warning ? (
        <p className="field__warning" id={warningId} role="alert">
          {warning}
        </p>
      ) : null}
    </div>
  );
}

/** A labelled select; `options` are value/label pairs, `emptyLabel` adds a first option with value "". */
export function SelectField({
  meta,
  name,
  label,
  hint,
  defaultValue,
  options,
  emptyLabel,
  id,
}: {
  meta?: Meta;
  name?: string;
  label: string;
  hint?: ReactNode;
  defaultValue?: string;
  options: { value: string; label: string }[];
  emptyLabel?: string;
  /** Needed when the same field appears more than once on a page. */
  id?: string;
}) {
  const field = describe(meta, { name, id: id ?? name, defaultValue });
  return (
    <div className={field.error ? "field field--invalid" : "field"}>
      <label htmlFor={field.id}>{label}</label>
      {hint ? (
        <p className="field__hint" id={field.hintId}>
          {hint}
        </p>
      ) : null}
      <select
        key={meta?.key}
        id={field.id}
        name={field.name}
        defaultValue={field.defaultValue}
        aria-invalid={field.error ? true : undefined}
        aria-describedby={describedBy(hint ? field.hintId : false, field.error ? field.errorId : false)}
      >
        {emptyLabel !== undefined ? <option value="">{emptyLabel}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
      <FieldError id={field.errorId} error={field.error} />
    </div>
  );
}
