// Applying for a cohort: log in or create an account, fill in the intake, then follow its status here:
// assessed, accepted (pay, or the employer is invoiced), active, waiting list, rejected; withdraw at any time.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { getUser, invariantResponse, requireUser } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field, FormError, Outcome, TextArea, useAfterFailedSubmit } from "~/components/field";
import { ENROLLMENT_LABELS, formatCalendarDate, formatDateTime, formatEuro, PAYMENT_LABELS } from "~/format";
import {
  applyForCohort,
  cohortForIntake,
  EnrollmentError,
  myApplication,
  withdraw,
} from "~/enrollment/enrollment.server";
import { PAYMENTS_OFF, startCheckout } from "~/enrollment/payments.server";
import { paymentMode } from "~/enrollment/stripe.server";
import { emailField, requiredText } from "~/forms/fields";
import { failure, parseForm } from "~/forms/parse";
import { readForm } from "~/forms/read.server";

const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, `Maximaal ${max} tekens.`)
    .optional()
    .transform((v) => v || null);

const IntakeSchema = z.object({
  currentWork: requiredText("je huidige werk", 200),
  organisation: requiredText("je organisatie", 200),
  experienceYears: z.coerce
    .number({ invalid_type_error: "Vul een aantal jaren in, bijvoorbeeld 4." })
    .int("Vul hele jaren in.")
    .min(0, "Vul een aantal jaren in, bijvoorbeeld 4.")
    .max(60, "Dat zijn wel erg veel jaren: klopt het?"),
  experience: requiredText("een beschrijving van je ervaring", 4000),
  wijk: requiredText("de wijk waarin je gaat oefenen", 200),
  motivation: requiredText("je motivatie", 4000),
  payer: z.enum(["SELF", "EMPLOYER"], { errorMap: () => ({ message: "Kies wie betaalt." }) }),
  employerName: optionalText(200),
  employerContact: optionalText(200),
  employerEmail: z
    .string()
    .trim()
    .optional()
    .transform((v) => v || null),
  poNumber: optionalText(60),
  employerAddress: optionalText(500),
});

