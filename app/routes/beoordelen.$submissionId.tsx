// Grading one submission: the handed-in version beside the rubric; levels, feedback and a decision; saved as a
// draft until released. A trainer of another cohort gets 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import {
  AssessmentForm,
  AssessmentSchema,
  SecondReading,
  SecondReadSchema,
} from "~/components/grading/assessment-form";
import { formatDateTime } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { gradingScreen, releaseAssessment, saveAssessment, secondRead } from "~/grading/grading.server";

const ActionSchema = z.discriminatedUnion("intent", [AssessmentSchema, SecondReadSchema]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const screen = await gradingScreen(trainer, params.submissionId ?? "");
  invariantResponse(screen, "Deze inzending bestaat niet, of hoort niet bij een groep van jou.", { status: 404 });
  return json(screen);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const submissionId = params.submissionId ?? "";
  const here = new URL(request.url).pathname;
  // Access is checked by the grading functions (404 for another cohort's trainer) before anything is written.
  const submission = await readSubmission(request, ActionSchema);
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "second-read":
        await secondRead(trainer, submissionId, value.revision);
        return redirectWithFlash(
          here,
          "Je hebt als tweede lezer akkoord gegeven. De beoordeling kan nu worden vrijgegeven.",
        );
      case "save":
      case "release": {
        const { intent, revision, ...input } = value;
        await saveAssessment(trainer, submissionId, input, revision);
        if (intent === "save") return redirectWithFlash(here, "Concept opgeslagen. De deelnemer ziet nog niets.");
        await releaseAssessment(trainer, submissionId);
        return redirectWithFlash(here, "Vrijgegeven: de deelnemer ziet de beoordeling en krijgt een e-mail.");
      }
    }
  });
}

export default function GradingScreen() {
  const { submission, assignment, current, history, peerFeedback } = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const latest = submission.latest;
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" after={submission.cohort.name} />
      <h1>
        {assignment.title}: {submission.participant.name}
      </h1>
      <div className="work-layout work-layout--halves">
        <section aria-labelledby="inzending">
          <h2 id="inzending">
            Versie {latest.number}, ingeleverd {formatDateTime(latest.handedInAt)}
            {latest.late ? <span className="badge badge--warm">te laat</span> : null}
          </h2>
          {latest.wijkVersion ? (
            <p className="muted">
              Bij wijkprofiel versie {latest.wijkVersion.number}: {latest.wijkVersion.name},{" "}
              {latest.wijkVersion.municipality}
            </p>
          ) : null}
          <div className="prose card" dangerouslySetInnerHTML={{ __html: latest.html }} />
          {latest.attachments.length ? (
            <ul className="attachments">
              {latest.attachments.map((file) => (
                <li key={file.id}>
                  <a href={`/bijlagen/${file.id}`}>{file.originalName}</a>
                </li>
              ))}
            </ul>
          ) : null}
          {peerFeedback.length ? (
            <section aria-labelledby="peerfeedback" className="card space-top-sm">
              <h3 id="peerfeedback">Peerfeedback uit de gilde ({peerFeedback.length})</h3>
              {peerFeedback.map((review) => (
                <details key={review.id}>
                  <summary>
                    {review.reviewer}
                    {review.crossGilde ? " (andere gilde)" : ""}
                    {review.rating ? ` · door de schrijver gewaardeerd met ${review.rating}/4` : ""}
                  </summary>
                  {review.questions.map((q, index) => (
                    <p key={index}>
                      <strong>{q}</strong> {review.answers[index] || "—"}
                    </p>
                  ))}
                  {review.tip ? (
                    <p>
                      <strong>Tip voor verder:</strong> {review.tip}
                    </p>
                  ) : null}
                </details>
              ))}
            </section>
          ) : null}
          {latest.changes ? <VersionChanges changes={latest.changes} previous={latest.number - 1} open /> : null}
          {submission.versions.slice(1).map((version) => (
            <details key={version.id} className="card space-top-sm">
              <summary>
                Eerdere versie {version.number} · {formatDateTime(version.handedInAt)}
              </summary>
              <div className="prose" dangerouslySetInnerHTML={{ __html: version.html }} />
              {version.changes ? <VersionChanges changes={version.changes} previous={version.number - 1} /> : null}
            </details>
          ))}
        </section>

        <div>
          <AssessmentForm rubric={assignment.rubric} current={current} history={history} busy={busy} />
          {current?.status === "DRAFT" ? (
            <SecondReading current={current} requiredForFail={submission.cohort.secondReaderForFail} />
          ) : null}
        </div>
      </div>
    </>
  );
}

type Changes = {
  parts: { kind: "same" | "added" | "removed"; text: string }[];
  added: number;
  removed: number;
};

/** What changed since the previous version, word by word (the Markdown as written). */
function VersionChanges({ changes, previous, open = false }: { changes: Changes; previous: number; open?: boolean }) {
  return (
    <details className="card diff space-top-sm" open={open}>
      <summary>
        Wat is veranderd ten opzichte van versie {previous}: {changes.added} {changes.added === 1 ? "woord" : "woorden"}{" "}
        erbij, {changes.removed} eraf
      </summary>
      <p className="diff__text">
        {changes.parts.map((part, index) =>
          part.kind === "added" ? (
            <ins key={index}>{part.text}</ins>
          ) : part.kind === "removed" ? (
            <del key={index}>{part.text}</del>
          ) : (
            <span key={index}>{part.text}</span>
          ),
        )}
      </p>
    </details>
  );
}

export const meta: MetaFunction = () => [{ title: "Beoordelen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
