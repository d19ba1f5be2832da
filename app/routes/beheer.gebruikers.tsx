import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { listUsers } from "~/cohorts/cohorts.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ENROLLMENT_LABELS, formatDate, ROLE_LABELS } from "~/components/format";
import { Table } from "~/components/table";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const page = Math.max(1, Number.parseInt(url.searchParams.get("pagina") ?? "1", 10) || 1);
  return json({ q: q ?? "", ...(await listUsers({ q, page })) });
}

export default function AdminUsers() {
  const { q, users, total, page, pages } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beheer: gebruikers</h1>
      <Form method="get" className="inline-form" role="search" style={{ marginBottom: "1rem" }}>
        <div className="field">
          <label htmlFor="zoek">Zoek op naam of e-mailadres</label>
          <input id="zoek" name="q" type="search" defaultValue={q} />
        </div>
        <button type="submit" className="button">
          Zoeken
        </button>
      </Form>
      <p className="muted">{total === 1 ? "1 gebruiker" : `${total} gebruikers`}</p>
      <Table headers={["Naam", "E-mailadres", "Rol", "Inschrijvingen", "Sinds"]}>
        {users.map((user) => (
          <tr key={user.id}>
            <td>{user.name}</td>
            <td>{user.email}</td>
            <td>{ROLE_LABELS[user.role]}</td>
            <td>{user.enrollments.map((e) => `${e.cohort.name} (${ENROLLMENT_LABELS[e.status]})`).join(", ") || "—"}</td>
            <td>{formatDate(user.createdAt)}</td>
          </tr>
        ))}
          </Table>
      {pages > 1 ? (
        <nav className="pagination" aria-label="Pagina's">
          {page > 1 ? <Link to={`?q=${encodeURIComponent(q)}&pagina=${page - 1}`}>Vorige</Link> : null}
          <span>
            Pagina {page} van {pages}
          </span>
          {page < pages ? <Link to={`?q=${encodeURIComponent(q)}&pagina=${page + 1}`}>Volgende</Link> : null}
        </nav>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Gebruikers — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
