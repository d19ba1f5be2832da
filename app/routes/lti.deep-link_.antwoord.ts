// Deep Linking, step three: the signed LtiDeepLinkingResponse goes back to the LMS (app/lti/deep-link.server.ts).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireUser } from "~/auth/guards.server";
import { deepLinkAnswer } from "~/lti/deep-link.server";
import { deepLinkReturnPage } from "~/lti/deep-link-page.server";
import { refusingInDutch, toolBaseUrl } from "~/lti/requests.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  return refusingInDutch(async () => {
    const token = new URL(request.url).searchParams.get("verzoek") ?? "";
    const answer = await deepLinkAnswer(token, user, toolBaseUrl(request));
    return deepLinkReturnPage({ ...answer, nonce: context.cspNonce ?? "" });
  });
}
