import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet } from "@remix-run/react";
import { NavLink } from "~/components/link";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";

export async function loader({ request }: LoaderFunctionArgs) {
  await requireRole(request, "ADMIN");
  return null;
}

export default function AdminLayout() {
  return (
    <>
      <nav aria-label="Beheer" className="site-nav space-bottom">
        <ul>
          <li>
            <NavLink to="/beheer" end>
              Groepen
            </NavLink>
          </li>
          <li>
            <NavLink to="/beheer/gebruikers">Gebruikers</NavLink>
          </li>
          <li>
            <NavLink to="/beheer/uitnodigingen">Uitnodigingen</NavLink>
          </li>
          <li>
            <NavLink to="/beheer/lti">LTI</NavLink>
          </li>
          <li>
            <NavLink to="/beheer/betalingen">Betalingen</NavLink>
          </li>
          <li>
            <NavLink to="/beheer/meldingen">Meldingen</NavLink>
          </li>
          <li>
            <NavLink to="/beheer/privacy">Privacy</NavLink>
          </li>
          <li>
            <NavLink to="/beheer/toestemmingen">Toestemmingen</NavLink>
            <NavLink to="/beheer/certificaten">Certificaten</NavLink>
          </li>
          <li>
            <NavLink to="/beheer/audit">Auditlog</NavLink>
          </li>
          <li>
            <NavLink to="/beheer/outbox">E-mail outbox</NavLink>
          </li>
        </ul>
      </nav>
      <Outlet />
    </>
  );
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
