// The trainer's view of a cohort's LMS courses (LTI): fetch the roster of a course into the cohort (NRPS) and see
// who is in it, and who is no longer in the LMS course.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { requireCohortTrainer } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { CourseRoster } from "~/components/lti/course-roster";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { RosterAction } from "~/lti/forms";
import { cohortRosters, syncRoster } from "~/lti/roster.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  return json(await cohortRosters(cohortId));
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const trainer = await requireCohortTrainer(request, cohortId);
  const submission = await readSubmission(request, RosterAction);
  return attempt(submission, async (value) => {
    const outcome = await syncRoster(trainer, cohortId, value.contextId);
    return redirectWithFlash(
      new URL(request.url).pathname,
      `Deelnemerslijst opgehaald: ${outcome.added} nieuw in Gilde, ${outcome.present} al bekend, ${outcome.left} niet meer in de leeromgeving.` +
        (outcome.skipped.length
          ? ` Niet toegevoegd (geen of een al gebruikt e-mailadres; laat hen één keer vanuit de cursus starten): ${outcome.skipped.join(", ")}.`
          : ""),
    );
  });
}

export default function CohortLmsCourses() {
  const { cohort, courses } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" after={cohort.name} />
      <h1>Leeromgeving: {cohort.name}</h1>
      <p className="muted">
        De cursussen in de leeromgeving van de hogeschool die aan deze groep gekoppeld zijn. Haal de deelnemerslijst op
        om iedereen die in de cursus staat meteen in Gilde te zetten; wie de cursus verliet, blijft in Gilde staan.
      </p>
      {courses.length === 0 ? (
        <p>
          Nog geen cursus gekoppeld. Zodra iemand Gilde vanuit een cursus in de leeromgeving start, staat die cursus
          hier.
        </p>
      ) : (
        courses.map((course) => <CourseRoster key={course.id} course={course} />)
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Leeromgeving — Beoordelen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