/** An employer who pays needs a name, a contact and an e-mail address for the invoice (checked with the rest). */
function employerErrors(formData: FormData): Record<string, string> {
  if (formData.get("payer") !== "EMPLOYER") return {};
  const value = (name: string) => String(formData.get(name) ?? "").trim();
  const errors: Record<string, string> = {};
  if (!value("employerName")) errors.employerName = "Vul de naam van de organisatie in die betaalt.";
  if (!value("employerContact")) errors.employerContact = "Vul een contactpersoon in voor de factuur.";
  if (!emailField.safeParse(value("employerEmail")).success)
    errors.employerEmail = "Vul een geldig e-mailadres in voor de factuur.";
  return errors;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohort = await cohortForIntake(params.cohortId ?? "");
  invariantResponse(cohort, "Deze groep bestaat niet.", { status: 404 });
  const user = await getUser(request);
  const application = user ? await myApplication(user.id, cohort.id) : null;
  // With online payments off, accepted self-payers read that an invoice follows (the text lives on the server).
  const paymentsOff = (await paymentMode()) === "off" ? PAYMENTS_OFF : null;
  return json({
    cohort,
    user: user ? { role: user.role, name: user.name } : null,
    application,
    paymentsOff,
    open: cohort.intakeOpen && new Date(cohort.startsOn) > new Date(),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const cohortId = params.cohortId ?? "";
  const formData = await readForm(request);
  const intent = formData.get("intent");
  try {
    if (intent === "pay") return redirect(await startCheckout(user, cohortId));
    if (intent === "withdraw") {
      await withdraw(user, cohortId);
      return json({ ok: true as const, message: "Je bent afgemeld." });
    }
    const parsed = parseForm(IntakeSchema, formData);
    const employer = employerErrors(formData);
    if (!parsed.ok || Object.keys(employer).length) {
      const fieldErrors = { ...(parsed.ok ? {} : parsed.fieldErrors), ...employer };
      return json(failure(formData, fieldErrors, "Nog niet verstuurd: vul aan wat hieronder staat."), { status: 400 });
    }
    const { status } = await applyForCohort(user, cohortId, parsed.data);
    return json({
      ok: true as const,
      message:
        status === "WAITLISTED" ? "De groep is vol: je staat op de wachtlijst." : "Dank je: je aanmelding is binnen.",
    });
  } catch (error) {
    if (!(error instanceof EnrollmentError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    return json(failure(formData, {}, error.message), { status: error.status });
  }
}

export default function Apply() {
  const { cohort, user, application, open, paymentsOff } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  useAfterFailedSubmit(failed);
  const busy = useNavigation().state !== "idle";
  const here = `/aanmelden/${cohort.id}`;
  const canApply = open && (!application || ["REJECTED", "WITHDRAWN"].includes(application.status));
  return (
    <>
      <Crumbs to="/leergang" label="De leergang" />
      <h1>Aanmelden: {cohort.name}</h1>
      <p className="lead">
        {formatCalendarDate(cohort.startsOn)} – {formatCalendarDate(cohort.endsOn)}
        {cohort.location ? ` · ${cohort.location}` : ""}
        {cohort.rhythm ? ` · ${cohort.rhythm}` : ""} · {formatEuro(cohort.priceCents)}{" "}
        {cohort.priceIncludesVat ? "incl. btw" : "excl. btw"}
      </p>
      <Outcome notice={result?.ok ? result.message : undefined} error={failed?.formError} />

      {!user ? (
        <section className="card">
          <p>Om je aan te melden heb je een account nodig.</p>
          <p style={{ marginBottom: 0 }}>
            <Link className="button" to={`/registreren?redirectTo=${encodeURIComponent(here)}`}>
              Account aanmaken
            </Link>{" "}
            of <Link to={`/inloggen?redirectTo=${encodeURIComponent(here)}`}>log in</Link>.
          </p>
        </section>
      ) : user.role !== "PARTICIPANT" ? (
        <p className="notice">Je bent ingelogd als medewerker; aanmelden kan alleen met een deelnemersaccount.</p>
      ) : null}

      {application ? (
        <Status application={application} cohortId={cohort.id} busy={busy} paymentsOff={paymentsOff} />
      ) : null}

      {user?.role === "PARTICIPANT" && canApply ? (
        <IntakeForm values={failed?.values ?? {}} errors={failed?.fieldErrors ?? {}} busy={busy} />
      ) : null}
      {user && !open && !application ? <p className="notice">De aanmelding voor deze groep is gesloten.</p> : null}
    </>
  );
}

type Application = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["application"]>;

function Status({
  application,
  cohortId,
  busy,
  paymentsOff,
}: {
  application: Application;
  cohortId: string;
  busy: boolean;
  paymentsOff: string | null;
}) {
  const employer = application.intake?.payer === "EMPLOYER";
  const paidOrPending = application.payments.find((p) => p.status === "PAID" || p.status === "ARRANGED");
  return (
    <section className="card" aria-labelledby="status" style={{ marginBottom: "1.5rem" }}>
      <h2 id="status" style={{ marginTop: 0 }}>
        Je aanmelding: {ENROLLMENT_LABELS[application.status]}
      </h2>
      {application.status === "APPLIED" ? (
        <p>
          Je intake is binnen ({formatDateTime(application.appliedAt)}). Een trainer of de beheerder bekijkt hem; je
          krijgt bericht.
        </p>
      ) : null}
      {application.status === "WAITLISTED" ? (
        <p>De groep is vol. Je staat op de wachtlijst; komt er een plek vrij, dan hoor je het.</p>
      ) : null}
      {application.decisionMessage ? <blockquote>{application.decisionMessage}</blockquote> : null}
      {application.status === "ACCEPTED" && employer ? (
        <p>Je plek staat vast. De factuur is naar je werkgever gestuurd; zodra die betaald is, ben je ingeschreven.</p>
      ) : null}
      {application.status === "ACCEPTED" && !employer && paymentsOff ? (
        <p className="notice" role="note">
          Je bent toegelaten. {paymentsOff}
        </p>
      ) : null}
      {application.status === "ACCEPTED" && !employer && !paymentsOff ? (
        <Form method="post">
          <p>
            Je bent toegelaten.{" "}
            {application.reservedUntil
              ? `We houden je plek vast tot ${formatDateTime(application.reservedUntil)}.`
              : ""}{" "}
            Betaal met iDEAL of creditcard via Stripe.
          </p>
          <button type="submit" name="intent" value="pay" className="button" disabled={busy || Boolean(paidOrPending)}>
            Betalen
          </button>
        </Form>
      ) : null}
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
      {["APPLIED", "ACCEPTED", "WAITLISTED", "ACTIVE"].includes(application.status) ? (
        <Form
          method="post"
          onSubmit={(event) =>
            !confirm("Weet je zeker dat je je wilt afmelden?") ? event.preventDefault() : undefined
          }
        >
          <input type="hidden" name="cohortId" value={cohortId} />
          <button type="submit" name="intent" value="withdraw" className="button button--quiet" disabled={busy}>
            Afmelden
          </button>
        </Form>
      ) : null}
    </section>
  );
}

function IntakeForm({
  values,
  errors,
  busy,
}: {
  values: Record<string, string>;
  errors: Record<string, string>;
  busy: boolean;
}) {
  return (
    <Form method="post" noValidate aria-labelledby="intake">
      <h2 id="intake">Intake</h2>
      <input type="hidden" name="intent" value="apply" />
      <Field
        name="currentWork"
        label="Je huidige werk (functie)"
        defaultValue={values.currentWork}
        error={errors.currentWork}
        required
      />
      <Field
        name="organisation"
        label="Organisatie"
        defaultValue={values.organisation}
        error={errors.organisation}
        required
      />
      <Field
        name="experienceYears"
        label="Jaren ervaring in wijkgericht werken"
        inputMode="numeric"
        defaultValue={values.experienceYears}
        error={errors.experienceYears}
        required
      />
      <TextArea
        name="experience"
        label="Beschrijf je ervaring in de wijk"
        rows={5}
        defaultValue={values.experience}
        error={errors.experience}
      />
      <Field
        name="wijk"
        label="De wijk waarin je tijdens de leergang oefent"
        defaultValue={values.wijk}
        error={errors.wijk}
        required
      />
      <TextArea
        name="motivation"
        label="Waarom wil je deze leergang volgen?"
        rows={5}
        defaultValue={values.motivation}
        error={errors.motivation}
      />
      <fieldset className={errors.payer ? "field field--invalid" : "field"}>
        <legend>Wie betaalt?</legend>
        <label style={{ fontWeight: "normal", display: "block" }}>
          <input type="radio" name="payer" value="SELF" defaultChecked={values.payer !== "EMPLOYER"} /> Ikzelf (iDEAL of
          creditcard)
        </label>
        <label style={{ fontWeight: "normal", display: "block" }}>
          <input type="radio" name="payer" value="EMPLOYER" defaultChecked={values.payer === "EMPLOYER"} /> Mijn
          werkgever (factuur)
        </label>
        <FormError error={errors.payer} />
      </fieldset>
      <details className="field" open={values.payer === "EMPLOYER"}>
        <summary>Gegevens van je werkgever (alleen als je werkgever betaalt)</summary>
        <Field
          name="employerName"
          label="Organisatie die betaalt"
          defaultValue={values.employerName}
          error={errors.employerName}
        />
        <Field
          name="employerContact"
          label="Contactpersoon"
          defaultValue={values.employerContact}
          error={errors.employerContact}
        />
        <Field
          name="employerEmail"
          label="E-mailadres voor de factuur"
          type="email"
          defaultValue={values.employerEmail}
          error={errors.employerEmail}
        />
        <Field
          name="poNumber"
          label="Inkoopnummer (PO), als je werkgever dat vraagt"
          defaultValue={values.poNumber}
          error={errors.poNumber}
        />
        <TextArea
          name="employerAddress"
          label="Factuuradres"
          rows={3}
          defaultValue={values.employerAddress}
          error={errors.employerAddress}
        />
      </details>
      <button type="submit" className="button" disabled={busy}>
        Aanmelding versturen
      </button>
    </Form>
  );
}

export const meta: MetaFunction = () => [{ title: "Aanmelden — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
