// The withdrawal page of a consent (issue 24): whoever has the link sees what they agreed to, for what and until
// when, and can take it back. Withdrawing hides what it covered everywhere at once and tells the participant.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { invariantResponse } from "~/auth/guards.server";
import { WithdrawForm } from "~/components/consent/withdraw-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { consentsForLink, withdrawWithLink } from "~/consent/consents.server";
import { WithdrawConsentSchema } from "~/consent/forms";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import wijkStyles from "~/styles/wijkfeedback.css";

// The link carries a secret: it never travels on to another site. Not "no-referrer": with that, a browser sends
// "Origin: null" with the form's POST, which the origin check (auth/csrf.ts) rightly refuses.
export const headers = () => ({ "Referrer-Policy": "same-origin" });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: wijkStyles }];

export async function loader({ params }: LoaderFunctionArgs) {
  const consents = await consentsForLink(params.token ?? "");
  invariantResponse(consents, "Deze link bestaat niet. Controleer of je hem helemaal hebt overgenomen.", {
    status: 404,
  });
  return json({ consents });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = await readSubmission(request, WithdrawConsentSchema);
  return attempt(submission, async ({ consentIds }) => {
    await withdrawWithLink(params.token ?? "", consentIds);
    return redirectWithFlash(
      new URL(request.url).pathname,
      "Je toestemming is ingetrokken. Wat eronder viel, is nu nergens meer te zien.",
    );
  });
}

export default function ConsentPage() {
  const { consents } = useLoaderData<typeof loader>();
  const participant = consents[0]?.participant ?? "de deelnemer";
  return (
    <article className="wijk-page">
      <h1>Jouw toestemming</h1>
      <p className="lead">
        Je gaf {participant} van de leergang Creative Communities toestemming. Hier zie je waarvoor, en hier trek je
        haar in wanneer je wilt.
      </p>
      <WithdrawForm consents={consents} />
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Jouw toestemming — Gilde" }, { name: "robots", content: "noindex" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
