// Giving peer feedback: the gildegenoot's work beside the guiding questions, optional rubric levels and a tip;
// saved as a draft, then submitted. Only the assigned reviewer gets here; anyone else gets 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { WijkFeedbackList } from "~/components/consent/feedback-cards";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { feedbackForReviewer } from "~/consent/feedback.server";
import { ReviewForm } from "~/components/gilde/review-form";
import { ReviewSchema } from "~/peer-review/forms";
import { formatDateTime } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { reviewForm, saveReview } from "~/peer-review/reviews.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const review = await reviewForm(user.id, params.reviewId ?? "");
  invariantResponse(review, "Deze feedbackopdracht bestaat niet, of is niet voor jou.", { status: 404 });
  return json({ review, wijkFeedback: await feedbackForReviewer(user.id, params.reviewId ?? "") });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const submission = await readSubmission(request, ReviewSchema);
  return attempt(submission, async ({ intent, revision, ...input }) => {
    const submit = intent === "submit";
    await saveReview(user.id, params.reviewId ?? "", input, revision, submit);
    return redirectWithFlash(
      new URL(request.url).pathname,
      submit ? "Ingediend. Dank je: je gildegenoot krijgt bericht." : "Concept opgeslagen.",
    );
  });
}

export default function GiveFeedback() {
  const { review, wijkFeedback } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const done = review.status === "SUBMITTED";
  return (
    <>
      <Crumbs to="/gilde" label="Mijn gilde" />
      <h1>Feedback op ‘{review.assignment}’</h1>
      <p className="lead">
        Werk van {review.author}.{" "}
        {done ? "Je hebt deze feedback ingediend." : `Geef je feedback uiterlijk ${formatDateTime(review.dueAt)}.`}
      </p>
      <div className="work-layout work-layout--halves">
        <section aria-labelledby="werk">
          <h2 id="werk">De inzending</h2>
          <div className="prose card" dangerouslySetInnerHTML={{ __html: review.html }} />
          {review.attachments.length ? (
            <ul className="attachments">
              {review.attachments.map((file) => (
                <li key={file.index}>
                  {file.withheld ? (
                    <span className="muted">
                      {file.name}: niet gedeeld, omdat de schrijver er niet anoniem in kon blijven.
                    </span>
                  ) : (
                    <a href={`/gilde/feedback/${review.id}/bijlage/${file.index}`}>{file.name}</a>
                  )}
                </li>
              ))}
            </ul>
          ) : null}
          {wijkFeedback.length ? <WijkFeedbackList feedback={wijkFeedback} headingLevel={3} /> : null}
        </section>
        <ReviewForm review={review} done={done} busy={busy} />
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Feedback geven — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
