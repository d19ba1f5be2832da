// Trainer oversight of peer review for one assignment of a cohort: who reviews whom with status, every review's
// text and rating; reassign an open review, add an extra reviewer, or excuse a participant from reviewing.
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { invariantResponse, requireCohortTrainer } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { refusal } from "~/errors.server";
import { Outcome, SelectField } from "~/components/field";
import { formatDateTime } from "~/format";
import { Table } from "~/components/table";
import { getCourse } from "~/content/course.server";
import { addExtraReviewer, excuseParticipant, reassignReview, reviewMatrix } from "~/peer-review/oversight.server";
import { ANONYMITY_LABELS, type Anonymity } from "~/peer-review/visibility";
import { readForm } from "~/forms/read.server";

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
  invariantResponse(matrix, "Deze opdracht heeft geen peerfeedback.", { status: 404 });
  return json({ cohort: matrix.cohort, assignments, slug, matrix });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const trainer = await requireCohortTrainer(request, cohortId);
  const formData = await readForm(request);
  const field = (name: string) => String(formData.get(name) ?? "");
  const slug = field("opdracht");
  try {
    switch (field("intent")) {
      case "reassign":
        await reassignReview(cohortId, slug, field("reviewId"), field("reviewerId"));
        return json({ ok: true as const, message: "De feedbackopdracht is verplaatst." });
      case "add":
        await addExtraReviewer(cohortId, slug, field("submissionId"), field("reviewerId"));
        return json({ ok: true as const, message: "Extra feedbackgever toegevoegd." });
      case "excuse":
        await excuseParticipant(cohortId, slug, field("userId"), trainer.id, field("reason").slice(0, 500));
        return json({
          ok: true as const,
          message: "Vrijgesteld; de open feedbackopdrachten zijn verdeeld over anderen.",
        });
      default:
        return json({ ok: false as const, message: "Onbekende actie." }, { status: 400 });
    }
  } catch (error) {
    return refusal(error);
  }
}

const STATUS = { OPEN: "open", SUBMITTED: "gegeven", CANCELLED: "vervallen" } as const;

export default function PeerReviewOversight() {
  const { cohort, assignments, slug, matrix } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const people = matrix.rows.map((r) => ({ value: r.id, label: r.name }));
  return (
    <>
      <Crumbs to="/beoordelen" label="Beoordelen" after={cohort.name} />
      <h1>Peerfeedback: {matrix.title}</h1>
      <p className="muted">
        {matrix.k} feedbackgevers per inzending · {ANONYMITY_LABELS[matrix.anonymity as Anonymity]}
      </p>
      <Form method="get" className="inline-form" style={{ marginBottom: "1rem" }}>
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
      <Outcome
        notice={result?.ok ? result.message : undefined}
        error={result && !result.ok ? result.message : undefined}
      />
      <Table headers={["Deelnemer", "Gilde", "Geeft feedback aan", "Krijgt feedback van", "Acties"]}>
        {matrix.rows.map((row) => (
          <tr key={row.id}>
            <td>
              {row.name}
              {row.excused ? <span className="badge">vrijgesteld: {row.excused}</span> : null}
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
                    {r.status === "OPEN" ? (
                      <Form method="post" className="inline-form">
                        <input type="hidden" name="intent" value="reassign" />
                        <input type="hidden" name="opdracht" value={slug} />
                        <input type="hidden" name="reviewId" value={r.id} />
                        <SelectField
                          name="reviewerId"
                          label="Verplaats naar"
                          id={`reassign-${r.id}`}
                          options={people.filter((p) => p.value !== row.id)}
                        />
                        <button type="submit" className="button button--quiet">
                          Verplaatsen
                        </button>
                      </Form>
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
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="add" />
                  <input type="hidden" name="opdracht" value={slug} />
                  <input type="hidden" name="submissionId" value={row.submissionId} />
                  <SelectField
                    name="reviewerId"
                    label="Extra feedbackgever"
                    id={`add-${row.id}`}
                    options={people.filter((p) => p.value !== row.id)}
                  />
                  <button type="submit" className="button button--quiet">
                    Toevoegen
                  </button>
                </Form>
              ) : null}
              {row.excused ? null : (
                <Form method="post" className="inline-form">
                  <input type="hidden" name="intent" value="excuse" />
                  <input type="hidden" name="opdracht" value={slug} />
                  <input type="hidden" name="userId" value={row.id} />
                  <div className="field">
                    <label htmlFor={`reason-${row.id}`}>Reden van vrijstelling</label>
                    <input id={`reason-${row.id}`} name="reason" required />
                  </div>
                  <button type="submit" className="button button--quiet">
                    Vrijstellen
                  </button>
                </Form>
              )}
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
