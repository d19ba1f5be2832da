// One current certificate on /account/certificaat: what it says, its downloads and where anyone can check it.
import { GildeForm } from "~/components/form";
import { ReissueOwnSchema } from "~/credentials/forms";
import { formatDate } from "~/format";
import { useGildeForm } from "~/forms/use-form";

type Certificate = {
  id: string;
  cohortName: string;
  issuedAt: string;
  recipientName: string;
  nameChanged: boolean;
  verifyUrl: string;
  linkedInUrl: string;
};

export function CertificateCard({ certificate: c }: { certificate: Certificate }) {
  return (
    <article className="card stack" aria-labelledby={`certificaat-${c.id}`}>
      <h2 id={`certificaat-${c.id}`} className="flush-top">
        Certificaat {c.cohortName}
      </h2>
      <p className="flush">
        Op naam van <strong>{c.recipientName}</strong>, uitgegeven op {formatDate(c.issuedAt)}.
      </p>
      <div className="button-row">
        <a className="button" href={`/account/certificaat/${c.id}/pdf`} download>
          Certificaat downloaden (PDF)
        </a>
        <a className="button button--secondary" href={`/account/certificaat/${c.id}/json`} download>
          Open Badge downloaden (.json)
        </a>
        <a className="button button--secondary" href={c.linkedInUrl} target="_blank" rel="noreferrer">
          Toevoegen aan LinkedIn
        </a>
      </div>
      <p className="flush muted">
        Iedereen kan dit certificaat controleren op <a href={c.verifyUrl}>de verificatiepagina</a>. De .json is een
        ondertekende Open Badge (versie 3.0): bewaar hem in een digitale portemonnee of stuur hem mee met een
        sollicitatie.
      </p>
      {c.nameChanged ? <ReissueForm id={c.id} /> : null}
    </article>
  );
}

function ReissueForm({ id }: { id: string }) {
  const [form, fields] = useGildeForm(ReissueOwnSchema, { id: `vervangen-${id}` });
  return (
    <GildeForm form={form} className="notice">
      <p className="flush">
        Je naam is veranderd sinds dit certificaat is uitgegeven. Wil je een nieuw certificaat op je huidige naam? Het
        oude wordt dan ingetrokken als vervangen.
      </p>
      <input type="hidden" name={fields.credentialId.name} value={id} />
      <button type="submit" name={fields.intent.name} value="reissue" className="button button--secondary">
        Nieuw certificaat op mijn huidige naam
      </button>
    </GildeForm>
  );
}
