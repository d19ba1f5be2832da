import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import {
  Links,
  Meta,
  Outlet,
  Scripts,
  ScrollRestoration,
  useRouteLoaderData,
  type ShouldRevalidateFunction,
} from "@remix-run/react";
import { useContext, type ReactNode } from "react";
import { getUser, sessionHeaders } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { FlashMessage } from "~/components/form";
import { takeFlash } from "~/forms/flash.server";
import { AUDIENCE_LABELS, navFor } from "~/components/navigation";
import { useFollowLinks } from "~/components/link";
import { NonceContext } from "~/components/nonce";
import { SiteHeader } from "~/components/site-header";
import { audienceOf } from "~/dashboard/audience.server";
import stylesheet from "~/styles/app.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: stylesheet }];

export const meta: MetaFunction = () => [
  { title: "Gilde — leergang Creative Communities" },
  {
    name: "description",
    content: "Het leerplatform van de post-hbo leergang Creative Communities: wijkgericht werken, samen in gildes.",
  },
];

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await getUser(request);
  const flash = await takeFlash(request);
  const headers = new Headers(sessionHeaders(request));
  new Headers(flash.headers).forEach((value, name) => headers.append(name, value));
  const audience = user ? await audienceOf(user) : null;
  return json(
    { user: user && audience ? { name: user.name, role: user.role, audience } : null, flash: flash.message },
    { headers },
  );
}

/**
 * The root's data carries the one-time flash. Remix keeps a parent route's data across client-side navigations, so
 * a flash shown after a redirect stayed on every page visited after it (the cookie was cleared, but the data was
 * never read again). Reading the root again whenever the page changes shows a flash once, on the redirect target.
 */
export const shouldRevalidate: ShouldRevalidateFunction = ({ currentUrl, nextUrl, defaultShouldRevalidate }) =>
  defaultShouldRevalidate || currentUrl.pathname !== nextUrl.pathname;

export function Layout({ children }: { children: ReactNode }) {
  const data = useRouteLoaderData<typeof loader>("root");
  const user = data?.user ?? null;
  const nonce = useContext(NonceContext);
  useFollowLinks();
  return (
    <html lang="nl">
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <a className="skip-link" href="#inhoud">
          Naar de inhoud
        </a>
        <SiteHeader
          items={navFor(user?.audience)}
          user={user ? { name: user.name, roleLabel: AUDIENCE_LABELS[user.audience] } : null}
        />
        <main id="inhoud" tabIndex={-1}>
          <FlashMessage key={data?.flash} message={data?.flash ?? null} />
          {children}
        </main>
        <footer className="site-footer">
          <p>Gilde · het leerplatform van de post-hbo leergang Creative Communities</p>
        </footer>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
