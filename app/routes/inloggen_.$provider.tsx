// Off to eduID or SURFconext: GET starts a login (the buttons on /inloggen), POST links the provider to the
// signed-in account (the button on /account). Either way the browser leaves with a cookie naming the attempt.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { requireAnonymous, requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { OidcFailure } from "~/lti/oidc-accounts.server";
import { startOidcLogin } from "~/lti/oidc-login.server";
import { oidcErrorMessage } from "~/lti/oidc-provider-names";
import { providerConfig } from "~/lti/oidc-providers.server";

function configured(slug: string | undefined) {
  const provider = providerConfig(slug ?? "");
  if (!provider) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  return provider;
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const provider = configured(params.provider);
  await requireAnonymous(request);
  const redirectTo = new URL(request.url).searchParams.get("redirectTo") ?? "";
  try {
    const { url, cookie } = await startOidcLogin(provider, { redirectTo });
    return redirect(url, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof OidcFailure)) throw error;
    return redirect(`/inloggen?${new URLSearchParams({ fout: error.code, via: provider.slug })}`);
  }
}

export async function action({ request, params }: ActionFunctionArgs) {
  const provider = configured(params.provider);
  const user = await requireUser(request);
  try {
    const { url, cookie } = await startOidcLogin(provider, { userId: user.id });
    return redirect(url, { headers: { "Set-Cookie": cookie } });
  } catch (error) {
    if (!(error instanceof OidcFailure)) throw error;
    return redirectWithFlash("/account#inloggen-met", oidcErrorMessage(error.code, provider.slug) ?? "");
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
