// The to-do list of the start page: what one line holds, which line comes first, and how its moment reads in Dutch.
// Pure, so the order and the words are unit-tested; the queries per role live in the *.server.ts files beside it.

export type TodoKind =
  // participant
  | "deadline"
  | "revision"
  | "review"
  | "feedback"
  | "grade"
  | "continue"
  | "contact-day"
  | "evaluation"
  // trainer
  | "intake"
  | "queue"
  | "second-read"
  | "stuck"
  | "cohort-deadline"
  // admin
  | "invoice"
  | "privacy"
  | "mail"
  | "cohort-setup"
  // alumnus
  | "thread"
  | "case";

export type Todo = {
  kind: TodoKind;
  /** The line itself, e.g. "Wijkgeschiedenis inleveren". */
  title: string;
  /** A second line: the trainer's words, who is waiting, why someone is flagged. */
  detail?: string;
  /** The exact place where the thing is done. */
  href: string;
  /** A deadline (ISO): the sooner, the more urgent; past it, late. */
  due?: string;
  /** Since when it waits or is new (ISO): the older, the more urgent. */
  since?: string;
};

const DAY_MS = 24 * 60 * 60 * 1000;

/**
 * How many days a waiting line may wait before it is as urgent as a deadline due today. A line with a deadline
 * has as slack its days left; a waiting line its allowance minus its age; a line with neither, its allowance.
 */
const ALLOWANCE_DAYS: Record<TodoKind, number> = {
  deadline: 0,
  revision: 7,
  review: 0,
  feedback: 10,
  grade: 10,
  continue: 30,
  "contact-day": 0,
  evaluation: 0,
  intake: 5,
  queue: 10,
  "second-read": 3,
  stuck: 4,
  "cohort-deadline": 0,
  invoice: 0,
  privacy: 30,
  mail: 1,
  "cohort-setup": 14,
  thread: 7,
  case: 14,
};

/** Kinds whose moment reads as news ("gisteren"), not as a wait ("wacht al 3 dagen"). */
const READS_AS_NEWS: ReadonlySet<TodoKind> = new Set(["feedback", "grade", "thread", "case", "revision"]);
/** News to read rather than work that waits: it does not grow more urgent with age, and the newest comes first. */
const NEWS: ReadonlySet<TodoKind> = new Set(["feedback", "grade", "thread", "case"]);

function slackDays(todo: Todo, now: Date): number {
  if (todo.due) return (new Date(todo.due).getTime() - now.getTime()) / DAY_MS;
  if (todo.since && !NEWS.has(todo.kind))
    return ALLOWANCE_DAYS[todo.kind] - (now.getTime() - new Date(todo.since).getTime()) / DAY_MS;
  return ALLOWANCE_DAYS[todo.kind];
}

const newest = (a: Todo, b: Todo) => (b.since ?? "").localeCompare(a.since ?? "");

/** Most urgent first: least slack; equal slack newest first, then in a stable, readable order. */
export function sortTodos(todos: Todo[], now: Date): Todo[] {
  return [...todos].sort(
    (a, b) =>
      slackDays(a, now) - slackDays(b, now) ||
      newest(a, b) ||
      a.title.localeCompare(b.title, "nl") ||
      a.href.localeCompare(b.href),
  );
}

const amsterdamDay = new Intl.DateTimeFormat("en-CA", {
  timeZone: "Europe/Amsterdam",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

/** Calendar days from `now` to `moment` as people in Amsterdam count them (tomorrow is 1, whatever the hour). */
export function calendarDaysBetween(now: Date, moment: Date): number {
  const day = (d: Date) => Date.parse(`${amsterdamDay.format(d)}T00:00:00Z`);
  return Math.round((day(moment) - day(now)) / DAY_MS);
}

const days = (n: number) => (n === 1 ? "1 dag" : `${n} dagen`);

/** "nog 3 dagen", "morgen", "vandaag", "vandaag verlopen", "2 dagen te laat". */
export function dueLabel(due: Date, now: Date): string {
  const left = calendarDaysBetween(now, due);
  if (due.getTime() < now.getTime()) return left === 0 ? "vandaag verlopen" : `${days(-left)} te laat`;
  if (left === 0) return "vandaag";
  if (left === 1) return "morgen";
  return `nog ${days(left)}`;
}

/** "vandaag", "gisteren", "3 dagen geleden". */
export function agoLabel(since: Date, now: Date): string {
  const ago = Math.max(0, -calendarDaysBetween(now, since));
  if (ago === 0) return "vandaag";
  if (ago === 1) return "gisteren";
  return `${days(ago)} geleden`;
}

/** "wacht sinds vandaag", "wacht sinds gisteren", "wacht al 4 dagen". */
export function waitingLabel(since: Date, now: Date): string {
  const ago = Math.max(0, -calendarDaysBetween(now, since));
  if (ago === 0) return "wacht sinds vandaag";
  if (ago === 1) return "wacht sinds gisteren";
  return `wacht al ${days(ago)}`;
}

/** The moment of a line as it reads next to it, or null when it has none. */
export function whenLabel(todo: Todo, now: Date): string | null {
  // Its detail already says how long someone has been silent.
  if (todo.kind === "stuck") return null;
  if (todo.due) return dueLabel(new Date(todo.due), now);
  if (todo.since)
    return READS_AS_NEWS.has(todo.kind) ? agoLabel(new Date(todo.since), now) : waitingLabel(new Date(todo.since), now);
  return null;
}

/** Whether the line's moment is a deadline already past (shown as late). */
export function isLate(todo: Todo, now: Date): boolean {
  return Boolean(todo.due && new Date(todo.due).getTime() < now.getTime());
}

/** After this many days without any activity a participant counts as stuck. */
const INACTIVE_DAYS = 14;

/**
 * What makes a participant of "Wie loopt vast?" a line on the trainer's list; empty: not stuck. Open peer reviews
 * are not a sign by themselves (the overview counts open and lapsed together), late work and silence are, and given
 * feedback the trainer assessed as weak. An open evaluation is a flag in the overview only: a moment just opened
 * would put the whole cohort on this list.
 */
export function stuckReasons(row: {
  late: number;
  daysInactive: number | null;
  attendanceShort?: { attended: number; held: number } | null;
  weakReviews?: number;
}): string[] {
  const reasons: string[] = [];
  if (row.daysInactive !== null && row.daysInactive >= INACTIVE_DAYS)
    reasons.push(`${days(row.daysInactive)} niets gedaan`);
  if (row.late > 0)
    reasons.push(row.late === 1 ? "1 opdracht te laat ingeleverd" : `${row.late} opdrachten te laat ingeleverd`);
  if (row.attendanceShort)
    reasons.push(`op ${row.attendanceShort.attended} van ${row.attendanceShort.held} contactdagen geweest`);
  if (row.weakReviews)
    reasons.push(
      row.weakReviews === 1
        ? "1 gegeven feedback zwak beoordeeld"
        : `${row.weakReviews} gegeven feedbacks zwak beoordeeld`,
    );
  return reasons;
}

/** "1 inzending", "3 inzendingen" and the like. */
export function count(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}
