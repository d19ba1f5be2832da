// The autosave of the writing area: the text saved a moment after typing stops (and when the page is left), with
// the draft's revision, so a save from an older revision (another tab) is refused with the other text back and the
// writer chooses. A failed save keeps the text and tries again, waiting longer each time. It posts the writing
// form's own schema (assignments/forms.ts) and gets JSON back: the new revision, or the form protocol's refusal.
import { useCallback, useEffect, useRef, useState } from "react";
import type { FormReply } from "~/forms/protocol";

/** What the server says to a save: the new revision, or a refusal (with the other version when it was a clash). */
export type SaveAnswer =
  { status: "success"; revision: number } | (FormReply & { conflict?: { body: string; revision: number } });

/** The message of a refusal: the form's own, or else the first field's. */
function refusalMessage(answer: FormReply): string | undefined {
  const errors = answer.error ?? {};
  return (errors[""] ?? Object.values(errors).find((messages) => messages?.length))?.[0];
}

export type SaveState =
  | { kind: "idle" }
  | { kind: "saving" }
  | { kind: "saved"; at: Date }
  | { kind: "failed"; attempt: number }
  | { kind: "refused"; message: string }
  | { kind: "conflict"; theirs: string; revision: number };

const AUTOSAVE_DELAY_MS = 1500;

/** `initial`: the text to start from (what was typed, after a refusal); `body`/`revision`: what the server has. */
export function useAutosave({
  slug,
  initial,
  body,
  revision,
  url: saveUrl,
}: {
  slug: string;
  initial: string;
  body: string;
  revision: number;
  /** Where the saves go: the assignment page's own action unless said (a gilde's shared text has its own page). */
  url?: string;
}) {
  const [text, setText] = useState(initial);
  const [state, setState] = useState<SaveState>({ kind: "idle" });
  const revisionRef = useRef(revision);
  const savedText = useRef(body);
  const timer = useRef<ReturnType<typeof setTimeout>>();
  const [rev, setRev] = useState(revision);
  const url = saveUrl ?? `/opdrachten/${slug}?_data=${encodeURIComponent("routes/opdrachten.$slug")}`;

  // New data from the server (after handing in, or another page load) resets the editor.
  useEffect(() => {
    revisionRef.current = revision;
    setRev(revision);
    savedText.current = body;
    setText(body);
  }, [body, revision]);

  const save = useCallback(
    async (value: string, attempt = 1): Promise<void> => {
      if (value === savedText.current) return;
      setState({ kind: "saving" });
      try {
        const response = await fetch(url, {
          method: "POST",
          headers: { "Content-Type": "application/x-www-form-urlencoded" },
          body: new URLSearchParams({
            intent: "save-draft",
            autosave: "1",
            body: value,
            revision: String(revisionRef.current),
          }),
        });
        if (response.status >= 500 || !response.headers.get("Content-Type")?.includes("json"))
          throw new Error(String(response.status));
        const result = (await response.json()) as SaveAnswer;
        if ("revision" in result) {
          revisionRef.current = result.revision;
          setRev(result.revision);
          savedText.current = value;
          setState({ kind: "saved", at: new Date() });
        } else if (result.conflict) {
          setState({ kind: "conflict", theirs: result.conflict.body, revision: result.conflict.revision });
        } else {
          // Refused for a reason retrying will not change (the assignment was closed, say): say so, keep the text.
          setState({ kind: "refused", message: refusalMessage(result) ?? "Opslaan werd geweigerd." });
        }
      } catch {
        // Keep the text in the page and try again, waiting longer each time.
        setState({ kind: "failed", attempt });
        timer.current = setTimeout(() => void save(value, attempt + 1), Math.min(30_000, 2_000 * 2 ** (attempt - 1)));
      }
    },
    [url],
  );

  function onChange(value: string) {
    setText(value);
    if (state.kind === "conflict") return; // the writer decides first
    clearTimeout(timer.current);
    timer.current = setTimeout(() => void save(value), AUTOSAVE_DELAY_MS);
  }

  // Leaving the page: send what is not saved yet.
  useEffect(() => {
    const flush = () => {
      if (text !== savedText.current && state.kind !== "conflict") {
        navigator.sendBeacon(
          url,
          new URLSearchParams({
            intent: "save-draft",
            autosave: "1",
            body: text,
            revision: String(revisionRef.current),
          }),
        );
      }
    };
    window.addEventListener("pagehide", flush);
    return () => window.removeEventListener("pagehide", flush);
  }, [text, state.kind, url]);

  function keepMine() {
    if (state.kind !== "conflict") return;
    revisionRef.current = state.revision;
    setRev(state.revision);
    savedText.current = state.theirs;
    void save(text);
  }

  function takeTheirs() {
    if (state.kind !== "conflict") return;
    revisionRef.current = state.revision;
    setRev(state.revision);
    savedText.current = state.theirs;
    setText(state.theirs);
    setState({ kind: "idle" });
  }

  // Sending the form saves this text: no autosave may follow with the old revision (it would look like a clash).
  function beforeSubmit() {
    clearTimeout(timer.current);
    savedText.current = text;
  }

  return { text, onChange, state, revision: rev, keepMine, takeTheirs, beforeSubmit };
}
