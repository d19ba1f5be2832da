// LTI Dynamic Registration (issue 25): GET shows who wants to register Gilde, POST registers it. See
// app/lti/registration.server.ts. The confirm form posts from our own page (also inside the LMS frame), so it passes
// the one origin check; what makes it safe without a session is the signed, single-use proof it carries.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { getUser } from "~/auth/guards.server";
import { RefusedError } from "~/errors.server";
import { clientIp } from "~/load-context";
import { isFramedRequest } from "~/lti/cookies.server";
import { confirmPage, donePage, registrationRefusal } from "~/lti/register-pages.server";
import {
  discoverPlatform,
  makeProof,
  readProof,
  registerWithPlatform,
  registrationFramers,
} from "~/lti/registration.server";
import { launchParams, toolBaseUrl } from "~/lti/requests.server";

/**
 * A signed-in admin approves by registering, but only in a window of Gilde's own: inside a cross-site frame the
 * browser sends no SameSite=Lax session, and a partitioned session of an LMS frame is never an approval.
 */
async function approvingAdmin(request: Request) {
  if (isFramedRequest(request)) return null;
  const user = await getUser(request);
  return user?.role === "ADMIN" ? { id: user.id, email: user.email } : null;
}

function retryUrl(configurationUrl: string, registrationToken: string | null) {
  if (!configurationUrl) return null;
  const query = new URLSearchParams({ openid_configuration: configurationUrl });
  if (registrationToken) query.set("registration_token", registrationToken);
  return `/lti/register?${query}`;
}

async function refusingHere(
  step: () => Promise<Response>,
  where: { configurationUrl: string; registrationToken: string | null },
): Promise<Response> {
  try {
    return await step();
  } catch (error) {
    if (!(error instanceof RefusedError)) throw error;
    return registrationRefusal({
      message: error.message,
      status: error.status,
      retryUrl: retryUrl(where.configurationUrl, where.registrationToken),
      frameAncestors: registrationFramers(where.configurationUrl || null),
    });
  }
}

export async function loader({ request }: LoaderFunctionArgs) {
  const query = new URL(request.url).searchParams;
  const configurationUrl = query.get("openid_configuration") ?? "";
  const registrationToken = query.get("registration_token") || null;
  return refusingHere(
    async () => {
      const config = await discoverPlatform(configurationUrl, registrationToken);
      return confirmPage({
        config,
        proof: await makeProof(configurationUrl, registrationToken),
        asAdmin: (await approvingAdmin(request)) !== null,
        frameAncestors: registrationFramers(configurationUrl, config),
      });
    },
    { configurationUrl, registrationToken },
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const proof = (await launchParams(request)).bewijs ?? "";
  // Readable only when genuine: a forged proof names no LMS to frame the refusal or to try again with.
  const known = await readProof(proof).catch(() => null);
  const where = {
    configurationUrl: known?.configurationUrl ?? "",
    registrationToken: known?.registrationToken ?? null,
  };
  return refusingHere(async () => {
    const done = await registerWithPlatform(proof, toolBaseUrl(request), await approvingAdmin(request), {
      ip: clientIp(context),
    });
    return donePage({
      done,
      nonce: context.cspNonce ?? "",
      frameAncestors: registrationFramers(done.config.configurationUrl, done.config),
    });
  }, where);
}
