import type { LoaderFunctionArgs } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { getUser } from "~/auth/guards.server";
import { upcomingCohorts } from "~/cohorts/catalogue.server";
import { formatCalendarDate, formatEuro } from "~/format";

export async function loader({ request }: LoaderFunctionArgs) {
  const [user, cohorts] = await Promise.all([getUser(request), upcomingCohorts()]);
  return json({ signedIn: Boolean(user), cohorts });
}

export default function Home() {
  const { signedIn, cohorts } = useLoaderData<typeof loader>();
  return (
    <>
      <section className="hero">
        <div>
          <h1>Leergang Creative Communities</h1>
          <p className="lead">
            Een post-hbo leergang voor professionals die al in de wijk werken. Je leert het vak van wijkgericht werken
            in je eigen wijk: vertrouwen opbouwen, de stap van de systeemwereld naar de leefwereld van bewoners,
            bewonersambities coachen en de sociale basis versterken.
          </p>
          <p>
            Je leert niet alleen. Deelnemers werken in kleine groepen, <strong>gildes</strong>, zoals ambachtslieden dat
            vroeger deden: je laat elkaar je werk zien, geeft feedback en leert van elkaars praktijk.
          </p>
          <div className="button-row">
            <Link className="button" to="/leergang">
              Komende groepen en aanmelden
            </Link>
            {signedIn ? (
              <Link className="button button--secondary" to="/dashboard">
                Naar je overzicht
              </Link>
            ) : (
              <>
                <Link className="button button--secondary" to="/registreren">
                  Account aanmaken
                </Link>
                <Link className="button button--secondary" to="/inloggen">
                  Inloggen
                </Link>
              </>
            )}
          </div>
        </div>
        <aside className="card" aria-labelledby="volgende-groepen">
          <h2 id="volgende-groepen">Volgende groepen</h2>
          {cohorts.length === 0 ? (
            <p className="muted">Er staan op dit moment geen nieuwe groepen gepland.</p>
          ) : (
            <ul>
              {cohorts.map((cohort) => (
                <li key={cohort.id}>
                  <strong>{cohort.name}</strong>: {formatCalendarDate(cohort.startsOn)} tot{" "}
                  {formatCalendarDate(cohort.endsOn)}, {formatEuro(cohort.priceCents)}
                </li>
              ))}
            </ul>
          )}
        </aside>
      </section>
      <section className="grid" aria-label="Wat je leert">
        <div className="card">
          <h2>In je eigen wijk</h2>
          <p>
            Elke opdracht voer je uit in de wijk waar je werkt. Je houdt een wijkprofiel bij dat groeit met wat je
            leert.
          </p>
        </div>
        <div className="card">
          <h2>Samen in een gilde</h2>
          <p>In je gilde van vier tot zeven vakgenoten geef en krijg je feedback op elkaars praktijkopdrachten.</p>
        </div>
        <div className="card">
          <h2>Daarna ga je door</h2>
          <p>
            Na afronding blijf je lid van de community van oud-deelnemers en deel je praktijkvoorbeelden uit je wijk.
          </p>
        </div>
      </section>
    </>
  );
}
