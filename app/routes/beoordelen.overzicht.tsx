// Who is stuck: per cohort, one line per participant with their flags, the most at risk first; details per
// person on click, a message per person, and the whole overview as CSV.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { requireCohortTrainer, requireRole } from "~/auth/guards.server";
import { cohortsOfStaff } from "~/cohorts/cohorts.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { StuckList } from "~/components/grading/stuck-list";
import { defaultStuckCohort, stuckOverview, type StuckSort } from "~/grading/overview.server";
import { INACTIVE_DAYS, READING_DAYS } from "~/grading/stuck-flags";
import deskStyles from "~/styles/grading-desk.css";

const SORTS: StuckSort[] = ["risico", "inactief", "voortgang", "naam"];

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deskStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const params = new URL(request.url).searchParams;
  const cohorts = await cohortsOfStaff(trainer);
  const cohortId = params.get("groep") || (await defaultStuckCohort(cohorts.map((c) => c.id)));
  if (!cohortId) return json({ cohorts, cohortId: null, sort: "risico" as StuckSort, overview: null });
  await requireCohortTrainer(request, cohortId);
  const sort = SORTS.find((s) => s === params.get("sorteer")) ?? "risico";
  const overview = await stuckOverview(cohortId, sort);
  return json({ cohorts, cohortId, sort, overview });
}

export default function StuckOverview() {
  const { cohorts, cohortId, sort, overview } = useLoaderData<typeof loader>();
  const flagged = overview?.rows.filter((r) => r.flags.length).length ?? 0;
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" />
      <h1>Wie loopt vast?</h1>
      {!overview || !cohortId ? (
        <p className="notice">Je bent nog niet aan een groep gekoppeld.</p>
      ) : (
        <>
          <p className="lead">
            {flagged === 0
              ? "Niemand in deze groep heeft nu een signaal."
              : `${flagged} van de ${overview.rows.length} deelnemers ${flagged === 1 ? "heeft" : "hebben"} een signaal; wie het meest aandacht nodig heeft staat bovenaan.`}
          </p>
          <Form method="get" className="inline-form space-bottom-md">
            <SelectField
              name="groep"
              label="Groep"
              defaultValue={cohortId}
              options={cohorts.map((c) => ({ value: c.id, label: c.name }))}
            />
            <SelectField
              name="sorteer"
              label="Sorteer op"
              defaultValue={sort}
              options={[
                { value: "risico", label: "Meeste aandacht nodig" },
                { value: "inactief", label: "Langst niet actief" },
                { value: "voortgang", label: "Minst gelezen" },
                { value: "naam", label: "Naam" },
              ]}
            />
            <button type="submit" className="button">
              Tonen
            </button>
            <a href={`/beoordelen/overzicht/csv?groep=${cohortId}&sorteer=${sort}`}>Als CSV</a>
          </Form>
          <details className="space-bottom-md">
            <summary>Wat betekenen de signalen?</summary>
            <ul>
              <li>
                <strong>Te laat</strong>: de deadline van een opdracht is voorbij en er is niets ingeleverd.
              </li>
              <li>
                <strong>Herziening open</strong>: teruggegeven voor herziening en nog niet opnieuw ingeleverd.
              </li>
              <li>
                <strong>Feedback te laat</strong>: peerfeedback voor een gildegenoot niet gegeven na de deadline.
              </li>
              <li>
                <strong>Dagen stil</strong>: {INACTIVE_DAYS} dagen of langer niets gelezen, geschreven of ingeleverd.
              </li>
              <li>
                <strong>Leest achter</strong>: minder dan de helft gelezen van een module die volgens de planning al{" "}
                {READING_DAYS} dagen open staat.
              </li>
            </ul>
          </details>
          <StuckList overview={overview} cohortId={cohortId} />
        </>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Wie loopt vast? — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
