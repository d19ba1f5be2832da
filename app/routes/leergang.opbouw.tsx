// How the leergang is built, as a participant deciding to enrol and an accreditation panel read it: the course
// outcomes and what they map to, where each is learned and assessed, the study load and the reading per module,
// and who may enrol.
import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StaticHtml } from "~/components/static-html";
import { courseDesign } from "~/content/course-design.server";
import { formatHours } from "~/format";

export function loader() {
  return json(courseDesign());
}

export default function CourseDesign() {
  const course = useLoaderData<typeof loader>();
  return (
    <article>
      <p className="muted flush">
        <Link to="/leergang">De leergang</Link> · Opbouw en verantwoording
      </p>
      <h1>Zo is de leergang {course.title} opgebouwd</h1>
      <p className="lead">
        {course.level}. Studielast {formatHours(course.hours)}, ongeveer {course.ec.toLocaleString("nl-NL")} EC.
      </p>
      <StaticHtml id="opbouw" className="prose" html={course.html} />

      <section aria-labelledby="toelating">
        <h2 id="toelating">Voor wie: toelating</h2>
        <ul>
          {course.admission.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="uitkomsten">
        <h2 id="uitkomsten">Wat je aan het eind kunt</h2>
        <p>
          Elke leeruitkomst hoort bij het Beroepsprofiel van de sociaal werker (BPSW, 2022) en bij de descriptoren van
          NLQF-niveau 6. Per uitkomst zie je in welke modules je eraan werkt en met welk verplicht criterium van de
          rubric het wordt beoordeeld.
        </p>
        {course.outcomes.map((outcome, index) => (
          <section key={outcome.id} className="card card--stacked" aria-labelledby={`uitkomst-${outcome.id}`}>
            <h3 className="flush-top" id={`uitkomst-${outcome.id}`}>
              {index + 1}. {outcome.text}
            </h3>
            <dl className="facts">
              <dt>Beroepsprofiel</dt>
              <dd>{outcome.bpsw.join("; ")}</dd>
              <dt>NLQF 6</dt>
              <dd>{outcome.nlqf.join(", ")}</dd>
            </dl>
            <details>
              <summary>Waar je eraan werkt en hoe het wordt beoordeeld</summary>
              <ul>
                {outcome.modules.map((m) => (
                  <li key={m.slug}>
                    <Link to={`/modules/${m.slug}`}>
                      Module {m.order}, {m.title}
                    </Link>
                    {m.criteria.length ? (
                      <>
                        {" "}
                        — beoordeeld in{" "}
                        {m.criteria.map((c, i) => (
                          <span key={`${c.slug}-${c.criterion}`}>
                            {i > 0 ? "; " : ""}
                            <Link to={`/opdrachten/${c.slug}`}>{c.assignment}</Link> (criterium “{c.criterion}”)
                          </span>
                        ))}
                      </>
                    ) : null}
                  </li>
                ))}
              </ul>
            </details>
          </section>
        ))}
      </section>

      <section aria-labelledby="studielast">
        <h2 id="studielast">Studielast per module</h2>
        <ul className="plain-list">
          {course.modules.map((m) => (
            <li key={m.slug} className="card card--stacked">
              <h3 className="flush-top heading-small">
                <Link to={`/modules/${m.slug}`}>
                  Module {m.order}, {m.title}
                </Link>
              </h3>
              <p className="flush">
                {formatHours(m.hours.total)}: lezen {formatHours(m.hours.reading)}, opdracht{" "}
                {formatHours(m.hours.assignment)}, peerfeedback {formatHours(m.hours.peerFeedback)}
                {m.hours.contact ? `, contactdagen ${formatHours(m.hours.contact)}` : ""}.
              </p>
              <p className="flush-bottom">
                <strong>Verplichte literatuur:</strong> {m.reading.required.join("; ")}
                {m.reading.recommended.length ? (
                  <>
                    <br />
                    <span className="muted">Aanbevolen: {m.reading.recommended.join("; ")}</span>
                  </>
                ) : null}
              </p>
            </li>
          ))}
        </ul>
        <p>
          Samen {formatHours(course.hours)}. Hoe er getoetst wordt staat in het{" "}
          <Link to="/leergang/toetsing">toetsbeleid</Link>.
        </p>
      </section>
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Opbouw en verantwoording van de leergang — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
