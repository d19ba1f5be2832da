// Grading one submission: the handed-in version beside the rubric; levels, feedback and a decision; saved as a
// draft until released. A trainer of another cohort gets 404.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Outcome } from "~/components/field";
import { formatDateTime } from "~/format";
import { GradingError, gradingScreen, releaseAssessment, saveAssessment, secondRead } from "~/grading/grading.server";
import { DECISION_LABELS, type Decision } from "~/grading/rubric";
import { formValues } from "~/forms/parse";
import { readForm } from "~/forms/read.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const screen = await gradingScreen(trainer, params.submissionId ?? "");
  invariantResponse(screen, "Deze inzending bestaat niet, of hoort niet bij een groep van jou.", { status: 404 });
  return json(screen);
}

const DECISIONS = Object.keys(DECISION_LABELS) as Decision[];

export async function action({ request, params }: ActionFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const submissionId = params.submissionId ?? "";
  // Access is checked by saveAssessment (404 for another cohort's trainer) before anything is read or written.
  const formData = await readForm(request);
  if (formData.get("intent") === "second-read") {
    try {
      await secondRead(trainer, submissionId, Number(formData.get("revision") ?? 0));
      return json({
        ok: true as const,
        message: "Je hebt als tweede lezer akkoord gegeven. De beoordeling kan nu worden vrijgegeven.",
      });
    } catch (error) {
      return refused(error, {});
    }
  }
  const levels: Record<string, number> = {};
  const feedback: Record<string, string> = {};
  for (const [key, value] of formData.entries()) {
    if (typeof value !== "string") continue;
    if (key.startsWith("level-") && value !== "") levels[key.slice(6)] = Number(value);
    if (key.startsWith("feedback-") && value.trim()) feedback[key.slice(9)] = value.slice(0, 10_000);
  }
  const decisionValue = String(formData.get("decision") ?? "");
  const input = {
    levels,
    feedback,
    overall: String(formData.get("overall") ?? "").slice(0, 20_000),
    decision: DECISIONS.includes(decisionValue as Decision) ? (decisionValue as Decision) : null,
    revisionNote: String(formData.get("revisionNote") ?? "").slice(0, 5_000),
    correctionReason: String(formData.get("correctionReason") ?? ""),
  };
  try {
    const saved = await saveAssessment(trainer, submissionId, input, Number(formData.get("revision") ?? 0));
    if (formData.get("intent") === "release") {
      await releaseAssessment(trainer, submissionId);
      return json({
        ok: true as const,
        message: "Vrijgegeven: de deelnemer ziet de beoordeling en krijgt een e-mail.",
      });
    }
    return json({
      ok: true as const,
      message: `Concept opgeslagen. De deelnemer ziet nog niets.`,
      revision: saved.revision,
    });
  } catch (error) {
    return refused(error, formValues(formData));
  }
}

/** A grading refusal as the form shows it (what was typed comes back); 404 stays a 404. */
function refused(error: unknown, values: Record<string, string>) {
  if (!(error instanceof GradingError)) throw error;
  if (error.status === 404) throw new Response(error.message, { status: 404 });
  return json(
    { ok: false as const, formError: error.message, fieldErrors: error.errors, values },
    { status: error.status },
  );
}

