// How the trainer assessed the feedback a participant gave, beside an example of good feedback from the course.
import { GOOD_FEEDBACK_EXAMPLE, QUALITY_CRITERIA, QUALITY_SCALE } from "~/peer-review/feedback-quality-rules";

type Assessed = {
  reviewId: string;
  assignment: string;
  levels: Record<string, number>;
  average: number;
  low: boolean;
  note: string;
};

const labelOf = (score: number) => QUALITY_SCALE.find((l) => l.score === score)?.label ?? "–";

export function FeedbackQualitySection({ assessed }: { assessed: Assessed[] }) {
  if (!assessed.length) return null;
  return (
    <section aria-labelledby="kwaliteit">
      <h2 id="kwaliteit">Hoe je trainer jouw feedback beoordeelde</h2>
      {assessed.map((a) => (
        <article key={a.reviewId} className="card card--stacked">
          <h3 className="flush-top">
            {a.assignment}
            {a.low ? <span className="badge">nog zwak</span> : null}
          </h3>
          <dl>
            {QUALITY_CRITERIA.map((c) => (
              <div key={c.id}>
                <dt>{c.title}</dt>
                <dd>{labelOf(a.levels[c.id] ?? 0)}</dd>
              </div>
            ))}
          </dl>
          {a.note ? <p>Je trainer: ‘{a.note}’</p> : null}
        </article>
      ))}
      <aside className="card card--stacked" aria-labelledby="voorbeeld">
        <h3 id="voorbeeld" className="flush-top">
          Voorbeeld van goede feedback
        </h3>
        <p className="muted">{GOOD_FEEDBACK_EXAMPLE.context}</p>
        <blockquote>{GOOD_FEEDBACK_EXAMPLE.text}</blockquote>
        <p>
          <strong>Waarom dit goed werkt:</strong> {GOOD_FEEDBACK_EXAMPLE.why}
        </p>
      </aside>
    </section>
  );
}
