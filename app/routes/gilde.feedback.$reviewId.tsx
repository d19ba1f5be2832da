// Giving peer feedback: the gildegenoot's work beside the guiding questions, optional rubric levels and a tip;
// saved as a draft, then submitted. Only the assigned reviewer gets here; anyone else gets 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Outcome, TextArea, useAfterFailedSubmit } from "~/components/field";
import { formatDateTime } from "~/format";
import { formValues } from "~/forms/parse";
import { reviewForm, saveReview } from "~/peer-review/reviews.server";
import { PeerReviewError } from "~/peer-review/settings.server";
import { readForm } from "~/forms/read.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const review = await reviewForm(user.id, params.reviewId ?? "");
  invariantResponse(review, "Deze feedbackopdracht bestaat niet, of is niet voor jou.", { status: 404 });
  return json({ review });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const formData = await readForm(request);
  const answers: Record<string, string> = {};
  const levels: Record<string, number> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("answer-")) answers[key.slice(7)] = value.slice(0, 10_000);
    if (key.startsWith("level-") && value !== "") levels[key.slice(6)] = Number(value);
  }
  const submit = formData.get("intent") === "submit";
  try {
    const saved = await saveReview(
      user.id,
      params.reviewId ?? "",
      { answers, levels, tip: String(formData.get("tip") ?? "").slice(0, 5_000) },
      Number(formData.get("revision") ?? 0),
      submit,
    );
    return json({
      ok: true as const,
      message: submit ? "Ingediend. Dank je: je gildegenoot krijgt bericht." : "Concept opgeslagen.",
      revision: saved.revision,
    });
  } catch (error) {
    if (!(error instanceof PeerReviewError)) throw error;
    if (error.status === 404) throw new Response(error.message, { status: 404 });
    return json(
      { ok: false as const, formError: error.message, fieldErrors: error.errors, values: formValues(formData) },
      { status: error.status },
    );
  }
}

export default function GiveFeedback() {
  const { review } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  useAfterFailedSubmit(failed);
  const busy = useNavigation().state !== "idle";
  const done = review.status === "SUBMITTED";
  const value = (name: string, fallback: string) => (failed ? (failed.values[name] ?? "") : fallback);
  return (
    <>
      <Crumbs to="/gilde" label="Mijn gilde" />
      <h1>Feedback op ‘{review.assignment}’</h1>
      <p className="lead">
        Werk van {review.author}.{" "}
        {done ? "Je hebt deze feedback ingediend." : `Geef je feedback uiterlijk ${formatDateTime(review.dueAt)}.`}
      </p>
      <Outcome notice={result?.ok ? result.message : undefined} error={failed?.formError} />
      <div className="work-layout" style={{ gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)" }}>
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
        </section>
        <Form method="post" aria-labelledby="jouw-feedback">
          <h2 id="jouw-feedback">Jouw feedback</h2>
          <input type="hidden" name="revision" value={result?.ok ? result.revision : review.revision} />
          {review.questions.map((question, index) => (
            <TextArea
              key={index}
              name={`answer-${index}`}
              label={question}
              rows={4}
              defaultValue={value(`answer-${index}`, review.answers[index] ?? "")}
              error={failed?.fieldErrors[`answer-${index}`]}
            />
          ))}
          <details className="field">
            <summary>Rubric-niveaus (niet verplicht)</summary>
            {review.rubric.map((criterion) => (
              <fieldset
                key={criterion.id}
                className={failed?.fieldErrors[`level-${criterion.id}`] ? "field field--invalid" : "field"}
              >
                <legend>{criterion.title}</legend>
                {criterion.levels.map((level) => (
                  <label key={level.score} style={{ display: "block", fontWeight: "normal" }}>
                    <input
                      type="radio"
                      name={`level-${criterion.id}`}
                      value={level.score}
                      defaultChecked={
                        value(`level-${criterion.id}`, review.levels[criterion.id]?.toString() ?? "") ===
                        String(level.score)
                      }
                    />{" "}
                    <strong>{level.label}</strong>: {level.descriptor}
                  </label>
                ))}
                {failed?.fieldErrors[`level-${criterion.id}`] ? (
                  <p className="field__error" role="alert">
                    {failed.fieldErrors[`level-${criterion.id}`]}
                  </p>
                ) : null}
              </fieldset>
            ))}
          </details>
          <TextArea
            name="tip"
            label="Tip voor verder"
            hint="Eén ding dat je gildegenoot morgen in de wijk kan proberen."
            rows={3}
            defaultValue={value("tip", review.tip)}
          />
          {done ? null : (
            <div className="button-row">
              <button type="submit" name="intent" value="save" className="button button--secondary" disabled={busy}>
                Concept opslaan
              </button>
              <button type="submit" name="intent" value="submit" className="button" disabled={busy}>
                Feedback indienen
              </button>
            </div>
          )}
        </Form>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Feedback geven — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
