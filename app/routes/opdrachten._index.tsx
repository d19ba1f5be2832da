// The participant's assignments: every assignment of their cohort with module, deadline and status.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireRole } from "~/auth/guards.server";
import { assignmentList } from "~/assignments/work.server";
import { STATUS_LABELS } from "~/assignments/rules";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatDateTime } from "~/format";
import { Table } from "~/components/table";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  return json({ list: await assignmentList(user) });
}

export default function Assignments() {
  const { list } = useLoaderData<typeof loader>();
  if (!list) {
    return (
      <>
        <h1>Opdrachten</h1>
        <p className="notice">Je opdrachten verschijnen hier zodra je bent ingeschreven voor een groep.</p>
      </>
    );
  }
  return (
    <>
      <h1>Opdrachten</h1>
      <p className="lead">Alle opdrachten van {list.cohortName}. Je voert ze uit in je eigen wijk.</p>
      {list.next ? (
        <p className="notice" role="status">
          <strong>Als volgende:</strong> <Link to={`/opdrachten/${list.next.slug}`}>{list.next.title}</Link>
          {list.next.due ? <>, uiterlijk {formatDateTime(list.next.due)}</> : null}.
        </p>
      ) : null}
      <Table headers={["Opdracht", "Module", "Deadline", "Status"]}>
        {list.rows.map((row) => (
          <tr key={row.slug}>
            <td>{row.open ? <Link to={`/opdrachten/${row.slug}`}>{row.title}</Link> : row.title}</td>
            <td>
              {row.module.order}. {row.module.title}
              {row.open ? null : <span className="muted"> (nog niet open)</span>}
            </td>
            <td>
              {row.due ? formatDateTime(row.due) : <span className="muted">nog niet bekend</span>}
              {row.extended ? <span className="badge">uitstel</span> : null}
              {row.closed ? <span className="badge badge--danger">gesloten</span> : null}
              {row.overdue ? <span className="badge badge--warm">verlopen</span> : null}
            </td>
            <td>
              {STATUS_LABELS[row.status]}
              {row.late ? <span className="badge badge--warm">te laat</span> : null}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Opdrachten — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
