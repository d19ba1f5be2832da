// The participant's writing space: Markdown with a toolbar, a word count and a preview, saved while typing, never
// losing text. One multipart form holds the text and the file input, so every button (adding a file too) sends the
// text along. Without JavaScript it is a plain form with "Concept opslaan", "Bestand toevoegen" and "Inleveren"
// (which leads to a confirmation page); with it, "Inleveren" asks in a dialog, and the text is saved while typing
// (use-autosave.ts).
import { useEffect, useRef, useState, type MouseEvent } from "react";
import { DRAFT_FORM_ID, DraftSchema } from "~/assignments/forms";
import { AttachmentList, FileField } from "~/components/assignments/attachments";
import { EditorToolbar, shortcutAction } from "~/components/assignments/editor-toolbar";
import { HandInDialog, type GoingFile } from "~/components/assignments/hand-in-dialog";
import type { AssignmentPage, Work } from "~/components/assignments/work";
import { WordCount } from "~/components/assignments/word-count";
import { SaveConflict, SaveStatus } from "~/components/assignments/save-feedback";
import { useAutosave, type SaveAnswer } from "~/components/assignments/use-autosave";
import { GildeForm } from "~/components/form";
import { useHydrated } from "~/components/use-hydrated";
import { useFormReply, useGildeForm } from "~/forms/use-form";
import { renderMarkdown } from "~/markdown/markdown";
import { applyToolbar, type ToolbarAction } from "~/markdown/toolbar";

export function DraftEditor({ page, draft, busy }: { page: AssignmentPage; draft: Work["draft"]; busy: boolean }) {
  const { slug } = page;
  const { body, revision } = draft;
  const hydrated = useHydrated();
  const [form, fields] = useGildeForm(DraftSchema, { id: DRAFT_FORM_ID });
  const textarea = useRef<HTMLTextAreaElement>(null);
  const dialog = useRef<HTMLDialogElement>(null);
  const [going, setGoing] = useState<GoingFile[]>([]);
  const answer = useFormReply(DRAFT_FORM_ID) as SaveAnswer | undefined;
  // After a clash (without JavaScript) the editor holds the saved version and what was sent is shown below it;
  // after any other refusal the editor holds what was typed.
  const conflict = answer && "conflict" in answer ? answer.conflict : undefined;
  const typed = fields.body.initialValue;
  const [preview, setPreview] = useState(false);
  const {
    text,
    onChange,
    state,
    revision: rev,
    keepMine,
    takeTheirs,
    beforeSubmit,
  } = useAutosave({
    slug,
    initial: !conflict && typeof typed === "string" ? typed : body,
    body,
    revision,
  });
  // What was typed before the page became interactive (a slow phone) is in the textarea but not in the state the
  // word count, the autosave and the hand-in dialog read: take it over once, right after hydration.
  useEffect(() => {
    const early = textarea.current?.value;
    if (early && early !== text) onChange(early);
    // Once: later the textarea and the state move together.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  function onSubmitCapture() {
    beforeSubmit();
    dialog.current?.close();
  }

  function format(action: ToolbarAction) {
    const element = textarea.current;
    if (!element || preview) return;
    const edit = applyToolbar(action, { value: text, start: element.selectionStart, end: element.selectionEnd });
    onChange(edit.value);
    requestAnimationFrame(() => {
      element.focus();
      element.setSelectionRange(edit.start, edit.end);
    });
  }

  // With JavaScript "Inleveren" asks first, in the dialog; without it the server shows a confirmation page.
  function askToHandIn(event: MouseEvent) {
    if (!dialog.current?.showModal) return;
    event.preventDefault();
    const chosen = Array.from(document.querySelector<HTMLInputElement>("#field-files")?.files ?? []);
    setGoing([
      ...draft.attachments.map((a) => ({ name: a.originalName, size: a.size, added: true })),
      ...chosen.map((file) => ({ name: file.name, size: file.size, added: false })),
    ]);
    dialog.current.showModal();
  }

  return (
    <>
      <GildeForm form={form} className="editor" encType="multipart/form-data" onSubmitCapture={onSubmitCapture}>
        {conflict && typeof typed === "string" ? (
          <details open className="card">
            <summary>De tekst die je net verstuurde</summary>
            <pre className="mail">{typed}</pre>
          </details>
        ) : null}
        <input type="hidden" name={fields.revision.name} value={rev} />
        {hydrated ? (
          <div className="editor__bar">
            <div className="editor__tabs" role="group" aria-label="Weergave">
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={!preview}
                onClick={() => setPreview(false)}
              >
                Schrijven
              </button>
              <button
                type="button"
                className="button button--quiet"
                aria-pressed={preview}
                onClick={() => setPreview(true)}
              >
                Voorbeeld
              </button>
            </div>
            {preview ? null : <EditorToolbar onAction={format} controls="field-body" />}
          </div>
        ) : null}
        <label htmlFor="field-body" className="visually-hidden">
          Je uitwerking (Markdown)
        </label>
        <textarea
          ref={textarea}
          id="field-body"
          name={fields.body.name}
          rows={18}
          value={text}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={(event) => {
            const action = shortcutAction(event);
            if (!action) return;
            event.preventDefault();
            format(action);
          }}
          hidden={preview}
          aria-invalid={fields.body.errors ? true : undefined}
          aria-describedby={`woorden opslaan-status markdown-hulp${fields.body.errors ? ` ${fields.body.errorId}` : ""}`}
        />
        {fields.body.errors ? (
          <p className="field__error" id={fields.body.errorId}>
            {fields.body.errors[0]}
          </p>
        ) : null}
        {preview ? (
          <div className="prose editor__preview" dangerouslySetInnerHTML={{ __html: renderMarkdown(text) }} />
        ) : null}
        <div className="editor__meta">
          <WordCount id="woorden" text={text} range={page.words} live={hydrated} />
          <p id="opslaan-status" className="editor__status" role="status" aria-live="polite">
            <SaveStatus state={state} hydrated={hydrated} what="het concept" />
          </p>
        </div>
        {state.kind === "conflict" ? (
          <SaveConflict
            who="Dit concept is ondertussen ergens anders opgeslagen (bijvoorbeeld in een ander tabblad)."
            theirs={state.theirs}
            theirsLabel="de andere versie"
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
            Concept opslaan
          </button>
          <button
            type="submit"
            name={fields.intent.name}
            value="prepare-hand-in"
            className="button"
            disabled={busy || state.kind === "conflict"}
            onClick={askToHandIn}
          >
            Inleveren
          </button>
        </div>
        <p id="markdown-hulp" className="field__hint">
          {hydrated ? "Opmaak met de knoppen boven de tekst, of zelf" : "Opmaak"}: **vet**, *schuin*, ## kop, -
          opsomming, [tekst](https://…). HTML wordt als tekst getoond.
        </p>
        <section aria-labelledby="bijlagen" className="space-top">
          <h3 id="bijlagen">Bijlagen</h3>
          <FileField meta={fields.files} inputKey={draft.attachments.map((a) => a.id).join()} busy={busy} />
        </section>
        <HandInDialog
          ref={dialog}
          text={text}
          range={page.words}
          files={going}
          busy={busy}
          onClose={() => dialog.current?.close()}
        />
      </GildeForm>
      <AttachmentList attachments={draft.attachments} peerReview={page.peerReview} removable />
    </>
  );
}
