// CSV of all released decisions of a cohort, for the trainer's own administration.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortTrainer } from "~/auth/guards.server";
import { getCohortSummary } from "~/cohorts/cohorts.server";
import { formatDateTime } from "~/format";
import { toCsv } from "~/grading/csv";
import { cohortDecisions } from "~/grading/grading.server";

export async function loader({ request, params }: LoaderFunctionArgs) {
  const cohortId = params.cohortId ?? "";
  await requireCohortTrainer(request, cohortId);
  const [cohort, decisions] = await Promise.all([getCohortSummary(cohortId), cohortDecisions(cohortId)]);
  const csv = toCsv([
    [
      "Deelnemer",
      "E-mail",
      "Opdracht",
      "Beoordeling nr.",
      "Besluit",
      "Niveaus",
      "Vrijgegeven",
      "Beoordelaar",
      "Correctie",
    ],
    ...decisions.map((d) => [
      d.participant,
      d.email,
      d.assignment,
      d.number,
      d.decision,
      d.levels,
      d.releasedAt ? formatDateTime(d.releasedAt) : "",
      d.grader,
      d.correction,
    ]),
  ]);
  const name = `besluiten-${cohort.name.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.csv`;
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${name}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
