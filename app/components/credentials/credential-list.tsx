// Every issued credential for the admin, as cards (phones first): status, the verification page, and revoke with
// a reason, or a new one after a revocation.
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { IssuerAction } from "~/credentials/forms";
import { formatDate } from "~/format";
import { useGildeForm } from "~/forms/use-form";

type Row = {
  id: string;
  issuedAt: string;
  recipientName: string;
  cohort: { name: string };
  current: boolean;
  revokedAt: string | null;
  revokedReason: string | null;
  reissuable: boolean;
};

export function CredentialList({ credentials }: { credentials: Row[] }) {
  if (!credentials.length) return <p className="muted">Er zijn nog geen certificaten uitgegeven.</p>;
  return (
    <ul className="bare-list stack">
      {credentials.map((c) => (
        <li key={c.id} className="card stack">
          <p className="flush">
            <strong>{c.recipientName}</strong> · {c.cohort.name} · uitgegeven {formatDate(c.issuedAt)} ·{" "}
            {c.revokedAt ? (
              <span className="badge badge--warm">ingetrokken {formatDate(c.revokedAt)}</span>
            ) : (
              <span className="badge">geldig</span>
            )}
          </p>
          {c.revokedReason ? <p className="flush muted">Reden: {c.revokedReason}</p> : null}
          <p className="flush">
            <a href={`/verifieer/${c.id}`}>Verificatiepagina</a>
          </p>
          {c.current ? <RevokeForm id={c.id} /> : c.reissuable ? <ReissueForm id={c.id} /> : null}
        </li>
      ))}
    </ul>
  );
}

function RevokeForm({ id }: { id: string }) {
  const [form, fields] = useGildeForm(IssuerAction, { id: `intrekken-${id}` });
  return (
    <details>
      <summary>Intrekken…</summary>
      <GildeForm form={form} className="stack">
        <input type="hidden" name={fields.credentialId.name} value={id} />
        <TextArea
          meta={fields.reason}
          label="Waarom trek je dit certificaat in?"
          hint="De reden staat op de openbare verificatiepagina. Intrekken kan niet ongedaan worden; je kunt daarna wel een nieuw certificaat uitgeven."
          rows={2}
        />
        <button type="submit" name={fields.intent.name} value="revoke" className="button button--danger">
          Certificaat intrekken
        </button>
      </GildeForm>
    </details>
  );
}

function ReissueForm({ id }: { id: string }) {
  const [form, fields] = useGildeForm(IssuerAction, { id: `opnieuw-${id}` });
  return (
    <GildeForm form={form}>
      <input type="hidden" name={fields.credentialId.name} value={id} />
      <button type="submit" name={fields.intent.name} value="reissue" className="button button--secondary">
        Nieuw certificaat uitgeven
      </button>
    </GildeForm>
  );
}
