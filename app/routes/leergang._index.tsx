// The catalogue: upcoming cohorts with dates, place and rhythm, price (incl. or excl. btw), seats left, and
// whether the intake is open; a full cohort takes applications for its waiting list.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatCalendarDate, formatEuro } from "~/format";
import { catalogue } from "~/enrollment/enrollment.server";

export async function loader(_: LoaderFunctionArgs) {
  return json({ cohorts: await catalogue() });
}

export default function Catalogue() {
  const { cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <h1>De leergang Creative Communities</h1>
      <p className="lead">
        Een post-hbo leergang voor professionals die al in de wijk werken. Je oefent in je eigen wijk en leert in een
        kleine gilde van vakgenoten. Aanmelden gaat via een intake: we vragen naar je ervaring met wijkgericht werken.
      </p>
      <p>
        <Link to="/leergang/opbouw">Opbouw, studielast en toelating</Link> ·{" "}
        <Link to="/leergang/toetsing">Hoe er getoetst wordt</Link>
      </p>
      <h2>Komende groepen</h2>
      {cohorts.length === 0 ? <p className="muted">Er staan op dit moment geen nieuwe groepen gepland.</p> : null}
      <div className="grid">
        {cohorts.map((c) => (
          <article key={c.id} className="card">
            <h3 className="flush-top">
              <Link to={`/leergang/${c.id}`}>{c.name}</Link>
            </h3>
            <dl className="facts">
              <dt>Wanneer</dt>
              <dd>
                {formatCalendarDate(c.startsOn)} – {formatCalendarDate(c.endsOn)}
              </dd>
              {c.location ? (
                <>
                  <dt>Waar</dt>
                  <dd>{c.location}</dd>
                </>
              ) : null}
              {c.rhythm ? (
                <>
                  <dt>Ritme</dt>
                  <dd>{c.rhythm}</dd>
                </>
              ) : null}
              <dt>Prijs</dt>
              <dd>
                {formatEuro(c.priceCents)} {c.priceIncludesVat ? "incl. btw" : "excl. btw"}
              </dd>
              <dt>Plaatsen</dt>
              <dd>
                {c.seatsLeft === 0
                  ? "Vol: aanmelden kan voor de wachtlijst"
                  : `Nog ${c.seatsLeft} van ${c.capacity} vrij`}
              </dd>
            </dl>
            <p>
              <Link to={`/leergang/${c.id}`}>Programma, contactdagen, trainers en voorwaarden</Link>
            </p>
            {c.intakeOpen ? (
              <Link className="button" to={`/aanmelden/${c.id}`}>
                {c.seatsLeft === 0 ? "Op de wachtlijst" : "Aanmelden"}
              </Link>
            ) : (
              <p className="muted">De intake is (nog) niet open.</p>
            )}
          </article>
        ))}
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "De leergang — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
