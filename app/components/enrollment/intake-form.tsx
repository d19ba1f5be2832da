// The applicant's intake: work, experience, the wijk to practise in, motivation, and who pays (an employer who
// pays needs the invoice details; the schema in enrollment/forms.ts checks them with the rest).
import { Field, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { ApplicationAction } from "~/enrollment/forms";
import { useHydrated } from "~/components/use-hydrated";
import { useGildeForm } from "~/forms/use-form";

export const INTAKE_FORM_ID = "intake";

export function IntakeForm({ busy }: { busy: boolean }) {
  const [form, fields] = useGildeForm(ApplicationAction, { id: INTAKE_FORM_ID });
  const employer = fields.payer.value === "EMPLOYER";
  const hydrated = useHydrated();
  return (
    <section aria-labelledby="intake-kop">
      <h2 id="intake-kop">Intake</h2>
      <GildeForm form={form} aria-labelledby="intake-kop">
        <input type="hidden" name={fields.intent.name} value="apply" />
        <Field meta={fields.currentWork} label="Je huidige werk (functie)" required />
        <Field meta={fields.organisation} label="Organisatie" required />
        <Field
          meta={fields.experienceYears}
          label="Jaren ervaring in wijkgericht werken"
          inputMode="numeric"
          required
        />
        <TextArea meta={fields.experience} label="Beschrijf je ervaring in de wijk" rows={5} />
        <Field meta={fields.wijk} label="De wijk waarin je tijdens de leergang oefent" required />
        <TextArea meta={fields.motivation} label="Waarom wil je deze leergang volgen?" rows={5} />
        <fieldset
          className={fields.payer.errors ? "field field--invalid" : "field"}
          aria-describedby={fields.payer.errors ? fields.payer.errorId : undefined}
        >
          <legend>Wie betaalt?</legend>
          <label className="check-label check-label--block">
            <input type="radio" name={fields.payer.name} value="SELF" defaultChecked={!employer} /> Ikzelf (iDEAL of
            creditcard)
          </label>
          <label className="check-label check-label--block">
            <input type="radio" name={fields.payer.name} value="EMPLOYER" defaultChecked={employer} /> Mijn werkgever
            (factuur)
          </label>
          {fields.payer.errors ? (
            <p className="field__error" id={fields.payer.errorId}>
              {fields.payer.errors[0]}
            </p>
          ) : null}
        </fieldset>
        {/* Always in the page without JavaScript (the server reads it only when the employer pays); with
            JavaScript it shows once "mijn werkgever" is chosen. */}
        <fieldset className="field" id="werkgever" hidden={hydrated && !employer}>
          <legend>Gegevens van je werkgever (alleen als je werkgever betaalt)</legend>
          <Field meta={fields.employerName} label="Organisatie die betaalt" />
          <Field meta={fields.employerContact} label="Contactpersoon" />
          <Field meta={fields.employerEmail} label="E-mailadres voor de factuur" type="email" />
          <Field meta={fields.poNumber} label="Inkoopnummer (PO) of kostenplaats, als je werkgever dat vraagt" />
          <TextArea meta={fields.employerAddress} label="Factuuradres" rows={3} />
        </fieldset>
        <button type="submit" className="button" disabled={busy}>
          Aanmelding versturen
        </button>
      </GildeForm>
    </section>
  );
}
