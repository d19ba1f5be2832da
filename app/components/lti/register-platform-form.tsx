// The admin registers an LMS: the values its LTI 1.3 registration screen shows for Gilde.
import { useNavigation } from "@remix-run/react";
import { Field, SelectField, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";
import { PlatformAction } from "~/lti/forms";

export function RegisterPlatformForm({ cohorts }: { cohorts: { id: string; name: string }[] }) {
  const [form, fields] = useGildeForm(PlatformAction, { id: "leeromgeving-registreren" });
  const busy = useNavigation().formData?.get("intent") === "register";
  return (
    <section aria-labelledby="registreren-kop" className="card space-bottom">
      <h2 id="registreren-kop">Leeromgeving registreren</h2>
      <GildeForm form={form}>
        <input type="hidden" name="intent" value="register" />
        <Field
          meta={fields.name}
          label="Naam"
          hint="Zoals je hem herkent, bijvoorbeeld ‘Brightspace Hogeschool Noord’."
          required
        />
        <Field
          meta={fields.issuer}
          label="Issuer (platform-id)"
          type="url"
          hint="Bij Canvas cloud: https://canvas.instructure.com."
          required
        />
        <Field meta={fields.clientId} label="Client id" autoComplete="off" required />
        <TextArea
          meta={fields.deploymentIds}
          label="Deployment ids (mag leeg)"
          rows={2}
          hint="Eén per regel. Een start met een onbekende deployment wacht daarna bij de leeromgeving op je goedkeuring."
        />
        <Field meta={fields.authLoginUrl} label="Autorisatie-adres (OIDC auth)" type="url" required />
        <Field meta={fields.accessTokenUrl} label="Token-adres" type="url" required />
        <Field meta={fields.jwksUrl} label="JWKS-adres (publieke sleutels)" type="url" required />
        <SelectField
          meta={fields.cohortId}
          label="Gekoppelde groep"
          emptyLabel="Geen: alleen accounts"
          options={cohorts.map((cohort) => ({ value: cohort.id, label: cohort.name }))}
          hint="Docenten uit de cursus worden trainer van deze groep, studenten deelnemer."
        />
        <button type="submit" className="button" disabled={busy}>
          {busy ? "Bezig…" : "Registreren"}
        </button>
      </GildeForm>
    </section>
  );
}
