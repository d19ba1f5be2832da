// The trainer's forms on a cohort's evaluation page: a new evaluation moment, closing one early, and whether the
// quality of the feedback participants give counts toward completion.
import { CheckField, Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";
import { EvaluationAdminSchema } from "~/peer-review/evaluation-forms";

export function NewMomentForm() {
  const [form, fields] = useGildeForm(EvaluationAdminSchema, { id: "nieuw-moment" });
  return (
    <GildeForm form={form} className="card card--stacked">
      <h2 className="flush-top">Nieuw evaluatiemoment</h2>
      <input type="hidden" name="intent" value="moment" />
      <Field meta={fields.name} label="Naam" hint="Bijvoorbeeld ‘Halverwege’ of ‘Einde leergang’." />
      <Field meta={fields.opensOn} label="Gaat open op" type="date" />
      <Field meta={fields.closesOn} label="Sluit na" type="date" hint="De evaluatie sluit om 23.59 uur op deze dag." />
      <button type="submit" className="button">
        Moment toevoegen
      </button>
    </GildeForm>
  );
}

export function QualityCountsForm({ counts }: { counts: boolean }) {
  const [form, fields] = useGildeForm(EvaluationAdminSchema, {
    id: "kwaliteit-telt",
    defaultValue: { counts: counts ? "on" : undefined },
  });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name="intent" value="quality-counts" />
      <CheckField meta={fields.counts} label="De kwaliteit van gegeven feedback telt mee voor afronden" inline />
      <button type="submit" className="button button--secondary">
        Opslaan
      </button>
    </GildeForm>
  );
}

/** Closes the moment now, before its planned date (for example when everyone is done). */
export function CloseMomentForm({ moment }: { moment: { id: string; name: string } }) {
  const [form] = useGildeForm(EvaluationAdminSchema, { id: `sluit-${moment.id}` });
  return (
    <GildeForm form={form} className="inline-form space-bottom-md">
      <input type="hidden" name="intent" value="close-moment" />
      <input type="hidden" name="momentId" value={moment.id} />
      <button type="submit" className="button button--secondary">
        ‘{moment.name}’ nu sluiten
      </button>
    </GildeForm>
  );
}
