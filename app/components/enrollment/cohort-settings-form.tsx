// The admin's settings for applying to and paying for one cohort: place, rhythm, how long a seat is held, the
// refund after the start, and three switches.
import type { SerializeFrom } from "@remix-run/node";
import { CheckField, Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import type { cohortSettings } from "~/enrollment/enrollment.server";
import { IntakesAction } from "~/enrollment/forms";
import { useGildeForm } from "~/forms/use-form";

export function CohortSettingsForm({ settings }: { settings: SerializeFrom<typeof cohortSettings> }) {
  const [form, fields] = useGildeForm(IntakesAction, { id: "instellingen", defaultValue: settings });
  return (
    <GildeForm form={form} aria-labelledby="instellingen-kop" className="space-top-lg">
      <h2 id="instellingen-kop">Instellingen voor aanmelden en betalen</h2>
      <input type="hidden" name={fields.intent.name} value="settings" />
      <Field meta={fields.location} label="Plaats" />
      <Field meta={fields.rhythm} label="Ritme (bijvoorbeeld: elke tweede dinsdag, 9–16 uur)" />
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
      <CheckField meta={fields.intakeOpen} label="De intake is open" />
      <CheckField meta={fields.autoPlaceInGilde} label="Nieuwe deelnemers komen meteen in de kleinste gilde" />
      <button type="submit" className="button space-top">
        Opslaan
      </button>
    </GildeForm>
  );
}
