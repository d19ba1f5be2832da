// The trainer's assignment page for a cohort: deadlines, closing, extensions, and who handed in (late or not).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireCohortTrainer } from "~/auth/guards.server";
import { cohortAssignments, grantExtension, removeExtension, saveSchedule } from "~/assignments/schedule.server";
import { toAmsterdamInput } from "~/assignments/time";
import { getCohortSummary } from "~/cohorts/cohorts.server";
import {
  cohortActionSchema,
  CompleteForm,
  ExtensionForm,
  ScheduleForm,
  scheduleEntries,
} from "~/components/assignments/cohort-forms";
import { completionOverview, confirmCompletion } from "~/grading/completion.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { RefusedError } from "~/errors.server";
import { formatDateTime } from "~/format";
import { getCourse } from "~/content/course.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { Table } from "~/components/table";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  const [cohort, assignments, completion] = await Promise.all([
    getCohortSummary(cohortId),
    cohortAssignments(cohortId),
    completionOverview(cohortId),
  ]);
  return json({
    cohort,
    completion,
    assignments: assignments.map((a) => ({
      ...a,
      dueInput: a.dueAt ? toAmsterdamInput(a.dueAt) : "",
      peerReviewDueInput: a.peerReviewDueAt ? toAmsterdamInput(a.peerReviewDueAt) : "",
    })),
  });
}

/** The course's assignments, in order, as the deadlines form knows them. */
function planned() {
  return getCourse().modules.flatMap((m) =>
    m.assignments.map((a) => ({ slug: a.slug, peerReview: a.frontmatter.peerReview.enabled })),
  );
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const user = await requireCohortTrainer(request, cohortId);
  const here = new URL(request.url).pathname;
  const submission = await readSubmission(request, cohortActionSchema(planned()));
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "complete": {
        const done = await confirmCompletion(cohortId, value.userId);
        if (!done.ok) throw new RefusedError(done.error);
        return redirectWithFlash(here, `${done.name} heeft de leergang afgerond en is nu alumnus.`);
      }
      case "remove-extension": {
        const removed = await removeExtension(cohortId, value.slug, value.userId);
        if (!removed.ok) throw new RefusedError(removed.error);
        return redirectWithFlash(here, "Het uitstel is ingetrokken.");
      }
      case "extension": {
        const granted = await grantExtension(cohortId, value.slug, value.userId, value.dueAt, user.id);
        if (!granted.ok) throw new RefusedError(granted.error);
        return redirectWithFlash(here, `Uitstel gegeven tot ${formatDateTime(value.dueAt)}.`);
      }
      case "schedule": {
        // The schema has checked every date; what is left are moments or empty fields.
        const entries = scheduleEntries(planned(), value).map((entry) => ({
          ...entry,
          dueAt: entry.dueAt ?? null,
          peerReviewDueAt: entry.peerReviewDueAt ?? null,
        }));
        await saveSchedule(cohortId, entries, user.id);
        return redirectWithFlash(here, "De deadlines zijn opgeslagen.");
      }
    }
  });
}

export default function CohortAssignments() {
  const { cohort, assignments, completion } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to="/dashboard" label="Overzicht" after={cohort.name} />
      <h1>Opdrachten van {cohort.name}</h1>
      <p>
        <a href={`/beoordelen/export/${cohort.id}`}>Alle besluiten als CSV (voor Excel)</a> ·{" "}
        <Link to={`/beoordelen?groep=${cohort.id}`}>Beoordelen</Link>
      </p>

      <h2>Deadlines</h2>
      <p className="muted">
        Tijden in Nederlandse tijd. Te laat inleveren kan, en wordt gemarkeerd; een gesloten opdracht kan niet meer
        ingeleverd of bewerkt worden.
      </p>
      <ScheduleForm assignments={assignments} />

      <h2 className="space-top-lg">Wie heeft ingeleverd</h2>
      {assignments.map((a) => (
        <details key={a.slug} className="card space-bottom-sm">
          <summary>
            {a.moduleOrder}. {a.title} · {a.participants.filter((p) => p.handedInAt).length} van {a.participants.length}{" "}
            ingeleverd
            {a.dueAt ? ` · deadline ${formatDateTime(a.dueAt)}` : ""}
          </summary>
          <Table headers={["Deelnemer", "Ingeleverd", "Uitstel"]}>
            {a.participants.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/wijk/${p.id}`} title="Wijkprofiel van deze deelnemer">
                    {p.name}
                  </Link>
                </td>
                <td>
                  {p.handedInAt ? (
                    <>
                      {formatDateTime(p.handedInAt)} (versie {p.version})
                      {p.late ? <span className="badge badge--warm">te laat</span> : null}
                    </>
                  ) : (
                    <span className="muted">nog niet</span>
                  )}
                </td>
                <td>
                  <ExtensionForm
                    slug={a.slug}
                    participant={p}
                    extension={p.extension ? formatDateTime(p.extension) : null}
                  />
                </td>
              </tr>
            ))}
          </Table>
        </details>
      ))}

      <h2 className="space-top-lg">Afronden</h2>
      <p className="muted">Wie alle opdrachten voldaan heeft, kan de leergang afronden en wordt alumnus.</p>
      <Table headers={["Deelnemer", "Wat nog ontbreekt", ""]}>
        {completion.map((p) => (
          <tr key={p.id}>
            <td>{p.name}</td>
            <td>
              {p.completed
                ? "Afgerond"
                : p.gaps.length
                  ? missing(p.gaps.length - (p.reviewsOwed ? 1 : 0), p.reviewsOwed)
                  : "Niets: klaar om af te ronden"}
            </td>
            <td>{!p.completed && p.gaps.length === 0 ? <CompleteForm userId={p.id} /> : null}</td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function missing(assignments: number, reviews: number) {
  return [
    assignments ? `${assignments} ${assignments === 1 ? "opdracht" : "opdrachten"} nog niet voldaan` : null,
    reviews ? `${reviews} ${reviews === 1 ? "peerfeedback" : "peerfeedbacks"} nog niet gegeven` : null,
  ]
    .filter(Boolean)
    .join("; ");
}

export const meta: MetaFunction = () => [{ title: "Opdrachten van de groep — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
