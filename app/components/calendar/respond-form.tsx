// "Ik kom" or "ik kan niet" (with a reason for the trainer) for one contact day, until it starts. A refusal keeps
// what was chosen and typed and says at the field what is missing.
import { RespondAction, REASON_MAX } from "~/calendar/forms";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";

export function RespondForm({ dayId, answer }: { dayId: string; answer: { coming: boolean; reason: string } | null }) {
  const [form, fields] = useGildeForm(RespondAction, {
    id: `antwoord-${dayId}`,
    defaultValue: answer ? { coming: answer.coming ? "ja" : "nee", reason: answer.reason } : undefined,
  });
  const chosen = fields.coming.initialValue;
  return (
    <GildeForm form={form} className="space-top">
      <input type="hidden" name={fields.intent.name} value="respond" />
      <input type="hidden" name={fields.day.name} value={dayId} />
      <fieldset aria-describedby={fields.coming.errors ? fields.coming.errorId : undefined}>
        <legend>Kom je?</legend>
        <label className="answer-choice">
          <input
            key={fields.coming.key}
            type="radio"
            name={fields.coming.name}
            value="ja"
            defaultChecked={chosen === "ja"}
          />{" "}
          Ik kom
        </label>
        <label className="answer-choice">
          <input
            key={fields.coming.key}
            type="radio"
            name={fields.coming.name}
            value="nee"
            defaultChecked={chosen === "nee"}
          />{" "}
          Ik kan niet
        </label>
        {fields.coming.errors ? (
          <p className="field__error" id={fields.coming.errorId}>
            {fields.coming.errors[0]}
          </p>
        ) : null}
      </fieldset>
      <Field
        meta={fields.reason}
        label="Waarom niet? (als je niet kunt)"
        maxLength={REASON_MAX}
        hint="Alleen je trainer ziet dit."
      />
      <p className="button-row">
        <button type="submit" className="button">
          Antwoord opslaan
        </button>
      </p>
    </GildeForm>
  );
}
