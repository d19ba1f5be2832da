// The community's themes as checkboxes (several may be chosen), wired to a schema field like `Field` is.
import type { FieldMetadata } from "@conform-to/react";
import { THEMES } from "~/community/themes";

type Meta = Pick<FieldMetadata<unknown>, "name" | "errorId" | "errors" | "initialValue">;

/** Whether `value` was ticked, in what was sent or in the defaults. */
function chosen(initial: unknown, value: string) {
  return Array.isArray(initial) ? initial.includes(value) : initial === value;
}

export function ThemeChoices({ meta }: { meta: Meta }) {
  return (
    <fieldset
      className={meta.errors ? "field field--invalid" : "field"}
      aria-describedby={meta.errors ? meta.errorId : undefined}
    >
      <legend>Thema's</legend>
      {THEMES.map((theme) => (
        <label key={theme.id} className="check-label check-label--inline">
          <input
            type="checkbox"
            name={meta.name}
            value={theme.id}
            defaultChecked={chosen(meta.initialValue, theme.id)}
          />{" "}
          {theme.label}
        </label>
      ))}
      {meta.errors ? (
        <p className="field__error" id={meta.errorId}>
          {meta.errors[0]}
        </p>
      ) : null}
    </fieldset>
  );
}
