// The resident's form: the part of the work the participant chose to show, their questions, a name (or none), the
// consent (purposes and a period) and an optional address for the withdrawal link. A plain POST form: it works
// the same without JavaScript.
import { CheckField, Field, Honeypot, SelectField, TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { ResidentFeedbackSchema } from "~/consent/forms";
import { CONSENT_PERIODS, DEFAULT_PERIOD, PURPOSE_WORDS } from "~/consent/questions";
import { useGildeForm } from "~/forms/use-form";

type Props = {
  participant: string;
  questions: { key: string; text: string }[];
  excerptHtml: string;
};

export function ResidentForm({ participant, questions, excerptHtml }: Props) {
  const [form, fields] = useGildeForm(ResidentFeedbackSchema, {
    id: "wijkfeedback",
    defaultValue: { period: DEFAULT_PERIOD },
  });
  const answers = fields.answers.getFieldset();
  return (
    <>
      <section aria-labelledby="getoond">
        <h2 id="getoond">Dit deel van het werk laat {participant} je zien</h2>
        <div className="prose wijk-shown" dangerouslySetInnerHTML={{ __html: excerptHtml }} />
      </section>
      <GildeForm form={form} className="wijk-form" aria-labelledby="jouw-mening">
        <h2 id="jouw-mening">Jouw mening</h2>
        <Honeypot />
        {questions.map((question) => {
          const answer = answers[question.key];
          if (!answer) return null;
          return (
            <TextArea
              key={question.key}
              meta={{
                id: answer.id,
                name: answer.name,
                errorId: answer.errorId,
                descriptionId: answer.descriptionId,
                initialValue: answer.initialValue,
                key: answer.key,
                errors: answer.errors,
              }}
              label={question.text}
              rows={4}
            />
          );
        })}
        <Field
          meta={fields.authorName}
          label="Je voornaam (mag leeg blijven)"
          hint={`Zo ziet ${participant} wie het schreef. Leeg laten? Dan staat er “Een bewoner”.`}
          autoComplete="given-name"
        />
        <fieldset className="field">
          <legend>Waarvoor mogen je antwoorden gebruikt worden?</legend>
          <CheckField meta={fields.assessment} label={`Ja, ${PURPOSE_WORDS.ASSESSMENT}.`} />
          <CheckField meta={fields.community} label={`Ook ${PURPOSE_WORDS.COMMUNITY} (niet verplicht).`} />
        </fieldset>
        <SelectField
          meta={fields.period}
          label="Hoe lang mag dat?"
          options={CONSENT_PERIODS.map((p) => ({ value: p.value, label: p.label }))}
        />
        <Field
          meta={fields.email}
          type="email"
          label="Je e-mailadres (mag leeg blijven)"
          hint={`Dan sturen we je de link om je toestemming later in te trekken. Alleen ${participant} kan je dan ook bedanken; niemand anders ziet je adres.`}
          autoComplete="email"
        />
        <p>Na het versturen krijg je meteen een link om je toestemming weer in te trekken.</p>
        <button type="submit" className="button">
          Versturen
        </button>
      </GildeForm>
    </>
  );
}
