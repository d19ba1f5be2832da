// Privacy for the admin: pending erasure requests (carry out or reject with a reason), what was done with dates,
// and each cohort's retention period with when its data of non-completers goes.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { wholeNumber } from "~/forms/fields";
import { searchAudit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CheckField, Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDate, formatDateTime } from "~/format";
import { Table } from "~/components/table";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { carryOutErasure, privacyOverview, rejectRequest } from "~/privacy/erasure.server";
import { retentionOverview, setRetentionMonths } from "~/privacy/retention.server";

const CHECKED = "Vink aan dat je de verwijdering wilt uitvoeren.";
const WHY = "Schrijf waarom je het verzoek afwijst; de aanvrager krijgt die uitleg.";
const id = z.string().min(1).max(64);
const PrivacyAction = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("erase"),
    requestId: id,
    confirm: z.boolean({ required_error: CHECKED }).refine(Boolean, CHECKED),
  }),
  z.object({
    intent: z.literal("reject"),
    requestId: id,
    why: z.string({ required_error: WHY }).trim().min(1, WHY).max(1000, "Houd de reden kort: hoogstens 1000 tekens."),
  }),
  z.object({
    intent: z.literal("retention"),
    cohortId: id,
    months: wholeNumber("de bewaartermijn in maanden", { min: 1, max: 120, example: 24 }),
  }),
]);

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [requests, retention, runs] = await Promise.all([
    privacyOverview(),
    retentionOverview(),
    searchAudit({ action: "retention" }),
  ]);
  return json({ ...requests, retention, runs: runs.events });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const submission = await readSubmission(request, PrivacyAction);
  return attempt(submission, async (value) => {
    const here = new URL(request.url).pathname;
    switch (value.intent) {
      case "retention":
        await setRetentionMonths(value.cohortId, value.months);
        return redirectWithFlash(here, "Bewaartermijn opgeslagen.");
      case "reject":
        await rejectRequest(admin, value.requestId, value.why);
        return redirectWithFlash(here, "Het verzoek is afgewezen; de aanvrager krijgt je uitleg.");
      case "erase":
        return redirectWithFlash(here, await carryOutErasure(admin, value.requestId));
    }
  });
}

type Overview = ReturnType<typeof useLoaderData<typeof loader>>;
type Pending = Overview["pending"][number];

const who = (r: Pending | Overview["handled"][number]) =>
  r.person ? `${r.person.name} (${r.person.email})` : r.userId;

export default function PrivacyAdmin() {
  const { pending, handled, retention, runs } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Privacy</h1>

      <h2>Openstaande verzoeken</h2>
      {pending.length === 0 ? <p className="muted">Geen openstaande verzoeken.</p> : null}
      {pending.map((r) => (
        <PendingRequest key={r.id} request={r} />
      ))}

      <h2>Afgehandeld</h2>
      <Table headers={["Aangevraagd", "Soort", "Wie", "Afgehandeld", "Wat er gebeurde"]}>
        {handled.map((r) => (
          <tr key={r.id}>
            <td>{formatDateTime(r.requestedAt)}</td>
            <td>{r.kind === "EXPORT" ? "Download" : "Verwijdering"}</td>
            <td>{who(r)}</td>
            <td>{r.handledAt ? formatDateTime(r.handledAt) : "—"}</td>
            <td>{r.outcome}</td>
          </tr>
        ))}
      </Table>

      <h2>Bewaartermijnen</h2>
      <p className="muted">
        Na de bewaartermijn verwijdert Gilde de inzendingen en wijkprofielen van deelnemers die de leergang niet
        afrondden. Zij krijgen een maand vooraf bericht.
      </p>
      <Table headers={["Groep", "Einde", "Bewaartermijn", "Verwijdering", "Stand"]}>
        {retention.map((c) => (
          <tr key={c.id}>
            <td>{c.name}</td>
            <td>{formatDate(c.endsOn)}</td>
            <td>
              <RetentionForm cohort={c} />
            </td>
            <td>{formatDate(c.due)}</td>
            <td>
              {c.retentionDoneAt
                ? `uitgevoerd ${formatDate(c.retentionDoneAt)}`
                : c.retentionNoticeAt
                  ? `aangekondigd ${formatDate(c.retentionNoticeAt)}`
                  : "—"}
            </td>
          </tr>
        ))}
      </Table>
      {runs.length ? (
        <>
          <h3>Uitgevoerde verwijderingen</h3>
          <ul>
            {runs.map((run) => (
              <li key={run.id}>
                {formatDateTime(run.at)}: {run.summary}
              </li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function PendingRequest({ request }: { request: Pending }) {
  const [erase, eraseFields] = useGildeForm(PrivacyAction, { id: `uitvoeren-${request.id}` });
  const [reject, rejectFields] = useGildeForm(PrivacyAction, { id: `afwijzen-${request.id}` });
  return (
    <section className="card" aria-label={`Verzoek van ${who(request)}`}>
      <p>
        <strong>Verwijdering</strong> van {who(request)}, aangevraagd op {formatDateTime(request.requestedAt)}.
      </p>
      {request.reason ? <p>Toelichting: {request.reason}</p> : null}
      <GildeForm form={erase} className="inline-form">
        <input type="hidden" name={eraseFields.requestId.name} value={request.id} />
        <input type="hidden" name={eraseFields.intent.name} value="erase" />
        <CheckField meta={eraseFields.confirm} inline label="Ik heb gecontroleerd wie dit vraagt" />
        <button type="submit" className="button button--danger">
          Verwijdering uitvoeren
        </button>
      </GildeForm>
      <GildeForm form={reject} className="inline-form">
        <input type="hidden" name={rejectFields.requestId.name} value={request.id} />
        <input type="hidden" name={rejectFields.intent.name} value="reject" />
        <Field meta={rejectFields.why} label="Reden van afwijzen" type="text" maxLength={1000} />
        <button type="submit" className="button button--secondary">
          Afwijzen
        </button>
      </GildeForm>
    </section>
  );
}

function RetentionForm({ cohort }: { cohort: Overview["retention"][number] }) {
  const [form, fields] = useGildeForm(PrivacyAction, {
    id: `bewaartermijn-${cohort.id}`,
    defaultValue: { months: cohort.retentionMonths },
  });
  const error = fields.months.errors?.[0];
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.intent.name} value="retention" />
      <input type="hidden" name={fields.cohortId.name} value={cohort.id} />
      <label className="visually-hidden" htmlFor={fields.months.id}>
        Bewaartermijn van {cohort.name} in maanden
      </label>
      <input
        key={fields.months.key}
        id={fields.months.id}
        name={fields.months.name}
        inputMode="numeric"
        className="months-input"
        defaultValue={String(fields.months.initialValue ?? "")}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? fields.months.errorId : undefined}
      />{" "}
      maanden{" "}
      <button type="submit" className="button button--secondary">
        Opslaan
      </button>
      {error ? (
        <p className="field__error" id={fields.months.errorId}>
          {error}
        </p>
      ) : null}
    </GildeForm>
  );
}

export const meta: MetaFunction = () => [{ title: "Privacy — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
