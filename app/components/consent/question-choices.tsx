// The fixed set of questions for the wijk as checkboxes: the participant ticks two or three.
import type { FieldMetadata } from "@conform-to/react";
import { FEEDBACK_QUESTIONS, QUESTION_KEYS } from "~/consent/questions";

type Meta = Pick<FieldMetadata<unknown>, "name" | "id" | "errorId" | "errors" | "initialValue">;

function chosen(initial: unknown, value: string) {
  return Array.isArray(initial) ? initial.includes(value) : initial === value;
}

export function QuestionChoices({ meta }: { meta: Meta }) {
  return (
    <fieldset
      className={meta.errors ? "field field--invalid" : "field"}
      aria-describedby={meta.errors ? meta.errorId : undefined}
    >
      <legend>Welke vragen stel je? Kies er twee of drie.</legend>
      {QUESTION_KEYS.map((key) => (
        <label key={key} className="check-label check-label--block">
          <input type="checkbox" name={meta.name} value={key} defaultChecked={chosen(meta.initialValue, key)} />{" "}
          {FEEDBACK_QUESTIONS[key]}
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
