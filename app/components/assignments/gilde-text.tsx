// The gilde's shared text: one textarea every member edits, saved while typing (use-autosave.ts, the same
// revision check as a participant's own draft). When a gildegenoot saved in between, nothing is overwritten: the
// member sees both texts and chooses. Without JavaScript "Tekst opslaan" posts the form; a clash then shows the
// saved version in the editor and what was sent below it.
import { GILDE_TEXT_FORM_ID, GildeTextSchema } from "~/assignments/gilde-forms";
import { SaveConflict, SaveStatus } from "~/components/assignments/save-feedback";
import { useAutosave, type SaveAnswer } from "~/components/assignments/use-autosave";
import { WordCount } from "~/components/assignments/word-count";
import { GildeForm } from "~/components/form";
import { useHydrated } from "~/components/use-hydrated";
import { formatDateTime } from "~/format";
import { useFormReply, useGildeForm } from "~/forms/use-form";

type SharedDraft = { body: string; revision: number; savedAt: string | null; savedBy: string | null };

export function GildeTextEditor({
  slug,
  draft,
  words,
  busy,
}: {
  slug: string;
  draft: SharedDraft;
  words: [number, number] | null;
  busy: boolean;
}) {
  const hydrated = useHydrated();
  const [form, fields] = useGildeForm(GildeTextSchema, { id: GILDE_TEXT_FORM_ID });
  const answer = useFormReply(GILDE_TEXT_FORM_ID) as SaveAnswer | undefined;
  const conflict = answer && "conflict" in answer ? answer.conflict : undefined;
  const typed = fields.body.initialValue;
  const { text, onChange, state, revision, keepMine, takeTheirs, beforeSubmit } = useAutosave({
    slug,
    initial: !conflict && typeof typed === "string" ? typed : draft.body,
    body: draft.body,
    revision: draft.revision,
    url: `/opdrachten/${slug}/gilde?_data=${encodeURIComponent("routes/opdrachten.$slug_.gilde")}`,
  });
  return (
    <section aria-labelledby="gezamenlijke-tekst" className="space-top">
      <h2 id="gezamenlijke-tekst">Jullie tekst</h2>
      <p className="muted">
        Iedereen in de gilde kan hieraan werken.{" "}
        {draft.savedAt
          ? `Laatst opgeslagen door ${draft.savedBy ?? "een gildegenoot"} op ${formatDateTime(draft.savedAt)}.`
          : "Er is nog niets geschreven."}
      </p>
      <GildeForm form={form} className="editor" onSubmitCapture={beforeSubmit}>
        {conflict && typeof typed === "string" ? (
          <details open className="card">
            <summary>De tekst die jij net verstuurde</summary>
            <pre className="mail">{typed}</pre>
          </details>
        ) : null}
        <input type="hidden" name={fields.revision.name} value={revision} />
        <label htmlFor="field-gilde-body">De gezamenlijke uitwerking (Markdown)</label>
        <textarea
          id="field-gilde-body"
          name={fields.body.name}
          rows={16}
          value={text}
          onChange={(event) => onChange(event.target.value)}
          aria-invalid={fields.body.errors ? true : undefined}
          aria-describedby={`gilde-woorden gilde-opslaan${fields.body.errors ? ` ${fields.body.errorId}` : ""}`}
        />
        {fields.body.errors ? (
          <p className="field__error" id={fields.body.errorId}>
            {fields.body.errors[0]}
          </p>
        ) : null}
        <div className="editor__meta">
          <WordCount id="gilde-woorden" text={text} range={words} live={hydrated} />
          <p id="gilde-opslaan" className="editor__status" role="status" aria-live="polite">
            <SaveStatus state={state} hydrated={hydrated} what="de tekst" />
          </p>
        </div>
        {state.kind === "conflict" ? (
          <SaveConflict
            who="Een gildegenoot heeft de tekst ondertussen opgeslagen; hun versie is ook bewaard."
            theirs={state.theirs}
            theirsLabel="de versie van je gildegenoot"
            keepMine={keepMine}
            takeTheirs={takeTheirs}
          />
        ) : null}
        <div className="button-row">
          <button
            type="submit"
            name={fields.intent.name}
            value="save-draft"
            className="button button--secondary"
            disabled={busy}
          >
            Tekst opslaan
          </button>
        </div>
      </GildeForm>
    </section>
  );
}
