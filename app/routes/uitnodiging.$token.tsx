// The link from the invitation mail. A new address chooses a name and password and is signed in; an address with an
// account logs in (and comes back here) and takes the role with one button. Opening the link changes nothing (mail
// scanners fetch links); only the button does. A link that no longer works says why and what to do.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { getUser } from "~/auth/guards.server";
import { sessionCookie, userAgentOf } from "~/auth/session.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { AcceptInvitation, ClosedInvitation } from "~/components/invitations/accept-invitation";
import { RefusedError } from "~/errors.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { acceptForAccount, acceptWithNewAccount, CLOSED_MESSAGES, readInvitation } from "~/invitations/accept.server";
import { AcceptAction } from "~/invitations/schema";

// The token is in the URL: never leak it to another site through the Referer header.
export const headers = () => ({ "Referrer-Policy": "no-referrer" });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const token = params.token ?? "";
  const [{ state, invitation }, user] = await Promise.all([readInvitation(token), getUser(request)]);
  return json(
    {
      invitation,
      closed: state === "open" ? null : { state, ...CLOSED_MESSAGES[state] },
      signedInAs: user ? { name: user.name, email: user.email } : null,
      loginPath: `/inloggen?redirectTo=${encodeURIComponent(new URL(request.url).pathname)}`,
    },
    { headers: { "Referrer-Policy": "no-referrer" } },
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const token = params.token ?? "";
  const submission = await readSubmission(request, AcceptAction);
  return attempt(submission, async (value) => {
    const user = await getUser(request);
    if (value.intent === "accept") {
      if (!user) throw new RefusedError("Log eerst in met het uitgenodigde e-mailadres.", 401);
      const accepted = await acceptForAccount(token, user);
      return redirectWithFlash(accepted.landing, accepted.message);
    }
    if (user) {
      throw new RefusedError("Je bent al ingelogd. Log eerst uit om een nieuw account te maken.", 409);
    }
    const accepted = await acceptWithNewAccount(token, { ...value, userAgent: userAgentOf(request) });
    return redirectWithFlash(accepted.landing, accepted.message, {
      headers: { "Set-Cookie": sessionCookie(accepted.session.token, accepted.session.expiresAt) },
    });
  });
}

export default function InvitationPage() {
  const { invitation, closed, signedInAs, loginPath } = useLoaderData<typeof loader>();
  if (!invitation || closed) return <ClosedInvitation closed={closed} signedIn={Boolean(signedInAs)} />;
  return <AcceptInvitation invitation={invitation} signedInAs={signedInAs} loginPath={loginPath} />;
}

export const meta: MetaFunction = () => [{ title: "Uitnodiging — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
