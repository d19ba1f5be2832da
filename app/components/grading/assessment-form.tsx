// The trainer's grading form: a level and feedback per criterion (nested fields `levels.<criterionId>` and
// `feedback.<criterionId>`), feedback in general, a decision, and a revision note or a correction reason.
import { z } from "zod";
import { GildeForm } from "~/components/form";
import { TextArea } from "~/components/field";
import { formatDateTime } from "~/format";
import { useGildeForm } from "~/forms/use-form";
import { rubricLevels } from "~/forms/fields";
import { DECISION_LABELS, type Decision } from "~/grading/rubric";

const DECISIONS = Object.keys(DECISION_LABELS) as [Decision, ...Decision[]];

/** Text as typed, cut at `max` characters (as the screen always did). */
const text = (max: number) =>
  z
    .string()
    .optional()
    .transform((value) => (value ?? "").slice(0, max));

const revision = z.number().int().min(0).default(0);

export const AssessmentSchema = z.object({
  intent: z.enum(["save", "save-next", "release"]),
  revision,
  levels: rubricLevels(),
  feedback: z
    .record(z.string())
    .default({})
    .transform((feedback) =>
      Object.fromEntries(
        Object.entries(feedback)
          .filter(([, words]) => words.trim())
          .map(([id, words]) => [id, words.slice(0, 10_000)]),
      ),
    ),
  overall: text(20_000),
  decision: z
    .enum(DECISIONS)
    .optional()
    .transform((decision) => decision ?? null),
  revisionNote: text(5_000),
  correctionReason: text(5_000),
});

export const SecondReadSchema = z.object({ intent: z.literal("second-read"), revision });

type Level = { score: number; label: string; descriptor: string };
type Criterion = { id: string; title: string; required?: boolean; passLevel: number; levels: Level[] };
type Current = {
  status: string;
  revision: number;
  levels: Record<string, number | undefined>;
  feedback: Record<string, string | undefined>;
  overall: string;
  decision: string | null;
  revisionNote: string;
};
type Released = {
  id: string;
  number: number;
  decision: string | null;
  releasedAt: string | null;
  correctionReason: string | null;
};

