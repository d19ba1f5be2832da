// The trainer's evaluation page of a cohort (issue 23): the evaluation moments (add one), and for one moment every
// member's own and received ratings with names and outliers marked; and whether the quality of the feedback
// participants give counts toward completion.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { fromAmsterdamInput } from "~/assignments/time";
import { requireCohortTrainer } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CloseMomentForm, NewMomentForm, QualityCountsForm } from "~/components/peer-review/evaluation-admin-forms";
import { EvaluationResults } from "~/components/peer-review/evaluation-results";
import { formatDate } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { EvaluationAdminSchema } from "~/peer-review/evaluation-forms";
import { MOMENT_STATE_LABELS, OUTLIER_RULE } from "~/peer-review/evaluation-rules";
import { closeEvaluationMoment, createEvaluationMoment, evaluationOverview } from "~/peer-review/evaluation.server";
import { setFeedbackQualityCounts } from "~/peer-review/feedback-quality.server";
import { QUALITY_RULE } from "~/peer-review/feedback-quality-rules";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  const overview = await evaluationOverview(cohortId, new URL(request.url).searchParams.get("moment"));
  return json({ ...overview, outlierRule: OUTLIER_RULE, qualityRule: QUALITY_RULE });
}

const day = (date: Date, time: string) => fromAmsterdamInput(`${date.toISOString().slice(0, 10)}T${time}`)!;

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const trainer = await requireCohortTrainer(request, cohortId);
  const submission = await readSubmission(request, EvaluationAdminSchema);
  const here = new URL(request.url).pathname;
  return attempt(submission, async (value) => {
    if (value.intent === "quality-counts") {
      await setFeedbackQualityCounts(cohortId, value.counts);
      return redirectWithFlash(
        here,
        value.counts
          ? "Opgeslagen: de kwaliteit van gegeven feedback telt nu mee voor afronden."
          : "Opgeslagen: de kwaliteit van gegeven feedback telt niet mee voor afronden.",
      );
    }
    if (value.intent === "close-moment") {
      const closed = await closeEvaluationMoment(trainer, cohortId, value.momentId);
      return redirectWithFlash(
        `${here}?moment=${value.momentId}`,
        `‘${closed.name}’ is gesloten: er kunnen geen beoordelingen meer bij.`,
      );
    }
    const moment = await createEvaluationMoment(trainer, cohortId, {
      name: value.name,
      opensAt: day(value.opensOn, "00:00"),
      closesAt: day(value.closesOn, "23:59"),
    });
    return redirectWithFlash(`${here}?moment=${moment.id}`, `Evaluatiemoment ‘${value.name}’ toegevoegd.`);
  });
}

export default function EvaluationOverview() {
  const { cohort, moments, current, gildes, outlierRule, qualityRule } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" after={cohort.name} />
      <h1>Evaluatie in de gildes</h1>
      <p className="lead">
        Deelnemers beoordelen eerst zichzelf en dan elke gildegenoot. Zij zien alleen gemiddelden, vanaf drie
        beoordelaars; jij ziet alles.
      </p>
      {moments.length ? (
        <nav aria-label="Evaluatiemomenten">
          <ul className="plain-list">
            {moments.map((m) => (
              <li key={m.id}>
                {m.id === current?.id ? <strong>{m.name}</strong> : <Link to={`?moment=${m.id}`}>{m.name}</Link>} ·{" "}
                {formatDate(m.opensAt)} tot en met {formatDate(m.closesAt)} · {MOMENT_STATE_LABELS[m.state]}
              </li>
            ))}
          </ul>
        </nav>
      ) : (
        <p className="notice">Er is nog geen evaluatiemoment. Voeg er hieronder een toe, bijvoorbeeld halverwege.</p>
      )}
      {current ? (
        <>
          <h2>{current.name}</h2>
          {current.state === "closed" ? null : <CloseMomentForm moment={current} />}
          <p className="muted">{outlierRule}</p>
          <EvaluationResults gildes={gildes} />
        </>
      ) : null}
      <NewMomentForm />
      <section aria-labelledby="kwaliteit" className="card card--stacked">
        <h2 id="kwaliteit" className="flush-top">
          Kwaliteit van gegeven feedback
        </h2>
        <p>
          Beoordeel de feedback die deelnemers gaven vanuit het{" "}
          <Link to={`/beoordelen/peerfeedback/${cohort.id}`}>peerfeedbackoverzicht</Link>. {qualityRule}
        </p>
        <QualityCountsForm counts={cohort.feedbackQualityCounts} />
      </section>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Evaluatie — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
