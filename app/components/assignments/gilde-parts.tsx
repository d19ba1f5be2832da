// The parts of a gilde's writing page besides the shared text: each member's contribution and "akkoord", handing in
// for the whole gilde, the versions handed in with who changed the text, and the trainer's result.
import type { SerializeFrom } from "@remix-run/node";
import type { gildeWorkPage } from "~/assignments/gilde-page.server";
import {
  AGREE_FORM_ID,
  AgreeSchema,
  CONTRIBUTION_FORM_ID,
  ContributionSchema,
  GILDE_HAND_IN_FORM_ID,
  GildeHandInSchema,
} from "~/assignments/gilde-forms";
import { Assessments } from "~/components/assignments/assessment";
import { TextArea } from "~/components/field";
import { GildeForm } from "~/components/form";
import { formatDateTime } from "~/format";
import { useGildeForm } from "~/forms/use-form";
import { DECISION_LABELS } from "~/grading/rubric";

type Page = NonNullable<SerializeFrom<typeof gildeWorkPage>>;
type WithWork = Extract<Page, { rubric: unknown }>;
type GildeWork = WithWork["work"];

export function GildeAgreement({ work, busy }: { work: GildeWork; busy: boolean }) {
  const me = work.members.find((m) => m.me);
  const [form, fields] = useGildeForm(ContributionSchema, {
    id: CONTRIBUTION_FORM_ID,
    defaultValue: { contribution: me?.contribution ?? "" },
  });
  const [agreeForm] = useGildeForm(AgreeSchema, { id: AGREE_FORM_ID });
  return (
    <section aria-labelledby="bijdragen" className="space-top">
      <h2 id="bijdragen" tabIndex={-1}>
        Wie deed wat
      </h2>
      <p className="muted">
        Ieder schrijft in een paar zinnen de eigen bijdrage. Met “Akkoord” zeg je dat de tekst zo ingeleverd mag worden;
        verandert de tekst daarna, dan geeft iedereen opnieuw akkoord.
      </p>
      <ul className="gilde-members">
        {work.members.map((member) => (
          <li key={`${member.name}-${member.left}`} className="card">
            <p className="flush">
              <strong>{member.me ? `${member.name} (jij)` : member.name}</strong>
              {member.left ? <span className="badge badge--quiet">niet meer in de gilde</span> : null}
              {member.left ? null : member.agreed ? (
                <span className="badge">akkoord</span>
              ) : (
                <span className="badge badge--warm">nog geen akkoord</span>
              )}
            </p>
            <p className="pre-wrap flush-bottom">{member.contribution || <em>Nog geen bijdrage beschreven.</em>}</p>
          </li>
        ))}
      </ul>
      {me && !work.blocked ? (
        <>
          <GildeForm form={form}>
            <TextArea
              meta={fields.contribution}
              label="Mijn bijdrage"
              hint="Wat heb jij gedaan? Bijvoorbeeld: welke signalen je verzamelde, welk deel je schreef."
              rows={3}
              maxLength={2000}
            />
            <button
              type="submit"
              name="intent"
              value="contribution"
              className="button button--secondary"
              disabled={busy}
            >
              Bijdrage opslaan
            </button>
          </GildeForm>
          {work.draft.revision > 0 ? (
            <GildeForm form={agreeForm} className="space-top">
              <input type="hidden" name="revision" value={work.draft.revision} />
              <button type="submit" name="intent" value="agree" className="button" disabled={busy || me.agreed}>
                {me.agreed ? "Je bent akkoord met deze versie" : "Akkoord met deze versie"}
              </button>
            </GildeForm>
          ) : null}
        </>
      ) : null}
    </section>
  );
}

export function GildeHandIn({ work, busy }: { work: GildeWork; busy: boolean }) {
  const [form] = useGildeForm(GildeHandInSchema, { id: GILDE_HAND_IN_FORM_ID });
  let why: string;
  if (!work.draft.body.trim()) why = "Er is nog geen tekst om in te leveren.";
  else if (work.waitingFor.length === 0) why = "Iedereen is akkoord: je kunt inleveren namens de gilde.";
  else if (work.deadlinePassed)
    why = `De deadline is voorbij: iedereen kan nu inleveren, ook zonder akkoord van ${work.waitingFor.join(", ")}.`;
  else why = `We wachten nog op akkoord van ${work.waitingFor.join(", ")}. Na de deadline kan iedereen inleveren.`;
  return (
    <section aria-labelledby="inleveren" className="card space-top">
      <h2 id="inleveren" className="flush-top">
        Inleveren namens de gilde
      </h2>
      <p id="inleveren-uitleg">{why}</p>
      {/* Shown only when it can be used: a disabled button says less than the sentence above it. */}
      {work.canHandIn ? (
        <GildeForm form={form}>
          <button type="submit" name="intent" value="hand-in" className="button" disabled={busy}>
            Inleveren namens {work.gilde.name}
          </button>
        </GildeForm>
      ) : null}
    </section>
  );
}

export function GildeVersions({
  versions,
  edits,
}: {
  versions: GildeWork["versions"];
  edits: GildeWork["draft"]["edits"];
}) {
  return (
    <>
      {edits.length ? (
        <details className="space-top">
          <summary>Wie de tekst veranderde ({edits.length})</summary>
          <ul>
            {edits.map((edit) => (
              <li key={edit.id}>
                {edit.user.name}, {formatDateTime(edit.at)}: {edit.words} woorden
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {versions.map((version) => (
        <details key={version.number} className="space-top">
          <summary>
            Ingeleverde versie {version.number}, {formatDateTime(version.handedInAt)}
            {version.late ? " (na de deadline)" : ""}
          </summary>
          <div className="prose card" dangerouslySetInnerHTML={{ __html: version.html }} />
        </details>
      ))}
    </>
  );
}

export function GildeResult({
  rubric,
  assessments,
  own,
}: {
  rubric: WithWork["rubric"];
  assessments: WithWork["assessments"];
  own: WithWork["own"];
}) {
  if (!assessments.length) return null;
  return (
    <>
      {own ? (
        <p className="notice notice--warm" role="status">
          <strong>Jouw eigen uitkomst: {DECISION_LABELS[own.decision]}.</strong> Je trainer schreef: {own.reason}
        </p>
      ) : null}
      <Assessments rubric={rubric} assessments={assessments} />
    </>
  );
}
