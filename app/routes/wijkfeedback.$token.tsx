// The public wijk-feedback form (issue 24): no account, no JavaScript needed. A resident or partner opens the link
// the participant mailed or showed as a QR code, reads what the participant chose to show, answers two or three
// questions and gives consent for a purpose and a period. Then they land on their withdrawal page.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { invariantResponse } from "~/auth/guards.server";
import { ResidentForm } from "~/components/consent/resident-form";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { ResidentFeedbackSchema } from "~/consent/forms";
import { feedbackForm, giveFeedback } from "~/consent/respond.server";
import { formatDate } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import wijkStyles from "~/styles/wijkfeedback.css";

// The link carries a secret: it never travels on to another site. Not "no-referrer": with that, a browser sends
// "Origin: null" with the form's POST, which the origin check (auth/csrf.ts) rightly refuses.
export const headers = () => ({ "Referrer-Policy": "same-origin" });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: wijkStyles }];

export async function loader({ params }: LoaderFunctionArgs) {
  const form = await feedbackForm(params.token ?? "");
  invariantResponse(form, "Deze link bestaat niet. Controleer of je hem helemaal hebt overgenomen.", { status: 404 });
  return json(form);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const submission = await readSubmission(request, ResidentFeedbackSchema);
  return attempt(submission, async (input) => {
    const withdrawal = await giveFeedback(params.token ?? "", input);
    return redirectWithFlash(
      `/toestemming/${withdrawal}`,
      "Bedankt! Je antwoorden zijn verstuurd. Bewaar deze pagina: hier trek je je toestemming later in.",
    );
  });
}

const CLOSED = {
  answered: "Met deze link is al gereageerd. Bedankt daarvoor!",
  full: "Deze link is gesloten: er hebben al genoeg mensen gereageerd.",
  expired: "Deze link is verlopen.",
  revoked: "Deze link is ingetrokken.",
} as const;

export default function WijkFeedback() {
  const form = useLoaderData<typeof loader>();
  return (
    <article className="wijk-page">
      <h1>{form.participant} vraagt jouw mening</h1>
      {form.state === "open" ? (
        <>
          <p className="lead">
            {form.participant} volgt de leergang Creative Communities en werkt in jouw buurt. Wat vind jij? Het zijn
            maar een paar vragen. Je hebt geen account nodig.
          </p>
          <p className="muted">Deze link werkt tot {formatDate(form.expiresAt)}.</p>
          <ResidentForm participant={form.participant} questions={form.questions} excerptHtml={form.excerptHtml} />
        </>
      ) : (
        <p className="notice" role="status">
          {CLOSED[form.state]} Wil je toch iets kwijt? Vraag {form.participant} dan om een nieuwe link.
        </p>
      )}
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Jouw mening — Gilde" }, { name: "robots", content: "noindex" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
