// What the public cohort page says beyond the facts, as the admin edits it: the accreditation (a register and its
// points), what the price includes and in how many instalments a self-paying participant may pay.
import { Field, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { CohortSettingsAction } from "~/cohorts/settings-form";
import { useGildeForm } from "~/forms/use-form";

export type CatalogueValues = {
  accreditationRegister: string;
  accreditationPoints: number | string;
  priceIncludes: string;
  instalments: number;
};

export function CohortCatalogueForm({ catalogue }: { catalogue: CatalogueValues }) {
  const [form, fields] = useGildeForm(CohortSettingsAction, { id: "leergangpagina", defaultValue: catalogue });
  return (
    <section className="card space-top-lg" aria-labelledby="leergangpagina-kop">
      <h2 id="leergangpagina-kop" className="flush-top">
        Op de leergangpagina
      </h2>
      <p className="muted">Dit lezen mensen die overwegen zich aan te melden.</p>
      <GildeForm form={form} aria-labelledby="leergangpagina-kop">
        <input type="hidden" name={fields.intent.name} value="catalogue" />
        <div className="grid">
          <Field
            meta={fields.accreditationRegister}
            label="Accreditatie: register"
            hint="Bijvoorbeeld Registerplein. Leeg als er geen accreditatie is."
            maxLength={120}
          />
          <Field
            meta={fields.accreditationPoints}
            label="Accreditatiepunten"
            hint="Een heel getal; leeg als er (nog) geen punten zijn."
            inputMode="numeric"
          />
        </div>
        <TextArea
          meta={fields.priceIncludes}
          label="Wat de prijs omvat"
          hint="Leeg laten geeft de standaardtekst: alle modules, de contactdagen, begeleiding, beoordeling en het bewijs van afronding."
          maxLength={600}
        />
        <Field
          meta={fields.instalments}
          label="Termijnen voor wie zelf betaalt"
          hint="1 is in één keer; tot 12 termijnen."
          inputMode="numeric"
          required
        />
        <button type="submit" className="button space-top">
          Opslaan
        </button>
      </GildeForm>
    </section>
  );
}
