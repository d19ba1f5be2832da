// An assignment: what to do in your own wijk, your wijkprofiel beside it, and for a participant of the cohort
// the writing space, attachments, handing in and every version handed in.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Link, useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { markSeen } from "~/dashboard/seen.server";
import { DraftSchema, RemoveAttachmentSchema, UPLOAD_FORM_ID, UploadSchema } from "~/assignments/forms";
import { assignmentPage } from "~/assignments/page.server";
import { attemptUpload, readUpload } from "~/assignments/uploads.server";
import { addAttachments, handIn, removeAttachment, saveDraft } from "~/assignments/work.server";
import { HandInCard, Rubric, WijkPanel } from "~/components/assignments/assignment-parts";
import { WorkHeader, YourWork } from "~/components/assignments/work";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission, reply } from "~/forms/submission.server";

const ActionSchema = z.discriminatedUnion("intent", [...DraftSchema.options, RemoveAttachmentSchema]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await assignmentPage(user, params.slug ?? "");
  invariantResponse(page, "Deze opdracht bestaat niet.", { status: 404 });
  // A released assessment shown here is no longer news on the start page.
  if (page.work) await markSeen(user.id, `opdracht:${page.slug}`);
  return json(page);
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const here = new URL(request.url).pathname;
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const upload = await readUpload(request, UploadSchema, UPLOAD_FORM_ID);
    return attemptUpload(upload, async (files) => {
      const { warnings } = await addAttachments(user, slug, files);
      return redirectWithFlash(here, addedMessage(files.length, warnings));
    });
  }
  const submission = await readSubmission(request, ActionSchema);
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "remove-attachment":
        await removeAttachment(user, slug, value.attachmentId);
        return redirectWithFlash(here, "Het bestand is verwijderd.");
      case "save-draft":
      case "hand-in": {
        if (value.body !== undefined) {
          const saved = await saveDraft(user, slug, value.body, value.revision);
          if (!saved.ok)
            return reply(submission, {
              formError:
                "Dit concept is ondertussen ergens anders opgeslagen. Je tekst is niet verloren: hij staat hieronder.",
              status: 409,
              extra: { conflict: { body: saved.body, revision: saved.revision } },
            });
          // The autosave (a fetch, not a navigation) needs the new revision back; the button gets a flash.
          if (value.intent === "save-draft" && value.autosave)
            return json({ status: "success" as const, revision: saved.revision });
          if (value.intent === "save-draft") return redirectWithFlash(here, "Je concept is opgeslagen.");
        }
        const result = await handIn(user, slug);
        return redirectWithFlash(
          here,
          `Ingeleverd (versie ${result.number})${result.late ? ", na de deadline" : ""}. Je krijgt een bevestiging per e-mail.`,
        );
      }
    }
  });
}

/** What an upload added; a file that cannot go to the feedback givers anonymously is named. */
function addedMessage(count: number, warnings: string[]) {
  const added = count === 1 ? "Het bestand is toegevoegd." : `${count} bestanden toegevoegd.`;
  if (warnings.length <= 1) return [added, ...warnings].join(" ");
  return `${added} Let op: ${warnings.length} bestanden gaan niet naar je feedbackgevers, want we kunnen de eigenschappen die je naam kunnen bevatten er niet uit halen (zie de lijst hieronder). Je trainer krijgt ze wel. Moeten je feedbackgevers ze zien, bewaar ze dan als PDF en voeg ze opnieuw toe.`;
}

export default function Assignment() {
  const page = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <article>
      <p className="muted flush">
        Opdracht bij <Link to={`/modules/${page.module.slug}`}>{page.module.title}</Link>
        {page.work ? (
          <>
            {" "}
            · <Link to="/opdrachten">alle opdrachten</Link>
          </>
        ) : null}
      </p>
      <h1>{page.title}</h1>
      {page.work ? <WorkHeader work={page.work} /> : null}
      <p className="lead">{page.summary}</p>
      {!page.open ? (
        <p className="locked">Deze opdracht gaat open met de module {page.module.title}.</p>
      ) : (
        <div className={page.work ? "work-layout" : undefined}>
          <div>
            <div className="prose" dangerouslySetInnerHTML={{ __html: page.html ?? "" }} />
            <HandInCard page={page} />
            {page.work ? <YourWork page={page} work={page.work} busy={busy} /> : null}
            <Rubric rubric={page.rubric} />
          </div>
          {page.work ? <WijkPanel wijk={page.work.wijk} /> : null}
        </div>
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Opdracht"} — Gilde` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
