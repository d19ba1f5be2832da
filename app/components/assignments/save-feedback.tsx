// What a text saved while typing tells its writer (use-autosave.ts): the status line under the editor, and the choice
// when someone else saved in between. One wording for a participant's own draft and for a gilde's shared text.
import type { SaveState } from "./use-autosave";

/** `what`: what is being written, with its article ("het concept", "de tekst"). */
export function SaveStatus({ state, hydrated, what }: { state: SaveState; hydrated: boolean; what: string }) {
  const noun = what.replace(/^(de|het) /, "");
  const Noun = noun.charAt(0).toUpperCase() + noun.slice(1);
  switch (state.kind) {
    case "saving":
      return <>Bezig met opslaan…</>;
    case "saved":
      return (
        <>
          {Noun} opgeslagen om {state.at.toLocaleTimeString("nl-NL", { hour: "2-digit", minute: "2-digit" })}.
        </>
      );
    case "failed":
      return (
        <span className="field__error">Opslaan lukte niet; je tekst staat nog hier en we proberen het opnieuw.</span>
      );
    case "conflict":
      return <span className="field__warning">Niet opgeslagen: er is een nieuwere versie van {what}.</span>;
    case "refused":
      return (
        <span className="field__error">
          Niet opgeslagen: {state.message} Je tekst staat nog hier; kopieer hem als je hem wilt bewaren.
        </span>
      );
    default:
      // Without JavaScript nothing is saved by itself: say nothing rather than promise it.
      return hydrated ? (
        <>{what.charAt(0).toUpperCase() + what.slice(1)} wordt vanzelf bewaard terwijl je schrijft.</>
      ) : null;
  }
}

/** Someone else saved in between: nothing is overwritten, and the writer chooses which text to keep. */
export function SaveConflict({
  who,
  theirs,
  theirsLabel,
  keepMine,
  takeTheirs,
}: {
  /** Who saved in between, as the sentence starts ("Dit concept is ondertussen ergens anders opgeslagen"). */
  who: string;
  theirs: string;
  theirsLabel: string;
  keepMine: () => void;
  takeTheirs: () => void;
}) {
  return (
    <div className="notice notice--warm" role="alert">
      <p>
        <strong>{who}</strong> Je tekst hierboven is niet overschreven. Kies wat je wilt bewaren:
      </p>
      <details>
        <summary>Bekijk {theirsLabel}</summary>
        <pre className="mail">{theirs}</pre>
      </details>
      <div className="button-row">
        <button type="button" className="button" onClick={keepMine}>
          Mijn tekst bewaren
        </button>
        <button type="button" className="button button--secondary" onClick={takeTheirs}>
          {theirsLabel.charAt(0).toUpperCase() + theirsLabel.slice(1)} overnemen
        </button>
      </div>
    </div>
  );
}
