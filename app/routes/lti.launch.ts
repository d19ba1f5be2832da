// LTI 1.3 redirect URI: the platform posts id_token and state here (form_post). See app/lti/launch.server.ts.
import type { ActionFunctionArgs } from "@remix-run/node";
import { clientIp } from "~/load-context";
import { sessionCookie, userAgentOf } from "~/auth/session.server";
import { clearedStateCookie, framedSessionCookie, isFramedRequest, readStateCookie } from "~/lti/cookies.server";
import { completeLaunch, STATE_MISSING } from "~/lti/launch.server";
import { launchRefusal, readStatePage } from "~/lti/pages.server";
import { launchParams, refusingInDutch, toolBaseUrl } from "~/lti/requests.server";

export async function loader() {
  return launchRefusal("Dit adres opent Gilde alleen vanuit een cursus in je leeromgeving.", 400, []);
}

export async function action({ request, context }: ActionFunctionArgs) {
  return refusingInDutch(async () => {
    const params = await launchParams(request);
    const idToken = params.id_token ?? "";
    const state = params.state ?? "";
    if (!idToken || !state) return launchRefusal("De leeromgeving stuurde geen startgegevens mee.", 400, []);
    const outcome = await completeLaunch(
      {
        idToken,
        state,
        cookieState: readStateCookie(request, state),
        storageState: params.storage_state ?? null,
        framed: isFramedRequest(request),
        clientIp: clientIp(context),
        userAgent: userAgentOf(request),
      },
      toolBaseUrl(request),
      { storageTarget: params.lti_storage_target || null },
    );
    if (outcome.kind === "needs-storage")
      return readStatePage({
        idToken,
        state,
        origin: outcome.platformOrigin,
        target: params.lti_storage_target ?? "_parent",
        nonce: context.cspNonce ?? "",
        missing: STATE_MISSING,
      });
    const headers = new Headers({ Location: outcome.landing });
    headers.append("Set-Cookie", clearedStateCookie(state));
    headers.append(
      "Set-Cookie",
      outcome.framed
        ? framedSessionCookie(outcome.session.token, outcome.session.expiresAt)
        : sessionCookie(outcome.session.token, outcome.session.expiresAt),
    );
    return new Response(null, { status: 303, headers });
  });
}
