import { db } from "~/db.server";

/** Cohorts that have not started yet, soonest first (the home page and, later, /leergang). */
export async function upcomingCohorts(now = new Date()) {
  return db.cohort.findMany({
    where: { startsOn: { gte: new Date(now.toISOString().slice(0, 10)) } },
    orderBy: { startsOn: "asc" },
    take: 5,
    select: { id: true, name: true, startsOn: true, endsOn: true, priceCents: true },
  });
}
