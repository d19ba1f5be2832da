// Questions people ask before they apply, answered plainly. Disclosure widgets work without JavaScript.
import { Link } from "~/components/link";
import { formatCalendarDate, formatHours, formatNumber } from "~/format";
import type { Page } from "./sections";

export function Faq({ page }: { page: Page }) {
  const perWeek = formatNumber(page.hoursPerWeek);
  const questions: { q: string; a: React.ReactNode }[] = [
    {
      q: "Mijn werkgever betaalt. Hoe gaat dat?",
      a: "Kies in je aanmelding “mijn werkgever betaalt” en vul de organisatie, een contactpersoon, het e-mailadres voor de factuur en eventueel een inkoopnummer in. Word je toegelaten, dan gaat de factuur naar je werkgever en staat je plek vast.",
    },
    {
      q: "Hoeveel tijd kost het per week?",
      a: `Gemiddeld ${perWeek} uur per week: ${formatHours(page.course.hours)} verspreid over ${page.weeks} weken. Dat is lezen, de opdrachten in je wijk, feedback aan je gilde en de contactdagen.`,
    },
    {
      q: "Wat als ik een contactdag mis?",
      a: "Laat het je trainer op tijd weten. Je leest het materiaal van die dag op het platform en bespreekt in je gilde wat er aan bod kwam. Een enkele gemiste dag houdt je afronding niet tegen; je opdrachten wel.",
    },
    {
      q: "Moet ik sociaal werker zijn?",
      a: "Nee. Je hebt ruime ervaring in gebiedsgericht werken, maar dat mag ook bij een woningcorporatie, de gemeente, de zorg, een bewonersorganisatie of als sociaal ondernemer zijn.",
    },
    {
      q: "Krijg ik een certificaat?",
      a: (
        <>
          Ja, een bewijs van afronding als al je opdrachten voldaan zijn. Zie{" "}
          <a href="#certificaat">certificaat en accreditatie</a> hierboven.
        </>
      ),
    },
    {
      q: "Wat als ik stop?",
      a: (
        <>
          Je kunt je altijd afmelden op de pagina van je aanmelding. Tot de start op{" "}
          {formatCalendarDate(page.cohort.startsOn)} krijg je alles terug; wat daarna geldt, staat bij{" "}
          <a href="#annuleren">annuleren</a>.
        </>
      ),
    },
    {
      q: "Waar lees ik meer over de inhoud?",
      a: (
        <>
          Bij <Link to="/leergang/opbouw">opbouw, studielast en toelating</Link> staan de leeruitkomsten en de
          studielast per module.
        </>
      ),
    },
  ];
  return (
    <section aria-labelledby="vragen">
      <h2 id="vragen">Veelgestelde vragen</h2>
      {questions.map(({ q, a }) => (
        <details key={q} className="field">
          <summary>{q}</summary>
          <p>{a}</p>
        </details>
      ))}
    </section>
  );
}
