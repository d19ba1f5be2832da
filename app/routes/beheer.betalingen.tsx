// Payments across cohorts for the admin: overdue employer invoices, the Stripe events received (with what they
// did), and "afstemmen": ask Stripe for its events since a date and process any that never arrived.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, Outcome } from "~/components/field";
import { formatDateTime, formatEuro } from "~/format";
import { Table } from "~/components/table";
import { EnrollmentError } from "~/enrollment/enrollment.server";
import { overdueInvoices, recentEvents, reconcile } from "~/enrollment/payments.server";
import { PAYMENT_MODE_NOTES, paymentMode } from "~/enrollment/stripe.server";
import { failure } from "~/forms/parse";
import { readForm } from "~/forms/read.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [overdue, events] = await Promise.all([overdueInvoices(), recentEvents()]);
  const mode = await paymentMode();
  return json({ overdue, events, mode, modeNote: PAYMENT_MODE_NOTES[mode] });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  const since = new Date(String(formData.get("since") ?? ""));
  if (Number.isNaN(since.getTime()))
    return json(
      { ...failure(formData, { since: "Kies een datum, bijvoorbeeld 2027-03-01." }), message: undefined },
      { status: 400 },
    );
  try {
    const { seen, processed } = await reconcile(since);
    return json({
      ok: true as const,
      message: `${seen} gebeurtenissen bij Stripe gevonden; ${processed} waren nog niet verwerkt en zijn nu verwerkt.`,
    });
  } catch (error) {
    if (!(error instanceof EnrollmentError)) throw error;
    return json({ ...failure(formData, {}, error.message), message: undefined }, { status: error.status });
  }
}

export default function Payments() {
  const { overdue, events, mode, modeNote } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  return (
    <>
      <h1>Betalingen</h1>
      <p className={mode === "stripe" ? "notice" : "notice notice--warm"} role="note">
        {modeNote}
      </p>
      <h2>Facturen over de vervaldatum ({overdue.length})</h2>
      {overdue.length === 0 ? <p className="muted">Geen openstaande facturen over de vervaldatum.</p> : null}
      {overdue.length ? (
        <Table headers={["Deelnemer", "Werkgever", "Groep", "Bedrag", "Vervaldatum", "Stripe"]}>
          {overdue.map((p) => (
            <tr key={p.id}>
              <td>{p.enrollment.user.name}</td>
              <td>{p.enrollment.intake?.employerName ?? "–"}</td>
              <td>
                <Link to={`/beoordelen/aanmeldingen/${p.enrollment.cohortId}`}>{p.enrollment.cohort.name}</Link>
              </td>
              <td>{formatEuro(p.amountCents)}</td>
              <td>{p.dueAt ? formatDateTime(p.dueAt) : "–"}</td>
              <td>{p.invoiceId}</td>
            </tr>
          ))}
        </Table>
      ) : null}

      <h2>Afstemmen met Stripe</h2>
      <Outcome notice={result?.ok ? result.message : undefined} error={failed?.formError} />
      <Form method="post" className="inline-form">
        <Field
          name="since"
          label="Gebeurtenissen sinds"
          type="date"
          defaultValue={failed?.values.since}
          error={failed?.fieldErrors.since}
        />
        <button type="submit" className="button">
          Afstemmen
        </button>
      </Form>

      <h2>Ontvangen gebeurtenissen</h2>
      {events.length === 0 ? <p className="muted">Nog geen gebeurtenissen van Stripe ontvangen.</p> : null}
      {events.length ? (
        <Table headers={["Ontvangen", "Soort", "Stripe-id", "Over", "Wat het deed"]}>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.receivedAt)}</td>
              <td>{e.type}</td>
              <td>{e.id}</td>
              <td>{e.objectId ?? "–"}</td>
              <td>{e.outcome}</td>
            </tr>
          ))}
        </Table>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Betalingen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
