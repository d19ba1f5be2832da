// Which mail Gilde may send you besides what you must know (feedback, grades, payments): the weekly community
// digest and reminders of deadlines and of peer feedback to give.
import type { EmailPreferences } from "~/account/profile.server";
import { AccountAction, FORM_IDS } from "~/account/forms";
import { CheckField } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";

export function EmailPreferencesForm({ preferences }: { preferences: EmailPreferences }) {
  const [form, fields] = useGildeForm(AccountAction, { id: FORM_IDS.preferences, defaultValue: preferences });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="preferences" />
      <fieldset className="field">
        <legend>Stuur me per e-mail</legend>
        <CheckField
          meta={fields.reminders}
          label="Herinneringen: drie dagen en een dag voor een deadline, en als er peerfeedback van je wordt verwacht"
        />
        <CheckField
          meta={fields.weekly}
          label="Een wekelijkse samenvatting van nieuwe reacties en praktijkvoorbeelden in de community"
        />
      </fieldset>
      <p className="muted">Berichten over je beoordelingen, feedback, betalingen en je account krijg je altijd.</p>
      <button type="submit" className="button">
        Voorkeuren opslaan
      </button>
    </GildeForm>
  );
}
