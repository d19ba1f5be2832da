// The trainer's released assessment of a participant's work: the decision, per rubric criterion the level reached
// and the trainer's words, and the summary. Shown near the top of the assignment page (#feedback).
import { DECISION_LABELS, type Decision } from "~/grading/rubric";
import type { AssignmentPage, Work } from "./work";

export function Assessments({
  rubric,
  assessments,
}: {
  rubric: AssignmentPage["rubric"];
  assessments: Work["assessments"];
}) {
  const [latest, ...earlier] = assessments;
  if (!latest) return null;
  return (
    <section id="feedback" className="card space-bottom" aria-labelledby="beoordeling" tabIndex={-1}>
      <h2 id="beoordeling" className="flush-top">
        Beoordeling: {latest.decision ? DECISION_LABELS[latest.decision as Decision] : ""}
      </h2>
      {latest.correctionReason ? <p className="muted">Gecorrigeerd: {latest.correctionReason}</p> : null}
      {latest.decision === "herziening" && latest.revisionNote ? (
        <p className="notice notice--warm pre-wrap">
          <strong>Wat er moet veranderen:</strong> {latest.revisionNote}
        </p>
      ) : null}
      {latest.overall ? (
        <>
          <h3>Samenvatting van je trainer</h3>
          <div className="prose" dangerouslySetInnerHTML={{ __html: latest.overallHtml }} />
        </>
      ) : null}
      <h3>Per onderdeel</h3>
      <dl className="criteria">
        {rubric.map((criterion) => {
          const score = latest.levels[criterion.id];
          const level = criterion.levels.find((l) => l.score === score);
          return (
            <div key={criterion.id}>
              <dt>
                <strong>{criterion.title}</strong>: {level ? `${level.label} (${level.score})` : "niet beoordeeld"}
              </dt>
              <dd className="pre-wrap">{latest.feedback[criterion.id] ?? ""}</dd>
            </div>
          );
        })}
      </dl>
      {earlier.length ? (
        <p className="muted">
          Eerdere beoordelingen:{" "}
          {earlier.map((e) => (e.decision ? DECISION_LABELS[e.decision as Decision] : "—")).join(", ")}.
        </p>
      ) : null}
    </section>
  );
}
