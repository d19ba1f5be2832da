// Public verification of one credential by its id: valid, revoked or unknown, with the issuer and the
// achievement. The stored document is verified as anyone would verify it (signature, key, status list).
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { VerdictPanel } from "~/components/credentials/verdict-panel";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { verifyStored, type Verdict } from "~/credentials/verify.server";

export async function loader({ params }: LoaderFunctionArgs) {
  const verdict = await verifyStored(params.credentialId ?? "");
  if (verdict) return json({ verdict });
  const unknown: Verdict = {
    status: "unknown",
    headline: "Dit certificaat kennen wij niet.",
    problems: [
      "Er is geen certificaat met dit kenmerk door ons uitgegeven. Controleer de link, of plak het .json-bestand hieronder op de verificatiepagina.",
    ],
    credential: null,
  };
  return json({ verdict: unknown }, { status: 404 });
}

export default function VerifyCredential() {
  const { verdict } = useLoaderData<typeof loader>();
  return (
    <div className="form--wide stack">
      <h1>Certificaat controleren</h1>
      <VerdictPanel verdict={verdict} />
      <p className="muted">
        Deze controle kijkt naar de digitale handtekening van het certificaat, de sleutel waarmee het is ondertekend en
        of de uitgever het heeft ingetrokken. Heb je het certificaat als bestand?{" "}
        <Link to="/verifieer">Plak of upload het hier</Link>.
      </p>
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Certificaat controleren — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
