// The next contact day on a participant's start page: within two weeks, with when and where, linking to its card
// on /agenda (where they say whether they come).
import { db } from "~/db.server";
import type { Todo } from "~/dashboard/todo";
import { formatTimeRange, formatWeekdayDate } from "~/format";
import { contactDayPlace } from "./agenda.server";

const WINDOW_MS = 14 * 24 * 60 * 60 * 1000;

export async function nextContactDayTodo(userId: string, now = new Date()): Promise<Todo | null> {
  const day = await db.contactDay.findFirst({
    where: {
      startsAt: { gt: now, lt: new Date(now.getTime() + WINDOW_MS) },
      cohort: { enrollments: { some: { userId, status: "ACTIVE" } } },
    },
    orderBy: { startsAt: "asc" },
    select: {
      id: true,
      startsAt: true,
      endsAt: true,
      topic: true,
      place: true,
      online: true,
      onlineUrl: true,
      responses: { where: { userId }, select: { coming: true } },
    },
  });
  if (!day) return null;
  const answer = day.responses[0];
  const said = answer ? (answer.coming ? " Je zei: ik kom." : " Je zei: ik kan niet.") : " Laat weten of je komt.";
  return {
    kind: "contact-day",
    title: day.topic ? `Contactdag: ${day.topic}` : "Contactdag",
    detail: `${formatWeekdayDate(day.startsAt)}, ${formatTimeRange(day.startsAt, day.endsAt)}, ${contactDayPlace(day)}.${said}`,
    href: `/agenda#contactdag-${day.id}`,
    due: day.startsAt.toISOString(),
  };
}
