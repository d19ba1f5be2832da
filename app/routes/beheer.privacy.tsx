// Privacy for the admin: pending erasure requests (carry out or reject with a reason), what was done with dates,
// and each cohort's retention period with when its data of non-completers goes.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { searchAudit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Outcome } from "~/components/field";
import { formatDate, formatDateTime } from "~/format";
import { Table } from "~/components/table";
import { refusal } from "~/errors.server";
import { carryOutErasure, privacyOverview, rejectRequest } from "~/privacy/erasure.server";
import { retentionOverview, setRetentionMonths } from "~/privacy/retention.server";
import { readForm } from "~/forms/read.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const [requests, retention, runs] = await Promise.all([
    privacyOverview(),
    retentionOverview(),
    searchAudit({ action: "retention" }),
  ]);
  return json({ ...requests, retention, runs: runs.events });
}

const Months = z.coerce
  .number({ invalid_type_error: "Vul een aantal maanden in." })
  .int("Hele maanden.")
  .min(1, "Minstens 1 maand.")
  .max(120, "Hoogstens 120 maanden (tien jaar).");

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const formData = await readForm(request);
  const intent = formData.get("intent");
  const requestId = String(formData.get("requestId") ?? "");
  try {
    if (intent === "retention") {
      const cohortId = String(formData.get("cohortId") ?? "");
      const months = Months.safeParse(formData.get("months"));
      if (!months.success)
        return json(
          {
            ok: false as const,
            message: months.error.issues[0]?.message ?? "Vul een aantal maanden in.",
            cohortId,
            months: String(formData.get("months") ?? ""),
          },
          { status: 400 },
        );
      await setRetentionMonths(cohortId, months.data);
      return json({ ok: true as const, message: "Bewaartermijn opgeslagen." });
    }
    if (intent === "reject") {
      await rejectRequest(admin, requestId, String(formData.get("why") ?? ""));
      return json({ ok: true as const, message: "Het verzoek is afgewezen; de aanvrager krijgt je uitleg." });
    }
    if (formData.get("confirm") !== "on")
      return json(
        { ok: false as const, message: "Vink aan dat je de verwijdering wilt uitvoeren.", requestId },
        { status: 400 },
      );
    const outcome = await carryOutErasure(admin, requestId);
    return json({ ok: true as const, message: outcome });
  } catch (error) {
    return refusal(error);
  }
}

export default function PrivacyAdmin() {
  const { pending, handled, retention, runs } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const who = (r: (typeof pending)[number]) => (r.person ? `${r.person.name} (${r.person.email})` : r.userId);
  return (
    <>
      <h1>Privacy</h1>
      <Outcome
        notice={result?.ok ? result.message : undefined}
        error={result && !result.ok ? result.message : undefined}
      />

      <h2>Openstaande verzoeken</h2>
      {pending.length === 0 ? <p className="muted">Geen openstaande verzoeken.</p> : null}
      {pending.map((r) => (
        <section key={r.id} className="card" aria-label={`Verzoek van ${who(r)}`}>
          <p>
            <strong>Verwijdering</strong> van {who(r)}, aangevraagd op {formatDateTime(r.requestedAt)}.
          </p>
          {r.reason ? <p>Toelichting: {r.reason}</p> : null}
          <Form method="post" className="inline-form">
            <input type="hidden" name="requestId" value={r.id} />
            <input type="hidden" name="intent" value="erase" />
            <label style={{ fontWeight: "normal" }}>
              <input type="checkbox" name="confirm" /> Ik heb gecontroleerd wie dit vraagt
            </label>
            <button type="submit" className="button button--danger">
              Verwijdering uitvoeren
            </button>
          </Form>
          <Form method="post" className="inline-form">
            <input type="hidden" name="requestId" value={r.id} />
            <input type="hidden" name="intent" value="reject" />
            <div className="field">
              <label htmlFor={`why-${r.id}`}>Reden van afwijzen</label>
              <input id={`why-${r.id}`} name="why" type="text" maxLength={1000} />
            </div>
            <button type="submit" className="button button--secondary">
              Afwijzen
            </button>
          </Form>
        </section>
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
              <Form method="post" className="inline-form">
                <input type="hidden" name="intent" value="retention" />
                <input type="hidden" name="cohortId" value={c.id} />
                <label className="visually-hidden" htmlFor={`months-${c.id}`}>
                  Bewaartermijn van {c.name} in maanden
                </label>
                <input
                  id={`months-${c.id}`}
                  name="months"
                  type="number"
                  min={1}
                  max={120}
                  style={{ width: "5rem" }}
                  defaultValue={
                    result && !result.ok && "cohortId" in result && result.cohortId === c.id
                      ? String(result.months)
                      : c.retentionMonths
                  }
                />{" "}
                maanden{" "}
                <button type="submit" className="button button--secondary">
                  Opslaan
                </button>
              </Form>
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

export const meta: MetaFunction = () => [{ title: "Privacy — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
