// What /agenda shows: from today on, contact days (with the participant's answer, or for a trainer who answered
// what and a link to the attendance list) between the deadlines and peer-review deadlines, in Dutch dates.
import type { SessionUser } from "~/auth/guards.server";
import { db } from "~/db.server";
import { formatDateTime, formatTimeRange, formatWeekdayDate } from "~/format";
import { calendarDaysBetween } from "~/dashboard/todo";
import { agendaCohorts, agendaEvents, contactDayPlace, eventAnchor, preparationTitles } from "./agenda.server";
import { eventFileName } from "./events";

const DAY_MS = 24 * 60 * 60 * 1000;

export async function agendaPage(user: SessionUser, now = new Date()) {
  const [events, cohorts] = await Promise.all([agendaEvents(user, now), agendaCohorts(user)]);
  const today = new Date(now.getTime() - DAY_MS);
  const shown = events.filter((e) => e.endsAt >= today || calendarDaysBetween(now, e.startsAt) >= 0);
  const dayIds = shown
    .filter((e) => e.kind === "contact-day")
    .map((e) => eventFileName(e.uid).slice("contactdag-".length));
  const days = await db.contactDay.findMany({
    where: { id: { in: dayIds } },
    select: {
      id: true,
      cohortId: true,
      online: true,
      onlineUrl: true,
      place: true,
      programme: true,
      preparation: true,
      breakouts: true,
      leaders: { select: { user: { select: { name: true } } } },
      responses: { select: { userId: true, coming: true, reason: true } },
    },
  });
  const trainer = user.role !== "PARTICIPANT";
  const groupSizes = trainer
    ? await db.enrollment.groupBy({
        by: ["cohortId"],
        where: { cohortId: { in: cohorts.map((c) => c.id) }, status: "ACTIVE" },
        _count: { _all: true },
      })
    : [];
  const groupSize = (cohortId: string) => groupSizes.find((g) => g.cohortId === cohortId)?._count._all ?? 0;
  return {
    trainer,
    cohorts: cohorts.map((c) => ({ id: c.id, name: c.name })),
    events: shown.map((e) => {
      const id = eventFileName(e.uid);
      const base = {
        anchor: eventAnchor(e.uid),
        kind: e.kind,
        title: e.title,
        cohortName: e.cohortName,
        when:
          e.kind === "contact-day"
            ? `${formatWeekdayDate(e.startsAt)}, ${formatTimeRange(e.startsAt, e.endsAt)}`
            : formatDateTime(e.startsAt),
        ics: `/agenda/ics/${id}.ics`,
        href: e.url ? new URL(e.url).pathname : null,
      };
      const day = e.kind === "contact-day" ? days.find((d) => `contactdag-${d.id}` === id) : undefined;
      if (!day) return { ...base, day: null };
      const mine = day.responses.find((r) => r.userId === user.id);
      return {
        ...base,
        day: {
          id: day.id,
          place: contactDayPlace(day),
          onlineUrl: day.online ? day.onlineUrl : "",
          programme: day.programme,
          breakouts: day.breakouts,
          preparation: preparationTitles(day.preparation),
          leaders: day.leaders.map((l) => l.user.name),
          open: e.startsAt > now,
          takesAttendance: trainer && calendarDaysBetween(now, e.startsAt) <= 0,
          answer: mine ? { coming: mine.coming, reason: mine.reason } : null,
          answers: trainer
            ? {
                coming: day.responses.filter((r) => r.coming).length,
                notComing: day.responses.filter((r) => !r.coming).length,
                silent: Math.max(0, groupSize(day.cohortId) - day.responses.length),
              }
            : null,
        },
      };
    }),
  };
}
