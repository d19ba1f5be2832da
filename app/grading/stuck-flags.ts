// Why a participant may be stuck, as flags a trainer reads at a glance, and how heavy they weigh together.
// Pure: the overview (overview.server.ts) gathers the facts, this decides what they mean.

/** Days without any activity (reading, writing, handing in, the wijkprofiel) before someone counts as inactive. */
export const INACTIVE_DAYS = 14;
/** Days a module has been open by the planning before it should be at least half read. */
export const READING_DAYS = 21;

type StuckFlagKind = "late" | "revision" | "reviews" | "inactive" | "reading" | "attendance" | "evaluation" | "quality";

/** Heavier flags first: missed work and open revisions weigh most, slow reading least. */
const FLAG_WEIGHTS: Record<StuckFlagKind, number> = {
  late: 3,
  revision: 3,
  reviews: 2,
  inactive: 2,
  reading: 1,
  attendance: 2,
  evaluation: 1,
  quality: 1,
};

export type StuckFlag = { kind: StuckFlagKind; label: string; detail: string };

export type StuckFacts = {
  /** Titles of assignments whose deadline passed without a hand-in. */
  lateAssignments: string[];
  /** Titles of assignments returned for revision and not handed in again. */
  openRevisions: string[];
  /** Peer reviews not given after their deadline (open past it, or lapsed and not excused). */
  reviewsOverdue: number;
  daysInactive: number | null;
  /** Modules open long enough by the planning that are less than half read. */
  modulesBehind: { order: number; percent: number }[];
  /** Contact days attended so far against the cohort's rule, when it falls short (issue 22). */
  attendanceShort?: { attended: number; held: number; required: number } | null;
  /** Names of open evaluation moments not yet filled in for everyone of the gilde (issue 23). */
  evaluationsOpen?: string[];
  /** Reviews this participant gave that the trainer assessed as low quality (issue 23). */
  weakReviews?: number;
};

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

export function stuckFlags(facts: StuckFacts): StuckFlag[] {
  const flags: StuckFlag[] = [];
  if (facts.lateAssignments.length)
    flags.push({
      kind: "late",
      label: `Te laat (${facts.lateAssignments.length})`,
      detail: `Deadline voorbij, nog niet ingeleverd: ${facts.lateAssignments.join(", ")}.`,
    });
  if (facts.openRevisions.length)
    flags.push({
      kind: "revision",
      label: "Herziening open",
      detail: `Teruggegeven voor herziening en nog niet opnieuw ingeleverd: ${facts.openRevisions.join(", ")}.`,
    });
  if (facts.reviewsOverdue)
    flags.push({
      kind: "reviews",
      label: `Feedback te laat (${facts.reviewsOverdue})`,
      detail: `Feedback voor ${plural(facts.reviewsOverdue, "gildegenoot", "gildegenoten")} niet gegeven na de deadline.`,
    });
  if (facts.daysInactive !== null && facts.daysInactive >= INACTIVE_DAYS)
    flags.push({
      kind: "inactive",
      label: `${facts.daysInactive} dagen stil`,
      detail: `Al ${facts.daysInactive} dagen niets gedaan op Gilde (niet gelezen, geschreven of ingeleverd); we tellen vanaf ${INACTIVE_DAYS} dagen.`,
    });
  if (facts.modulesBehind.length)
    flags.push({
      kind: "reading",
      label: "Leest achter",
      detail: `Minder dan de helft gelezen van ${facts.modulesBehind
        .map((m) => `module ${m.order} (${m.percent}%)`)
        .join(
          ", ",
        )}, terwijl die volgens de planning al ${READING_DAYS} dagen open ${facts.modulesBehind.length === 1 ? "staat" : "staan"}.`,
    });
  if (facts.attendanceShort)
    flags.push({
      kind: "attendance",
      label: "Mist contactdagen",
      detail: `Aanwezig op ${facts.attendanceShort.attended} van ${facts.attendanceShort.held} contactdagen; nodig is ${facts.attendanceShort.required}%. Een vervangende opdracht telt mee.`,
    });
  if (facts.evaluationsOpen?.length)
    flags.push({
      kind: "evaluation",
      label: "Evaluatie open",
      detail: `Nog niet iedereen van de gilde beoordeeld bij: ${facts.evaluationsOpen.join(", ")}.`,
    });
  if (facts.weakReviews)
    flags.push({
      kind: "quality",
      label: `Feedback zwak (${facts.weakReviews})`,
      detail: `${plural(facts.weakReviews, "gegeven feedback", "gegeven feedbacks")} door de trainer als zwak beoordeeld (gemiddeld onder ‘deels’).`,
    });
  return flags;
}

/** How much attention someone needs: each flag's weight times how often it applies (inactivity and reading once). */
export function riskOf(facts: StuckFacts): number {
  const inactive = facts.daysInactive !== null && facts.daysInactive >= INACTIVE_DAYS ? 1 : 0;
  return (
    FLAG_WEIGHTS.late * facts.lateAssignments.length +
    FLAG_WEIGHTS.revision * facts.openRevisions.length +
    FLAG_WEIGHTS.reviews * facts.reviewsOverdue +
    FLAG_WEIGHTS.inactive * inactive +
    FLAG_WEIGHTS.reading * (facts.modulesBehind.length ? 1 : 0) +
    FLAG_WEIGHTS.attendance * (facts.attendanceShort ? 1 : 0) +
    FLAG_WEIGHTS.evaluation * (facts.evaluationsOpen?.length ?? 0) +
    FLAG_WEIGHTS.quality * (facts.weakReviews ?? 0)
  );
}
