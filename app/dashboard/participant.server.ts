// A participant's to-do list: deadlines of the coming two weeks, work returned for revision, peer feedback to give,
// new feedback and released grades (new since they last opened the place), and the module to continue.
import type { SessionUser } from "~/auth/guards.server";
import { assignmentList } from "~/assignments/work.server";
import { courseOverview } from "~/content/pages.server";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { parseDecision } from "~/grading/assessment-columns";
import { DECISION_LABELS } from "~/grading/rubric";
import { nextContactDayTodo } from "~/calendar/start-page.server";
import { evaluationMomentsFor } from "~/peer-review/evaluation.server";
import { feedbackReceived, reviewsToGive } from "~/peer-review/reviews.server";
import { isNew, seenAt } from "./seen.server";
import { count, type Todo } from "./todo";

const DAY_MS = 24 * 60 * 60 * 1000;
const DEADLINE_WINDOW_DAYS = 14;

type CourseOverview = Awaited<ReturnType<typeof courseOverview>>;

/** `course`: the participant's course overview, which the start page also shows (asked for once, by the caller). */
export async function participantTodos(user: SessionUser, now: Date, course: Promise<CourseOverview>): Promise<Todo[]> {
  const list = await assignmentList(user, now);
  if (!list) return [];
  const [seen, toGive, received, assessments, reading, contact, evaluations] = await Promise.all([
    seenAt(user.id),
    reviewsToGive(user.id, now),
    feedbackReceived(user.id, now),
    releasedOnMyWork(user.id),
    moduleToContinue(user, course),
    nextContactDayTodo(user.id, now),
    evaluationMomentsFor(user.id, now),
  ]);
  const todos: Todo[] = [];
  const horizon = now.getTime() + DEADLINE_WINDOW_DAYS * DAY_MS;
  for (const row of list.rows) {
    if (!row.open || row.closed || !row.due || !["open", "concept"].includes(row.status)) continue;
    if (new Date(row.due).getTime() > horizon) continue;
    todos.push({
      kind: "deadline",
      title: `${row.title} inleveren`,
      detail: row.status === "concept" ? "Je hebt al een concept." : undefined,
      href: `/opdrachten/${row.slug}`,
      due: row.due,
    });
  }
  for (const a of assessments) {
    const title = findAssignment(a.slug)?.assignment.frontmatter.title ?? a.slug;
    const decision = parseDecision(a.decision);
    if (a.returned && decision === "herziening") {
      todos.push({
        kind: "revision",
        title: `${title}: herzien en opnieuw inleveren`,
        detail: summaryOf(a),
        href: `/opdrachten/${a.slug}`,
        since: a.releasedAt.toISOString(),
      });
    } else if (decision && decision !== "herziening" && isNew(a.releasedAt, seen.get(`opdracht:${a.slug}`))) {
      todos.push({
        kind: "grade",
        title: `Beoordeling van ${title}: ${DECISION_LABELS[decision].toLowerCase()}`,
        href: `/opdrachten/${a.slug}`,
        since: a.releasedAt.toISOString(),
      });
    }
  }
  for (const review of toGive) {
    if (review.status !== "OPEN") continue;
    todos.push({
      kind: "review",
      title: `Feedback geven op ${review.assignment}`,
      detail: `Werk van ${review.author}`,
      href: `/gilde/feedback/${review.id}`,
      due: review.dueAt.toISOString(),
    });
  }
  const gildeSeen = seen.get("gilde");
  for (const submission of received) {
    const fresh = submission.reviews.filter((r) => isNew(r.submittedAt, gildeSeen));
    if (!fresh.length) continue;
    const newest = Math.max(...fresh.map((r) => r.submittedAt!.getTime()));
    todos.push({
      kind: "feedback",
      title: `Nieuwe peerfeedback op ${submission.assignment}`,
      detail: `${count(fresh.length, "reactie", "reacties")} van je gilde`,
      href: "/gilde",
      since: new Date(newest).toISOString(),
    });
  }
  for (const moment of evaluations) {
    if (moment.state !== "open" || !moment.todo) continue;
    todos.push({
      kind: "evaluation",
      title: `Evaluatie ‘${moment.name}’ invullen`,
      detail: `Jijzelf en je gildegenoten: nog ${moment.todo} te doen`,
      href: `/gilde/evaluatie/${moment.id}`,
      due: moment.closesAt.toISOString(),
    });
  }
  if (reading) todos.push(reading);
  if (contact) todos.push(contact);
  return todos;
}

/** The newest released assessment of each of the participant's submissions in a cohort they follow. */
async function releasedOnMyWork(userId: string) {
  const submissions = await db.submission.findMany({
    where: { userId, cohort: { enrollments: { some: { userId, status: "ACTIVE" } } } },
    select: {
      assignmentSlug: true,
      status: true,
      assessments: {
        where: { status: "RELEASED" },
        orderBy: { number: "desc" },
        take: 1,
        select: {
          decision: true,
          revisionNote: true,
          overall: true,
          releasedAt: true,
          gradedBy: { select: { name: true } },
        },
      },
    },
  });
  return submissions.flatMap((s) => {
    const a = s.assessments[0];
    if (!a?.releasedAt) return [];
    return [
      {
        slug: s.assignmentSlug,
        returned: s.status === "RETURNED",
        decision: a.decision,
        revisionNote: a.revisionNote,
        overall: a.overall,
        releasedAt: a.releasedAt,
        trainer: a.gradedBy.name,
      },
    ];
  });
}

/** The trainer's words on what must change (else their overall feedback), with their name. */
function summaryOf(a: { revisionNote: string; overall: string; trainer: string }) {
  const words = a.revisionNote.trim() || a.overall.trim();
  return words ? `${a.trainer}: ‘${words}’` : undefined;
}

/**
 * Where to read on: the module of the last section they marked read, while it is not done; otherwise the first open
 * module not yet read. Null when everything open is read.
 */
async function moduleToContinue(user: SessionUser, overview: Promise<CourseOverview>): Promise<Todo | null> {
  const [course, last] = await Promise.all([
    overview,
    db.sectionRead.findFirst({ where: { userId: user.id }, orderBy: { readAt: "desc" }, select: { moduleSlug: true } }),
  ]);
  const open = course.modules.filter((m) => m.open && m.progress?.status !== "done");
  const module = open.find((m) => m.slug === last?.moduleSlug) ?? open[0];
  if (!module) return null;
  const started = module.progress?.status === "busy";
  return {
    kind: "continue",
    title: started ? `Verder lezen in ${module.order}. ${module.title}` : `Begin aan ${module.order}. ${module.title}`,
    detail: started ? `${module.progress?.percent ?? 0}% gelezen` : undefined,
    href: `/modules/${module.slug}`,
  };
}
