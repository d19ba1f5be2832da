// On a gilde assignment's page: this one is written together, on the gilde's own page.
import { Link } from "~/components/link";

export function GildeWorkLink({ slug }: { slug: string }) {
  return (
    <section className="card standing" aria-labelledby="gildeopdracht">
      <h2 id="gildeopdracht" className="flush-top">
        Een gildeopdracht
      </h2>
      <p>
        Deze opdracht maken jullie als gilde samen: één tekst, ieder met de eigen bijdrage, en één van jullie levert in
        als iedereen akkoord is.
      </p>
      <p className="flush-bottom">
        <Link to={`/opdrachten/${slug}/gilde`} className="button">
          Naar jullie gezamenlijke tekst
        </Link>
      </p>
    </section>
  );
}
