// A cohort's programme in weeks: each module runs from the week it opens (its release, or the cohort's start)
// until the week before the next module that opens later; the last one until the cohort ends.
const WEEK_MS = 7 * 24 * 60 * 60 * 1000;

export type ProgrammeModule = { slug: string; opensOn: Date | null };
export type ModuleWeeks = { slug: string; opensOn: Date; fromWeek: number; toWeek: number };

/** How many (started) weeks the cohort runs; at least one. */
export function cohortWeeks(startsOn: Date, endsOn: Date): number {
  return Math.max(1, Math.ceil((endsOn.getTime() - startsOn.getTime() + 1) / WEEK_MS));
}

const weekOf = (startsOn: Date, day: Date, last: number) =>
  Math.min(last, Math.max(1, Math.floor((day.getTime() - startsOn.getTime()) / WEEK_MS) + 1));

/** The modules in course order with the weeks they take in this cohort. */
export function programmeWeeks(startsOn: Date, endsOn: Date, modules: ProgrammeModule[]): ModuleWeeks[] {
  const last = cohortWeeks(startsOn, endsOn);
  const opened = modules.map((m) => {
    const opensOn = m.opensOn && m.opensOn > startsOn ? m.opensOn : startsOn;
    return { slug: m.slug, opensOn, fromWeek: weekOf(startsOn, opensOn, last) };
  });
  return opened.map((m, index) => {
    const next = opened.slice(index + 1).find((later) => later.fromWeek > m.fromWeek);
    return { ...m, toWeek: next ? next.fromWeek - 1 : last };
  });
}

/** Average study hours per week, to one decimal. */
export function hoursPerWeek(totalHours: number, weeks: number): number {
  return Math.round((totalHours / Math.max(1, weeks)) * 10) / 10;
}
