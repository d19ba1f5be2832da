// The trainer's grading queue: handed-in work of their cohorts, oldest first, with filters.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { formatDateTime } from "~/format";
import { Table } from "~/components/table";
import { getCourse } from "~/content/course.server";
import { gradingQueue, releaseAll } from "~/grading/grading.server";
import { pageNumber } from "~/forms/fields";
import { readForm } from "~/forms/read.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const params = new URL(request.url).searchParams;
  const late = params.get("laat");
  const status = params.get("status");
  const filter = {
    cohortId: params.get("groep") || undefined,
    gildeId: params.get("gilde") || undefined,
    drafted: status === "concept" ? true : status === "nieuw" ? false : undefined,
    assignmentSlug: params.get("opdracht") || undefined,
    late: late === "ja" ? true : late === "nee" ? false : undefined,
    page: pageNumber(params),
  };
  const queue = await gradingQueue(trainer, filter);
  const assignments = getCourse().modules.flatMap((m) =>
    m.assignments.map((a) => ({ slug: a.slug, title: a.frontmatter.title })),
  );
  return json({
    queue,
    assignments,
    filter: {
      groep: params.get("groep") ?? "",
      gilde: params.get("gilde") ?? "",
      opdracht: params.get("opdracht") ?? "",
      laat: late ?? "",
      status: status ?? "",
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const formData = await readForm(request);
  const slug = String(formData.get("opdracht") ?? "");
  if (
    formData.get("intent") !== "release-all" ||
    !getCourse().modules.some((m) => m.assignments.some((a) => a.slug === slug))
  ) {
    return json({ message: "Kies eerst een opdracht om de beoordelingen van vrij te geven." }, { status: 400 });
  }
  const { released, incomplete, awaitingSecondReader } = await releaseAll(trainer, slug);
  return json({
    message:
      `${released.length} ${released.length === 1 ? "beoordeling" : "beoordelingen"} vrijgegeven.` +
      (incomplete.length ? ` Niet vrijgegeven, want nog niet compleet: ${incomplete.join(", ")}.` : "") +
      (awaitingSecondReader.length
        ? ` Wacht op een tweede lezer (‘niet voldaan’): ${awaitingSecondReader.join(", ")}.`
        : ""),
  });
}

export default function GradingQueue() {
  const { queue, assignments, filter } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  return (
    <>
      <h1>Beoordelen</h1>
      <p>
        <Link to="/beoordelen/overzicht">Wie loopt vast? Overzicht per groep</Link>
        {queue.cohorts.map((c) => (
          <span key={c.id}>
            {" · "}
            <Link to={`/beoordelen/peerfeedback/${c.id}`}>Peerfeedback {c.name}</Link>
            {" · "}
            <Link to={`/beoordelen/aanmeldingen/${c.id}`}>Aanmeldingen {c.name}</Link>
          </span>
        ))}
      </p>
      <p className="lead">
        {queue.total === 0
          ? "Er wacht niets op je beoordeling."
          : `${queue.total} ${queue.total === 1 ? "inzending wacht" : "inzendingen wachten"} op je beoordeling, de oudste bovenaan.`}
      </p>
      <Form method="get" className="inline-form" style={{ marginBottom: "1.25rem" }}>
        <SelectField
          name="groep"
          label="Groep"
          defaultValue={filter.groep}
          emptyLabel="Alle groepen"
          options={queue.cohorts.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          name="gilde"
          label="Gilde"
          defaultValue={filter.gilde}
          emptyLabel="Alle gildes"
          options={queue.cohorts.flatMap((c) => c.gildes.map((g) => ({ value: g.id, label: `${g.name} (${c.name})` })))}
        />
        <SelectField
          name="status"
          label="Status"
          defaultValue={filter.status}
          emptyLabel="Alles"
          options={[
            { value: "nieuw", label: "Nog niet begonnen" },
            { value: "concept", label: "Concept-beoordeling klaar" },
          ]}
        />
        <SelectField
          name="opdracht"
          label="Opdracht"
          defaultValue={filter.opdracht}
          emptyLabel="Alle opdrachten"
          options={assignments.map((a) => ({ value: a.slug, label: a.title }))}
        />
        <SelectField
          name="laat"
          label="Te laat"
          defaultValue={filter.laat}
          emptyLabel="Alles"
          options={[
            { value: "ja", label: "Alleen te laat" },
            { value: "nee", label: "Alleen op tijd" },
          ]}
        />
        <button type="submit" className="button">
          Filteren
        </button>
      </Form>
      {result ? (
        <p className="notice" role="status">
          {result.message}
        </p>
      ) : null}
      {filter.opdracht ? (
        <Form method="post" style={{ marginBottom: "1rem" }}>
          <input type="hidden" name="intent" value="release-all" />
          <input type="hidden" name="opdracht" value={filter.opdracht} />
          <button type="submit" className="button button--secondary">
            Alle beoordeelde inzendingen van deze opdracht vrijgeven
          </button>
        </Form>
      ) : null}
      {queue.rows.length ? (
        <Table headers={["Deelnemer", "Opdracht", "Ingeleverd", ""]}>
          {queue.rows.map((row) => (
            <tr key={row.id}>
              <td>{row.participant}</td>
              <td>
                {row.assignment} <span className="muted">(versie {row.version})</span>
              </td>
              <td>
                {formatDateTime(row.handedInAt)}
                {row.late ? <span className="badge badge--warm">te laat</span> : null}
                {row.drafted ? <span className="badge">concept klaar</span> : null}
              </td>
              <td>
                <Link to={`/beoordelen/${row.id}`}>Beoordelen</Link>
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Beoordelen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
