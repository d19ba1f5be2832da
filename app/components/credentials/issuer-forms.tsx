// The admin's issuer settings and key rotation on /beheer/certificaten.
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { IssuerAction } from "~/credentials/forms";
import { useGildeForm } from "~/forms/use-form";

export function IssuerSettingsForm({ settings }: { settings: { name: string; url: string; email: string } }) {
  const [form, fields] = useGildeForm(IssuerAction, { id: "uitgever-instellingen", defaultValue: settings });
  return (
    <GildeForm form={form} className="stack">
      <Field meta={fields.name} label="Naam van de uitgever" hint="Zo staat de uitgever op elk nieuw certificaat." />
      <Field meta={fields.url} label="Website" type="url" />
      <Field meta={fields.email} label="E-mailadres voor vragen over certificaten" type="email" />
      <button type="submit" name={fields.intent.name} value="settings" className="button">
        Uitgever opslaan
      </button>
    </GildeForm>
  );
}

export function RotateKeyForm() {
  const [form, fields] = useGildeForm(IssuerAction, { id: "sleutel-vervangen" });
  return (
    <GildeForm form={form}>
      <p className="muted">
        Vermoed je dat de sleutel is uitgelekt, of wil je hem op vaste momenten vervangen? Een nieuwe sleutel
        ondertekent voortaan; certificaten van de oude blijven geldig.
      </p>
      <button type="submit" name={fields.intent.name} value="rotate" className="button button--secondary">
        Nieuwe sleutel maken
      </button>
    </GildeForm>
  );
}
