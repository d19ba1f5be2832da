// The parts of /account that change who you are to Gilde: your name, your e-mail address (confirmed through a link
// to the new address) and your password (asks the current one, ends your other sessions).
import { AccountAction, FORM_IDS, NAME_MAX } from "~/account/forms";
import { PASSWORD_MIN } from "~/auth/password";
import { DemoMailboxNote } from "~/components/demo-mailbox-note";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { useGildeForm } from "~/forms/use-form";

export function NameForm({ name }: { name: string }) {
  const [form, fields] = useGildeForm(AccountAction, { id: FORM_IDS.name, defaultValue: { name } });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="name" />
      <Field
        meta={fields.name}
        label="Je naam"
        autoComplete="name"
        maxLength={NAME_MAX}
        required
        hint="Zo zien je trainer en je gilde je, en zo spreken we je aan in e-mails."
      />
      <button type="submit" className="button">
        Naam opslaan
      </button>
    </GildeForm>
  );
}

export function EmailForm({ email, demoMailbox }: { email: string; demoMailbox: boolean }) {
  const [form, fields] = useGildeForm(AccountAction, { id: FORM_IDS.email });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="email" />
      <p>
        Je logt nu in met <strong>{email}</strong>. Wil je een ander adres gebruiken? We sturen een link naar het nieuwe
        adres; pas als je die opent, verandert je adres. Je oude adres krijgt daar bericht van.
      </p>
      <DemoMailboxNote shown={demoMailbox} />
      <Field meta={fields.email} label="Nieuw e-mailadres" type="email" autoComplete="email" required />
      <Field
        meta={fields.currentPassword}
        label="Je huidige wachtwoord"
        type="password"
        autoComplete="current-password"
        required
        hint="Zo weten we dat jij het bent, ook als je computer even onbeheerd openstond."
      />
      <button type="submit" className="button">
        Stuur een bevestigingslink
      </button>
    </GildeForm>
  );
}

export function PasswordForm() {
  const [form, fields] = useGildeForm(AccountAction, { id: FORM_IDS.password });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.intent.name} value="password" />
      <Field
        meta={fields.currentPassword}
        label="Je huidige wachtwoord"
        type="password"
        autoComplete="current-password"
        required
      />
      <Field
        meta={fields.newPassword}
        label="Nieuw wachtwoord"
        type="password"
        autoComplete="new-password"
        required
        hint={`Minstens ${PASSWORD_MIN} tekens. Op je andere apparaten word je daarna uitgelogd; hier blijf je ingelogd.`}
      />
      <button type="submit" className="button">
        Wachtwoord wijzigen
      </button>
    </GildeForm>
  );
}
