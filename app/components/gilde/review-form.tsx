// Giving peer feedback: an answer per guiding question (`answers.<index>`), optional rubric levels
// (`levels.<criterionId>`) and a tip; saved as a draft, then submitted.
import type { SerializeFrom } from "@remix-run/node";
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";
import type { reviewForm } from "~/peer-review/reviews.server";
import { ReviewSchema } from "~/peer-review/forms";

type Review = NonNullable<SerializeFrom<typeof reviewForm>>;

export function ReviewForm({ review, done, busy }: { review: Review; done: boolean; busy: boolean }) {
  const [form, fields] = useGildeForm(ReviewSchema, {
    id: "peerfeedback",
    defaultValue: {
      answers: Object.fromEntries(review.questions.map((_, index) => [String(index), review.answers[index] ?? ""])),
      levels: Object.fromEntries(
        Object.entries(review.levels).map(([id, score]) => [id, score === undefined ? "" : String(score)]),
      ),
      tip: review.tip,
    },
  });
  const answers = fields.answers.getFieldset();
  const levels = fields.levels.getFieldset();
  // Peer review names its field errors `answer-<index>` and `level-<criterionId>`.
  const errorOf = (nested: string[] | undefined, named: string) => nested?.[0] ?? form.allErrors[named]?.[0];
  return (
    <GildeForm form={form} aria-labelledby="jouw-feedback">
      <h2 id="jouw-feedback">Jouw feedback</h2>
      {/* Always the revision on the server now (also after a refusal), never what was sent. */}
      <input type="hidden" name={fields.revision.name} value={review.revision} />
      {review.questions.map((question, index) => {
        const answer = answers[String(index)];
        if (!answer) return null;
        const error = errorOf(answer.errors, `answer-${index}`);
        return (
          <TextArea
            key={index}
            // Conform's metadata is read through getters: copy what the field needs, with the error found.
            meta={{
              id: answer.id,
              name: answer.name,
              errorId: answer.errorId,
              descriptionId: answer.descriptionId,
              initialValue: answer.initialValue,
              key: answer.key,
              errors: error ? [error] : undefined,
            }}
            label={question}
            rows={4}
          />
        );
      })}
      <details className="field" open={review.rubric.some((c) => errorOf(levels[c.id]?.errors, `level-${c.id}`))}>
        <summary>Rubric-niveaus (niet verplicht)</summary>
        {review.rubric.map((criterion) => {
          const level = levels[criterion.id];
          const error = errorOf(level?.errors, `level-${criterion.id}`);
          const errorId = `${criterion.id}-niveau-fout`;
          return (
            <fieldset
              key={criterion.id}
              className={error ? "field field--invalid" : "field"}
              aria-describedby={error ? errorId : undefined}
            >
              <legend>{criterion.title}</legend>
              {criterion.levels.map((option) => (
                <label key={option.score} className="check-label check-label--block">
                  <input
                    type="radio"
                    name={`${fields.levels.name}.${criterion.id}`}
                    value={option.score}
                    defaultChecked={level?.initialValue === String(option.score)}
                  />{" "}
                  <strong>{option.label}</strong>: {option.descriptor}
                </label>
              ))}
              {error ? (
                <p className="field__error" id={errorId}>
                  {error}
                </p>
              ) : null}
            </fieldset>
          );
        })}
      </details>
      <TextArea
        meta={fields.tip}
        label="Tip voor verder"
        hint="Eén ding dat je gildegenoot morgen in de wijk kan proberen."
        rows={3}
      />
      {done ? null : (
        <div className="button-row">
          <button
            type="submit"
            name={fields.intent.name}
            value="save"
            className="button button--secondary"
            disabled={busy}
          >
            Concept opslaan
          </button>
          <button type="submit" name={fields.intent.name} value="submit" className="button" disabled={busy}>
            Feedback indienen
          </button>
        </div>
      )}
    </GildeForm>
  );
}
