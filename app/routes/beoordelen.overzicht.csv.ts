// "Who is stuck" as CSV (UTF-8 with BOM, `;`), for one cohort of the trainer.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { requireCohortTrainer } from "~/auth/guards.server";
import { toCsv } from "~/grading/csv";
import { stuckOverview, type StuckSort } from "~/grading/overview.server";

export async function loader({ request }: LoaderFunctionArgs) {
  const params = new URL(request.url).searchParams;
  const cohortId = params.get("groep") ?? "";
  await requireCohortTrainer(request, cohortId);
  const sort =
    (["risico", "inactief", "voortgang", "naam"] as StuckSort[]).find((s) => s === params.get("sorteer")) ?? "risico";
  const overview = await stuckOverview(cohortId, sort);
  const csv = toCsv([
    [
      "Deelnemer",
      "Signalen",
      ...overview.assignments.map((a) => a.title),
      "Te laat",
      "Open herzieningen",
      "Peerfeedback open",
      "Peerfeedback gegeven",
      "Peerfeedback op tijd",
      "Waardering peerfeedback (1-4)",
      "Dagen niet actief",
      "Gelezen (%)",
      ...overview.modules.map((m) => `Module ${m.order} gelezen (%)`),
    ],
    ...overview.rows.map((r) => [
      r.name,
      r.flags.map((f) => f.label).join(", "),
      ...overview.assignments.map((a) => overview.labels[r.statuses[a.slug] ?? "open"]),
      r.late,
      r.openRevisions,
      r.reviewsOwed,
      r.reviewsGiven,
      r.reviewsOnTime,
      r.reviewsRating ?? "",
      r.daysInactive ?? "",
      r.progress,
      ...overview.modules.map((m) => r.moduleProgress[m.slug]),
    ]),
  ]);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="wie-loopt-vast.csv"',
      "Cache-Control": "private, no-store",
    },
  });
}
