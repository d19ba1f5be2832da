// Rating one member (yourself or a gildegenoot) on the four criteria of the evaluation, with a comment.
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";
import { EVALUATION_CRITERIA, EVALUATION_SCALE } from "~/peer-review/evaluation-rules";
import { MemberRatingSchema } from "~/peer-review/evaluation-forms";
import { ScaleFieldset } from "./scale-fieldset";

export function MemberRatingForm({ ratee, name, busy }: { ratee: string; name: string | null; busy: boolean }) {
  const [form, fields] = useGildeForm(MemberRatingSchema, { id: `evaluatie-${ratee}` });
  const levels = fields.levels.getFieldset();
  const self = name === null;
  return (
    <GildeForm form={form} className="card card--stacked">
      <h2 className="flush-top">{self ? "Eerst: jijzelf" : `Nu: ${name}`}</h2>
      <p className="muted">
        {self
          ? "Hoe zie je je eigen deel in de gilde? Eerlijk is het nuttigst; niemand anders ziet je eigen cijfers."
          : `Je gildegenoot ziet nooit wie wat zei: alleen een gemiddelde, en pas als minstens drie gildegenoten het gaven.`}
      </p>
      <input type="hidden" name={fields.ratee.name} value={ratee} />
      {EVALUATION_CRITERIA.map((criterion) => {
        const meta = levels[criterion.id]!;
        return (
          <ScaleFieldset
            key={criterion.id}
            name={meta.name}
            title={criterion.title}
            hint={criterion.question}
            scale={EVALUATION_SCALE}
            initial={typeof meta.initialValue === "string" ? meta.initialValue : undefined}
            error={meta.errors?.[0]}
            errorId={meta.errorId}
          />
        );
      })}
      <TextArea
        meta={fields.comment}
        label={self ? "Toelichting (niet verplicht)" : `Wat wil je ${name} meegeven? (niet verplicht)`}
        hint="Noem iets wat je zag gebeuren, en wat zou helpen."
        rows={3}
      />
      <button type="submit" className="button" disabled={busy}>
        {self ? "Opslaan en verder" : `Beoordeling van ${name} opslaan`}
      </button>
    </GildeForm>
  );
}
