// The grading desk: the handed-in version (attachments previewed) beside the rubric, each scrolling on its own on
// a wide screen; levels, feedback and a decision, saved as a draft until released. The queue's filters and page
// travel along in the query string, so "Opslaan en volgende" and the way back keep the trainer's place. A trainer
// of another cohort gets 404.
import type { ActionFunctionArgs, LinksFunction, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { Link } from "~/components/link";
import { z } from "zod";
import { invariantResponse, requireRole } from "~/auth/guards.server";
import { WijkFeedbackList } from "~/components/consent/feedback-cards";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { feedbackForDesk } from "~/consent/feedback.server";
import {
  AssessmentForm,
  AssessmentSchema,
  SecondReading,
  SecondReadSchema,
} from "~/components/grading/assessment-form";
import { DeskPane } from "~/components/grading/desk-pane";
import { MemberGrades, MemberGradeSchema } from "~/components/grading/member-grades";
import { SubmissionPane } from "~/components/grading/submission-pane";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { gildeGradingPanel, setMemberGrade } from "~/assignments/gilde-grading.server";
import { gradingScreen, releaseAssessment, saveAssessment, secondRead } from "~/grading/grading.server";
import { parseQueueFilter, queueQuery } from "~/grading/queue-filter";
import { nextInQueue } from "~/grading/queue.server";
import { ReflectionsPanel } from "~/components/peer-review/reflections-panel";
import { reflectionsOnSubmission } from "~/peer-review/reflection.server";
import deskStyles from "~/styles/grading-desk.css";

const ActionSchema = z.discriminatedUnion("intent", [AssessmentSchema, SecondReadSchema, MemberGradeSchema]);

export const links: LinksFunction = () => [{ rel: "stylesheet", href: deskStyles }];

export async function loader({ request, params }: LoaderFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const screen = await gradingScreen(trainer, params.submissionId ?? "");
  invariantResponse(screen, "Deze inzending bestaat niet, of hoort niet bij een groep van jou.", { status: 404 });
  const [wijkFeedback, reflections, gilde] = await Promise.all([
    feedbackForDesk({
      userId: screen.submission.participant.id,
      cohortId: screen.submission.cohort.id,
      assignmentSlug: screen.assignment.slug,
    }),
    reflectionsOnSubmission(params.submissionId ?? ""),
    gildeGradingPanel(trainer, screen.submission.id),
  ]);
  return json({
    ...screen,
    wijkFeedback,
    reflections,
    gilde,
    backTo: `/beoordelen${queueQuery(new URL(request.url).searchParams)}`,
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const trainer = await requireRole(request, "TRAINER", "ADMIN");
  const submissionId = params.submissionId ?? "";
  const url = new URL(request.url);
  const query = queueQuery(url.searchParams);
  const here = `${url.pathname}${query}`;
  // Access is checked by the grading functions (404 for another cohort's trainer) before anything is written.
  const submission = await readSubmission(request, ActionSchema);
  return attempt(submission, async (value) => {
    switch (value.intent) {
      case "member-grade":
        await setMemberGrade(trainer, submissionId, value.userId, value.decision ?? null, value.reason);
        return redirectWithFlash(
          `${here}#per-gildelid`,
          value.decision
            ? "De eigen uitkomst voor dit gildelid is opgeslagen."
            : "Dit gildelid krijgt weer de uitkomst van de gilde.",
        );
      case "second-read":
        await secondRead(trainer, submissionId, value.revision);
        return redirectWithFlash(
          here,
          "Je hebt als tweede lezer akkoord gegeven. De beoordeling kan nu worden vrijgegeven.",
        );
      case "save":
      case "save-next":
      case "release": {
        const { intent, revision, ...input } = value;
        await saveAssessment(trainer, submissionId, input, revision);
        if (intent === "save") return redirectWithFlash(here, "Concept opgeslagen. De deelnemer ziet nog niets.");
        if (intent === "save-next") {
          const next = await nextInQueue(trainer, submissionId, parseQueueFilter(url.searchParams));
          if (!next)
            return redirectWithFlash(
              `/beoordelen${query}`,
              "Concept opgeslagen. Dat was de laatste inzending in je wachtrij: je bent bij.",
            );
          const nextQuery = queueQuery(url.searchParams, { pagina: String(next.page) });
          return redirectWithFlash(
            `/beoordelen/${next.id}${nextQuery}`,
            "Concept opgeslagen. Hier is de volgende inzending uit je wachtrij.",
          );
        }
        await releaseAssessment(trainer, submissionId);
        return redirectWithFlash(here, "Vrijgegeven: de deelnemer ziet de beoordeling en krijgt een e-mail.");
      }
    }
  });
}

export default function GradingDesk() {
  const { submission, assignment, current, history, peerFeedback, wijkFeedback, reflections, gilde, backTo } =
    useLoaderData<typeof loader>();
  const busy = useNavigation().state !== "idle";
  return (
    <>
      <p className="muted flush">
        <Link to={backTo}>← Terug naar de wachtrij</Link> · {submission.cohort.name}
        <a href="#beoordeling" className="desk-jump">
          Naar de beoordeling ↓
        </a>
      </p>
      <h1 className="desk-title">
        {assignment.title}: {gilde ? `gilde ${gilde.name}` : submission.participant.name}
      </h1>
      <div className="desk">
        <DeskPane labelledBy="inzending">
          <SubmissionPane versions={submission.versions} peerFeedback={peerFeedback} />
          <ReflectionsPanel reflections={reflections} />
          {wijkFeedback.length ? <WijkFeedbackList feedback={wijkFeedback} headingLevel={3} /> : null}
        </DeskPane>
        <DeskPane id="beoordeling" label="Beoordeling">
          <AssessmentForm rubric={assignment.rubric} current={current} history={history} busy={busy} />
          {current?.status === "DRAFT" ? (
            <SecondReading current={current} requiredForFail={submission.cohort.secondReaderForFail} />
          ) : null}
          {gilde ? <MemberGrades gilde={gilde} busy={busy} /> : null}
        </DeskPane>
      </div>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Beoordelen — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
