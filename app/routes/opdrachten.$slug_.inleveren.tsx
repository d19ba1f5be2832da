// Handing in without JavaScript: "Inleveren" on the assignment page saves the text and leads here, to the same
// question the dialog asks with JavaScript: this length, these files, shorter than asked? Then in, or back.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json, redirect } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { requireUser } from "~/auth/guards.server";
import { handedInMessage, handInPreview } from "~/assignments/hand-in.server";
import { handIn } from "~/assignments/work.server";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { formatFileSize } from "~/format";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import assignmentStyles from "~/styles/assignment.css";
import { TextArea } from "~/components/field";
import { RevisionHandInSchema } from "~/peer-review/evaluation-forms";
import { revisionReflection, saveReflection } from "~/peer-review/reflection.server";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assignmentStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const preview = await handInPreview(user, slug);
  // Nothing to confirm (not a participant of this assignment, or handed in already): the assignment page says why.
  if (!preview || preview.blocked) throw redirect(`/opdrachten/${slug}`);
  // A revision asks first what the participant does with the feedback on the version before.
  return json({ ...preview, revision: await revisionReflection(user.id, slug) });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const submission = await readSubmission(request, RevisionHandInSchema);
  return attempt(submission, async ({ reflection }) => {
    const revision = await revisionReflection(user.id, slug);
    if (revision) await saveReflection(user.id, revision.submissionId, reflection ?? "");
    return redirectWithFlash(`/opdrachten/${slug}`, handedInMessage(await handIn(user, slug)));
  });
}

export default function ConfirmHandIn() {
  const preview = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const [form, fields] = useGildeForm(RevisionHandInSchema, {
    id: "inleveren-bevestigen",
    defaultValue: { reflection: preview.revision?.body ?? "" },
  });
  const back = `/opdrachten/${preview.slug}#mijn-uitwerking`;
  return (
    <article className="confirm-hand-in">
      <p className="muted flush">
        <Link to={back}>Terug naar {preview.title}</Link>
      </p>
      <h1>Inleveren?</h1>
      {preview.empty ? (
        <p className="notice notice--warm">
          Je tekst is nog leeg. <Link to={back}>Schrijf eerst je uitwerking</Link>.
        </p>
      ) : (
        <>
          <p>
            Je levert je opgeslagen tekst bij ‘{preview.title}’ in: <strong>{preview.length.label}</strong>. Daarna kun
            je hem niet meer veranderen, tenzij je trainer hem teruggeeft.
          </p>
          {preview.warning ? (
            <p className="notice notice--warm" role="alert">
              {preview.warning}
            </p>
          ) : null}
        </>
      )}
      <h2>Bijlagen</h2>
      {preview.attachments.length ? (
        <ul className="attachments">
          {preview.attachments.map((file) => (
            <li key={file.id}>
              <span>{file.originalName}</span>
              <span className="muted">{formatFileSize(file.size)}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">Geen bijlagen.</p>
      )}
      <GildeForm form={form}>
        {preview.revision && !preview.empty ? (
          <TextArea
            meta={fields.reflection}
            label="Wat heb je gedaan met de feedback op je vorige versie?"
            hint="Een paar zinnen: wat heb je veranderd, wat bewust niet, en waarom. Je trainer leest dit naast je versies."
            rows={4}
          />
        ) : null}
        <div className="button-row">
          {preview.empty ? null : (
            <button type="submit" name={fields.intent.name} value="hand-in" className="button" disabled={busy}>
              {preview.warning ? "Toch inleveren" : "Ja, inleveren"}
            </button>
          )}
          <Link to={back} className="button button--secondary">
            Nog niet, verder schrijven
          </Link>
        </div>
      </GildeForm>
    </article>
  );
}

export const meta: MetaFunction = () => [{ title: "Inleveren? — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
