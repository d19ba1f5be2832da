// What a person agreed to (purpose, until when, what they were shown) and the button to take it back. Consents that
// still count are ticked; the person may keep some.
import { GildeForm } from "~/components/form";
import { WithdrawConsentSchema } from "~/consent/forms";
import { PURPOSE_WORDS } from "~/consent/questions";
import { CONSENT_STATE_LABELS, type ConsentState } from "~/consent/validity";
import { formatDate } from "~/format";
import { useGildeForm } from "~/forms/use-form";

type Consent = {
  id: string;
  purpose: keyof typeof PURPOSE_WORDS;
  givenAt: string;
  expiresAt: string;
  withdrawnAt: string | null;
  shown: string;
  state: ConsentState;
};

export function WithdrawForm({ consents }: { consents: Consent[] }) {
  const [form, fields] = useGildeForm(WithdrawConsentSchema, { id: "intrekken" });
  const open = consents.filter((c) => c.state === "given" || c.state === "expiring");
  return (
    <>
      <ul className="card-list">
        {consents.map((consent) => (
          <li key={consent.id} className="card card--stacked">
            <p className="flush-top">
              <strong>Toestemming {PURPOSE_WORDS[consent.purpose]}</strong>
            </p>
            <p>
              Gegeven op {formatDate(consent.givenAt)}
              {consent.withdrawnAt
                ? `, ingetrokken op ${formatDate(consent.withdrawnAt)}.`
                : consent.state === "expired"
                  ? `, verlopen op ${formatDate(consent.expiresAt)}.`
                  : `, geldig tot ${formatDate(consent.expiresAt)}.`}{" "}
              <span className="badge">{CONSENT_STATE_LABELS[consent.state]}</span>
            </p>
            <details>
              <summary>Wat je te zien kreeg</summary>
              <p className="pre-line">{consent.shown}</p>
            </details>
          </li>
        ))}
      </ul>
      {open.length ? (
        <GildeForm form={form} className="wijk-form" aria-labelledby="intrekken-kop">
          <h2 id="intrekken-kop">Toestemming intrekken</h2>
          {open.length > 1 ? (
            <fieldset className="field">
              <legend>Wat trek je in?</legend>
              {open.map((consent) => (
                <label key={consent.id} className="check-label">
                  <input type="checkbox" name={fields.consentIds.name} value={consent.id} defaultChecked />{" "}
                  {PURPOSE_WORDS[consent.purpose]}
                </label>
              ))}
            </fieldset>
          ) : (
            open.map((consent) => (
              <input key={consent.id} type="hidden" name={fields.consentIds.name} value={consent.id} />
            ))
          )}
          {fields.consentIds.errors ? (
            <p className="field__error" id={fields.consentIds.errorId}>
              {fields.consentIds.errors[0]}
            </p>
          ) : null}
          <p>Na het intrekken is wat je gaf meteen nergens meer te zien. De deelnemer krijgt daar bericht van.</p>
          <button type="submit" className="button">
            Toestemming intrekken
          </button>
        </GildeForm>
      ) : (
        <p className="notice" role="status">
          Er is niets meer in te trekken: je toestemming geldt niet meer.
        </p>
      )}
    </>
  );
}
