// "Inleveren" with JavaScript: a dialog that shows what goes in (the length against what is asked, the files) and
// warns when the text is shorter than asked, before the hand-in is sent. Its confirm button is a submit button of
// the writing form (the dialog sits inside it), so the text and any files chosen go along. Without JavaScript the
// server shows the same as a page of its own (routes/opdrachten.$slug_.inleveren.tsx).
import { forwardRef } from "react";
import { countWords, lengthStatus, tooShortWarning, type WordRange } from "~/assignments/words";
import { formatFileSize } from "~/format";

export type GoingFile = { name: string; size: number; added: boolean };

type Props = { text: string; range: WordRange; files: GoingFile[]; busy: boolean; onClose: () => void };

export const HandInDialog = forwardRef<HTMLDialogElement, Props>(function HandInDialog(
  { text, range, files, busy, onClose },
  ref,
) {
  const count = countWords(text);
  const length = lengthStatus(count, range);
  const warning = tooShortWarning(count, range);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="inleveren-vraag" onClose={onClose}>
      <h2 id="inleveren-vraag" className="flush-top">
        Inleveren?
      </h2>
      {count === 0 ? (
        <p className="notice notice--warm">Je tekst is nog leeg. Schrijf eerst je uitwerking.</p>
      ) : (
        <>
          <p>
            Je levert deze tekst in: <strong>{length.label}</strong>. Daarna kun je hem niet meer veranderen, tenzij je
            trainer hem teruggeeft.
          </p>
          {warning ? (
            <p className="notice notice--warm" role="alert">
              {warning}
            </p>
          ) : null}
        </>
      )}
      <h3>Bijlagen</h3>
      {files.length ? (
        <ul className="attachments">
          {files.map((file) => (
            <li key={`${file.name}-${file.size}`}>
              <span>{file.name}</span>
              <span className="muted">
                {formatFileSize(file.size)}
                {file.added ? "" : " · wordt nu toegevoegd"}
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Geen bijlagen.</p>
      )}
      <div className="button-row">
        {count > 0 ? (
          <button type="submit" name="intent" value="hand-in" className="button" disabled={busy}>
            {warning ? "Toch inleveren" : "Ja, inleveren"}
          </button>
        ) : null}
        <button type="button" className="button button--secondary" onClick={onClose}>
          Nog niet, verder schrijven
        </button>
      </div>
    </dialog>
  );
});
