// The participant's certificate: the signed Open Badge (.json), the PDF, the LinkedIn link and the public
// verification page; after a name change, a new certificate on the current name.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { CertificateCard } from "~/components/credentials/certificate-card";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ReissueOwnSchema } from "~/credentials/forms";
import { reissueCredential } from "~/credentials/issue.server";
import { myCertificates, myCredentialDocument } from "~/credentials/mine.server";
import { RefusedError } from "~/errors.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json(await myCertificates(user));
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const submission = await readSubmission(request, ReissueOwnSchema);
  return attempt(submission, async ({ credentialId }) => {
    const own = await myCredentialDocument(user.id, credentialId);
    if (!own) throw new RefusedError("Dit certificaat bestaat niet.", 404);
    if (own.revokedAt) throw new RefusedError("Dit certificaat is ingetrokken; vraag de beheerder om een nieuw.", 409);
    if (own.recipientName === user.name)
      throw new RefusedError("Je certificaat staat al op je huidige naam: er is niets te vervangen.", 409);
    await reissueCredential(credentialId, user);
    return redirectWithFlash("/account/certificaat", `Je nieuwe certificaat op naam van ${user.name} staat klaar.`);
  });
}

export default function MyCertificate() {
  const { certificates, inProgress } = useLoaderData<typeof loader>();
  const current = certificates.filter((c) => c.current);
  const earlier = certificates.filter((c) => !c.current);
  return (
    <div className="stack">
      <Crumbs to="/account" label="Je account" />
      <h1>Je certificaat</h1>
      {current.length === 0 ? (
        <p className="card">
          {inProgress
            ? "Je certificaat verschijnt hier zodra je trainer bevestigt dat je de leergang hebt afgerond. Je krijgt dan ook een e-mail."
            : "Er staat (nog) geen geldig certificaat op je naam. Heb je de leergang afgerond en zie je hier niets? Neem contact op met je trainer."}
        </p>
      ) : null}
      {current.map((c) => (
        <CertificateCard key={c.id} certificate={c} />
      ))}
      {earlier.length ? (
        <section aria-labelledby="eerdere">
          <h2 id="eerdere">Eerdere certificaten</h2>
          <ul className="bare-list stack">
            {earlier.map((c) => (
              <li key={c.id} className="card">
                {c.cohortName}, op naam van {c.recipientName}: ingetrokken
                {c.revokedReason ? ` (${c.revokedReason.replace(/[.!?]+$/, "")})` : ""}.{" "}
                <a href={c.verifyUrl}>Verificatiepagina</a>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Je certificaat — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
