// The trainer's quality rubric for one review a participant gave: four criteria, 1–3, and a note for them.
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";
import { ReviewQualitySchema } from "~/peer-review/evaluation-forms";
import { QUALITY_CRITERIA, QUALITY_SCALE } from "~/peer-review/feedback-quality-rules";
import { ScaleFieldset } from "./scale-fieldset";

export function QualityForm({ saved }: { saved: { levels: Record<string, number> | null; note: string } | null }) {
  const [form, fields] = useGildeForm(ReviewQualitySchema, {
    id: "kwaliteit",
    defaultValue: {
      levels: Object.fromEntries(Object.entries(saved?.levels ?? {}).map(([id, score]) => [id, String(score)])),
      note: saved?.note ?? "",
    },
  });
  const levels = fields.levels.getFieldset();
  return (
    <GildeForm form={form} className="card card--stacked">
      <h2 className="flush-top">Kwaliteit van deze feedback</h2>
      {QUALITY_CRITERIA.map((c) => {
        const meta = levels[c.id]!;
        return (
          <ScaleFieldset
            key={c.id}
            name={meta.name}
            title={c.title}
            hint={c.question}
            scale={QUALITY_SCALE}
            initial={typeof meta.initialValue === "string" ? meta.initialValue : undefined}
            error={meta.errors?.[0]}
            errorId={meta.errorId}
          />
        );
      })}
      <TextArea
        meta={fields.note}
        label="Toelichting voor de deelnemer (niet verplicht)"
        hint="De deelnemer leest dit bij de beoordeling van de eigen feedback."
        rows={3}
      />
      <button type="submit" className="button">
        {saved ? "Beoordeling bijwerken" : "Beoordeling opslaan"}
      </button>
    </GildeForm>
  );
}
