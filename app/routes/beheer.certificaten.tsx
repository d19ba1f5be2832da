// The admin's certificates: who the issuer is (name, URL, e-mail), its signing keys and rotation, every credential
// with revocation (with a reason, audit-logged) and re-issue, and per cohort the CSV for an edubadges Direct Award.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { CredentialList } from "~/components/credentials/credential-list";
import { IssuerSettingsForm, RotateKeyForm } from "~/components/credentials/issuer-forms";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { changeIssuerSettings, issuerOverview, rotateKey } from "~/credentials/admin.server";
import { IssuerAction } from "~/credentials/forms";
import { reissueCredential, revokeCredential } from "~/credentials/issue.server";
import { formatDate } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return json(await issuerOverview());
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const here = "/beheer/certificaten";
  const submission = await readSubmission(request, IssuerAction);
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "settings": {
        const { intent: _intent, ...settings } = value;
        await changeIssuerSettings(settings, admin);
        return redirectWithFlash(here, "De gegevens van de uitgever zijn opgeslagen. Nieuwe certificaten dragen ze.");
      }
      case "rotate":
        await rotateKey(admin);
        return redirectWithFlash(here, "Er is een nieuwe sleutel. Eerder uitgegeven certificaten blijven geldig.");
      case "revoke":
        await revokeCredential(value.credentialId, value.reason, admin);
        return redirectWithFlash(here, "Het certificaat is ingetrokken. De verificatiepagina zegt dat nu ook.");
      case "reissue":
        await reissueCredential(value.credentialId, admin);
        return redirectWithFlash(
          here,
          "Er is een nieuw certificaat uitgegeven; de deelnemer vindt het op de certificaatpagina.",
        );
    }
  });
}

export default function AdminCertificates() {
  const { settings, keys, credentials, cohorts } = useLoaderData<typeof loader>();
  return (
    <div className="stack">
      <h1>Certificaten</h1>
      <p className="muted">
        Wie de leergang afrondt, krijgt een ondertekend certificaat (Open Badges 3.0) met een PDF. Iedereen kan het
        controleren op <a href="/verifieer">/verifieer</a>; het profiel van de uitgever staat op{" "}
        <a href="/verifieer/uitgever">/verifieer/uitgever</a>.
      </p>

      <section className="card" aria-labelledby="uitgever">
        <h2 id="uitgever" className="flush-top">
          De uitgever
        </h2>
        <IssuerSettingsForm settings={settings} />
      </section>

      <section className="card" aria-labelledby="sleutels">
        <h2 id="sleutels" className="flush-top">
          Sleutels
        </h2>
        <ul>
          {keys.map((k) => (
            <li key={k.id}>
              Sleutel van {formatDate(k.createdAt)}
              {k.retiredAt
                ? `, vervangen op ${formatDate(k.retiredAt)} (controleert nog oude certificaten)`
                : " (ondertekent nu)"}
            </li>
          ))}
        </ul>
        <RotateKeyForm />
      </section>

      <section className="card" aria-labelledby="edubadges">
        <h2 id="edubadges" className="flush-top">
          Naar edubadges
        </h2>
        <p>
          Edubadges neemt geen certificaten van anderen over: de instelling kent de edubadge zelf toe. Download per
          groep de afgeronde deelnemers als CSV en upload die bij de badge class in edubadges (Direct Award, bulk).
        </p>
        {cohorts.length ? (
          <ul>
            {cohorts.map((c) => (
              <li key={c.id}>
                <a href={`/beheer/certificaten/edubadges/${c.id}`} download>
                  {c.name}: {c.completed} {c.completed === 1 ? "afronding" : "afrondingen"} (CSV)
                </a>
              </li>
            ))}
          </ul>
        ) : (
          <p className="muted">Nog geen groep met afgeronde deelnemers.</p>
        )}
      </section>

      <section aria-labelledby="uitgegeven">
        <h2 id="uitgegeven">Uitgegeven certificaten</h2>
        <CredentialList credentials={credentials} />
      </section>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Certificaten — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
