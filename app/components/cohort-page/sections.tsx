// The parts of a cohort's public page (/leergang/:cohortId), top to bottom: the button to apply, the programme
// in weeks, the contact days, certificate and accreditation, the trainers, price and payment, cancellation.
import type { SerializeFrom } from "@remix-run/node";
import { Link } from "~/components/link";
import type { PublicCohortPage } from "~/cohorts/cohort-page.server";
import { formatCalendarDate, formatEuro, formatHours, formatTimeRange, formatWeekdayDate } from "~/format";

export type Page = SerializeFrom<PublicCohortPage>;

/** "Aanmelden", or "Op de wachtlijst" when the cohort is full; a closed intake says so instead. */
export function ApplyButton({ page, where }: { page: Page; where: "boven" | "onder" }) {
  if (!page.open) return <p className="notice">De aanmelding voor deze groep is (nog) niet open.</p>;
  const full = page.seatsLeft === 0;
  return (
    <p className="button-row">
      <Link className="button" to={`/aanmelden/${page.cohort.id}`} aria-describedby={`plaatsen-${where}`}>
        {full ? "Op de wachtlijst" : "Aanmelden"}
      </Link>
      <span className="muted" id={`plaatsen-${where}`}>
        {full
          ? "De groep is vol: je meldt je aan voor de wachtlijst."
          : `Nog ${page.seatsLeft} van ${page.cohort.capacity} plaatsen vrij.`}
      </span>
    </p>
  );
}

export function Programme({ page }: { page: Page }) {
  return (
    <section aria-labelledby="programma">
      <h2 id="programma">Programma</h2>
      <p>
        {page.programme.length} modules die op elkaar voortbouwen, in {page.weeks} weken. Elke opdracht voer je uit in
        je eigen wijk. Meer over de opbouw lees je bij{" "}
        <Link to="/leergang/opbouw">opbouw, studielast en toelating</Link>.
      </p>
      <ol className="plain-list stack">
        {page.programme.map((m) => (
          <li key={m.slug}>
            <h3 className="heading-small flush">
              {m.order}. {m.title}
            </h3>
            <p className="muted flush">
              {m.fromWeek === m.toWeek ? `Week ${m.fromWeek}` : `Week ${m.fromWeek}–${m.toWeek}`} · vanaf{" "}
              {formatCalendarDate(m.opensOn)} · {formatHours(m.hours)}
            </p>
            <p className="flush">{m.summary}</p>
          </li>
        ))}
      </ol>
    </section>
  );
}

export function ContactDays({ page }: { page: Page }) {
  return (
    <section aria-labelledby="contactdagen">
      <h2 id="contactdagen">Contactdagen</h2>
      {page.contactDays.length === 0 ? (
        <p>
          De contactdagen van deze groep zijn nog niet gepland. Je hoort de data ruim voor de start
          {page.cohort.rhythm ? `; het ritme is: ${page.cohort.rhythm.toLowerCase()}` : ""}.
        </p>
      ) : (
        <ul className="plain-list stack">
          {page.contactDays.map((d) => (
            <li key={d.id}>
              <strong>{formatWeekdayDate(d.startsAt)}</strong>, {formatTimeRange(d.startsAt, d.endsAt)}
              <br />
              {d.online ? "Online" : d.place || page.cohort.location || "Plaats volgt"}
              {d.topic ? ` · ${d.topic}` : ""}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

export function Certificate({ page }: { page: Page }) {
  const { cohort, course } = page;
  return (
    <section aria-labelledby="certificaat">
      <h2 id="certificaat">Certificaat en accreditatie</h2>
      <p>
        Zijn al je opdrachten voldaan en heb je de peerfeedback gegeven die bij je hoort, dan bevestigt je trainer de
        afronding. Je krijgt dan een bewijs van afronding van de leergang {course.title} ({course.level}), met een
        studielast van {formatHours(course.hours)} (ongeveer {course.ec} EC). Hoe je werk beoordeeld wordt, lees je in
        het <Link to="/leergang/toetsing">toetsbeleid</Link>.
      </p>
      <p>
        {cohort.accreditationRegister && cohort.accreditationPoints
          ? `Deze groep is geaccrediteerd bij ${cohort.accreditationRegister}: je krijgt ${cohort.accreditationPoints} punten.`
          : "Voor deze groep is geen accreditatie vastgesteld. Zolang die hier niet staat, ga er dan niet van uit."}
      </p>
    </section>
  );
}

export function Trainers({ page }: { page: Page }) {
  return (
    <section aria-labelledby="trainers">
      <h2 id="trainers">Je trainers</h2>
      {page.trainers.length === 0 ? <p>De trainers van deze groep worden nog bekendgemaakt.</p> : null}
      <div className="grid">
        {page.trainers.map((t) => (
          <article key={t.id} className="card">
            <h3 className="flush-top heading-small">{t.name}</h3>
            <p className="flush">{t.bio || "Trainer van deze groep."}</p>
          </article>
        ))}
      </div>
    </section>
  );
}

export function PriceAndPayment({ page }: { page: Page }) {
  const { price } = page;
  const [first, ...others] = price.instalments ?? [];
  const last = others.at(-1);
  return (
    <section aria-labelledby="prijs">
      <h2 id="prijs">Prijs en betalen</h2>
      <dl className="facts">
        <dt>Prijs incl. btw</dt>
        <dd>{formatEuro(price.inclCents)}</dd>
        <dt>Prijs excl. btw</dt>
        <dd>{formatEuro(price.exclCents)}</dd>
        <dt>Btw (21%)</dt>
        <dd>{formatEuro(price.vatCents)}</dd>
      </dl>
      <p>{price.includes}</p>
      <h3 className="heading-small">Zo kun je betalen</h3>
      <ul>
        <li>Zelf, na je toelating: met iDEAL of creditcard, via Stripe.</li>
        <li>
          Door je werkgever: je geeft bij je aanmelding de gegevens voor de factuur op. De factuur gaat naar je
          werkgever zodra je bent toegelaten.
        </li>
        {first !== undefined ? (
          <li>
            Zelf in {price.instalments!.length} termijnen van {formatEuro(first)}
            {last !== undefined && last !== first ? ` (de laatste ${formatEuro(last)})` : ""}. Schrijf het bij je
            motivatie in de aanmelding, dan spreekt de beheerder de termijnen met je af.
          </li>
        ) : null}
      </ul>
    </section>
  );
}

export function Cancellation({ page }: { page: Page }) {
  return (
    <section aria-labelledby="annuleren">
      <h2 id="annuleren">Annuleren</h2>
      {page.terms.map((sentence) => (
        <p key={sentence}>{sentence}</p>
      ))}
    </section>
  );
}
