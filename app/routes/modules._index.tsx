import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/guards.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatCalendarDate } from "~/format";
import { ProgressBar } from "~/components/progress-bar";
import { courseOverview, searchForUser } from "~/content/pages.server";
import { STATUS_LABELS } from "~/content/progress";

export async function loader({ request }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const q = (new URL(request.url).searchParams.get("q") ?? "").trim().slice(0, 200);
  const [overview, results] = await Promise.all([
    courseOverview(user),
    q ? searchForUser(user, q) : Promise.resolve(null),
  ]);
  return json({ ...overview, q, results, isTrainer: user.role !== "PARTICIPANT" });
}

export default function Modules() {
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <h1>De leergang</h1>
      <p className="lead">
        Creative Communities in {data.modules.length} modules. Je leest in je eigen tempo en oefent in je eigen wijk
        {data.cohortName ? ` (groep ${data.cohortName})` : ""}.
      </p>
      <p>
        <Link to="/leergang/opbouw">Opbouw en studielast</Link> ·{" "}
        <Link to="/leergang/toetsing">Hoe er getoetst wordt</Link>
      </p>

      {data.total ? (
        <section className="card space-bottom" aria-labelledby="voortgang">
          <h2 className="heading-smaller-tight" id="voortgang">
            Je voortgang: {data.total.done} van {data.total.count} modules gelezen
          </h2>
          <ProgressBar percent={data.total.percent} label="Voortgang in de hele leergang" />
        </section>
      ) : null}
      {data.accessKind === "outsider" ? (
        <p className="notice">
          Je ziet hier wat de leergang behandelt. De teksten gaan voor je open zodra je bent ingeschreven voor een
          groep.
        </p>
      ) : null}

      <Form method="get" role="search" className="inline-form space-bottom">
        <div className="field">
          <label htmlFor="zoek">Zoek in de teksten</label>
          <input
            id="zoek"
            type="search"
            name="q"
            defaultValue={data.q}
            placeholder="bijvoorbeeld: vertrouwen, bewoners, Movisie"
          />
        </div>
        <button type="submit" className="button">
          Zoeken
        </button>
      </Form>

      {data.results ? (
        <SearchResults q={data.q} results={data.results} outsider={data.accessKind === "outsider"} />
      ) : null}

      <ol className="module-list" aria-label="Modules">
        {data.modules.map((module) => (
          <li key={module.slug} className={`card module-list__item${module.open ? "" : " module-list__item--locked"}`}>
            <span className="module-list__number" aria-hidden="true">
              {module.order}
            </span>
            <div>
              <h2>
                <Link to={`/modules/${module.slug}`}>{module.title}</Link>
              </h2>
              <p className="muted flush space-bottom-2xs">
                Module {module.order} · ongeveer {module.minutes} minuten
                {module.progress ? (
                  <>
                    {" "}
                    ·{" "}
                    <span className={module.progress.status === "done" ? "badge" : "badge badge--warm"}>
                      {STATUS_LABELS[module.progress.status]}
                    </span>
                  </>
                ) : null}
                {!module.open && module.opensOn ? <> · opent op {formatCalendarDate(module.opensOn)}</> : null}
              </p>
              <p className="flush space-bottom-xs">{module.summary}</p>
              {module.progress ? (
                <ProgressBar percent={module.progress.percent} label={`Voortgang in ${module.title}`} />
              ) : null}
            </div>
          </li>
        ))}
      </ol>
    </>
  );
}

function SearchResults({
  q,
  results,
  outsider,
}: {
  q: string;
  results: NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["results"]>;
  outsider: boolean;
}) {
  return (
    <section className="space-bottom-xl" aria-labelledby="zoekresultaten">
      <h2 id="zoekresultaten">
        {results.length === 0
          ? `Niets gevonden voor ‘${q}’`
          : `${results.length} ${results.length === 1 ? "plek" : "plekken"} gevonden voor ‘${q}’`}
      </h2>
      {results.length === 0 ? (
        <p className="muted">
          {outsider
            ? "Zoeken in de teksten kan zodra je bent ingeschreven voor een groep."
            : "Probeer een ander woord, of minder woorden. Modules die nog niet open zijn, worden niet doorzocht."}
        </p>
      ) : (
        <ul className="search-results">
          {results.map((hit) => (
            <li key={`${hit.moduleSlug}#${hit.anchor}`} className="card">
              <p className="muted flush">{hit.moduleTitle}</p>
              <h3 className="meta-line">
                <Link to={`/modules/${hit.moduleSlug}#${hit.anchor}`}>{hit.heading}</Link>
              </h3>
              <p className="flush">
                {hit.fragments.map((fragment, index) =>
                  fragment.hit ? <mark key={index}>{fragment.text}</mark> : <span key={index}>{fragment.text}</span>,
                )}
              </p>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export const meta: MetaFunction = () => [{ title: "Modules — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
