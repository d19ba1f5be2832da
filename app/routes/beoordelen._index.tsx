// The trainer's grading queue: handed-in work of their cohorts, oldest first, with filters. The filters and page
// go along to the grading desk (the same query string), so the trainer comes back to the same place.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { requireRole } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { GildeForm } from "~/components/form";
import { GradingTabs, Pager } from "~/components/grading/grading-tabs";
import { formatDateTime } from "~/format";
import { Table } from "~/components/table";
import { getCourse } from "~/content/course.server";
import { RefusedError } from "~/errors.server";
import { releaseAll } from "~/grading/grading.server";
import { parseQueueFilter, queueQuery } from "~/grading/queue-filter";
import { gradingQueue } from "~/grading/queue.server";
import deskStyles from "~/styles/grading-desk.css";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";

const ReleaseAllSchema = z.object({ intent: z.literal("release-all"), opdracht: z.string().default("") });

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deskStyles }];

export async function loader({ request }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const params = new URL(request.url).searchParams;
  const filter = parseQueueFilter(params);
  const queue = await gradingQueue(trainer, filter);
  const assignments = getCourse().modules.flatMap((m) =>
    m.assignments.map((a) => ({ slug: a.slug, title: a.frontmatter.title })),
  );
  return json({
    queue,
    assignments,
    place: queueQuery(params),
    filter: {
      groep: params.get("groep") ?? "",
      gilde: params.get("gilde") ?? "",
      opdracht: params.get("opdracht") ?? "",
      laat: params.get("laat") ?? "",
      status: params.get("status") ?? "",
    },
  });
}

export async function action({ request }: ActionFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const submission = await readSubmission(request, ReleaseAllSchema);
  return attempt(submission, async ({ opdracht: slug }) => {
    if (!getCourse().modules.some((m) => m.assignments.some((a) => a.slug === slug)))
      throw new RefusedError("Kies eerst een opdracht om de beoordelingen van vrij te geven.");
    const { released, incomplete, awaitingSecondReader } = await releaseAll(trainer, slug);
    const url = new URL(request.url);
    return redirectWithFlash(
      `${url.pathname}${url.search}`,
      `${released.length} ${released.length === 1 ? "beoordeling" : "beoordelingen"} vrijgegeven.` +
        (incomplete.length ? ` Niet vrijgegeven, want nog niet compleet: ${incomplete.join(", ")}.` : "") +
        (awaitingSecondReader.length
          ? ` Wacht op een tweede lezer (‘niet voldaan’): ${awaitingSecondReader.join(", ")}.`
          : ""),
    );
  });
}

export default function GradingQueue() {
  const { queue, assignments, filter, place } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>Beoordelen</h1>
      <GradingTabs current="wachtrij" />
      <p>
        <Link to="/beoordelen/overzicht">Wie loopt vast? Overzicht per groep</Link>
      </p>
      {queue.cohorts.length ? (
        <ul className="plain-list space-bottom-md">
          {queue.cohorts.map((c) => (
            <li key={c.id}>
              <strong>{c.name}</strong>
              {": "}
              {cohortPages(c).map((item, i) => (
                <span key={item.to}>
                  {i ? " · " : null}
                  <Link to={item.to} aria-label={`${item.label} ${c.name}`}>
                    {item.label}
                  </Link>
                </span>
              ))}
            </li>
          ))}
        </ul>
      ) : null}
      <p className="lead">
        {queue.total === 0
          ? "Er wacht niets op je beoordeling."
          : `${queue.total} ${queue.total === 1 ? "inzending wacht" : "inzendingen wachten"} op je beoordeling, de oudste bovenaan.`}
      </p>
      <Form method="get" className="inline-form space-bottom-md">
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
      {filter.opdracht ? <ReleaseAll slug={filter.opdracht} /> : null}
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
                <Link to={`/beoordelen/${row.id}${place}`} aria-label={`${row.participant} beoordelen`}>
                  Beoordelen
                </Link>
              </td>
            </tr>
          ))}
        </Table>
      ) : null}
      <Pager page={queue.page} pages={queue.pages} query={place} />
    </>
  );
}

/** The pages a trainer has per cohort, next to the queue (the learning environment's only where one is linked). */
function cohortPages(cohort: { id: string; lms: boolean }) {
  return [
    { to: `/beoordelen/peerfeedback/${cohort.id}`, label: "Peerfeedback" },
    { to: `/beoordelen/evaluatie/${cohort.id}`, label: "Evaluatie" },
    { to: `/beoordelen/aanmeldingen/${cohort.id}`, label: "Aanmeldingen" },
    { to: `/beoordelen/toestemmingen/${cohort.id}`, label: "Toestemmingen" },
    ...(cohort.lms ? [{ to: `/beoordelen/lti/${cohort.id}`, label: "Leeromgeving" }] : []),
  ];
}

function ReleaseAll({ slug }: { slug: string }) {
  const [form, fields] = useGildeForm(ReleaseAllSchema, { id: "alles-vrijgeven" });
  return (
    <GildeForm form={form} className="space-bottom-md">
      <input type="hidden" name={fields.intent.name} value="release-all" />
      <input type="hidden" name={fields.opdracht.name} value={slug} />
      <button type="submit" className="button button--secondary">
        Alle beoordeelde inzendingen van deze opdracht vrijgeven
      </button>
    </GildeForm>
  );
}

export const meta: MetaFunction = () => [{ title: "Beoordelen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
