// Scores that did not reach the LMS gradebook yet (AGS): who, what, why in Dutch, and when Gilde tries again.
import { formatDateTime } from "~/format";

type FailingScore = {
  id: string;
  label: string;
  attempts: number;
  lastError: string;
  nextAttemptAt: string;
  person: string;
  course: string;
  platform: string;
};

export function FailingScores({ scores }: { scores: FailingScore[] }) {
  if (scores.length === 0) return null;
  return (
    <section aria-labelledby="cijfers-wachten" className="notice notice--warm">
      <h2 id="cijfers-wachten">Cijfers die nog niet zijn aangekomen</h2>
      <p>
        Gilde probeert deze cijfers vanzelf opnieuw naar de leeromgeving te sturen, steeds iets later. Er gaat niets
        verloren; los je de oorzaak op, dan komen ze bij de volgende poging aan.
      </p>
      <ul>
        {scores.map((score) => (
          <li key={score.id}>
            <strong>
              {score.person}: {score.label}
            </strong>{" "}
            ({score.platform}
            {score.course ? `, ${score.course}` : ""}) — {score.lastError} {score.attempts}{" "}
            {score.attempts === 1 ? "poging" : "pogingen"}; volgende poging {formatDateTime(score.nextAttemptAt)}.
          </li>
        ))}
      </ul>
    </section>
  );
}