export function AssessmentForm({
  rubric,
  current,
  history,
  busy,
}: {
  rubric: Criterion[];
  current: Current | null;
  history: Released[];
  busy: boolean;
}) {
  const released = current?.status === "RELEASED";
  const [form, fields] = useGildeForm(AssessmentSchema, {
    id: "beoordeling",
    defaultValue: {
      levels: Object.fromEntries(Object.entries(current?.levels ?? {}).map(([id, score]) => [id, String(score)])),
      feedback: current?.feedback ?? {},
      overall: current?.overall ?? "",
      decision: current?.decision ?? "",
      revisionNote: current?.revisionNote ?? "",
    },
  });
  const levels = fields.levels.getFieldset();
  const feedback = fields.feedback.getFieldset();
  return (
    <GildeForm form={form} aria-labelledby="beoordeling-kop">
      <h2 id="beoordeling-kop">Beoordeling {released ? "(vrijgegeven; een wijziging wordt een correctie)" : ""}</h2>
      {/* Always the revision on the server now (also after a refusal), never what was sent. */}
      <input type="hidden" name={fields.revision.name} value={released ? 0 : (current?.revision ?? 0)} />
      {rubric.map((criterion) => {
        const level = levels[criterion.id];
        // The rubric check names a criterion by its id.
        const error = level?.errors?.[0] ?? form.allErrors[criterion.id]?.[0];
        return (
          <fieldset
            key={criterion.id}
            className={error ? "field field--invalid" : "field"}
            aria-describedby={error ? `${criterion.id}-fout` : undefined}
          >
            <legend>
              <strong>{criterion.title}</strong>
              {criterion.required ? "" : " (niet verplicht)"}
            </legend>
            {criterion.levels.map((option) => (
              <label key={option.score} className="check-label check-label--block check-label--spaced">
                <input
                  type="radio"
                  name={`${fields.levels.name}.${criterion.id}`}
                  value={option.score}
                  defaultChecked={level?.initialValue === String(option.score)}
                />{" "}
                <strong>{option.label}</strong> ({option.score}
                {option.score === criterion.passLevel ? ", voldoende vanaf hier" : ""}
                ): {option.descriptor}
              </label>
            ))}
            {error ? (
              <p className="field__error" id={`${criterion.id}-fout`}>
                {error}
              </p>
            ) : null}
            {feedback[criterion.id] ? (
              <TextArea
                meta={feedback[criterion.id]}
                label={`Feedback bij ${criterion.title.toLowerCase()}`}
                rows={3}
              />
            ) : null}
          </fieldset>
        );
      })}
      <TextArea meta={fields.overall} label="Feedback in het algemeen (Markdown)" rows={5} />
      <fieldset
        className={fields.decision.errors ? "field field--invalid" : "field"}
        aria-describedby={fields.decision.errors ? fields.decision.errorId : undefined}
      >
        <legend>
          <strong>Besluit</strong>
        </legend>
        {DECISIONS.map((decision) => (
          <label key={decision} className="check-label check-label--block">
            <input
              type="radio"
              name={fields.decision.name}
              value={decision}
              defaultChecked={fields.decision.initialValue === decision}
            />{" "}
            {DECISION_LABELS[decision]}
          </label>
        ))}
        {fields.decision.errors ? (
          <p className="field__error" id={fields.decision.errorId}>
            {fields.decision.errors[0]}
          </p>
        ) : null}
      </fieldset>
      <TextArea meta={fields.revisionNote} label="Bij herziening: wat moet er veranderen?" rows={3} />
      {released ? (
        <TextArea meta={fields.correctionReason} label="Waarom corrigeer je de vrijgegeven beoordeling?" rows={2} />
      ) : null}
      <div className="button-row">
        <button
          type="submit"
          name={fields.intent.name}
          value="save"
          className="button button--secondary"
          disabled={busy}
        >
          Opslaan
        </button>
        <button
          type="submit"
          name={fields.intent.name}
          value="save-next"
          className="button button--secondary"
          disabled={busy}
        >
          Opslaan en volgende
        </button>
        <button type="submit" name={fields.intent.name} value="release" className="button" disabled={busy}>
          Opslaan en vrijgeven
        </button>
      </div>
      <p className="muted space-top-xs">
        Opslaan bewaart een concept dat de deelnemer nog niet ziet; ‘Opslaan en volgende’ opent daarna de volgende
        inzending uit je wachtrij.
      </p>
      {history.length ? (
        <details className="space-top">
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
    </GildeForm>
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
export function SecondReading({ current, requiredForFail }: { current: Draft; requiredForFail: boolean }) {
  const [form, fields] = useGildeForm(SecondReadSchema, { id: "tweede-lezer" });
  const needed = requiredForFail && current.decision === "niet-voldaan";
  return (
    <div className="card space-top">
      <p className="flush">Concept van {current.gradedBy || "een trainer"}.</p>
      {needed && current.secondReader ? (
        <p className="flush space-top-xs">
          Tweede lezer: {current.secondReader} gaf akkoord
          {current.secondReadAt ? ` op ${formatDateTime(current.secondReadAt)}` : ""}.
        </p>
      ) : needed ? (
        <GildeForm form={form} className="space-top-xs">
          <p className="flush space-bottom-xs">
            Deze groep vraagt bij ‘niet voldaan’ een tweede trainer die meeleest voordat de beoordeling wordt
            vrijgegeven.
          </p>
          <input type="hidden" name={fields.revision.name} value={current.revision} />
          <button type="submit" name={fields.intent.name} value="second-read" className="button button--secondary">
            Akkoord als tweede lezer
          </button>
        </GildeForm>
      ) : null}
    </div>
  );
}
