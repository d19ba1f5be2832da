// The participant's own payments, each with its receipt to download again.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireUser } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { ReceiptFacts } from "~/components/enrollment/receipt-facts";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { myReceipts } from "~/enrollment/receipt.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return json({ receipts: await myReceipts(user.id) });
}

export default function MyPayments() {
  const { receipts } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to="/account" label="Je account" />
      <h1>Je betalingen</h1>
      {receipts.length === 0 ? (
        <p className="muted">
          Er staan nog geen betalingen op je naam. Betaalt je werkgever, dan verschijnt het betaalbewijs hier zodra de
          factuur betaald is.
        </p>
      ) : null}
      <div className="stack">
        {receipts.map((r) => (
          <article key={r.id} className="card" aria-labelledby={`betaling-${r.id}`}>
            <h2 id={`betaling-${r.id}`} className="flush-top heading-small">
              {r.cohortName}
            </h2>
            <ReceiptFacts receipt={r} />
            <p className="flush">
              <a className="button button--secondary" href={`/account/betalingen/${r.id}/bewijs`} download>
                Betaalbewijs downloaden
              </a>
            </p>
          </article>
        ))}
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Je betalingen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