export default function GradingScreen() {
  const { submission, assignment, current, history, peerFeedback } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  const busy = useNavigation().state !== "idle";
  const latest = submission.latest;
  const released = current?.status === "RELEASED";
  const value = (name: string, fallback: string) => (failed ? (failed.values[name] ?? "") : fallback);
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" after={submission.cohort.name} />
      <h1>
        {assignment.title}: {submission.participant.name}
      </h1>
      <Outcome notice={result?.ok ? result.message : undefined} error={failed?.formError} />
      <div className="work-layout" style={{ gridTemplateColumns: "minmax(0, 1fr) minmax(0, 1fr)" }}>
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
            <section aria-labelledby="peerfeedback" className="card" style={{ marginTop: "0.75rem" }}>
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
            <details key={version.id} className="card" style={{ marginTop: "0.75rem" }}>
              <summary>
                Eerdere versie {version.number} · {formatDateTime(version.handedInAt)}
              </summary>
              <div className="prose" dangerouslySetInnerHTML={{ __html: version.html }} />
              {version.changes ? <VersionChanges changes={version.changes} previous={version.number - 1} /> : null}
            </details>
          ))}
        </section>

        <div>
          <Form method="post" aria-labelledby="beoordeling">
            <h2 id="beoordeling">Beoordeling {released ? "(vrijgegeven; een wijziging wordt een correctie)" : ""}</h2>
            <input
              type="hidden"
              name="revision"
              value={
                result?.ok && "revision" in result ? Number(result.revision) : released ? 0 : (current?.revision ?? 0)
              }
            />
            {assignment.rubric.map((criterion) => {
              const error = failed?.fieldErrors[criterion.id];
              const chosen = value(`level-${criterion.id}`, current?.levels[criterion.id]?.toString() ?? "");
              return (
                <fieldset key={criterion.id} className={error ? "field field--invalid" : "field"}>
                  <legend>
                    <strong>{criterion.title}</strong>
                    {criterion.required ? "" : " (niet verplicht)"}
                  </legend>
                  {criterion.levels.map((level) => (
                    <label
                      key={level.score}
                      style={{
                        display: "block",
                        fontWeight: "normal",
                        marginBottom: "0.35rem",
                      }}
                    >
                      <input
                        type="radio"
                        name={`level-${criterion.id}`}
                        value={level.score}
                        defaultChecked={chosen === String(level.score)}
                      />{" "}
                      <strong>{level.label}</strong> ({level.score}
                      {level.score === criterion.passLevel ? ", voldoende vanaf hier" : ""}
                      ): {level.descriptor}
                    </label>
                  ))}
                  {error ? (
                    <p className="field__error" role="alert">
                      {error}
                    </p>
                  ) : null}
                  <label htmlFor={`feedback-${criterion.id}`}>Feedback bij {criterion.title.toLowerCase()}</label>
                  <textarea
                    id={`feedback-${criterion.id}`}
                    name={`feedback-${criterion.id}`}
                    rows={3}
                    defaultValue={value(`feedback-${criterion.id}`, current?.feedback[criterion.id] ?? "")}
                  />
                </fieldset>
              );
            })}
            <div className="field">
              <label htmlFor="overall">Feedback in het algemeen (Markdown)</label>
              <textarea id="overall" name="overall" rows={5} defaultValue={value("overall", current?.overall ?? "")} />
            </div>
            <fieldset className={failed?.fieldErrors.decision ? "field field--invalid" : "field"}>
              <legend>
                <strong>Besluit</strong>
              </legend>
              {DECISIONS.map((decision) => (
                <label key={decision} style={{ display: "block", fontWeight: "normal" }}>
                  <input
                    type="radio"
                    name="decision"
                    value={decision}
                    defaultChecked={value("decision", current?.decision ?? "") === decision}
                  />{" "}
                  {DECISION_LABELS[decision]}
                </label>
              ))}
              {failed?.fieldErrors.decision ? (
                <p className="field__error" role="alert">
                  {failed.fieldErrors.decision}
                </p>
              ) : null}
            </fieldset>
            <div className={failed?.fieldErrors.revisionNote ? "field field--invalid" : "field"}>
              <label htmlFor="revisionNote">Bij herziening: wat moet er veranderen?</label>
              <textarea
                id="revisionNote"
                name="revisionNote"
                rows={3}
                defaultValue={value("revisionNote", current?.revisionNote ?? "")}
              />
              {failed?.fieldErrors.revisionNote ? (
                <p className="field__error" role="alert">
                  {failed.fieldErrors.revisionNote}
                </p>
              ) : null}
            </div>
            {released ? (
              <div className={failed?.fieldErrors.correctionReason ? "field field--invalid" : "field"}>
                <label htmlFor="correctionReason">Waarom corrigeer je de vrijgegeven beoordeling?</label>
                <input id="correctionReason" name="correctionReason" defaultValue={value("correctionReason", "")} />
                {failed?.fieldErrors.correctionReason ? (
                  <p className="field__error" role="alert">
                    {failed.fieldErrors.correctionReason}
                  </p>
                ) : null}
              </div>
            ) : null}
            <div className="button-row">
              <button type="submit" name="intent" value="save" className="button button--secondary" disabled={busy}>
                Concept opslaan
              </button>
              <button type="submit" name="intent" value="release" className="button" disabled={busy}>
                Opslaan en vrijgeven
              </button>
            </div>
            {history.length ? (
              <details style={{ marginTop: "1.5rem" }}>
                <summary>Geschiedenis van vrijgegeven beoordelingen</summary>
                <ul>
                  {history.map((a) => (
                    <li key={a.id}>
                      Beoordeling {a.number}: {a.decision ? DECISION_LABELS[a.decision as Decision] : "—"}, vrijgegeven{" "}
                      {a.releasedAt ? formatDateTime(a.releasedAt) : ""}
                      {a.correctionReason ? ` (correctie: ${a.correctionReason})` : ""}
                    </li>
                  ))}
                </ul>
              </details>
            ) : null}
          </Form>
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
    <details className="card diff" style={{ marginTop: "0.75rem" }} open={open}>
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

type Draft = {
  decision: string | null;
  revision: number;
  gradedBy: string;
  secondReader: string | null;
  secondReadAt: string | null;
};

/** Who wrote the draft, and for "niet voldaan" in a cohort that asks for it: the second reader's agreement. */
function SecondReading({ current, requiredForFail }: { current: Draft; requiredForFail: boolean }) {
  const needed = requiredForFail && current.decision === "niet-voldaan";
  return (
    <div className="card" style={{ marginTop: "1.25rem" }}>
      <p style={{ margin: 0 }}>Concept van {current.gradedBy || "een trainer"}.</p>
      {needed && current.secondReader ? (
        <p style={{ margin: "0.5rem 0 0" }}>
          Tweede lezer: {current.secondReader} gaf akkoord
          {current.secondReadAt ? ` op ${formatDateTime(current.secondReadAt)}` : ""}.
        </p>
      ) : needed ? (
        <Form method="post" style={{ marginTop: "0.5rem" }}>
          <p style={{ margin: "0 0 0.5rem" }}>
            Deze groep vraagt bij ‘niet voldaan’ een tweede trainer die meeleest voordat de beoordeling wordt
            vrijgegeven.
          </p>
          <input type="hidden" name="revision" value={current.revision} />
          <button type="submit" name="intent" value="second-read" className="button button--secondary">
            Akkoord als tweede lezer
          </button>
        </Form>
      ) : null}
    </div>
  );
}

export const meta: MetaFunction = () => [{ title: "Beoordelen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
