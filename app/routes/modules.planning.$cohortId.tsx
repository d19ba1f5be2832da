// A trainer spreads the modules over the cohort's weeks: from which date each module opens (drip).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { Form, useActionData, useLoaderData, useNavigation } from "@remix-run/react";
import { requireCohortTrainer } from "~/auth/guards.server";
import { FormError } from "~/components/field";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { formatCalendarDate, isoDay } from "~/format";
import { cohortReleases, saveReleases } from "~/content/access.server";
import { getCourse } from "~/content/course.server";
import { getCohortSummary } from "~/cohorts/cohorts.server";
import { failure, type FormFailure } from "~/forms/parse";
import { Table } from "~/components/table";
import { readForm } from "~/forms/read.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  const [cohort, releases] = await Promise.all([getCohortSummary(cohortId), cohortReleases(cohortId)]);
  return json({
    cohort,
    modules: getCourse().modules.map((m) => ({
      slug: m.slug,
      order: m.frontmatter.order,
      title: m.frontmatter.title,
      opensOn: releases.has(m.slug) ? isoDay(releases.get(m.slug)!) : "",
    })),
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const user = await requireCohortTrainer(request, cohortId);
  const formData = await readForm(request);
  const dates = new Map<string, Date | null>();
  const fieldErrors: Record<string, string> = {};
  for (const module of getCourse().modules) {
    const value = String(formData.get(`opens-${module.slug}`) ?? "").trim();
    if (!value) {
      dates.set(module.slug, null);
      continue;
    }
    const date = new Date(`${value}T00:00:00Z`);
    if (!DAY.test(value) || Number.isNaN(date.getTime()) || isoDay(date) !== value) {
      fieldErrors[`opens-${module.slug}`] =
        "Vul een geldige datum in, of laat het veld leeg om de module meteen te openen.";
    } else if (date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
      fieldErrors[`opens-${module.slug}`] =
        "Deze datum ligt te ver weg. Kies een datum binnen de looptijd van de groep.";
    } else {
      dates.set(module.slug, date);
    }
  }
  if (Object.keys(fieldErrors).length) {
    return json(
      failure(formData, fieldErrors, "Niet opgeslagen: verbeter de datums hieronder. De vorige planning blijft staan."),
      { status: 400 },
    );
  }
  await saveReleases(cohortId, dates, user.id);
  return json({ ok: true as const });
}

export default function Planning() {
  const { cohort, modules } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const failed = result && !result.ok ? (result as FormFailure) : undefined;
  const busy = useNavigation().state === "submitting";
  return (
    <>
      <Crumbs to="/dashboard" label="Overzicht" after={cohort.name} />
      <h1>Planning van de modules</h1>
      <p className="lead">
        Kies per module vanaf welke datum de deelnemers van {cohort.name} ({formatCalendarDate(cohort.startsOn)} tot{" "}
        {formatCalendarDate(cohort.endsOn)}) de tekst kunnen lezen. Een leeg veld betekent: meteen open. Tot de datum
        zien deelnemers alleen de samenvatting en de openingsdatum; jij ziet altijd alles.
      </p>
      {result?.ok ? (
        <p className="notice" role="status">
          De planning is opgeslagen.
        </p>
      ) : null}
      <FormError error={failed?.formError} />
      <Form method="post" noValidate className="form--wide">
        <Table headers={["Module", "Opent op"]}>
          {modules.map((module) => {
            const name = `opens-${module.slug}`;
            const error = failed?.fieldErrors[name];
            return (
              <tr key={module.slug}>
                <td>
                  <label htmlFor={name}>
                    {module.order}. {module.title}
                  </label>
                </td>
                <td className={error ? "field field--invalid" : "field"} style={{ margin: 0 }}>
                  <input
                    id={name}
                    name={name}
                    type="date"
                    defaultValue={failed ? failed.values[name] : module.opensOn}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? `${name}-error` : undefined}
                  />
                  {error ? (
                    <p className="field__error" id={`${name}-error`} role="alert">
                      {error}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </Table>
        <div className="button-row" style={{ marginTop: "1rem" }}>
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Bezig met opslaan…" : "Planning opslaan"}
          </button>
        </div>
      </Form>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Planning van de modules — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
