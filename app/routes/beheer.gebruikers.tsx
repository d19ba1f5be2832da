// The admin's list of users: search by name or address, page through, and change someone's role (one form per row).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { changeRole, listUsers } from "~/cohorts/cohorts.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { audienceFrom } from "~/dashboard/audience";
import { ENROLLMENT_LABELS, formatDate, ROLE_LABELS } from "~/format";
import { Table } from "~/components/table";
import { Pagination } from "~/components/pagination";
import { LinkedIdentities } from "~/components/oidc/linked-identities";
import { identitiesByUser } from "~/lti/oidc-accounts.server";
import { pageNumber } from "~/forms/fields";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

const RoleChange = z.object({
  userId: z.string().min(1).max(64),
  role: z.enum(["PARTICIPANT", "TRAINER", "ADMIN"], { errorMap: () => ({ message: "Kies een rol uit de lijst." }) }),
});

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  const url = new URL(request.url);
  const q = url.searchParams.get("q")?.trim().slice(0, 100) || undefined;
  const page = pageNumber(url.searchParams);
  const listed = await listUsers({ q, page });
  const identities = await identitiesByUser(listed.users.map((user) => user.id));
  return json({ q: q ?? "", ...listed, identities });
}

export async function action({ request }: ActionFunctionArgs) {
  const admin = await requireRole(request, "ADMIN");
  const submission = await readSubmission(request, RoleChange);
  return attempt(submission, async ({ userId, role }) => {
    const { changed } = await changeRole(admin, userId, role);
    const url = new URL(request.url);
    return redirectWithFlash(
      url.pathname + url.search,
      changed ? `De rol is nu: ${ROLE_LABELS[role]}.` : "Deze gebruiker had die rol al.",
    );
  });
}

type User = ReturnType<typeof useLoaderData<typeof loader>>["users"][number];

export default function AdminUsers() {
  const { q, users, total, page, pages, identities } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beheer: gebruikers</h1>
      <Form method="get" className="inline-form space-bottom" role="search">
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
            <td>
              {user.email}
              <LinkedIdentities identities={identities[user.id]} />
            </td>
            <td>{user.erasedAt ? "verwijderd" : <RoleForm user={user} />}</td>
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

function RoleForm({ user }: { user: User }) {
  const [form, fields] = useGildeForm(RoleChange, { id: `rol-wijzigen-${user.id}` });
  const error = fields.role.errors?.[0];
  // An alumnus is a participant by role, but is called what they are.
  const alumnus =
    audienceFrom(
      user.role,
      user.enrollments.map((e) => e.status),
    ) === "ALUMNUS";
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.userId.name} value={user.id} />
      <label className="visually-hidden" htmlFor={`rol-${user.id}`}>
        Rol van {user.name}
      </label>
      <select
        id={`rol-${user.id}`}
        name={fields.role.name}
        defaultValue={user.role}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? fields.role.errorId : undefined}
      >
        {Object.entries(ROLE_LABELS).map(([value, label]) => (
          <option key={value} value={value}>
            {value === "PARTICIPANT" && alumnus ? "alumnus" : label}
          </option>
        ))}
      </select>
      <button type="submit" className="button button--secondary">
        Wijzig rol
      </button>
      {error ? (
        <p className="field__error" id={fields.role.errorId}>
          {error}
        </p>
      ) : null}
    </GildeForm>
  );
}

export const meta: MetaFunction = () => [{ title: "Gebruikers — Beheer — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
