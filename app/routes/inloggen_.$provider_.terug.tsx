// Back from eduID or SURFconext: the redirect URI registered at the provider. Signs in, links, or asks for the
// password of the account with the same address; anything that went wrong is a Dutch message on /inloggen (or on
// /account when linking), never a stack trace.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { sessionCookie, userAgentOf } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { clientIp } from "~/load-context";
import { OidcFailure } from "~/lti/oidc-accounts.server";
import { clearedAttemptCookie, finishOidcLogin } from "~/lti/oidc-login.server";
import { isProviderSlug, oidcErrorMessage } from "~/lti/oidc-provider-names";

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const slug = params.provider ?? "";
  if (!isProviderSlug(slug)) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  const headers = new Headers({ "Set-Cookie": clearedAttemptCookie() });
  try {
    const result = await finishOidcLogin(request, slug, {
      clientIp: clientIp(context),
      userAgent: userAgentOf(request),
    });
    switch (result.kind) {
      case "signed-in":
        headers.append("Set-Cookie", sessionCookie(result.session.token, result.session.expiresAt));
        return redirect(result.redirectTo, { headers });
      case "linked":
        return redirectWithFlash(
          "/account#inloggen-met",
          `${result.label} is gekoppeld. Je kunt nu ook met ${result.label} inloggen.`,
          { headers },
        );
      case "needs-password":
        // The attempt cookie stays: the linking page reads the waiting claims through it.
        return redirect("/inloggen/koppelen");
    }
  } catch (error) {
    if (!(error instanceof OidcFailure)) throw error;
    if (error.linking)
      return redirectWithFlash("/account#inloggen-met", oidcErrorMessage(error.code, slug) ?? "", { headers });
    return redirect(`/inloggen?${new URLSearchParams({ fout: error.code, via: slug })}`, { headers });
  }
}

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
