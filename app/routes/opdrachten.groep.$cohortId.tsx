// The trainer's assignment page for a cohort: deadlines, closing, extensions, and who handed in (late or not).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
import { requireCohortTrainer } from "~/auth/guards.server";
import {
  cohortAssignments,
  grantExtension,
  removeExtension,
  saveSchedule,
  type ScheduleEntry,
} from "~/assignments/schedule.server";
import { fromAmsterdamInput, toAmsterdamInput } from "~/assignments/time";
import { getCohortSummary } from "~/cohorts/cohorts.server";
import { completionOverview, confirmCompletion } from "~/grading/completion.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { Outcome } from "~/components/field";
import { formatDateTime } from "~/format";
import { getCourse } from "~/content/course.server";
import { formValues } from "~/forms/parse";
import { Table } from "~/components/table";
import { readForm } from "~/forms/read.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  const [cohort, assignments, completion] = await Promise.all([
    getCohortSummary(cohortId),
    cohortAssignments(cohortId),
    completionOverview(cohortId),
  ]);
  return json({
    cohort,
    completion,
    assignments: assignments.map((a) => ({
      ...a,
      dueInput: a.dueAt ? toAmsterdamInput(a.dueAt) : "",
      peerReviewDueInput: a.peerReviewDueAt ? toAmsterdamInput(a.peerReviewDueAt) : "",
    })),
  });
}

type Errors = Record<string, string>;

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const user = await requireCohortTrainer(request, cohortId);
  const formData = await readForm(request);
  const intent = formData.get("intent");
  if (intent === "complete") {
    const done = await confirmCompletion(cohortId, String(formData.get("userId") ?? ""));
    if (!done.ok)
      return json(
        { ok: false as const, formError: done.error, fieldErrors: {} as Errors, values: formValues(formData) },
        { status: 400 },
      );
    return json({ ok: true as const, message: `${done.name} heeft de leergang afgerond en is nu alumnus.` });
  }
  if (intent === "extension" || intent === "remove-extension") {
    const slug = String(formData.get("slug") ?? "");
    const userId = String(formData.get("userId") ?? "");
    if (intent === "remove-extension") {
      const removed = await removeExtension(cohortId, slug, userId);
      if (!removed.ok)
        return json(
          { ok: false as const, formError: removed.error, fieldErrors: {} as Errors, values: formValues(formData) },
          { status: 400 },
        );
      return json({ ok: true as const, message: "Het uitstel is ingetrokken." });
    }
    const dueAt = fromAmsterdamInput(String(formData.get("dueAt") ?? ""));
    if (!dueAt)
      return json(
        {
          ok: false as const,
          formError: "Vul een geldige nieuwe deadline in (datum en tijd).",
          fieldErrors: {} as Errors,
          values: formValues(formData),
        },
        { status: 400 },
      );
    const granted = await grantExtension(cohortId, slug, userId, dueAt, user.id);
    if (!granted.ok)
      return json(
        { ok: false as const, formError: granted.error, fieldErrors: {} as Errors, values: formValues(formData) },
        { status: 400 },
      );
    return json({ ok: true as const, message: `Uitstel gegeven tot ${formatDateTime(dueAt)}.` });
  }

  const entries: ScheduleEntry[] = [];
  const fieldErrors: Errors = {};
  for (const module of getCourse().modules) {
    for (const assignment of module.assignments) {
      const slug = assignment.slug;
      const read = (field: string) => {
        const raw = String(formData.get(`${field}-${slug}`) ?? "").trim();
        if (!raw) return null;
        const date = fromAmsterdamInput(raw);
        if (!date) fieldErrors[`${field}-${slug}`] = "Vul een datum en tijd in, of laat het veld leeg.";
        return date;
      };
      const dueAt = read("due");
      const peerReviewDueAt = assignment.frontmatter.peerReview.enabled ? read("peer") : null;
      if (dueAt && peerReviewDueAt && peerReviewDueAt <= dueAt)
        fieldErrors[`peer-${slug}`] = "De peerfeedback-deadline moet na de inleverdeadline liggen.";
      entries.push({ slug, dueAt, peerReviewDueAt, closed: formData.get(`closed-${slug}`) === "on" });
    }
  }
  if (Object.keys(fieldErrors).length) {
    return json(
      {
        ok: false as const,
        formError: "Niet opgeslagen: verbeter de gemarkeerde velden. De vorige deadlines blijven staan.",
        fieldErrors,
        values: formValues(formData),
      },
      { status: 400 },
    );
  }
  await saveSchedule(cohortId, entries, user.id);
  return json({ ok: true as const, message: "De deadlines zijn opgeslagen." });
}

