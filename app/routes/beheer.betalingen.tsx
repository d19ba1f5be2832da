// Payments across cohorts for the admin: overdue employer invoices, the Stripe events received (with what they
// did), and "afstemmen": ask Stripe for its events since a date and process any that never arrived.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDateTime, formatEuro, PAYMENT_EVENT_LABELS } from "~/format";
import { Table } from "~/components/table";
import { overdueInvoices, recentEvents, reconcile } from "~/enrollment/payments.server";
import { PAYMENT_MODE_NOTES, paymentMode } from "~/enrollment/stripe.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

const PICK_A_DATE = "Kies een datum, bijvoorbeeld 2027-03-01.";
const ReconcileSchema = z.object({
  since: z.string({ required_error: PICK_A_DATE }).transform((value, ctx) => {
    const since = new Date(value);
    if (!Number.isNaN(since.getTime())) return since;
    ctx.addIssue({ code: z.ZodIssueCode.custom, message: PICK_A_DATE });
    return z.NEVER;
  }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [overdue, events] = await Promise.all([overdueInvoices(), recentEvents()]);
  const mode = await paymentMode();
  return json({ overdue, events, mode, modeNote: PAYMENT_MODE_NOTES[mode] });
}

export async function action({ request }: ActionFunctionArgs) {
  await requireRole(request, "ADMIN");
  const submission = await readSubmission(request, ReconcileSchema);
  return attempt(submission, async ({ since }) => {
    const { seen, processed } = await reconcile(since);
    return redirectWithFlash(
      new URL(request.url).pathname,
      `${seen} gebeurtenissen bij Stripe gevonden; ${processed} waren nog niet verwerkt en zijn nu verwerkt.`,
    );
  });
}

export default function Payments() {
  const { overdue, events, mode, modeNote } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(ReconcileSchema, { id: "afstemmen" });
  return (
    <>
      <h1>Betalingen</h1>
      <p className={mode === "stripe" ? "notice" : "notice notice--warm"} role="note">
        {modeNote}
      </p>
      <h2>Facturen over de vervaldatum ({overdue.length})</h2>
      {overdue.length === 0 ? <p className="muted">Geen openstaande facturen over de vervaldatum.</p> : null}
      {overdue.length ? (
        <Table headers={["Deelnemer", "Werkgever", "Groep", "Bedrag", "Vervaldatum"]}>
          {overdue.map((p) => (
            <tr key={p.id}>
              <td>{p.enrollment.user.name}</td>
              <td>{p.enrollment.intake?.employerName ?? "–"}</td>
              <td>
                <Link to={`/beoordelen/aanmeldingen/${p.enrollment.cohortId}`}>{p.enrollment.cohort.name}</Link>
              </td>
              <td>{formatEuro(p.amountCents)}</td>
              <td>{p.dueAt ? formatDateTime(p.dueAt) : "–"}</td>
            </tr>
          ))}
        </Table>
      ) : null}

      <h2>Afstemmen met Stripe</h2>
      <GildeForm form={form} className="inline-form">
        <Field meta={fields.since} label="Gebeurtenissen sinds" type="date" />
        <button type="submit" className="button">
          Afstemmen
        </button>
      </GildeForm>

      <h2>Ontvangen gebeurtenissen</h2>
      {events.length === 0 ? <p className="muted">Nog geen gebeurtenissen van Stripe ontvangen.</p> : null}
      {events.length ? (
        <Table headers={["Ontvangen", "Wat er gebeurde", "Wat Gilde ermee deed"]}>
          {events.map((e) => (
            <tr key={e.id}>
              <td>{formatDateTime(e.receivedAt)}</td>
              <td>{PAYMENT_EVENT_LABELS[e.type] ?? "andere melding van Stripe"}</td>
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
