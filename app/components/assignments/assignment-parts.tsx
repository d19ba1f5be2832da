// The assignment page's other parts: what to hand in, the participant's wijk beside the work, and the rubric.
import { Link } from "~/components/link";
import type { AssignmentPage } from "./work";
import { formatNumber } from "~/format";

export function HandInCard({ page }: { page: AssignmentPage }) {
  const { peerReview } = page;
  return (
    <section className="card" aria-labelledby="inleveren">
      <h2 id="inleveren" className="flush-top">
        Wat je inlevert
      </h2>
      <p className="flush-bottom">{page.handIn}</p>
      {peerReview.enabled ? (
        <p className="muted flush-bottom">
          {page.gildeWork
            ? `${peerReview.reviewers} leden van een andere gilde geven feedback op jullie inzending`
            : `${peerReview.reviewers} gildegenoten geven feedback op je inzending`}{" "}
          (zie <Link to="/gilde">Mijn gilde</Link>).{" "}
          {peerReview.anonymity === "double-anonymous"
            ? "Zij zien je naam niet, en jij de hunne niet. Bijlagen krijgen een neutrale naam en zonder de eigenschappen die je naam kunnen bevatten (auteur, EXIF van foto's); een naam in de tekst zelf haal je zelf weg."
            : peerReview.anonymity === "anonymous-reviewers"
              ? "Je ziet niet wie de feedback geeft. Bijlagen krijgen zij met een neutrale naam en zonder de eigenschappen die je naam kunnen bevatten."
              : "Jullie zien elkaars naam."}
        </p>
      ) : null}
    </section>
  );
}

export function WijkPanel({ wijk }: { wijk: NonNullable<AssignmentPage["work"]>["wijk"] }) {
  return (
    <aside className="card wijk-panel" aria-labelledby="mijn-wijk">
      <h2 id="mijn-wijk" className="flush-top">
        Mijn wijk
      </h2>
      {wijk ? (
        <>
          <p>
            <strong>{wijk.name}</strong>, {wijk.municipality}
            {wijk.homes ? ` · ongeveer ${formatNumber(wijk.homes)} woningen` : ""}
          </p>
          {wijk.role ? <p>Mijn rol: {wijk.role}</p> : null}
          {wijk.ambitions ? <p className="pre-wrap">Ambities: {wijk.ambitions}</p> : null}
          <p className="muted">Wijkprofiel versie {wijk.number}</p>
        </>
      ) : (
        <p>Je hebt je wijk nog niet beschreven. Doe dat eerst: je opdrachten gaan erover.</p>
      )}
      <Link to="/wijk">{wijk ? "Wijkprofiel bijwerken" : "Wijkprofiel invullen"}</Link>
    </aside>
  );
}

export function Rubric({ rubric }: { rubric: AssignmentPage["rubric"] }) {
  return (
    <details className="space-top">
      <summary>
        <strong>Zo wordt je werk beoordeeld</strong>
      </summary>
      {rubric.map((criterion) => (
        <section key={criterion.id} aria-labelledby={`criterium-${criterion.id}`}>
          <h3 id={`criterium-${criterion.id}`}>{criterion.title}</h3>
          {/* A list, not a table: on a phone the descriptions wrap instead of scrolling sideways. */}
          <dl className="rubric-levels">
            {criterion.levels.map((level) => (
              <div key={level.score}>
                <dt>
                  <strong>
                    {level.label} ({level.score})
                  </strong>
                  {level.score === criterion.passLevel ? " · voldoende vanaf hier" : ""}
                </dt>
                <dd>{level.descriptor}</dd>
              </div>
            ))}
          </dl>
        </section>
      ))}
    </details>
  );
}
