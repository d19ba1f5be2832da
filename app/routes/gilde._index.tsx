// The participant's gilde: its members and their wijken, the peer feedback still to give, and the feedback
// received (when it may be read), each rated "bruikbaar?" 1–4. Anonymity is applied by the server.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Field } from "~/components/field";
import { GildeForm } from "~/components/form";
import { RatingSchema } from "~/peer-review/forms";
import { formatDateTime } from "~/format";
import { Table } from "~/components/table";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { markSeen } from "~/dashboard/seen.server";
import { feedbackReceived, myGilde, rateReview, reviewsToGive } from "~/peer-review/reviews.server";
import { z } from "zod";
import { EvaluationMoments } from "~/components/peer-review/evaluation-moments";
import { FeedbackQualitySection } from "~/components/peer-review/feedback-quality-card";
import { ReflectionForm } from "~/components/peer-review/reflection-form";
import { ReflectionSchema } from "~/peer-review/evaluation-forms";
import { evaluationMomentsFor } from "~/peer-review/evaluation.server";
import { myFeedbackQuality } from "~/peer-review/feedback-quality.server";
import { latestReflections, saveReflection } from "~/peer-review/reflection.server";

// A reflection names its intent; the "bruikbaar?" rating has always been sent without one.
const GildeSchema = z.union([ReflectionSchema, RatingSchema]);

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const [gilde, toGive, received, evaluations, quality] = await Promise.all([
    myGilde(user.id),
    reviewsToGive(user.id),
    feedbackReceived(user.id),
    evaluationMomentsFor(user.id),
    myFeedbackQuality(user.id),
  ]);
  const reflections = Object.fromEntries(
    await latestReflections(
      user.id,
      received.filter((s) => s.reviews.length).map((s) => s.submissionId),
    ),
  );
  // The feedback shown here is no longer news on the start page.
  await markSeen(user.id, "gilde");
  return json({ gilde, toGive, received, evaluations, quality, reflections });
}

export async function action({ request }: ActionFunctionArgs) {
  const user = await requireRole(request, "PARTICIPANT");
  const submission = await readSubmission(request, GildeSchema);
  return attempt(submission, async (value) => {
    const here = new URL(request.url).pathname;
    if ("intent" in value) {
      await saveReflection(user.id, value.submissionId, value.reflection);
      return redirectWithFlash(here, "Je reflectie is opgeslagen. Je trainer leest hem bij je volgende versie.");
    }
    await rateReview(user.id, value.reviewId, value.rating, value.comment);
    return redirectWithFlash(here, "Dank je: je waardering is opgeslagen.");
  });
}

const RATINGS = [
  [1, "1 – niet bruikbaar"],
  [2, "2 – een beetje"],
  [3, "3 – bruikbaar"],
  [4, "4 – zeer bruikbaar"],
] as const;

