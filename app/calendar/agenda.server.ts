// Someone's agenda: the contact days, deadlines and peer-review deadlines of their cohort(s) in one list. A
// participant's deadlines come from the assignment list (so an extension moves them) and their peer-review
// deadlines from the reviews they are to give; a trainer sees the cohorts they work in. The page, the feed and the
// single-event download all read this one function.
import type { SessionUser } from "~/auth/guards.server";
import { assignmentList } from "~/assignments/work.server";
import { findAssignment, getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { formatTimeRange, formatWeekdayDate } from "~/format";
import { reviewsToGive } from "~/peer-review/reviews.server";
import { contactDayUid, deadlineUid, peerReviewUid, sequenceFromChange, sortEvents, type AgendaEvent } from "./events";

const DAY_MS = 24 * 60 * 60 * 1000;

const contactDaySelect = {
  id: true,
  cohortId: true,
  startsAt: true,
  endsAt: true,
  place: true,
  online: true,
  onlineUrl: true,
  topic: true,
  programme: true,
  preparation: true,
  breakouts: true,
  sequence: true,
  cohort: { select: { name: true } },
  leaders: { select: { user: { select: { name: true } } } },
} as const;

/** The cohorts whose agenda this person follows: active participant, or trainer (admins: the ones they staff). */
export async function agendaCohorts(user: Pick<SessionUser, "id" | "role">) {
  if (user.role === "PARTICIPANT") {
    const enrollments = await db.enrollment.findMany({
      where: { userId: user.id, status: "ACTIVE" },
      select: { cohort: { select: { id: true, name: true } } },
    });
    return enrollments.map((e) => e.cohort);
  }
  const staff = await db.cohortStaff.findMany({
    where: { userId: user.id },
    select: { cohort: { select: { id: true, name: true } } },
  });
  return staff.map((s) => s.cohort);
}

/** What to have done before a contact day: the titles of its modules and assignments, in course order. */
export function preparationTitles(slugs: string[]) {
  return getCourse().modules.flatMap((m) => [
    ...(slugs.includes(m.slug)
      ? [{ slug: m.slug, title: `Module ${m.frontmatter.order}. ${m.frontmatter.title}`, href: `/modules/${m.slug}` }]
      : []),
    ...m.assignments
      .filter((a) => slugs.includes(a.slug))
      .map((a) => ({ slug: a.slug, title: `Opdracht ${a.frontmatter.title}`, href: `/opdrachten/${a.slug}` })),
  ]);
}

type ContactDayRow = Awaited<ReturnType<typeof contactDaysOf>>[number];

function contactDaysOf(cohortIds: string[], from: Date) {
  return db.contactDay.findMany({
    where: { cohortId: { in: cohortIds }, endsAt: { gte: from } },
    orderBy: { startsAt: "asc" },
    select: contactDaySelect,
  });
}

/** Where a contact day is, as one line. */
export const contactDayPlace = (d: { online: boolean; onlineUrl: string; place: string }) =>
  d.online ? (d.onlineUrl ? `Online: ${d.onlineUrl}` : "Online") : d.place;

function contactDayEvent(day: ContactDayRow): AgendaEvent {
  const preparation = preparationTitles(day.preparation).map((p) => p.title);
  const description = [
    `${formatWeekdayDate(day.startsAt)}, ${formatTimeRange(day.startsAt, day.endsAt)} (Nederlandse tijd).`,
    day.programme,
    preparation.length ? `Voorbereiding: ${preparation.join(", ")}.` : "",
    day.leaders.length ? `Onder leiding van ${day.leaders.map((l) => l.user.name).join(" en ")}.` : "",
  ].filter(Boolean);
  return {
    uid: contactDayUid(day.id),
    kind: "contact-day",
    title: day.topic ? `Contactdag: ${day.topic}` : `Contactdag ${day.cohort.name}`,
    startsAt: day.startsAt,
    endsAt: day.endsAt,
    sequence: day.sequence,
    cohortName: day.cohort.name,
    place: contactDayPlace(day),
    description: description.join("\n\n"),
    url: `${appUrl()}/agenda#${eventAnchor(contactDayUid(day.id))}`,
  };
}

/** The element id of an event on /agenda. */
export const eventAnchor = (uid: string) => uid.split("@")[0] ?? uid;

/** A participant's agenda: contact days of their active cohort(s), their own deadlines and reviews to give. */
async function participantEvents(user: SessionUser, cohorts: { id: string; name: string }[], now: Date) {
  const [list, reviews, days] = await Promise.all([
    assignmentList(user, now),
    reviewsToGive(user.id, now),
    contactDaysOf(
      cohorts.map((c) => c.id),
      new Date(now.getTime() - 365 * DAY_MS),
    ),
  ]);
  const events = days.map(contactDayEvent);
  if (list) {
    const cohortId = list.cohortId;
    const cohortName = cohorts.find((c) => c.id === cohortId)?.name ?? "";
    const [schedules, extensions] = await Promise.all([
      db.assignmentSchedule.findMany({ where: { cohortId }, select: { assignmentSlug: true, updatedAt: true } }),
      db.extension.findMany({
        where: { cohortId, userId: user.id },
        select: { assignmentSlug: true, createdAt: true },
      }),
    ]);
    for (const row of list.rows) {
      if (!row.due || row.closed) continue;
      const changed = [
        ...schedules.filter((s) => s.assignmentSlug === row.slug).map((s) => s.updatedAt),
        ...extensions.filter((e) => e.assignmentSlug === row.slug).map((e) => e.createdAt),
      ];
      const due = new Date(row.due);
      events.push({
        uid: deadlineUid(cohortId, row.slug),
        kind: "deadline",
        title: `Deadline: ${row.title} inleveren`,
        startsAt: due,
        endsAt: due,
        sequence: sequenceFromChange(new Date(Math.max(0, ...changed.map((d) => d.getTime())))),
        cohortName,
        url: `${appUrl()}/opdrachten/${row.slug}`,
      });
    }
  }
  const open = reviews.filter((r) => r.status === "OPEN");
  const changes = await db.peerReview.findMany({
    where: { id: { in: open.map((r) => r.id) } },
    select: { id: true, updatedAt: true, cohort: { select: { name: true } } },
  });
  for (const review of open) {
    const row = changes.find((c) => c.id === review.id);
    events.push({
      uid: `peerfeedback-${review.id}@gilde.app`,
      kind: "peer-review",
      title: `Peerfeedback geven op ${review.assignment}`,
      startsAt: review.dueAt,
      endsAt: review.dueAt,
      sequence: sequenceFromChange(row?.updatedAt ?? review.dueAt),
      cohortName: row?.cohort.name ?? "",
      description: `Werk van ${review.author}.`,
      url: `${appUrl()}/gilde/feedback/${review.id}`,
    });
  }
  return events;
}

/** A trainer's agenda: per cohort they work in, its contact days, deadlines and peer-review deadlines. */
async function trainerEvents(cohorts: { id: string; name: string }[], now: Date) {
  const ids = cohorts.map((c) => c.id);
  const nameOf = new Map(cohorts.map((c) => [c.id, c.name]));
  const [days, schedules] = await Promise.all([
    contactDaysOf(ids, new Date(now.getTime() - 365 * DAY_MS)),
    db.assignmentSchedule.findMany({
      where: { cohortId: { in: ids }, closed: false },
      select: { cohortId: true, assignmentSlug: true, dueAt: true, peerReviewDueAt: true, updatedAt: true },
    }),
  ]);
  const events = days.map(contactDayEvent);
  for (const s of schedules) {
    const title = findAssignment(s.assignmentSlug)?.assignment.frontmatter.title ?? s.assignmentSlug;
    const cohortName = nameOf.get(s.cohortId) ?? "";
    const sequence = sequenceFromChange(s.updatedAt);
    const url = `${appUrl()}/opdrachten/groep/${s.cohortId}`;
    if (s.dueAt)
      events.push({
        uid: deadlineUid(s.cohortId, s.assignmentSlug),
        kind: "deadline",
        title: `Deadline ${title} (${cohortName})`,
        startsAt: s.dueAt,
        endsAt: s.dueAt,
        sequence,
        cohortName,
        url,
      });
    if (s.peerReviewDueAt)
      events.push({
        uid: peerReviewUid(s.cohortId, s.assignmentSlug),
        kind: "peer-review",
        title: `Deadline peerfeedback ${title} (${cohortName})`,
        startsAt: s.peerReviewDueAt,
        endsAt: s.peerReviewDueAt,
        sequence,
        cohortName,
        url,
      });
  }
  return events;
}

/** Everything on someone's agenda, soonest first (contact days of the last year included, for the feed). */
export async function agendaEvents(user: SessionUser, now = new Date()): Promise<AgendaEvent[]> {
  const cohorts = await agendaCohorts(user);
  if (!cohorts.length) return [];
  const events =
    user.role === "PARTICIPANT" ? await participantEvents(user, cohorts, now) : await trainerEvents(cohorts, now);
  return sortEvents(events);
}
