// A trainer spreads the modules over the cohort's weeks: from which date each module opens (drip).
import type { ActionFunctionArgs, LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { json } from "@remix-run/node";
import { useLoaderData, useNavigation } from "@remix-run/react";
import { z } from "zod";
import { requireCohortTrainer } from "~/auth/guards.server";
import { Crumbs } from "~/components/crumbs";
import { GeneralErrorBoundary } from "~/components/error-boundary";
import { GildeForm } from "~/components/form";
import { formatCalendarDate, isoDay } from "~/format";
import { cohortReleases, saveReleases } from "~/content/access.server";
import { getCourse } from "~/content/course.server";
import { getCohortSummary } from "~/cohorts/cohorts.server";
import { redirectWithFlash } from "~/forms/flash.server";
import { attempt, readSubmission } from "~/forms/submission.server";
import { useGildeForm } from "~/forms/use-form";
import { Table } from "~/components/table";

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** A module's opening day, or null (empty): open at once. */
const opensOn = z
  .string()
  .trim()
  .optional()
  .transform((value, ctx) => {
    if (!value) return null;
    const date = new Date(`${value}T00:00:00Z`);
    if (!DAY.test(value) || Number.isNaN(date.getTime()) || isoDay(date) !== value) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Vul een geldige datum in, of laat het veld leeg om de module meteen te openen.",
      });
      return z.NEVER;
    }
    if (date.getUTCFullYear() < 2000 || date.getUTCFullYear() > 2100) {
      ctx.addIssue({
        code: z.ZodIssueCode.custom,
        message: "Deze datum ligt te ver weg. Kies een datum binnen de looptijd van de groep.",
      });
      return z.NEVER;
    }
    return date;
  });

/** One date per module, by slug (`opens.<slug>`); a module left out opens at once. */
const PlanningSchema = z.object({ opens: z.record(z.string(), opensOn).default({}) });

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  const [cohort, releases] = await Promise.all([getCohortSummary(cohortId), cohortReleases(cohortId)]);
  const opens = new Map([...releases].map(([slug, date]) => [slug, isoDay(date)]));
  return json({
    cohort,
    modules: getCourse().modules.map((m) => ({
      slug: m.slug,
      order: m.frontmatter.order,
      title: m.frontmatter.title,
      opensOn: opens.get(m.slug) ?? "",
    })),
  });
}

export async function action({ request, params }: ActionFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  const user = await requireCohortTrainer(request, cohortId);
  const submission = await readSubmission(request, PlanningSchema);
  return attempt(
    submission,
    async ({ opens }) => {
      const dates = new Map(getCourse().modules.map((m) => [m.slug, opens[m.slug] ?? null]));
      await saveReleases(cohortId, dates, user.id);
      return redirectWithFlash(new URL(request.url).pathname, "De planning is opgeslagen.");
    },
    { invalid: "Niet opgeslagen: verbeter de datums hieronder. De vorige planning blijft staan." },
  );
}

export default function Planning() {
  const { cohort, modules } = useLoaderData<typeof loader>();
  const [form, fields] = useGildeForm(PlanningSchema, {
    id: "planning",
    defaultValue: { opens: Object.fromEntries(modules.map((m) => [m.slug, m.opensOn])) },
  });
  const opens = fields.opens.getFieldset();
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
      <GildeForm form={form} className="form--wide">
        <Table headers={["Module", "Opent op"]}>
          {modules.map((module) => {
            const field = opens[module.slug];
            const error = field?.errors?.[0];
            const initial = field?.initialValue;
            return (
              <tr key={module.slug}>
                <td>
                  <label htmlFor={field?.id}>
                    {module.order}. {module.title}
                  </label>
                </td>
                <td className={error ? "field field--invalid flush" : "field flush"}>
                  <input
                    key={field?.key}
                    id={field?.id}
                    name={field?.name}
                    type="date"
                    defaultValue={typeof initial === "string" ? initial : ""}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? field?.errorId : undefined}
                  />
                  {error ? (
                    <p className="field__error" id={field?.errorId}>
                      {error}
                    </p>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </Table>
        <div className="button-row space-top">
          <button type="submit" className="button" disabled={busy}>
            {busy ? "Bezig met opslaan…" : "Planning opslaan"}
          </button>
        </div>
      </GildeForm>
    </>
  );
}

export const meta: MetaFunction = () => [{ title: "Planning van de modules — Gilde" }];

export function ErrorBoundary() {
  return <GeneralErrorBoundary />;
}