export default function GildePage() {
  const { gilde, toGive, received, evaluations, quality, reflections } = useLoaderData<typeof loader>();
  const open = toGive.filter((r) => r.status === "OPEN");
  return (
    <>
      <h1>{gilde ? `Gilde ${gilde.name}` : "Mijn gilde"}</h1>
      {gilde ? (
        <section aria-labelledby="leden">
          <h2 id="leden">Leden</h2>
          <p className="muted">
            Groep {gilde.cohort} · <Link to={`/gildes/${gilde.id}`}>Naar de gildekamer</Link>
          </p>
          <ul>
            {gilde.members.map((m) => (
              <li key={m.name}>
                {m.name}
                {m.me ? " (jij)" : ""}
                {m.wijk ? (
                  <span className="muted"> · {m.wijk}</span>
                ) : (
                  <span className="muted"> · nog geen wijkprofiel</span>
                )}
              </li>
            ))}
          </ul>
        </section>
      ) : (
        <p className="notice">
          Je bent nog niet in een gilde geplaatst. Je trainer doet dat aan het begin van de leergang.
        </p>
      )}

      <EvaluationMoments moments={evaluations} />

      <section aria-labelledby="geven">
        <h2 id="geven">Feedback die jij geeft</h2>
        {toGive.length === 0 ? (
          <p className="muted">
            Je hebt nu geen feedback te geven. Zodra je een opdracht met peerfeedback inlevert, krijg je werk van
            gildegenoten.
          </p>
        ) : (
          <>
            <p>{open.length === 0 ? "Alles gegeven: dank je." : `Nog ${open.length} te geven.`}</p>
            <Table headers={["Opdracht", "Van", "Uiterlijk", "Status", ""]}>
              {toGive.map((r) => (
                <tr key={r.id}>
                  <td>{r.assignment}</td>
                  <td>{r.author}</td>
                  <td>{formatDateTime(r.dueAt)}</td>
                  <td>
                    {r.status === "SUBMITTED"
                      ? "Gegeven"
                      : r.overdue
                        ? "Verlopen"
                        : r.started
                          ? "Concept"
                          : "Nog te doen"}
                  </td>
                  <td>
                    <Link to={`/gilde/feedback/${r.id}`}>
                      {r.status === "SUBMITTED" ? "Teruglezen" : "Feedback geven"}
                    </Link>
                  </td>
                </tr>
              ))}
            </Table>
          </>
        )}
      </section>

      <section aria-labelledby="ontvangen">
        <h2 id="ontvangen">Feedback die je kreeg</h2>
        {received.length === 0 ? <p className="muted">Nog geen peerfeedback op je werk.</p> : null}
        {received.map((s) => (
          <article key={s.submissionId} className="card card--stacked">
            <h3>{s.assignment}</h3>
            {s.visibleFrom ? <p className="muted">{s.visibleFrom}</p> : null}
            {s.waiting ? (
              <p className="muted">
                {s.waiting === 1 ? "Eén feedbackgever is nog bezig." : `${s.waiting} feedbackgevers zijn nog bezig.`}
              </p>
            ) : null}
            {s.reviews.map((review) => (
              <div key={review.id} className="peer-review">
                <h4>{review.reviewer}</h4>
                <dl>
                  {s.questions.map((q, index) => (
                    <div key={index}>
                      <dt>{q}</dt>
                      <dd>{review.answers[index] || "—"}</dd>
                    </div>
                  ))}
                  {s.rubric
                    .filter((c) => review.levels[c.id] !== undefined)
                    .map((c) => (
                      <div key={c.id}>
                        <dt>{c.title}</dt>
                        <dd>{c.levels.find((l) => l.score === review.levels[c.id])?.label}</dd>
                      </div>
                    ))}
                  {review.tip ? (
                    <div>
                      <dt>Tip voor verder</dt>
                      <dd>{review.tip}</dd>
                    </div>
                  ) : null}
                </dl>
                <Rating review={review} />
              </div>
            ))}
            {s.reviews.length ? (
              <ReflectionForm submissionId={s.submissionId} saved={reflections[s.submissionId] ?? ""} />
            ) : null}
          </article>
        ))}
      </section>

      <FeedbackQualitySection assessed={quality} />
    </>
  );
}

type Received = ReturnType<typeof useLoaderData<typeof loader>>["received"][number]["reviews"][number];

function Rating({ review }: { review: Received }) {
  const [form, fields] = useGildeForm(RatingSchema, {
    id: `waardering-${review.id}`,
    defaultValue: { rating: review.rating ? String(review.rating) : "", comment: review.ratingComment ?? "" },
  });
  return (
    <GildeForm form={form} className="inline-form">
      <input type="hidden" name={fields.reviewId.name} value={review.id} />
      <fieldset
        className={fields.rating.errors ? "field field--invalid" : "field"}
        aria-describedby={fields.rating.errors ? fields.rating.errorId : undefined}
      >
        <legend>Bruikbaar?</legend>
        {RATINGS.map(([value, label]) => (
          <label key={value} className="check-label check-label--inline">
            <input
              type="radio"
              name={fields.rating.name}
              value={value}
              defaultChecked={fields.rating.initialValue === String(value)}
            />{" "}
            {label}
          </label>
        ))}
        {fields.rating.errors ? (
          <p className="field__error" id={fields.rating.errorId}>
            {fields.rating.errors[0]}
          </p>
        ) : null}
      </fieldset>
      <Field meta={fields.comment} label="Toelichting (niet verplicht)" />
      <button type="submit" className="button button--secondary">
        Waardering opslaan
      </button>
    </GildeForm>
  );
}

export const meta: MetaFunction = () => [{ title: "Mijn gilde — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
