// The admin's settings of one cohort: its facts (name, dates, price, seats) and how applying and paying work
// (place, rhythm, VAT, how long a seat is held, the refund after the start, placing new people in a gilde).
import { CheckField, Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { CohortSettingsAction } from "~/cohorts/settings-form";
import { useGildeForm } from "~/forms/use-form";

export type SettingsValues = {
  name: string;
  startsOn: string;
  endsOn: string;
  price: string;
  capacity: number;
  location: string;
  rhythm: string;
  priceIncludesVat: boolean;
  autoPlaceInGilde: boolean;
  reservationDays: number;
  refundAfterStartPercent: number;
};

export function CohortSettingsForm({ settings }: { settings: SettingsValues }) {
  const [form, fields] = useGildeForm(CohortSettingsAction, { id: "instellingen", defaultValue: settings });
  return (
    <section className="card space-top-lg" aria-labelledby="instellingen-kop">
      <h2 id="instellingen-kop" className="flush-top">
        Gegevens, aanmelden en betalen
      </h2>
      <GildeForm form={form} aria-labelledby="instellingen-kop">
        <input type="hidden" name={fields.intent.name} value="settings" />
        <Field meta={fields.name} label="Naam" required />
        <div className="grid">
          <Field meta={fields.startsOn} label="Startdatum" type="date" required />
          <Field meta={fields.endsOn} label="Einddatum" type="date" required />
        </div>
        <div className="grid">
          <Field meta={fields.price} label="Prijs in euro" inputMode="decimal" required />
          <Field meta={fields.capacity} label="Aantal plaatsen" inputMode="numeric" required />
        </div>
        <Field meta={fields.location} label="Plaats" hint="Een adres, of ‘online’." />
        <Field meta={fields.rhythm} label="Ritme" hint="Bijvoorbeeld: om de twee weken op dinsdag, 9.30–16.00 uur." />
        <Field
          meta={fields.reservationDays}
          label="Dagen dat een plek na toelating wordt vastgehouden"
          inputMode="numeric"
        />
        <Field
          meta={fields.refundAfterStartPercent}
          label="Terugbetaling na de start (procent van de prijs)"
          inputMode="numeric"
        />
        <CheckField meta={fields.priceIncludesVat} label="De prijs is inclusief btw" />
        <CheckField meta={fields.autoPlaceInGilde} label="Nieuwe deelnemers komen meteen in de kleinste gilde" />
        <button type="submit" className="button space-top">
          Opslaan
        </button>
      </GildeForm>
    </section>
  );
}
