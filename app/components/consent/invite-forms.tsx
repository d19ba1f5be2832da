// The two ways to ask the wijk: a mailed invitation for one person, or a link for a meeting (shown as a QR code).
// Both carry the chosen questions and the part of the work to show.
import { Field, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { InviteByMailSchema, MeetingLinkSchema } from "~/consent/forms";
import { useGildeForm } from "~/forms/use-form";
import { QuestionChoices } from "./question-choices";

const EXCERPT_HINT =
  "Alleen dit stuk ziet de ander, met je voornaam. Haal namen van anderen en wat privé is eruit. Opmaak zoals in je opdracht (Markdown) mag.";

export function InviteByMailForm({ excerpt, busy }: { excerpt: string; busy: boolean }) {
  const [form, fields] = useGildeForm(InviteByMailSchema, {
    id: "uitnodigen",
    defaultValue: { excerpt, questions: ["betekenis", "anders"] },
  });
  return (
    <GildeForm form={form} aria-labelledby="per-mail" className="card">
      <h3 id="per-mail" className="flush-top">
        Iemand uitnodigen per e-mail
      </h3>
      <input type="hidden" name="intent" value="mail" />
      <Field meta={fields.name} label="Naam" hint="Bijvoorbeeld de voornaam van een bewoner of partner." required />
      <Field meta={fields.email} label="E-mailadres" type="email" hint="Alleen jij ziet dit adres." required />
      <QuestionChoices meta={fields.questions} />
      <TextArea meta={fields.excerpt} label="Wat de ander te zien krijgt" hint={EXCERPT_HINT} rows={8} />
      <button type="submit" className="button" disabled={busy}>
        Uitnodiging versturen
      </button>
    </GildeForm>
  );
}

export function MeetingLinkForm({ excerpt, busy }: { excerpt: string; busy: boolean }) {
  const [form, fields] = useGildeForm(MeetingLinkSchema, {
    id: "bijeenkomst",
    defaultValue: { excerpt, questions: ["betekenis", "samen"], maxResponses: "10" },
  });
  return (
    <GildeForm form={form} aria-labelledby="in-persoon" className="card">
      <h3 id="in-persoon" className="flush-top">
        Een link voor een gesprek of bijeenkomst
      </h3>
      <p>Je krijgt een QR-code om te laten scannen. De link sluit zichzelf als het aantal reacties vol is.</p>
      <input type="hidden" name="intent" value="meeting" />
      <QuestionChoices meta={fields.questions} />
      <TextArea meta={fields.excerpt} label="Wat de anderen te zien krijgen" hint={EXCERPT_HINT} rows={8} />
      <Field
        meta={fields.maxResponses}
        label="Hoeveel reacties hoogstens?"
        hint="Van 2 tot 25."
        inputMode="numeric"
        className="months-input"
      />
      <button type="submit" className="button" disabled={busy}>
        Link en QR-code maken
      </button>
    </GildeForm>
  );
}
