// Intakes of one cohort for its trainers and the admin: read, accept (holds a seat) or reject with a message.
// The admin also sees the payments with their Stripe ids, refunds, marks an employer's payment as arranged,
// resends an invoice, and sets the cohort's catalogue and payment settings.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortTrainer } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { CohortSettingsForm } from "~/components/enrollment/cohort-settings-form";
import { EnrollmentTable } from "~/components/enrollment/enrollment-table";
import { IntakeReview } from "~/components/enrollment/intake-review";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatEuro } from "~/format";
import { placeParticipant, placementOf } from "~/cohorts/cohorts.server";
import {
  cohortSettings,
  decideIntake,
  intakesOf,
  markArranged,
  saveCohortSettings,
} from "~/enrollment/enrollment.server";
import { startOnEmployerAgreement } from "~/enrollment/employer-start.server";
import { IntakesAction, intakesActionFor } from "~/enrollment/forms";
import { invoiceAfterAcceptance, refundCohortPayment, sendEmployerInvoice } from "~/enrollment/payments.server";
import { PAYMENT_MODE_NOTES, paymentMode } from "~/enrollment/stripe.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission, reply } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

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
  const submission = await readSubmission(request, intakesActionFor(staff));
  return attempt(submission, async (value) => {
    const here = new URL(request.url).pathname;
    switch (value.intent) {
      case "accept":
      case "reject": {
        const accept = value.intent === "accept";
        const ids = { cohortId, enrollmentId: value.enrollmentId };
        const { employer } = await decideIntake(staff, cohortId, ids.enrollmentId, accept, value.message);
        if (!accept) return redirectWithFlash(here, "Afgewezen; de aanmelder krijgt je bericht.");
        if (employer) return redirectWithFlash(here, await invoiceAfterAcceptance(ids));
        return redirectWithFlash(
          here,
          (await paymentMode()) === "off"
            ? "Toegelaten; de deelnemer leest dat er een factuur komt."
            : "Toegelaten; de deelnemer kan nu betalen.",
        );
      }
      case "place":
        await placeParticipant(cohortId, value.userId, value.gildeId);
        return redirectWithFlash(here, "Geplaatst in de gilde.");
      case "refund":
        await refundCohortPayment(cohortId, value.paymentId, staff);
        return redirectWithFlash(here, "Terugbetaling aangevraagd.");
      case "arranged":
        await markArranged(cohortId, value.enrollmentId);
        return redirectWithFlash(here, "Gemarkeerd als geregeld: de deelnemer is ingeschreven.");
      case "employer-start":
        await startOnEmployerAgreement(staff, cohortId, value.enrollmentId);
        return redirectWithFlash(here, "De deelnemer is gestart; de factuur aan de werkgever staat nog open.");
      case "invoice": {
        const invoice = await sendEmployerInvoice({ cohortId, enrollmentId: value.enrollmentId });
        if (!invoice.invoiceId)
          return reply(submission, { formError: invoice.note ?? "De factuur is niet verstuurd.", status: 409 });
        return redirectWithFlash(here, "De factuur is verstuurd.");
      }
      case "settings": {
        const { intent: _intent, ...settings } = value;
        await saveCohortSettings(cohortId, settings);
        return redirectWithFlash(here, "Instellingen opgeslagen.");
      }
    }
  });
}

type Data = ReturnType<typeof useLoaderData<typeof loader>>;

export default function Intakes() {
  const { cohort, seatsTaken, enrollments, settings, gildes, unplaced, admin, mode, modeNote } =
    useLoaderData<typeof loader>();
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

      <h2>Te beoordelen ({open.length})</h2>
      {open.length === 0 ? <p className="muted">Geen intakes die op een besluit wachten.</p> : null}
      {open.map((e) => (
        <IntakeReview key={e.id} enrollment={e} />
      ))}

      <h2>Nog niet in een gilde ({unplaced.length})</h2>
      {unplaced.length === 0 ? <p className="muted">Iedereen die is ingeschreven, zit in een gilde.</p> : null}
      {gildes.length === 0 && unplaced.length ? (
        <p className="notice">Er zijn nog geen gildes in deze groep; de beheerder maakt ze aan.</p>
      ) : null}
      {gildes.length ? unplaced.map((p) => <Place key={p.id} participant={p} gildes={gildes} />) : null}

      <h2>Alle aanmeldingen en betalingen</h2>
      <EnrollmentTable enrollments={enrollments} admin={admin} />

      {admin ? <CohortSettingsForm settings={settings} /> : null}
    </>
  );
}

function Place({ participant, gildes }: { participant: Data["unplaced"][number]; gildes: Data["gildes"] }) {
  const [form, fields] = useGildeForm(IntakesAction, { id: `plaatsen-${participant.id}` });
  return (
    <GildeForm form={form} className="inline-form" aria-label={`${participant.name} plaatsen`}>
      <input type="hidden" name={fields.intent.name} value="place" />
      <input type="hidden" name={fields.userId.name} value={participant.id} />
      <SelectField
        meta={fields.gildeId}
        label={`Gilde voor ${participant.name}`}
        options={gildes.map((g) => ({ value: g.id, label: `${g.name} (${g._count.members})` }))}
      />
      <button type="submit" className="button button--secondary">
        Plaatsen
      </button>
    </GildeForm>
  );
}

export const meta: MetaFunction = () => [{ title: "Aanmeldingen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
