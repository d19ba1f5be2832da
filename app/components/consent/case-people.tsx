// The people named in a practice case with the state of their consent, a form per person to record it on paper,
// and the button that puts the case online.
import { Field, SelectField } from "~/components/field";
import { GildeForm } from "~/components/form";
import { PaperConsentSchema, PublishCaseSchema } from "~/consent/forms";
import { CONSENT_PERIODS, DEFAULT_PERIOD } from "~/consent/questions";
import { CONSENT_STATE_LABELS, type ConsentState } from "~/consent/validity";
import { formatDate } from "~/format";
import { useGildeForm } from "~/forms/use-form";

type Person = {
  id: string;
  name: string;
  consent: {
    state: ConsentState;
    method: string;
    givenAt: string;
    expiresAt: string;
    paperName: string | null;
  } | null;
};

export function CasePeople({ people }: { people: Person[] }) {
  return (
    <ul className="card-list">
      {people.map((person) => {
        const counts = person.consent && (person.consent.state === "given" || person.consent.state === "expiring");
        return (
          <li key={person.id} className="card card--stacked">
            <h2 className="flush-top">{person.name}</h2>
            {person.consent ? (
              <p>
                <span className={counts ? "badge" : "badge badge--warm"}>
                  {CONSENT_STATE_LABELS[person.consent.state]}
                </span>{" "}
                Vastgelegd op {formatDate(person.consent.givenAt)}
                {person.consent.paperName ? ` (${person.consent.paperName})` : ""}, geldig tot{" "}
                {formatDate(person.consent.expiresAt)}.
              </p>
            ) : (
              <p>
                <span className="badge badge--warm">ontbreekt</span> Nog geen toestemming.
              </p>
            )}
            {counts ? null : <PaperConsentForm subjectId={person.id} name={person.name} />}
          </li>
        );
      })}
    </ul>
  );
}

function PaperConsentForm({ subjectId, name }: { subjectId: string; name: string }) {
  const [form, fields] = useGildeForm(PaperConsentSchema, {
    id: `papier-${subjectId}`,
    defaultValue: { period: DEFAULT_PERIOD },
  });
  const fileError = fields.files.errors?.[0];
  return (
    <GildeForm form={form} encType="multipart/form-data" aria-label={`Toestemming van ${name} vastleggen`}>
      <input type="hidden" name={fields.intent.name} value="paper" />
      <input type="hidden" name={fields.subjectId.name} value={subjectId} />
      <div className={fileError ? "field field--invalid" : "field"}>
        <label htmlFor={`${fields.files.id}`}>Foto of scan van het getekende papier</label>
        <input
          id={fields.files.id}
          name="files"
          type="file"
          accept=".pdf,.jpg,.jpeg,.png"
          aria-invalid={fileError ? true : undefined}
          aria-describedby={fileError ? fields.files.errorId : undefined}
        />
        {fileError ? (
          <p className="field__error" id={fields.files.errorId}>
            {fileError}
          </p>
        ) : null}
      </div>
      <SelectField
        meta={fields.period}
        id={`${fields.period.id}`}
        label="Geldig voor"
        options={CONSENT_PERIODS.map((p) => ({ value: p.value, label: p.label }))}
      />
      <Field
        meta={fields.email}
        type="email"
        label={`E-mailadres van ${name} (niet verplicht)`}
        hint="Dan mailen we de link om de toestemming in te trekken. Anders krijg jij die link om door te geven."
      />
      <button type="submit" className="button button--secondary">
        Toestemming vastleggen
      </button>
    </GildeForm>
  );
}

export function PublishCaseForm() {
  const [form, fields] = useGildeForm(PublishCaseSchema, { id: "publiceren" });
  return (
    <GildeForm form={form} className="space-top">
      <input type="hidden" name={fields.intent.name} value="publish" />
      <button type="submit" className="button">
        Publiceren
      </button>
    </GildeForm>
  );
}
