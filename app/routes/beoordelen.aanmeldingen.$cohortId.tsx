// Intakes of one cohort for its trainers and the admin: read, accept (holds a seat) or reject with a message.
// The admin also sees the payments with their Stripe ids, refunds, marks an employer's payment as arranged,
// resends an invoice, and sets the cohort's catalogue and payment settings.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireCohortTrainer } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { refusal } from "~/errors.server";
import { Field, Outcome, SelectField } from "~/components/field";
import { ENROLLMENT_LABELS, formatDateTime, formatEuro, PAYMENT_LABELS } from "~/format";
import { Table } from "~/components/table";
import { placeParticipant, placementOf } from "~/cohorts/cohorts.server";
import {
  cohortSettings,
  decideIntake,
  EnrollmentError,
  intakesOf,
  markArranged,
  saveCohortSettings,
} from "~/enrollment/enrollment.server";
import { refundCohortPayment, sendEmployerInvoice } from "~/enrollment/payments.server";
import { PAYMENT_MODE_NOTES, paymentMode } from "~/enrollment/stripe.server";
import { parseForm } from "~/forms/parse";
import { readForm } from "~/forms/read.server";

const SettingsSchema = z.object({
  location: z.string().trim().max(200),
  rhythm: z.string().trim().max(200),
  priceIncludesVat: z.literal("on").optional(),
  intakeOpen: z.literal("on").optional(),
  autoPlaceInGilde: z.literal("on").optional(),
  reservationDays: z.coerce
    .number({ invalid_type_error: "Vul een aantal dagen in." })
    .int("Hele dagen.")
    .min(1, "Minstens 1 dag.")
    .max(90, "Hoogstens 90 dagen."),
  refundAfterStartPercent: z.coerce
    .number({ invalid_type_error: "Vul een percentage in." })
    .int("Een heel getal.")
    .min(0, "Van 0 tot 100.")
    .max(100, "Van 0 tot 100."),
});

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const staff = await requireCohortTrainer(request, cohortId);
  const [data, settings, placement] = await Promise.all([
    intakesOf(cohortId),
    cohortSettings(cohortId),
    placementOf(cohortId),
  ]);
  const mode = await paymentMode();
  return json({
    ...data,
    settings,
    ...placement,
    admin: staff.role === "ADMIN",
    mode,
    modeNote: PAYMENT_MODE_NOTES[mode],
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const staff = await requireCohortTrainer(request, cohortId);
  const formData = await readForm(request);
  const intent = String(formData.get("intent") ?? "");
  const enrollmentId = String(formData.get("enrollmentId") ?? "");
  const adminOnly = ["refund", "arranged", "invoice", "settings"];
  if (adminOnly.includes(intent) && staff.role !== "ADMIN")
    throw new Response("Alleen de beheerder kan dit.", { status: 403 });
  try {
    switch (intent) {
      case "accept":
      case "reject": {
        const message = String(formData.get("message") ?? "")
          .trim()
          .slice(0, 2000);
        const { employer } = await decideIntake(staff, cohortId, enrollmentId, intent === "accept", message);
        if (employer) {
          try {
            const invoice = await sendEmployerInvoice({ cohortId, enrollmentId });
            if (!invoice.invoiceId)
              return json({ ok: true as const, message: `Toegelaten. ${invoice.note ?? ""}`.trim() });
          } catch (error) {
            if (!(error instanceof EnrollmentError)) throw error;
            return json(
              { ok: false as const, message: `Toegelaten, maar: ${error.message}` },
              { status: error.status },
            );
          }
        }
        const selfPays =
          (await paymentMode()) === "off"
            ? "Toegelaten; de deelnemer leest dat er een factuur komt."
            : "Toegelaten; de deelnemer kan nu betalen.";
        return json({
          ok: true as const,
          message:
            intent === "accept"
              ? employer
                ? "Toegelaten; de factuur is naar de werkgever gestuurd."
                : selfPays
              : "Afgewezen; de aanmelder krijgt je bericht.",
        });
      }
      case "place": {
        const placed = await placeParticipant(
          cohortId,
          String(formData.get("userId") ?? ""),
          String(formData.get("gildeId") ?? "") || null,
        );
        return placed.ok
          ? json({ ok: true as const, message: "Geplaatst in de gilde." })
          : json({ ok: false as const, message: placed.error }, { status: 400 });
      }
      case "refund":
        await refundCohortPayment(cohortId, String(formData.get("paymentId") ?? ""), staff);
        return json({ ok: true as const, message: "Terugbetaling aangevraagd." });
      case "arranged":
        await markArranged(cohortId, enrollmentId);
        return json({ ok: true as const, message: "Gemarkeerd als geregeld: de deelnemer is ingeschreven." });
      case "invoice": {
        const invoice = await sendEmployerInvoice({ cohortId, enrollmentId });
        if (!invoice.invoiceId)
          return json(
            { ok: false as const, message: invoice.note ?? "De factuur is niet verstuurd." },
            { status: 409 },
          );
        return json({ ok: true as const, message: "De factuur is verstuurd." });
      }
      case "settings": {
        const parsed = parseForm(SettingsSchema, formData);
        if (!parsed.ok)
          return json(
            { ok: false as const, message: Object.values(parsed.fieldErrors)[0] ?? "Controleer de instellingen." },
            { status: 400 },
          );
        const { priceIncludesVat, intakeOpen, autoPlaceInGilde, ...rest } = parsed.data;
        await saveCohortSettings(cohortId, {
          ...rest,
          priceIncludesVat: Boolean(priceIncludesVat),
          intakeOpen: Boolean(intakeOpen),
          autoPlaceInGilde: Boolean(autoPlaceInGilde),
        });
        return json({ ok: true as const, message: "Instellingen opgeslagen." });
      }
      default:
        return json({ ok: false as const, message: "Onbekende actie." }, { status: 400 });
    }
  } catch (error) {
    return refusal(error);
  }
}

export default function Intakes() {
  const { cohort, seatsTaken, enrollments, settings, gildes, unplaced, admin, mode, modeNote } =
    useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const open = enrollments.filter((e) => e.status === "APPLIED" || e.status === "WAITLISTED");
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" after={cohort.name} />
      <h1>Aanmeldingen: {cohort.name}</h1>
      <p className="lead">
        {seatsTaken} van {cohort.capacity} plaatsen bezet of vastgehouden · {formatEuro(cohort.priceCents)}
        {mode === "demo" ? " · demostand: betalingen zijn testbetalingen" : ""}
      </p>
      {mode === "off" ? (
        <p className="notice notice--warm" role="note">
          {modeNote}
        </p>
      ) : null}
      <Outcome
        notice={result?.ok ? result.message : undefined}
        error={result && !result.ok ? result.message : undefined}
      />

      <h2>Te beoordelen ({open.length})</h2>
      {open.length === 0 ? <p className="muted">Geen intakes die op een besluit wachten.</p> : null}
      {open.map((e) => (
        <article key={e.id} className="card" style={{ marginBottom: "1rem" }} aria-labelledby={`intake-${e.id}`}>
          <h3 id={`intake-${e.id}`} style={{ marginTop: 0 }}>
            {e.user.name} <span className="muted">({e.user.email})</span>{" "}
            {e.status === "WAITLISTED" ? <span className="badge">wachtlijst</span> : null}
          </h3>
          {e.intake ? (
            <dl className="facts">
              <dt>Werk</dt>
              <dd>
                {e.intake.currentWork}, {e.intake.organisation}
              </dd>
              <dt>Ervaring</dt>
              <dd>
                {e.intake.experienceYears} jaar. {e.intake.experience}
              </dd>
              <dt>Wijk</dt>
              <dd>{e.intake.wijk}</dd>
              <dt>Motivatie</dt>
              <dd>{e.intake.motivation}</dd>
              <dt>Betaalt</dt>
              <dd>
                {e.intake.payer === "EMPLOYER"
                  ? `Werkgever: ${e.intake.employerName}, t.a.v. ${e.intake.employerContact} (${e.intake.employerEmail})${e.intake.poNumber ? `, PO ${e.intake.poNumber}` : ""}`
                  : "Zelf"}
              </dd>
            </dl>
          ) : null}
          <Form method="post">
            <input type="hidden" name="enrollmentId" value={e.id} />
            <div className="field">
              <label htmlFor={`message-${e.id}`}>Bericht aan de aanmelder</label>
              <textarea id={`message-${e.id}`} name="message" rows={2} />
            </div>
            <div className="button-row">
              <button type="submit" name="intent" value="accept" className="button">
                Toelaten
              </button>
              <button type="submit" name="intent" value="reject" className="button button--secondary">
                Afwijzen
              </button>
            </div>
          </Form>
        </article>
      ))}

      <h2>Nog niet in een gilde ({unplaced.length})</h2>
      {unplaced.length === 0 ? <p className="muted">Iedereen die is ingeschreven, zit in een gilde.</p> : null}
      {gildes.length === 0 && unplaced.length ? (
        <p className="notice">Er zijn nog geen gildes in deze groep; de beheerder maakt ze aan.</p>
      ) : null}
      {gildes.length
        ? unplaced.map((p) => (
            <Form key={p.id} method="post" className="inline-form" aria-label={`${p.name} plaatsen`}>
              <input type="hidden" name="intent" value="place" />
              <input type="hidden" name="userId" value={p.id} />
              <SelectField
                name="gildeId"
                id={`gilde-${p.id}`}
                label={`Gilde voor ${p.name}`}
                options={gildes.map((g) => ({ value: g.id, label: `${g.name} (${g._count.members})` }))}
              />
              <button type="submit" className="button button--secondary">
                Plaatsen
              </button>
            </Form>
          ))
        : null}

      <h2>Alle aanmeldingen en betalingen</h2>
      <Table headers={["Deelnemer", "Status", "Aangemeld", "Betalingen (Stripe)", ...(admin ? ["Acties"] : [])]}>
        {enrollments.map((e) => (
          <tr key={e.id}>
            <td>{e.user.name}</td>
            <td>
              {ENROLLMENT_LABELS[e.status]}
              {e.status === "ACCEPTED" && e.reservedUntil ? `, plek vast tot ${formatDateTime(e.reservedUntil)}` : ""}
            </td>
            <td>{formatDateTime(e.appliedAt)}</td>
            <td>
              <ul className="plain-list">
                {e.payments.map((p) => (
                  <li key={p.id}>
                    {p.kind === "INVOICE" ? "Factuur" : "Checkout"} {formatEuro(p.amountCents)}:{" "}
                    {PAYMENT_LABELS[p.status]}
                    {p.refundedCents ? `, ${formatEuro(p.refundedCents)} terug` : ""}
                    <br />
                    <small className="muted">
                      {[p.checkoutSessionId, p.paymentIntentId, p.invoiceId].filter(Boolean).join(" · ")}
                    </small>
                    {p.note ? <small className="muted"> · {p.note}</small> : null}
                    {admin && p.status === "PAID" && p.kind === "CHECKOUT" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="paymentId" value={p.id} />
                        <button type="submit" name="intent" value="refund" className="button button--quiet">
                          Terugbetalen
                        </button>
                      </Form>
                    ) : null}
                  </li>
                ))}
              </ul>
            </td>
            {admin ? (
              <td>
                {e.status === "ACCEPTED" ? (
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="enrollmentId" value={e.id} />
                    <button type="submit" name="intent" value="arranged" className="button button--quiet">
                      Betaling geregeld
                    </button>
                    {e.intake?.payer === "EMPLOYER" ? (
                      <button type="submit" name="intent" value="invoice" className="button button--quiet">
                        Factuur (opnieuw) versturen
                      </button>
                    ) : null}
                  </Form>
                ) : null}
              </td>
            ) : null}
          </tr>
        ))}
      </Table>

      {admin ? (
        <Form method="post" aria-labelledby="instellingen" style={{ marginTop: "2rem" }}>
          <h2 id="instellingen">Instellingen voor aanmelden en betalen</h2>
          <input type="hidden" name="intent" value="settings" />
          <Field name="location" label="Plaats" defaultValue={settings.location} />
          <Field
            name="rhythm"
            label="Ritme (bijvoorbeeld: elke tweede dinsdag, 9–16 uur)"
            defaultValue={settings.rhythm}
          />
          <Field
            name="reservationDays"
            label="Dagen dat een plek na toelating wordt vastgehouden"
            inputMode="numeric"
            defaultValue={String(settings.reservationDays)}
          />
          <Field
            name="refundAfterStartPercent"
            label="Terugbetaling na de start (procent van de prijs)"
            inputMode="numeric"
            defaultValue={String(settings.refundAfterStartPercent)}
          />
          {(
            [
              ["priceIncludesVat", "De prijs is inclusief btw", settings.priceIncludesVat],
              ["intakeOpen", "De intake is open", settings.intakeOpen],
              ["autoPlaceInGilde", "Nieuwe deelnemers komen meteen in de kleinste gilde", settings.autoPlaceInGilde],
            ] as const
          ).map(([name, label, checked]) => (
            <label key={name} style={{ display: "block", fontWeight: "normal" }}>
              <input type="checkbox" name={name} defaultChecked={checked} /> {label}
            </label>
          ))}
          <button type="submit" className="button" style={{ marginTop: "1rem" }}>
            Opslaan
          </button>
        </Form>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Aanmeldingen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
