// Applying for a cohort: log in or create an account, fill in the intake, then follow its status here:
// assessed, accepted (pay, or the employer is invoiced), active, waiting list, rejected; withdraw at any time.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { getUser, invariantResponse, requireUser } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import {
  ApplicationStatus,
  OFFER_FORM_ID,
  PAY_FORM_ID,
  showsOfferForm,
  showsPayForm,
  showsWithdrawForm,
  WITHDRAW_FORM_ID,
} from "~/components/enrollment/application-status";
import { INTAKE_FORM_ID, IntakeForm } from "~/components/enrollment/intake-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { formatCalendarDate, formatEuro } from "~/format";
import { applyForCohort, cohortForIntake, myApplication, withdraw } from "~/enrollment/enrollment.server";
import { ApplicationAction } from "~/enrollment/forms";
import { invoiceAfterAcceptance, PAYMENTS_OFF, startCheckout } from "~/enrollment/payments.server";
import { paymentMode } from "~/enrollment/stripe.server";
import { acceptOffer, declineOffer } from "~/enrollment/waitlist.server";
import { redirectWithFlash } from "~/forms/flash.server";
import type { FormReply } from "~/forms/protocol";
import { attempt, readSubmission } from "~/forms/submission.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohort = await cohortForIntake(params.cohortId ?? "");
  invariantResponse(cohort, "Deze groep bestaat niet, of is nog niet open voor aanmelding.", { status: 404 });
  const user = await getUser(request);
  const application = user ? await myApplication(user.id, cohort.id) : null;
  // With online payments off, accepted self-payers read that an invoice follows (the text lives on the server).
  const paymentsOff = (await paymentMode()) === "off" ? PAYMENTS_OFF : null;
  return json({
    cohort,
    user: user ? { role: user.role, name: user.name } : null,
    application,
    paymentsOff,
    open: cohort.intakeOpen,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const cohortId = params.cohortId ?? "";
  const here = `/aanmelden/${cohortId}`;
  const submission = await readSubmission(request, ApplicationAction);
  return attempt(
    submission,
    async (value) => {
      switch (value.intent) {
        case "pay":
          return redirect(await startCheckout(user, cohortId));
        case "withdraw":
          await withdraw(user, cohortId);
          return redirectWithFlash(here, "Je bent afgemeld.");
        case "accept-offer": {
          const { enrollmentId, employer } = await acceptOffer(user, cohortId);
          if (employer) await invoiceAfterAcceptance({ cohortId, enrollmentId });
          return redirectWithFlash(
            here,
            employer
              ? "De plek is van jou. De factuur gaat naar je werkgever."
              : "De plek is van jou. Betaal hieronder om je inschrijving rond te maken.",
          );
        }
        case "decline-offer":
          await declineOffer(user, cohortId);
          return redirectWithFlash(here, "Je hebt de plek afgeslagen; hij gaat naar de volgende op de wachtlijst.");
        case "apply": {
          const { intent: _intent, ...intake } = value;
          const { status } = await applyForCohort(user, cohortId, intake);
          return redirectWithFlash(
            here,
            status === "WAITLISTED"
              ? "De groep is vol: je staat op de wachtlijst."
              : "Dank je: je aanmelding is binnen.",
          );
        }
      }
    },
    { invalid: "Nog niet verstuurd: vul aan wat hieronder staat." },
  );
}

export default function Apply() {
  const { cohort, user, application, open, paymentsOff } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const here = `/aanmelden/${cohort.id}`;
  const reply = useActionData<FormReply>();
  // An intake refused because the cohort closed meanwhile stays on the page with what was typed, to keep.
  const intakeRefused = reply?.status === "error" && reply.formId === INTAKE_FORM_ID;
  const canApply =
    user?.role === "PARTICIPANT" &&
    (open || intakeRefused) &&
    (!application || ["REJECTED", "WITHDRAWN"].includes(application.status));
  // A refusal for a form this page no longer shows (applied twice, the intake just closed) is shown at the top.
  const shown = [
    canApply && INTAKE_FORM_ID,
    application && showsPayForm(application, paymentsOff) && PAY_FORM_ID,
    application && showsWithdrawForm(application) && WITHDRAW_FORM_ID,
    application && showsOfferForm(application) && OFFER_FORM_ID,
  ];
  const unseen = reply?.status === "error" && !shown.includes(reply.formId ?? "") ? reply.error?.[""]?.[0] : undefined;
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
      <FormError error={unseen} />

      {!user ? (
        <section className="card">
          <p>Om je aan te melden heb je een account nodig.</p>
          <p className="flush">
            <Link className="button" to={`/registreren?redirectTo=${encodeURIComponent(here)}`}>
              Account aanmaken
            </Link>{" "}
            of <Link to={`/inloggen?redirectTo=${encodeURIComponent(here)}`}>log in</Link>.
          </p>
        </section>
      ) : user.role !== "PARTICIPANT" ? (
        <p className="notice">Je bent ingelogd als medewerker; aanmelden kan alleen met een deelnemersaccount.</p>
      ) : null}

      {application ? <ApplicationStatus application={application} busy={busy} paymentsOff={paymentsOff} /> : null}

      {canApply ? <IntakeForm busy={busy} /> : null}
      {user && !open && !application && !intakeRefused ? (
        <p className="notice">De aanmelding voor deze groep is gesloten.</p>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Aanmelden — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
