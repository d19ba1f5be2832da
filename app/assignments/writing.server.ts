// What the writing form's buttons do, on the server. Every button sends the text along and it is saved first;
// then the files chosen are added; then the button's own step: stay on the page ("Concept opslaan", "Bestand
// toevoegen"), go to the confirmation step ("Inleveren" without JavaScript) or hand in (confirmed).
import { json, redirect } from "@remix-run/node";
import type { z } from "zod";
import type { SessionUser } from "~/auth/session.server";
import { RefusedError } from "~/errors.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { reply, type FormSubmission } from "~/forms/submission.server";
import { discardReceived } from "~/storage/storage.server";
import type { DraftSchema } from "./forms";
import { reflectionMissing } from "~/peer-review/reflection.server";
import { handedInMessage } from "./hand-in.server";
import { FILES_FIELD } from "./uploads.server";
import { addAttachments, handIn, saveDraft, type IncomingFile } from "./work.server";

type Writing = z.output<typeof DraftSchema>;

const CLASH = "Dit concept is ondertussen ergens anders opgeslagen. Je tekst is niet verloren: hij staat hieronder.";

export async function answerWriting<Schema extends z.ZodTypeAny>({
  user,
  slug,
  here,
  submission,
  value,
  files,
}: {
  user: SessionUser;
  slug: string;
  here: string;
  submission: FormSubmission<Schema>;
  value: Writing;
  files: IncomingFile[];
}): Promise<Response> {
  try {
    if (value.body !== undefined) {
      const saved = await saveDraft(user, slug, value.body, value.revision);
      if (!saved.ok)
        return reply(submission, {
          formError: CLASH,
          status: 409,
          extra: { conflict: { body: saved.body, revision: saved.revision } },
        });
      // The autosave (a fetch, not a navigation) needs the new revision back; the buttons get a flash.
      if (value.intent === "save-draft" && value.autosave)
        return json({ status: "success" as const, revision: saved.revision });
    }
    let added = "";
    if (files.length || value.intent === "upload") {
      try {
        const { warnings } = await addAttachments(user, slug, files);
        added = addedMessage(files.length, warnings);
      } catch (error) {
        // A file that cannot be added is named next to the file input; the text above was saved all the same.
        if (!(error instanceof RefusedError) || error.status === 404) throw error;
        const saved = value.body !== undefined ? " Je tekst is wel opgeslagen." : "";
        return reply(submission, { fieldErrors: { [FILES_FIELD]: error.message + saved }, status: error.status });
      }
    }
    switch (value.intent) {
      case "upload":
        return redirectWithFlash(`${here}#bijlagen`, added);
      case "save-draft":
        return redirectWithFlash(here, ["Je concept is opgeslagen.", added].filter(Boolean).join(" "));
      case "prepare-hand-in":
        return redirect(`${here}/inleveren`);
      case "hand-in":
        // A revision first asks what the participant did with the feedback (the confirmation page).
        if (await reflectionMissing(user.id, slug)) return redirect(`${here}/inleveren`);
        return redirectWithFlash(here, handedInMessage(await handIn(user, slug)));
    }
  } finally {
    await Promise.all(files.map((file) => discardReceived(file)));
  }
}

/** What an upload added; a file that cannot go to the feedback givers anonymously is named. */
function addedMessage(count: number, warnings: string[]) {
  const added = count === 1 ? "Het bestand is toegevoegd." : `${count} bestanden toegevoegd.`;
  if (warnings.length <= 1) return [added, ...warnings].join(" ");
  return `${added} Let op: ${warnings.length} bestanden gaan niet naar je feedbackgevers, want we kunnen de eigenschappen die je naam kunnen bevatten er niet uit halen (zie de lijst hieronder). Je trainer krijgt ze wel. Moeten je feedbackgevers ze zien, bewaar ze dan als PDF en voeg ze opnieuw toe.`;
}
