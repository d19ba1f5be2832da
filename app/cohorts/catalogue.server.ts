import { db } from "~/db.server";
import { publicCohortWhere } from "./lifecycle.server";

/** Public cohorts that have not started yet, soonest first (the home page). */
export async function upcomingCohorts(now = new Date()) {
  return db.cohort.findMany({
    where: { ...publicCohortWhere, startsOn: { gte: new Date(now.toISOString().slice(0, 10)) } },
    orderBy: { startsOn: "asc" },
    take: 5,
    select: { id: true, name: true, startsOn: true, endsOn: true, priceCents: true },
  });
}
