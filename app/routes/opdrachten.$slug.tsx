// An assignment: what to do in your own wijk, your wijkprofiel beside it, and for a participant of the cohort
// the writing space, attachments, handing in and every version handed in.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { invariantResponse, requireUser } from "~/auth/guards.server";
import { feedbackOnAssignment } from "~/consent/feedback.server";
import { markSeen } from "~/dashboard/seen.server";
import { DRAFT_FORM_ID, DraftSchema, RemoveAttachmentSchema, UploadSchema } from "~/assignments/forms";
import { assignmentPage } from "~/assignments/page.server";
import { attemptUpload, readUpload } from "~/assignments/uploads.server";
import { removeAttachment } from "~/assignments/work.server";
import { answerWriting } from "~/assignments/writing.server";
import { WijkFeedbackSection } from "~/components/consent/feedback-cards";
import { WijkPanel } from "~/components/assignments/assignment-parts";
import { Assessments } from "~/components/assignments/assessment";
import { Brief } from "~/components/assignments/brief";
import { GildeWorkLink } from "~/components/assignments/gilde-link";
import { SectionLinks, Standing } from "~/components/assignments/standing";
import { YourWork } from "~/components/assignments/work";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import assignmentStyles from "~/styles/assignment.css";

export const links: LinksFunction = () => [{ rel: "stylesheet", href: assignmentStyles }];

const ActionSchema = z.discriminatedUnion("intent", [...DraftSchema.options, RemoveAttachmentSchema]);

export async function loader({ request, params }: LoaderFunctionArgs) {
  const user = await requireUser(request);
  const page = await assignmentPage(user, params.slug ?? "");
  invariantResponse(page, "Deze opdracht bestaat niet.", { status: 404 });
  // A released assessment shown here is no longer news on the start page.
  if (page.work) await markSeen(user.id, `opdracht:${page.slug}`);
  const wijkFeedback = page.work ? await feedbackOnAssignment(user.id, page.slug) : [];
  return json({ ...page, wijkFeedback });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const user = await requireUser(request);
  const slug = params.slug ?? "";
  const here = new URL(request.url).pathname;
  // The writing form is multipart (its file input); the autosave and the remove buttons post plain forms.
  if (request.headers.get("Content-Type")?.startsWith("multipart/form-data")) {
    const upload = await readUpload(request, UploadSchema, DRAFT_FORM_ID);
    return attemptUpload(upload, (value, files) =>
      answerWriting({ user, slug, here, submission: upload.submission, value, files }),
    );
  }
  const submission = await readSubmission(request, ActionSchema);
  return attempt(submission, async (value) => {
    if (value.intent !== "remove-attachment") return answerWriting({ user, slug, here, submission, value, files: [] });
    await removeAttachment(user, slug, value.attachmentId);
    return redirectWithFlash(`${here}#bijlagen`, "Het bestand is verwijderd.");
  });
}

export default function Assignment() {
  const page = useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  const { work } = page;
  return (
    <article>
      <p className="muted flush">
        Opdracht bij <Link to={`/modules/${page.module.slug}`}>{page.module.title}</Link>
        {work ? (
          <>
            {" "}
            · <Link to="/opdrachten">alle opdrachten</Link>
          </>
        ) : null}
      </p>
      <h1>{page.title}</h1>
      {!page.open ? (
        <>
          <p className="lead">{page.summary}</p>
          <p className="locked">Deze opdracht gaat open met de module {page.module.title}.</p>
        </>
      ) : work && page.gildeWork ? (
        <>
          <GildeWorkLink slug={page.slug} />
          <Brief page={page} folded={false} />
        </>
      ) : work ? (
        <>
          <Standing page={page} work={work} />
          <SectionLinks feedback={work.assessments.length > 0} />
          <div className="work-layout">
            <div>
              <Assessments rubric={page.rubric} assessments={work.assessments} />
              <Brief page={page} folded={work.status !== "open"} />
              <YourWork page={page} work={work} busy={busy} />
              <WijkFeedbackSection slug={page.slug} feedback={page.wijkFeedback} />
            </div>
            <WijkPanel wijk={work.wijk} />
          </div>
        </>
      ) : (
        <Brief page={page} folded={false} />
      )}
    </article>
  );
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [{ title: `${data?.title ?? "Opdracht"} — Gilde` }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