export default function CohortAssignments() {
  const { cohort, assignments, completion } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? result : undefined;
  const value = (name: string, fallback: string) =>
    failed?.values && name in failed.values ? failed.values[name] : fallback;
  return (
    <>
      <Crumbs to="/dashboard" label="Overzicht" after={cohort.name} />
      <h1>Opdrachten van {cohort.name}</h1>
      <p>
        <a href={`/beoordelen/export/${cohort.id}`}>Alle besluiten als CSV (voor Excel)</a> ·{" "}
        <Link to={`/beoordelen?groep=${cohort.id}`}>Beoordelen</Link>
      </p>
      <Outcome notice={result?.ok ? result.message : undefined} error={failed?.formError} />

      <h2>Deadlines</h2>
      <p className="muted">
        Tijden in Nederlandse tijd. Te laat inleveren kan, en wordt gemarkeerd; een gesloten opdracht kan niet meer
        ingeleverd of bewerkt worden.
      </p>
      <Form method="post">
        <input type="hidden" name="intent" value="schedule" />
        <Table headers={["Opdracht", "Inleveren uiterlijk", "Peerfeedback uiterlijk", "Gesloten"]}>
          {assignments.map((a) => (
            <tr key={a.slug}>
              <td>
                {a.moduleOrder}. {a.title}
              </td>
              <td className={failed?.fieldErrors[`due-${a.slug}`] ? "field field--invalid" : "field"}>
                <input
                  type="datetime-local"
                  name={`due-${a.slug}`}
                  aria-label={`Deadline ${a.title}`}
                  defaultValue={value(`due-${a.slug}`, a.dueInput)}
                />
                {failed?.fieldErrors[`due-${a.slug}`] ? (
                  <p className="field__error" role="alert">
                    {failed.fieldErrors[`due-${a.slug}`]}
                  </p>
                ) : null}
              </td>
              <td className={failed?.fieldErrors[`peer-${a.slug}`] ? "field field--invalid" : "field"}>
                {a.peerReview ? (
                  <input
                    type="datetime-local"
                    name={`peer-${a.slug}`}
                    aria-label={`Peerfeedback-deadline ${a.title}`}
                    defaultValue={value(`peer-${a.slug}`, a.peerReviewDueInput)}
                  />
                ) : (
                  <span className="muted">geen peerfeedback</span>
                )}
                {failed?.fieldErrors[`peer-${a.slug}`] ? (
                  <p className="field__error" role="alert">
                    {failed.fieldErrors[`peer-${a.slug}`]}
                  </p>
                ) : null}
              </td>
              <td>
                <input
                  type="checkbox"
                  name={`closed-${a.slug}`}
                  aria-label={`${a.title} sluiten`}
                  defaultChecked={a.closed}
                />
              </td>
            </tr>
          ))}
        </Table>
        <button type="submit" className="button" style={{ marginTop: "1rem" }}>
          Deadlines opslaan
        </button>
      </Form>

      <h2 style={{ marginTop: "2.5rem" }}>Wie heeft ingeleverd</h2>
      {assignments.map((a) => (
        <details key={a.slug} className="card" style={{ marginBottom: "0.75rem" }}>
          <summary>
            {a.moduleOrder}. {a.title} · {a.participants.filter((p) => p.handedInAt).length} van {a.participants.length}{" "}
            ingeleverd
            {a.dueAt ? ` · deadline ${formatDateTime(a.dueAt)}` : ""}
          </summary>
          <Table headers={["Deelnemer", "Ingeleverd", "Uitstel"]}>
            {a.participants.map((p) => (
              <tr key={p.id}>
                <td>
                  <Link to={`/wijk/${p.id}`} title="Wijkprofiel van deze deelnemer">
                    {p.name}
                  </Link>
                </td>
                <td>
                  {p.handedInAt ? (
                    <>
                      {formatDateTime(p.handedInAt)} (versie {p.version})
                      {p.late ? <span className="badge badge--warm">te laat</span> : null}
                    </>
                  ) : (
                    <span className="muted">nog niet</span>
                  )}
                </td>
                <td>
                  {p.extension ? (
                    <Form method="post" className="inline-form">
                      <span>tot {formatDateTime(p.extension)}</span>
                      <input type="hidden" name="intent" value="remove-extension" />
                      <input type="hidden" name="slug" value={a.slug} />
                      <input type="hidden" name="userId" value={p.id} />
                      <button type="submit" className="button button--quiet">
                        Intrekken
                      </button>
                    </Form>
                  ) : (
                    <Form method="post" className="inline-form">
                      <input type="hidden" name="intent" value="extension" />
                      <input type="hidden" name="slug" value={a.slug} />
                      <input type="hidden" name="userId" value={p.id} />
                      <input type="datetime-local" name="dueAt" aria-label={`Nieuwe deadline voor ${p.name}`} />
                      <button type="submit" className="button button--quiet">
                        Uitstel geven
                      </button>
                    </Form>
                  )}
                </td>
              </tr>
            ))}
          </Table>
        </details>
      ))}

      <h2 style={{ marginTop: "2.5rem" }}>Afronden</h2>
      <p className="muted">Wie alle opdrachten voldaan heeft, kan de leergang afronden en wordt alumnus.</p>
      <Table headers={["Deelnemer", "Wat nog ontbreekt", ""]}>
        {completion.map((p) => (
          <tr key={p.id}>
            <td>{p.name}</td>
            <td>
              {p.completed
                ? "Afgerond"
                : p.gaps.length
                  ? missing(p.gaps.length - (p.reviewsOwed ? 1 : 0), p.reviewsOwed)
                  : "Niets: klaar om af te ronden"}
            </td>
            <td>
              {!p.completed && p.gaps.length === 0 ? (
                <Form method="post">
                  <input type="hidden" name="intent" value="complete" />
                  <input type="hidden" name="userId" value={p.id} />
                  <button type="submit" className="button button--quiet">
                    Afronding bevestigen
                  </button>
                </Form>
              ) : null}
            </td>
          </tr>
        ))}
      </Table>
    </>
  );
}

function missing(assignments: number, reviews: number) {
  return [
    assignments ? `${assignments} ${assignments === 1 ? "opdracht" : "opdrachten"} nog niet voldaan` : null,
    reviews ? `${reviews} ${reviews === 1 ? "peerfeedback" : "peerfeedbacks"} nog niet gegeven` : null,
  ]
    .filter(Boolean)
    .join("; ");
}

export const meta: MetaFunction = () => [{ title: "Opdrachten van de groep — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
