// Asking the wijk for feedback on an assignment (issue 24): invite someone by e-mail or make a link (a QR code) for
// a meeting, see who answered, thank them and choose what the gilde may read. Only the participant's own work.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { OwnFeedbackList } from "~/components/consent/feedback-cards";
import { InviteByMailForm, MeetingLinkForm } from "~/components/consent/invite-forms";
import { RequestList } from "~/components/consent/request-list";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { shareWithGilde, thankResident } from "~/consent/feedback.server";
import { ManageSchema } from "~/consent/forms";
import { inviteByMail, makeMeetingLink, revokeRequest, wijkFeedbackPage } from "~/consent/requests.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import wijkStyles from "~/styles/wijkfeedback.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: wijkStyles }];

/** A first excerpt to start from: the opening of the work, which the participant then trims. */
function startingExcerpt(text: string) {
  const paragraphs = text.split(/\n{2,}/).filter((p) => p.trim());
  let excerpt = "";
  for (const paragraph of paragraphs) {
    if (excerpt && excerpt.length + paragraph.length > 1200) break;
    excerpt = excerpt ? `${excerpt}\n\n${paragraph}` : paragraph;
  }
  return excerpt.slice(0, 5000);
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await wijkFeedbackPage(user, params.slug ?? "");
  invariantResponse(page, "Deze opdracht bestaat niet, of is niet van jou.", { status: 404 });
  return json({ ...page, slug: params.slug ?? "", excerpt: startingExcerpt(page.work.text) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const here = new URL(request.url).pathname;
  const submission = await readSubmission(request, ManageSchema);
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "mail":
        await inviteByMail(user, slug, value);
        return redirectWithFlash(`${here}#links`, `De uitnodiging aan ${value.name} is verstuurd.`);
      case "meeting":
        await makeMeetingLink(user, slug, value);
        return redirectWithFlash(`${here}#links`, "De link is klaar. Laat de QR-code hieronder scannen.");
      case "revoke":
        await revokeRequest(user, value.requestId);
        return redirectWithFlash(`${here}#links`, "De link is ingetrokken en werkt niet meer.");
      case "thank":
        await thankResident(user, value.feedbackId, value.message);
        return redirectWithFlash(`${here}#binnen`, "Je bedankje is verstuurd.");
      case "share":
        await shareWithGilde(user, value.feedbackId, value.share === "yes");
        return redirectWithFlash(
          `${here}#binnen`,
          value.share === "yes" ? "Je gilde kan deze feedback nu lezen." : "Je gilde ziet deze feedback niet meer.",
        );
    }
  });
}

export default function WijkFeedbackManage() {
  const page = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <article>
      <p className="muted flush">
        <Link to={`/opdrachten/${page.slug}`}>← Terug naar {page.title}</Link>
      </p>
      <h1>Feedback uit de wijk</h1>
      <p className="lead">
        Vraag bewoners en partners wat zij van je werk vinden. Zij hebben geen account nodig en zien alleen je voornaam
        en het stuk dat jij kiest. Je trainer leest hun antwoorden bij je opdracht; je gilde alleen als jij dat wilt en
        zij het goedvinden.
      </p>
      <section id="binnen" aria-labelledby="binnen-kop">
        <h2 id="binnen-kop">Wat er binnen is</h2>
        <OwnFeedbackList feedback={page.feedback} />
      </section>
      <section id="links" aria-labelledby="links-kop" className="space-top">
        <h2 id="links-kop">Je links</h2>
        <RequestList requests={page.requests} />
      </section>
      <section aria-labelledby="vragen-kop" className="space-top">
        <h2 id="vragen-kop">Iemand om feedback vragen</h2>
        {page.remainingToday > 0 ? (
          <>
            <p className="muted">Je kunt vandaag nog {page.remainingToday} keer om feedback vragen.</p>
            <div className="work-layout work-layout--halves">
              <InviteByMailForm excerpt={page.excerpt} busy={busy} />
              <MeetingLinkForm excerpt={page.excerpt} busy={busy} />
            </div>
          </>
        ) : (
          <p className="notice" role="status">
            Je hebt vandaag al vaak om feedback gevraagd. Morgen kun je weer nieuwe uitnodigingen maken.
          </p>
        )}
      </section>
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Feedback uit de wijk — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
