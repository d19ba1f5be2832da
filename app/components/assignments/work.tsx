// A participant's own work on an assignment: status and deadline, the released assessments, the writing space with
// its files, and every version handed in.
import type { SerializeFrom } from "@remix-run/node";
import type { assignmentPage } from "~/assignments/page.server";
import { STATUS_LABELS } from "~/assignments/rules";
import { DraftEditor } from "~/components/draft-editor";
import { formatDateTime } from "~/format";
import { DECISION_LABELS, type Decision } from "~/grading/rubric";
import { AttachmentList, Attachments } from "./attachments";

export type AssignmentPage = NonNullable<SerializeFrom<typeof assignmentPage>>;
type Work = NonNullable<AssignmentPage["work"]>;

export function WorkHeader({ work }: { work: Work }) {
  return (
    <p>
      <span className="badge">{STATUS_LABELS[work.status]}</span>{" "}
      {work.due ? (
        <>
          Deadline: <strong>{formatDateTime(work.due)}</strong>
          {work.extended ? " (uitstel van je trainer)" : ""}
        </>
      ) : (
        <span className="muted">De deadline is nog niet bekend.</span>
      )}
      {work.closed ? <span className="badge badge--danger">gesloten</span> : null}
    </p>
  );
}

export function YourWork({ page, work, busy }: { page: AssignmentPage; work: Work; busy: boolean }) {
  return (
    <section aria-labelledby="jouw-werk">
      <h2 id="jouw-werk">Jouw uitwerking</h2>
      {work.assessments.length ? <Assessments rubric={page.rubric} assessments={work.assessments} /> : null}
      {work.blocked ? (
        <p className="notice">{work.blocked}</p>
      ) : (
        <>
          {work.status === "herziening" ? (
            <p className="notice notice--warm">
              Je trainer vraagt je om een herziening. Pas je uitwerking aan en lever opnieuw in.
            </p>
          ) : null}
          <DraftEditor slug={page.slug} body={work.draft.body} revision={work.draft.revision} busy={busy} />
          <Attachments attachments={work.draft.attachments} peerReview={page.peerReview} />
        </>
      )}
      {work.versions.length ? (
        <section aria-labelledby="versies">
          <h2 id="versies">Ingeleverde versies</h2>
          {work.versions.map((version, index) => (
            <details key={version.id} open={index === 0} className="card space-bottom-sm">
              <summary>
                Versie {version.number} · {formatDateTime(version.handedInAt)}
                {version.late ? <span className="badge badge--warm">te laat</span> : null}
                {version.wijkVersion ? (
                  <span className="muted">
                    {" "}
                    · bij wijkprofiel versie {version.wijkVersion.number} ({version.wijkVersion.name})
                  </span>
                ) : null}
              </summary>
              <div className="prose" dangerouslySetInnerHTML={{ __html: version.html }} />
              <AttachmentList attachments={version.attachments} peerReview={page.peerReview} />
            </details>
          ))}
        </section>
      ) : null}
    </section>
  );
}

function Assessments({ rubric, assessments }: { rubric: AssignmentPage["rubric"]; assessments: Work["assessments"] }) {
  const [latest, ...earlier] = assessments;
  if (!latest) return null;
  return (
    <section className="card space-bottom" aria-labelledby="beoordeling">
      <h2 id="beoordeling" className="flush-top">
        Beoordeling: {latest.decision ? DECISION_LABELS[latest.decision as Decision] : ""}
      </h2>
      {latest.correctionReason ? <p className="muted">Gecorrigeerd: {latest.correctionReason}</p> : null}
      {latest.decision === "herziening" && latest.revisionNote ? (
        <p className="notice notice--warm pre-wrap">
          <strong>Wat er moet veranderen:</strong> {latest.revisionNote}
        </p>
      ) : null}
      <dl>
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
      {latest.overall ? <div className="prose" dangerouslySetInnerHTML={{ __html: latest.overallHtml }} /> : null}
      {earlier.length ? (
        <p className="muted">
          Eerdere beoordelingen:{" "}
          {earlier.map((e) => (e.decision ? DECISION_LABELS[e.decision as Decision] : "—")).join(", ")}.
        </p>
      ) : null}
    </section>
  );
}
