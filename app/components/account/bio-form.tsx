// A trainer's or admin's short profile on /account: a few sentences about their work, shown on the public page of
// the cohorts they train. Participants do not have this form.
import { BIO_MAX, FORM_IDS, StaffAccountAction } from "~/account/forms";
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";

export function BioForm({ bio }: { bio: string }) {
  const [form, fields] = useGildeForm(StaffAccountAction, { id: FORM_IDS.bio, defaultValue: { bio } });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="bio" />
      <TextArea
        meta={fields.bio}
        label="Korte beschrijving"
        rows={5}
        maxLength={BIO_MAX}
        hint={`Dit staat bij je naam op de openbare pagina van de groepen die je traint, voor mensen die overwegen zich aan te melden. Vertel in een paar zinnen wat je doet en waar je ervaring ligt (hoogstens ${BIO_MAX} tekens).`}
      />
      <button type="submit" className="button">
        Profiel opslaan
      </button>
    </GildeForm>
  );
}
