// The reminder the day before a contact day: time, place and the preparation still open, to each active participant
// who did not say "ik kan niet". Once per person per day, also with several app instances: the reminder is recorded
// with a unique key in the same transaction as the e-mail.
import { wantsReminders } from "~/account/profile.server";
import { calendarDaysBetween } from "~/dashboard/todo";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { formatTimeRange, formatWeekdayDate } from "~/format";
import { queueMail } from "~/notifications/outbox.server";
import { greeting, SIGNATURE } from "~/notifications/signature";
import { contactDayPlace, preparationTitles } from "./agenda.server";

export async function sendContactDayReminders(now = new Date()) {
  const days = await db.contactDay.findMany({
    where: { startsAt: { gt: now, lt: new Date(now.getTime() + 48 * 3_600_000) } },
    select: {
      id: true,
      cohortId: true,
      startsAt: true,
      endsAt: true,
      topic: true,
      place: true,
      online: true,
      onlineUrl: true,
      preparation: true,
      responses: { where: { coming: false }, select: { userId: true } },
    },
  });
  let sent = 0;
  for (const day of days.filter((d) => calendarDaysBetween(now, d.startsAt) === 1)) {
    const [participants, handedIn] = await Promise.all([
      db.enrollment.findMany({
        where: { cohortId: day.cohortId, status: "ACTIVE", user: wantsReminders },
        select: { user: { select: { id: true, name: true, email: true } } },
      }),
      db.submission.findMany({
        where: { cohortId: day.cohortId, assignmentSlug: { in: day.preparation }, versions: { some: {} } },
        select: { userId: true, assignmentSlug: true },
      }),
    ]);
    const away = new Set(day.responses.map((r) => r.userId));
    const preparation = preparationTitles(day.preparation);
    for (const { user } of participants) {
      if (away.has(user.id)) continue;
      const open = preparation.filter(
        (p) => !handedIn.some((s) => s.userId === user.id && s.assignmentSlug === p.slug),
      );
      const claimed = await db.$transaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          INSERT INTO "ContactDayReminder" ("contactDayId", "userId") VALUES (${day.id}, ${user.id})
          ON CONFLICT DO NOTHING`;
        if (inserted === 0) return false;
        await queueMail(tx, {
          to: user.email,
          subject: `Morgen: contactdag${day.topic ? ` ‘${day.topic}’` : ""}`,
          text:
            `${greeting(user.name)}\n\n` +
            `Morgen is de contactdag${day.topic ? ` ‘${day.topic}’` : ""}: ${formatWeekdayDate(day.startsAt)}, ${formatTimeRange(day.startsAt, day.endsAt)}.\n` +
            `Waar: ${contactDayPlace(day)}\n\n` +
            (open.length
              ? `Nog te doen ter voorbereiding:\n${open.map((p) => `- ${p.title}: ${appUrl()}${p.href}`).join("\n")}\n\n`
              : "") +
            `Kun je toch niet? Laat het weten op ${appUrl()}/agenda#contactdag-${day.id}\n\n` +
            SIGNATURE,
        });
        return true;
      });
      if (claimed) sent++;
    }
  }
  return sent;
}
