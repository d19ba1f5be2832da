import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { changeRole, listUsers } from "~/cohorts/cohorts.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Outcome } from "~/components/field";
import { ENROLLMENT_LABELS, formatDate, ROLE_LABELS } from "~/format";
import { Table } from "~/components/table";
import { Pagination } from "~/components/pagination";
import { pageNumber } from "~/forms/fields";
import { readForm } from "~/forms/read.server";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const page = pageNumber(url.searchParams);
  return json({ q: q ?? "", ...(await listUsers({ q, page })) });
}

const RoleChange = z.object({ userId: z.string().min(1), role: z.enum(["PARTICIPANT", "TRAINER", "ADMIN"]) });

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const parsed = RoleChange.safeParse(Object.fromEntries(await readForm(request)));
  if (!parsed.success) return json({ ok: false as const, message: "Kies een rol uit de lijst." }, { status: 400 });
  const result = await changeRole(admin, parsed.data.userId, parsed.data.role);
  if (!result.ok) return json({ ok: false as const, message: result.error }, { status: 409 });
  return json({
    ok: true as const,
    message: result.changed ? `De rol is nu: ${ROLE_LABELS[parsed.data.role]}.` : "Deze gebruiker had die rol al.",
  });
}

export default function AdminUsers() {
  const { q, users, total, page, pages } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Beheer: gebruikers</h1>
      <Outcome
        notice={result?.ok ? result.message : undefined}
        error={result && !result.ok ? result.message : undefined}
      />
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
            <td>
              {user.erasedAt ? (
                "verwijderd"
              ) : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="userId" value={user.id} />
                  <label className="visually-hidden" htmlFor={`rol-${user.id}`}>
                    Rol van {user.name}
                  </label>
                  <select id={`rol-${user.id}`} name="role" defaultValue={user.role}>
                    {Object.entries(ROLE_LABELS).map(([value, label]) => (
                      <option key={value} value={value}>
                        {label}
                      </option>
                    ))}
                  </select>
                  <button type="submit" className="button button--secondary">
                    Wijzig rol
                  </button>
                </Form>
              )}
            </td>
            <td>
              {user.enrollments.map((e) => `${e.cohort.name} (${ENROLLMENT_LABELS[e.status]})`).join(", ") || "—"}
            </td>
            <td>{formatDate(user.createdAt)}</td>
          </tr>
        ))}
      </Table>
      <Pagination page={page} pages={pages} href={(n) => `?q=${encodeURIComponent(q)}&pagina=${n}`} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Gebruikers — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
