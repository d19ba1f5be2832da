// The assignment itself: its summary, text, what to hand in and how it is assessed. For a participant who has
// started (a draft, a version handed in) it is folded, so their own work comes first; before that it is open.
import { HandInCard, Rubric } from "./assignment-parts";
import type { AssignmentPage } from "./work";

export function Brief({ page, folded }: { page: AssignmentPage; folded: boolean }) {
  const body = (
    <>
      <p className="lead">{page.summary}</p>
      <div className="prose" dangerouslySetInnerHTML={{ __html: page.html ?? "" }} />
      <HandInCard page={page} />
      <Rubric rubric={page.rubric} />
    </>
  );
  if (!page.work) return body;
  return (
    <section id="opdracht" aria-labelledby="opdracht-kop" className="brief" tabIndex={-1}>
      <details open={!folded} className="brief__details">
        <summary>
          <h2 id="opdracht-kop" className="brief__title">
            De opdracht
          </h2>
          <span className="muted brief__hint">{folded ? "opnieuw lezen" : ""}</span>
        </summary>
        {body}
      </details>
    </section>
  );
}
