// The audit log for the admin: sign-ins, failed sign-ins, role changes, grade releases and corrections, refunds,
// exports and erasures, searchable by text, kind and period.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { fromAmsterdamInput } from "~/assignments/time";
import { AUDIT_ACTIONS, type AuditAction } from "~/audit/actions";
import { searchAudit } from "~/audit/audit.server";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FormError } from "~/components/field";
import { formatDateTime } from "~/format";
import { Table } from "~/components/table";
import { Pagination } from "~/components/pagination";
import { pageNumber } from "~/forms/fields";

const DAY = 24 * 60 * 60 * 1000;

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const params = new URL(request.url).searchParams;
  const filter = {
    q: params.get("q")?.trim().slice(0, 200) ?? "",
    soort: params.get("soort") ?? "",
    van: params.get("van") ?? "",
    tot: params.get("tot") ?? "",
  };
  const action = filter.soort in AUDIT_ACTIONS ? (filter.soort as AuditAction) : undefined;
  const from = filter.van ? fromAmsterdamInput(`${filter.van}T00:00`) : undefined;
  const toDay = filter.tot ? fromAmsterdamInput(`${filter.tot}T00:00`) : undefined;
  const error = from === null || toDay === null ? "Vul de datums in als dag-maand-jaar (of laat ze leeg)." : undefined;
  const page = pageNumber(params);
  const result = await searchAudit({
    q: filter.q || undefined,
    action,
    from: from ?? undefined,
    to: toDay ? new Date(toDay.getTime() + DAY) : undefined,
    page,
  });
  return json({ filter, error, ...result, query: params.toString() });
}

export default function AuditLog() {
  const { filter, error, events, total, page, pages, query } = useLoaderData<typeof loader>();
  const pageLink = (n: number) => {
    const params = new URLSearchParams(query);
    params.set("pagina", String(n));
    return `?${params}`;
  };
  return (
    <>
      <h1>Auditlog</h1>
      <p className="muted">Wie wat deed, wanneer en vanaf welk adres. Wachtwoorden en sleutels staan hier nooit in.</p>
      <FormError error={error} />
      <Form method="get" className="inline-form space-bottom-md" role="search">
        <div className="field">
          <label htmlFor="audit-q">Zoek (e-mailadres, tekst of id)</label>
          <input id="audit-q" name="q" type="search" defaultValue={filter.q} />
        </div>
        <div className="field">
          <label htmlFor="audit-soort">Soort</label>
          <select id="audit-soort" name="soort" defaultValue={filter.soort}>
            <option value="">Alles</option>
            {Object.entries(AUDIT_ACTIONS).map(([value, label]) => (
              <option key={value} value={value}>
                {label}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor="audit-van">Van</label>
          <input id="audit-van" name="van" type="date" defaultValue={filter.van} />
        </div>
        <div className="field">
          <label htmlFor="audit-tot">Tot en met</label>
          <input id="audit-tot" name="tot" type="date" defaultValue={filter.tot} />
        </div>
        <button type="submit" className="button">
          Zoeken
        </button>
      </Form>
      <p className="muted">{total === 1 ? "1 gebeurtenis" : `${total} gebeurtenissen`}</p>
      <Table headers={["Wanneer", "Soort", "Wie", "Wat", "Adres"]}>
        {events.map((event) => (
          <tr key={event.id}>
            <td>{formatDateTime(event.at)}</td>
            <td>{AUDIT_ACTIONS[event.action as AuditAction] ?? event.action}</td>
            <td>{event.actorEmail || (event.actorId ? event.actorId : "systeem")}</td>
            <td>{event.summary}</td>
            <td>{event.ip ?? "—"}</td>
          </tr>
        ))}
      </Table>
      <Pagination page={page} pages={pages} href={pageLink} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Auditlog — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
