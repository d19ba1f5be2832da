// LTI 1.3 login initiation (OIDC third-party-initiated login), GET and POST: see app/lti/login.server.ts.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { stateCookie } from "~/lti/cookies.server";
import { startLogin } from "~/lti/login.server";
import { storeStatePage } from "~/lti/pages.server";
import { launchParams, refusingInDutch, toolBaseUrl } from "~/lti/requests.server";

async function initiate(request: Request, nonce: string) {
  return refusingInDutch(async () => {
    const params = await launchParams(request);
    // Only a top-level window sends our own (SameSite=Lax) session: then a first launch links that account.
    const signedIn = await getUser(request);
    const login = await startLogin(params, toolBaseUrl(request), signedIn?.id ?? null);
    const headers = { "Set-Cookie": stateCookie(login.state) };
    if (login.storageTarget)
      return storeStatePage(
        {
          state: login.state,
          authUrl: login.authUrl,
          origin: login.platformOrigin,
          target: login.storageTarget,
          nonce,
        },
        headers,
      );
    return new Response(null, { status: 302, headers: { ...headers, Location: login.authUrl } });
  });
}

export const loader = ({ request, context }: LoaderFunctionArgs) => initiate(request, context.cspNonce ?? "");
export const action = ({ request, context }: ActionFunctionArgs) => initiate(request, context.cspNonce ?? "");
