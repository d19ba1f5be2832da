// One cohort's page, to decide on: for whom, programme in weeks, study load, contact days, certificate and
// accreditation, trainers, price with and without VAT, how to pay, cancellation terms, seats left, and a FAQ.
// Plain HTML all the way: it reads the same without JavaScript.
import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { invariantResponse } from "~/auth/guards.server";
import { publicCohortPage } from "~/cohorts/cohort-page.server";
import { Faq } from "~/components/cohort-page/faq";
import {
  ApplyButton,
  Cancellation,
  Certificate,
  ContactDays,
  PriceAndPayment,
  Programme,
  Trainers,
} from "~/components/cohort-page/sections";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatCalendarDate, formatEuro, formatHours } from "~/format";

export async function loader({ params }: LoaderFunctionArgs) {
  const page = await publicCohortPage(params.cohortId ?? "");
  invariantResponse(page, "Deze groep staat niet (meer) in het aanbod.", { status: 404 });
  return json(page);
}

export default function CohortPage() {
  const page = useLoaderData<typeof loader>();
  const { cohort, course } = page;
  return (
    <article className="stack">
      <div>
        <Crumbs to="/leergang" label="De leergang" after={cohort.name} />
        <h1>
          {course.title}: {cohort.name}
        </h1>
        <p className="lead">
          {formatCalendarDate(cohort.startsOn)} – {formatCalendarDate(cohort.endsOn)}
          {cohort.location ? ` · ${cohort.location}` : ""}
        </p>
        <dl className="facts">
          {cohort.rhythm ? (
            <>
              <dt>Ritme</dt>
              <dd>{cohort.rhythm}</dd>
            </>
          ) : null}
          <dt>Studielast</dt>
          <dd>
            {formatHours(course.hours)} ({course.ec} EC), gemiddeld {formatHours(page.hoursPerWeek)} per week
          </dd>
          <dt>Prijs</dt>
          <dd>
            {formatEuro(page.price.inclCents)} incl. btw ({formatEuro(page.price.exclCents)} excl. btw)
          </dd>
        </dl>
        <ApplyButton page={page} where="boven" />
      </div>

      <section aria-labelledby="voor-wie">
        <h2 id="voor-wie">Voor wie</h2>
        <ul>
          {course.admission.map((rule) => (
            <li key={rule}>{rule}</li>
          ))}
        </ul>
      </section>

      <Programme page={page} />

      <section aria-labelledby="studielast">
        <h2 id="studielast">Studielast</h2>
        <p>
          In totaal {formatHours(course.hours)}, ongeveer {course.ec} EC. Over de {page.weeks} weken van deze groep is
          dat gemiddeld {formatHours(page.hoursPerWeek)} per week; in weken met een contactdag meer, in andere minder.
        </p>
      </section>

      <ContactDays page={page} />
      <Certificate page={page} />
      <Trainers page={page} />
      <PriceAndPayment page={page} />
      <Cancellation page={page} />
      <Faq page={page} />

      <section aria-labelledby="aanmelden-kop">
        <h2 id="aanmelden-kop">Aanmelden</h2>
        <p>
          Je meldt je aan met een korte intake over je werk en je ervaring in de wijk. Een trainer leest die; je krijgt
          een e-mail over het besluit.
        </p>
        <ApplyButton page={page} where="onder" />
      </section>
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.cohort.name}: de leergang — Gilde` : "De leergang — Gilde" },
];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
