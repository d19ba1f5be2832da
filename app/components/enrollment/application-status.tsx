// Where an applicant stands for one cohort: assessed, accepted (pay, or the employer is invoiced), active,
// waiting list or rejected, with the payments so far, and the button to withdraw.
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "~/components/link";
import { GildeForm } from "~/components/form";
import type { myApplication } from "~/enrollment/enrollment.server";
import { ApplicationAction } from "~/enrollment/forms";
import { ENROLLMENT_LABELS, formatDateTime, formatEuro, PAYMENT_LABELS } from "~/format";
import { useGildeForm } from "~/forms/use-form";

type Application = NonNullable<SerializeFrom<typeof myApplication>>;

export const PAY_FORM_ID = "betalen";
export const WITHDRAW_FORM_ID = "afmelden";
export const OFFER_FORM_ID = "aanbod";
const STILL_IN = ["APPLIED", "ACCEPTED", "WAITLISTED", "ACTIVE"];

/** Whether the page shows the form to pay (self-payers, accepted, with online payments on). */
export function showsPayForm(application: Application, paymentsOff: string | null) {
  return application.status === "ACCEPTED" && application.intake?.payer !== "EMPLOYER" && !paymentsOff;
}

export const showsWithdrawForm = (application: Application) => STILL_IN.includes(application.status);

/** Whether the page shows a waitlist offer to answer (the server refuses one that lapsed meanwhile). */
export const showsOfferForm = (application: Application) =>
  application.status === "WAITLISTED" && application.offerExpiresAt !== null;

export function ApplicationStatus({
  application,
  busy,
  paymentsOff,
}: {
  application: Application;
  busy: boolean;
  paymentsOff: string | null;
}) {
  const employer = application.intake?.payer === "EMPLOYER";
  return (
    <section className="card space-bottom" aria-labelledby="status">
      <h2 id="status" className="flush-top">
        Je aanmelding: {ENROLLMENT_LABELS[application.status]}
      </h2>
      {application.status === "APPLIED" ? (
        <p>
          Je intake is binnen ({formatDateTime(application.appliedAt)}). Een trainer of de beheerder bekijkt hem; je
          krijgt bericht.
        </p>
      ) : null}
      {application.status === "WAITLISTED" && !showsOfferForm(application) ? (
        <p>De groep is vol. Je staat op de wachtlijst; komt er een plek vrij, dan hoor je het.</p>
      ) : null}
      {showsOfferForm(application) ? <OfferForm application={application} busy={busy} /> : null}
      {application.decisionMessage ? <blockquote>{application.decisionMessage}</blockquote> : null}
      {application.status === "ACCEPTED" && employer ? (
        <p>Je plek staat vast. De factuur is naar je werkgever gestuurd; zodra die betaald is, ben je ingeschreven.</p>
      ) : null}
      {application.status === "ACCEPTED" && !employer && paymentsOff ? (
        <p className="notice" role="note">
          Je bent toegelaten. {paymentsOff}
        </p>
      ) : null}
      {showsPayForm(application, paymentsOff) ? <PayForm application={application} busy={busy} /> : null}
      {application.status === "ACTIVE" ? (
        <p>
          Je bent ingeschreven. Ga naar je <Link to="/dashboard">overzicht</Link>.
        </p>
      ) : null}
      {application.payments.length ? (
        <ul>
          {application.payments.map((p) => (
            <li key={p.id}>
              {p.kind === "INVOICE" ? "Factuur werkgever" : "Betaling"}: {formatEuro(p.amountCents)},{" "}
              {PAYMENT_LABELS[p.status]}
              {p.refundedCents ? ` (${formatEuro(p.refundedCents)} terugbetaald)` : ""}
            </li>
          ))}
        </ul>
      ) : null}
      {showsWithdrawForm(application) ? <WithdrawForm busy={busy} /> : null}
    </section>
  );
}

function PayForm({ application, busy }: { application: Application; busy: boolean }) {
  const [form, fields] = useGildeForm(ApplicationAction, { id: PAY_FORM_ID });
  const paidOrPending = application.payments.some((p) => p.status === "PAID" || p.status === "ARRANGED");
  return (
    <GildeForm form={form}>
      <p>
        Je bent toegelaten.{" "}
        {application.reservedUntil ? `We houden je plek vast tot ${formatDateTime(application.reservedUntil)}.` : ""}{" "}
        Betaal met iDEAL of creditcard via Stripe.
      </p>
      <button type="submit" name={fields.intent.name} value="pay" className="button" disabled={busy || paidOrPending}>
        Betalen
      </button>
    </GildeForm>
  );
}

function OfferForm({ application, busy }: { application: Application; busy: boolean }) {
  const [form, fields] = useGildeForm(ApplicationAction, { id: OFFER_FORM_ID });
  return (
    <GildeForm form={form} aria-labelledby="aanbod-kop">
      <div className="notice notice--warm">
        <h3 id="aanbod-kop" className="flush-top">
          Er is een plek vrij voor jou
        </h3>
        <p>
          Er is een plek vrijgekomen en jij bent de volgende op de wachtlijst. We houden hem voor je vast tot{" "}
          <strong>{formatDateTime(application.offerExpiresAt!)}</strong>. Zeg je ja, dan ben je toegelaten en{" "}
          {application.intake?.payer === "EMPLOYER" ? "gaat de factuur naar je werkgever" : "betaal je daarna"}. Zeg je
          niets, dan gaat de plek na die tijd naar de volgende op de lijst.
        </p>
        <div className="button-row">
          <button type="submit" name={fields.intent.name} value="accept-offer" className="button" disabled={busy}>
            Ja, ik neem de plek
          </button>
          <button
            type="submit"
            name={fields.intent.name}
            value="decline-offer"
            className="button button--secondary"
            disabled={busy}
          >
            Nee, ik zie ervan af
          </button>
        </div>
      </div>
    </GildeForm>
  );
}

function WithdrawForm({ busy }: { busy: boolean }) {
  const [form, fields] = useGildeForm(ApplicationAction, { id: WITHDRAW_FORM_ID });
  return (
    <GildeForm form={form}>
      <button
        type="submit"
        name={fields.intent.name}
        value="withdraw"
        className="button button--quiet"
        disabled={busy}
        onClick={(event) => (!confirm("Weet je zeker dat je je wilt afmelden?") ? event.preventDefault() : undefined)}
      >
        Afmelden
      </button>
    </GildeForm>
  );
}
