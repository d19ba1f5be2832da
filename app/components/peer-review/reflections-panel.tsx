// On the grading desk, beside the versions: what the participant wrote they would do with the feedback on each.
import { formatDateTime } from "~/format";

type Reflection = { version: number; body: string; updatedAt: string };

export function ReflectionsPanel({ reflections }: { reflections: Reflection[] }) {
  if (!reflections.length) return null;
  return (
    <section aria-labelledby="reflecties" className="card card--stacked">
      <h2 id="reflecties" className="flush-top">
        Reflectie van de deelnemer op feedback
      </h2>
      {reflections.map((r) => (
        <div key={r.version}>
          <h3>
            Op de feedback bij versie {r.version} <span className="muted">· {formatDateTime(r.updatedAt)}</span>
          </h3>
          <p>{r.body}</p>
        </div>
      ))}
    </section>
  );
}
