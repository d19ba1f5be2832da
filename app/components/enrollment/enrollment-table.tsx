// All enrollments of a cohort with their payments, and the admin's payment actions:
// refund a paid checkout, mark an accepted seat's payment as arranged, (re)send an employer's invoice, and let an
// employer-paid participant start once the employer agreed (the invoice stays open).
import { GildeForm } from "~/components/form";
import { Table } from "~/components/table";
import { IntakesAction } from "~/enrollment/forms";
import { ENROLLMENT_LABELS, formatDateTime, formatEuro, PAYMENT_LABELS } from "~/format";
import { useGildeForm } from "~/forms/use-form";
import type { CohortEnrollment } from "./intake-review";

export function EnrollmentTable({ enrollments, admin }: { enrollments: CohortEnrollment[]; admin: boolean }) {
  return (
    <Table headers={["Deelnemer", "Status", "Aangemeld", "Betalingen", ...(admin ? [""] : [])]}>
      {enrollments.map((e) => (
        <tr key={e.id}>
          <td>{e.user.name}</td>
          <td>
            {ENROLLMENT_LABELS[e.status]}
            {e.status === "ACCEPTED" && e.reservedUntil ? `, plek vast tot ${formatDateTime(e.reservedUntil)}` : ""}
            {e.status === "ACTIVE" && e.payments.some((p) => p.kind === "INVOICE" && p.status === "OPEN")
              ? ", gestart op akkoord van de werkgever (factuur open)"
              : ""}
          </td>
          <td>{formatDateTime(e.appliedAt)}</td>
          <td>
            <ul className="plain-list">
              {e.payments.map((p) => (
                <li key={p.id}>
                  {p.kind === "INVOICE" ? "Factuur" : "Checkout"} {formatEuro(p.amountCents)}:{" "}
                  {PAYMENT_LABELS[p.status]}
                  {p.refundedCents ? `, ${formatEuro(p.refundedCents)} terug` : ""}
                  {p.note ? <small className="muted"> · {p.note}</small> : null}
                  {admin && p.status === "PAID" && p.kind === "CHECKOUT" ? <Refund paymentId={p.id} /> : null}
                </li>
              ))}
            </ul>
          </td>
          {admin ? <td>{e.status === "ACCEPTED" ? <PaymentActions enrollment={e} /> : null}</td> : null}
        </tr>
      ))}
    </Table>
  );
}

function Refund({ paymentId }: { paymentId: string }) {
  const [form, fields] = useGildeForm(IntakesAction, { id: `terugbetalen-${paymentId}` });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.paymentId.name} value={paymentId} />
      <button type="submit" name={fields.intent.name} value="refund" className="button button--quiet">
        Terugbetalen
      </button>
    </GildeForm>
  );
}

function PaymentActions({ enrollment }: { enrollment: CohortEnrollment }) {
  const [form, fields] = useGildeForm(IntakesAction, { id: `betaling-${enrollment.id}` });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.enrollmentId.name} value={enrollment.id} />
      <button type="submit" name={fields.intent.name} value="arranged" className="button button--quiet">
        Betaling geregeld
      </button>
      {enrollment.intake?.payer === "EMPLOYER" ? (
        <button type="submit" name={fields.intent.name} value="invoice" className="button button--quiet">
          Factuur (opnieuw) versturen
        </button>
      ) : null}
      {enrollment.intake?.payer === "EMPLOYER" &&
      enrollment.payments.some((p) => p.kind === "INVOICE" && p.status === "OPEN") ? (
        <button type="submit" name={fields.intent.name} value="employer-start" className="button button--quiet">
          Werkgever akkoord: laat starten
        </button>
      ) : null}
    </GildeForm>
  );
}
