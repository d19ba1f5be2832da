// Graded work, next to the queue: every submission of the trainer's cohorts with an assessment (a draft or
// released), newest first, filtered on cohort, assignment, decision, trainer and release; each line opens the desk.
import type { LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { GradingTabs, Pager } from "~/components/grading/grading-tabs";
import { Table } from "~/components/table";
import { getCourse } from "~/content/course.server";
import { formatDateTime } from "~/format";
import { parseGradedFilter } from "~/grading/graded-filter";
import { gradedWork } from "~/grading/queue.server";
import { DECISION_LABELS } from "~/grading/rubric";
import deskStyles from "~/styles/grading-desk.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deskStyles }];

const FILTER_PARAMS = ["groep", "opdracht", "besluit", "trainer", "vrijgegeven"] as const;

export async function loader({ request }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const params = new URL(request.url).searchParams;
  const graded = await gradedWork(trainer, parseGradedFilter(params));
  const assignments = getCourse().modules.flatMap((m) =>
    m.assignments.map((a) => ({ value: a.slug, label: a.frontmatter.title })),
  );
  const filter = Object.fromEntries(FILTER_PARAMS.map((name) => [name, params.get(name) ?? ""])) as Record<
    (typeof FILTER_PARAMS)[number],
    string
  >;
  const query = new URLSearchParams(Object.entries(filter).filter(([, value]) => value)).toString();
  return json({ graded, assignments, filter, query });
}

export default function GradedWork() {
  const { graded, assignments, filter, query } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beoordelen</h1>
      <GradingTabs current="beoordeeld" />
      <p className="lead">
        {graded.total === 0
          ? "Hier staat nog geen beoordeeld werk dat bij deze keuze past."
          : `${graded.total} ${graded.total === 1 ? "inzending" : "inzendingen"} beoordeeld, de nieuwste bovenaan.`}
      </p>
      <Form method="get" className="inline-form space-bottom-md">
        <SelectField
          name="groep"
          label="Groep"
          defaultValue={filter.groep}
          emptyLabel="Alle groepen"
          options={graded.cohorts.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          name="opdracht"
          label="Opdracht"
          defaultValue={filter.opdracht}
          emptyLabel="Alle opdrachten"
          options={assignments}
        />
        <SelectField
          name="besluit"
          label="Besluit"
          defaultValue={filter.besluit}
          emptyLabel="Alle besluiten"
          options={Object.entries(DECISION_LABELS).map(([value, label]) => ({ value, label }))}
        />
        <SelectField
          name="trainer"
          label="Beoordeeld door"
          defaultValue={filter.trainer}
          emptyLabel="Alle trainers"
          options={graded.graders.map((g) => ({ value: g.id, label: g.name }))}
        />
        <SelectField
          name="vrijgegeven"
          label="Vrijgegeven"
          defaultValue={filter.vrijgegeven}
          emptyLabel="Alles"
          options={[
            { value: "ja", label: "Vrijgegeven" },
            { value: "nee", label: "Nog concept" },
          ]}
        />
        <button type="submit" className="button">
          Filteren
        </button>
      </Form>
      {graded.rows.length ? (
        <Table headers={["Deelnemer", "Opdracht", "Besluit", "Door", "Wanneer", ""]}>
          {graded.rows.map((row) => (
            <tr key={row.id}>
              <td>
                {row.participant} <span className="muted">({row.cohort})</span>
              </td>
              <td>{row.assignment}</td>
              <td>
                {row.decision ?? "Nog geen besluit"}
                {row.correction ? <span className="badge">correctie</span> : null}
              </td>
              <td>{row.grader}</td>
              <td>
                {row.released ? `Vrijgegeven ${formatDateTime(row.at)}` : `Concept van ${formatDateTime(row.at)}`}
              </td>
              <td>
                <Link to={`/beoordelen/${row.id}`} aria-label={`Beoordeling van ${row.participant} openen`}>
                  Openen
                </Link>
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <Pager page={graded.page} pages={graded.pages} query={query} />
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Beoordeeld werk — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
