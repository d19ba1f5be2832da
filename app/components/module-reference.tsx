// The parts of a module page that are the same for every reader: its learning goals, its reading list and its
// sources. The server renders them once per module (`moduleReferenceHtml` in course.server.ts) and the page shows
// them as static HTML, as it does the module's text.
import type { ModuleFrontmatter } from "~/content/schema";

export function ModuleGoals({ module }: { module: ModuleFrontmatter }) {
  return (
    <section className="card" aria-labelledby="leerdoelen">
      <h2 id="leerdoelen" className="flush-top heading-small">
        Leerdoelen
      </h2>
      <ul className="goals">
        {module.learningGoals.map((goal) => (
          <li key={goal.id}>{goal.text}</li>
        ))}
      </ul>
      <p className="muted flush-bottom">
        Bouwt voort op: {module.buildsOn} Bereidt voor op: {module.prepares}
      </p>
    </section>
  );
}

export function ModuleReading({ module }: { module: ModuleFrontmatter }) {
  return (
    <>
      <h3 className="heading-small">Verplicht</h3>
      <ul>
        {module.reading.required.map((text) => (
          <li key={text}>{text}</li>
        ))}
      </ul>
      {module.reading.recommended.length ? (
        <>
          <h3 className="heading-small">Aanbevolen</h3>
          <ul>
            {module.reading.recommended.map((text) => (
              <li key={text}>{text}</li>
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

export function ModuleSources({ module }: { module: ModuleFrontmatter }) {
  return (
    <section aria-labelledby="bronnen">
      <h2 id="bronnen">Bronnen</h2>
      <ul className="muted">
        {module.sources.map((source) => (
          <li key={source}>{source}</li>
        ))}
      </ul>
    </section>
  );
}
