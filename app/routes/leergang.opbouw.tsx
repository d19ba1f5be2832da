// How the leergang is built, as a participant deciding to enrol and an accreditation panel read it: the course
// outcomes and what they map to, where each is learned and assessed, the study load and the reading per module,
// and who may enrol.
import type { MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { StaticHtml } from "~/components/static-html";
import { courseDesign } from "~/content/course-design.server";
import { formatHours, formatNumber, formatStudyLoad } from "~/format";

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
        {course.level}. Studielast {formatHours(course.hours)}, ongeveer {formatNumber(course.ec)} EC.
      </p>
      <nav aria-label="Op deze pagina" className="prose">
        <p>
          Op deze pagina: <a href="#uitkomsten">de leeruitkomsten</a> · <a href="#studielast">studielast per module</a>{" "}
          · <a href="#toelating">toelating</a> · <Link to="/leergang/toetsing">toetsbeleid</Link>
        </p>
      </nav>
      <StaticHtml id="opbouw" className="prose" html={course.html} />

      <section aria-labelledby="uitkomsten">
        <h2 id="uitkomsten">Wat je aan het eind kunt</h2>
        <p className="prose">
          Per uitkomst zie je de koppeling aan het Beroepsprofiel van de sociaal werker (BPSW, 2022) en aan NLQF-niveau
          6, in welke modules je eraan werkt en met welk verplicht criterium van de rubric het wordt beoordeeld.
        </p>
        {course.outcomes.map((outcome, index) => (
          <section key={outcome.id} className="card card--stacked" aria-labelledby={`uitkomst-${outcome.id}`}>
            <h3 className="flush heading-small" id={`uitkomst-${outcome.id}`}>
              Leeruitkomst {index + 1}
            </h3>
            <p className="space-y-sm">{outcome.text}</p>
            {/* Paragraphs, not a two-column list: the long Dutch words of the mapping must wrap at 390 px. */}
            <p className="space-y-2xs">
              <strong>Beroepsprofiel:</strong> {outcome.bpsw.join("; ")}
            </p>
            <p className="space-y-2xs">
              <strong>NLQF 6:</strong> {outcome.nlqf.join(", ")}
            </p>
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
              <p className="flush">{`${formatStudyLoad(m.hours)}.`}</p>
              <p className="flush-bottom">
                <strong>Verplichte literatuur</strong>
              </p>
              <ul className="flush">
                {m.reading.required.map((text) => (
                  <li key={text}>{text}</li>
                ))}
              </ul>
              {m.reading.recommended.length ? (
                <p className="muted flush-bottom">Aanbevolen: {m.reading.recommended.join("; ")}</p>
              ) : null}
            </li>
          ))}
        </ul>
        <p className="prose">
          Samen {formatHours(course.hours)}: bij 28 uur per EC is dat ongeveer {formatNumber(course.ec)} EC. Hoe er
          getoetst wordt staat in het <Link to="/leergang/toetsing">toetsbeleid</Link>.
        </p>
      </section>

      <section aria-labelledby="toelating">
        <h2 id="toelating">Toelating</h2>
        <ul className="prose">
          {course.admission.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
        <p>
          <Link to="/leergang">Bekijk de komende groepen en meld je aan</Link>
        </p>
      </section>
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Opbouw en verantwoording van de leergang — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
