// Who is stuck: per cohort, participants × assignments, sortable, exportable as CSV.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { requireCohortTrainer, requireRole } from "~/auth/guards.server";
import { cohortsOfStaff } from "~/cohorts/cohorts.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { Table } from "~/components/table";
import { stuckOverview, type StuckSort } from "~/grading/overview.server";

const SORTS: StuckSort[] = ["inactief", "voortgang", "naam"];

export async function loader({ request }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const params = new URL(request.url).searchParams;
  const cohorts = await cohortsOfStaff(trainer);
  const cohortId = params.get("groep") || cohorts[0]?.id;
  if (!cohortId) return json({ cohorts, cohortId: null, sort: "inactief" as StuckSort, overview: null });
  await requireCohortTrainer(request, cohortId);
  const sort = SORTS.includes(params.get("sorteer") as StuckSort) ? (params.get("sorteer") as StuckSort) : "inactief";
  const overview = await stuckOverview(cohortId, sort);
  return json({ cohorts, cohortId, sort, overview });
}

export default function StuckOverview() {
  const { cohorts, cohortId, sort, overview } = useLoaderData<typeof loader>();
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" />
      <h1>Wie loopt vast?</h1>
      {!overview ? (
        <p className="notice">Je bent nog niet aan een groep gekoppeld.</p>
      ) : (
        <>
          <Form method="get" className="inline-form space-bottom-md">
            <SelectField
              name="groep"
              label="Groep"
              defaultValue={cohortId ?? ""}
              options={cohorts.map((c) => ({ value: c.id, label: c.name }))}
            />
            <SelectField
              name="sorteer"
              label="Sorteer op"
              defaultValue={sort}
              options={[
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
          <Table
            headers={[
              "Deelnemer",
              ...overview.assignments.map((a) => a.title),
              "Te laat",
              "Herziening open",
              "Peerfeedback open",
              "Peerfeedback gegeven (op tijd) · waardering",
              "Dagen niet actief",
              "Gelezen",
              "Per module",
            ]}
          >
            {overview.rows.map((row) => (
              <tr key={row.id}>
                <td>
                  <Link to={`/wijk/${row.id}`}>{row.name}</Link>
                </td>
                {overview.assignments.map((a) => (
                  <td key={a.slug}>{overview.labels[row.statuses[a.slug] ?? "open"]}</td>
                ))}
                <td>{row.late}</td>
                <td>{row.openRevisions}</td>
                <td>{row.reviewsOwed}</td>
                <td>
                  {`${row.reviewsGiven} (${row.reviewsOnTime})${row.reviewsRating !== null ? ` · ${row.reviewsRating.toLocaleString("nl-NL")}/4` : ""}`}
                </td>
                <td>{row.daysInactive ?? "–"}</td>
                <td>{row.progress}%</td>
                <td>
                  <ul className="module-bars" aria-label={`Gelezen per module door ${row.name}`}>
                    {overview.modules.map((m) => (
                      <li key={m.slug} title={`Module ${m.order}: ${m.title}, ${row.moduleProgress[m.slug]}% gelezen`}>
                        <span className="visually-hidden">
                          Module {m.order}: {row.moduleProgress[m.slug]}%
                        </span>
                        <span
                          className="module-bars__bar"
                          style={{ height: `${Math.max(2, (row.moduleProgress[m.slug] ?? 0) * 0.2)}px` }}
                          aria-hidden="true"
                        />
                      </li>
                    ))}
                  </ul>
                </td>
              </tr>
            ))}
          </Table>
        </>
      )}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Wie loopt vast? — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
