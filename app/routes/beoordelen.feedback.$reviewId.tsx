// Feedback on feedback (issue 23): the trainer reads a review a participant gave, with the author's "bruikbaar?"
// rating, and assesses its quality on a short rubric. A trainer of another cohort gets 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { QualityForm } from "~/components/peer-review/quality-form";
import { formatDateTime } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { ReviewQualitySchema } from "~/peer-review/evaluation-forms";
import { QUALITY_RULE } from "~/peer-review/feedback-quality-rules";
import { assessReviewQuality, qualityScreen } from "~/peer-review/feedback-quality.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const screen = await qualityScreen(trainer, params.reviewId ?? "");
  invariantResponse(screen, "Deze feedback bestaat niet, of hoort niet bij een groep van jou.", { status: 404 });
  return json({ ...screen, rule: QUALITY_RULE });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const submission = await readSubmission(request, ReviewQualitySchema);
  return attempt(submission, async (input) => {
    const { low } = await assessReviewQuality(trainer, params.reviewId ?? "", input);
    return redirectWithFlash(
      new URL(request.url).pathname,
      low
        ? "Opgeslagen. Deze feedback telt als zwak; de deelnemer ziet je beoordeling op de gildepagina."
        : "Opgeslagen. De deelnemer ziet je beoordeling op de gildepagina.",
    );
  });
}

export default function ReviewQuality() {
  const review = useLoaderData<typeof loader>();
  const back = `/beoordelen/peerfeedback/${review.cohort.id}?${new URLSearchParams({ opdracht: review.assignment.slug })}`;
  return (
    <>
      <Crumbs to={back} label="Peerfeedback" after={review.cohort.name} />
      <h1>
        Feedback van {review.reviewer} aan {review.author}
      </h1>
      <p className="lead">
        {review.assignment.title}
        {review.submittedAt ? ` · gegeven ${formatDateTime(review.submittedAt)}` : ""}
      </p>
      <div className="work-layout work-layout--halves">
        <section aria-labelledby="feedback" className="card card--stacked">
          <h2 id="feedback" className="flush-top">
            De feedback
          </h2>
          <dl>
            {review.answers.map((a, index) => (
              <div key={index}>
                <dt>{a.question}</dt>
                <dd>{a.answer || "—"}</dd>
              </div>
            ))}
            {review.tip ? (
              <div>
                <dt>Tip voor verder</dt>
                <dd>{review.tip}</dd>
              </div>
            ) : null}
          </dl>
          <p className="muted">
            {review.rating
              ? `Bruikbaar volgens de schrijver: ${review.rating} van 4${review.ratingComment ? ` — ‘${review.ratingComment}’` : ""}.`
              : "De schrijver heeft nog niet gezegd hoe bruikbaar dit was."}
          </p>
        </section>
        <div>
          <QualityForm saved={review.quality} />
          <p className="muted">
            {review.rule}{" "}
            {review.cohort.counts
              ? "In deze groep telt de kwaliteit mee voor afronden."
              : "In deze groep telt de kwaliteit niet mee voor afronden."}
          </p>
        </div>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Kwaliteit van feedback — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
