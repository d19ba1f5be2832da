// Trainer oversight of peer review for one assignment of a cohort: who reviews whom with status, every review's
// text and rating; reassign an open review, add an extra reviewer, or excuse a participant from reviewing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { Link } from "~/components/link";
import { invariantResponse, requireCohortTrainer } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { SelectField } from "~/components/field";
import { AddReviewerForm, ExcuseForm, OversightSchema, ReassignForm } from "~/components/grading/peer-review-forms";
import { formatDateTime } from "~/format";
import { Table } from "~/components/table";
import { getCourse } from "~/content/course.server";
import { addExtraReviewer, excuseParticipant, reassignReview, reviewMatrix } from "~/peer-review/oversight.server";
import { ANONYMITY_LABELS, type Anonymity } from "~/peer-review/visibility";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";

function peerAssignments() {
  return getCourse().modules.flatMap((m) =>
    m.assignments
      .filter((a) => a.frontmatter.peerReview.enabled)
      .map((a) => ({ slug: a.slug, title: a.frontmatter.title })),
  );
}

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  const assignments = peerAssignments();
  const slug = new URL(request.url).searchParams.get("opdracht") || assignments[0]?.slug;
  const matrix = slug ? await reviewMatrix(cohortId, slug) : null;
  invariantResponse(slug && matrix, "Deze opdracht heeft geen peerfeedback.", { status: 404 });
  return json({ cohort: matrix.cohort, assignments, slug, matrix });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const trainer = await requireCohortTrainer(request, cohortId);
  const submission = await readSubmission(request, OversightSchema);
  return attempt(submission, async (value) => {
    // Back to the assignment the trainer was looking at.
    const here = `${new URL(request.url).pathname}?${new URLSearchParams({ opdracht: value.opdracht })}`;
    switch (value.intent) {
      case "reassign":
        await reassignReview(cohortId, value.opdracht, value.reviewId, value.reviewerId);
        return redirectWithFlash(here, "De feedbackopdracht is verplaatst.");
      case "add":
        await addExtraReviewer(cohortId, value.opdracht, value.submissionId, value.reviewerId);
        return redirectWithFlash(here, "Extra feedbackgever toegevoegd.");
      case "excuse":
        await excuseParticipant(cohortId, value.opdracht, value.userId, trainer.id, value.reason);
        return redirectWithFlash(here, "Vrijgesteld; de open feedbackopdrachten zijn verdeeld over anderen.");
    }
  });
}

const STATUS = { OPEN: "open", SUBMITTED: "gegeven", CANCELLED: "vervallen" } as const;

export default function PeerReviewOversight() {
  const { cohort, assignments, slug, matrix } = useLoaderData<typeof loader>();
  const people = matrix.rows.map((r) => ({ value: r.id, label: r.name }));
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" after={cohort.name} />
      <h1>Peerfeedback: {matrix.title}</h1>
      <p className="muted">
        {matrix.k} feedbackgevers per inzending · {ANONYMITY_LABELS[matrix.anonymity as Anonymity]}
      </p>
      <Form method="get" className="inline-form space-bottom-md">
        <SelectField
          name="opdracht"
          label="Opdracht"
          defaultValue={slug}
          options={assignments.map((a) => ({ value: a.slug, label: a.title }))}
        />
        <button type="submit" className="button">
          Tonen
        </button>
      </Form>
      <Table headers={["Deelnemer", "Gilde", "Geeft feedback aan", "Krijgt feedback van", "Acties"]}>
        {matrix.rows.map((row) => (
          <tr key={row.id}>
            <td>
              {row.name}
              {row.excused ? <span className="badge">vrijgesteld: {row.excused}</span> : null}
              {row.evaluationsOpen.length ? (
                <Link to={`/beoordelen/evaluatie/${cohort.id}`} className="badge badge--warm">
                  evaluatie nog niet ingevuld: {row.evaluationsOpen.join(", ")}
                </Link>
              ) : null}
            </td>
            <td>{row.gilde ? <Link to={`/gildes/${row.gilde.id}`}>{row.gilde.name}</Link> : "–"}</td>
            <td>
              <ul className="plain-list">
                {row.gives.map((r) => (
                  <li key={r.id}>
                    {r.author}: {STATUS[r.status]}
                    {r.cancelReason ? ` (${r.cancelReason})` : ""}
                    {r.crossGilde ? ", andere gilde" : ""}
                    {r.status === "OPEN" ? `, uiterlijk ${formatDateTime(r.dueAt)}` : ""}
                    {r.rating ? `, waardering ${r.rating}/4` : ""}
                    {r.status === "SUBMITTED" ? (
                      <details>
                        <summary>Lezen</summary>
                        {matrix.questions.map((q, index) => (
                          <p key={index}>
                            <strong>{q}</strong> {r.answers[index] || "—"}
                          </p>
                        ))}
                        {r.tip ? (
                          <p>
                            <strong>Tip voor verder:</strong> {r.tip}
                          </p>
                        ) : null}
                        {r.ratingComment ? <p className="muted">Reactie van de schrijver: {r.ratingComment}</p> : null}
                      </details>
                    ) : null}
                    {r.status === "SUBMITTED" ? (
                      <Link to={`/beoordelen/feedback/${r.id}`}>
                        {r.quality ? `${r.quality} · wijzigen` : "Kwaliteit beoordelen"}
                      </Link>
                    ) : null}
                    {r.status === "OPEN" ? (
                      <ReassignForm slug={slug} reviewId={r.id} people={people.filter((p) => p.value !== row.id)} />
                    ) : null}
                  </li>
                ))}
              </ul>
            </td>
            <td>
              {row.submissionId ? (
                <ul className="plain-list">
                  {row.receives.map((r) => (
                    <li key={r.id}>
                      {r.reviewer}: {STATUS[r.status]}
                      {r.extra ? " (extra)" : ""}
                    </li>
                  ))}
                </ul>
              ) : (
                <span className="muted">nog niet ingeleverd</span>
              )}
            </td>
            <td>
              {row.submissionId ? (
                <AddReviewerForm
                  slug={slug}
                  rowId={row.id}
                  submissionId={row.submissionId}
                  people={people.filter((p) => p.value !== row.id)}
                />
              ) : null}
              {row.excused ? null : <ExcuseForm slug={slug} userId={row.id} />}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Peerfeedback — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
