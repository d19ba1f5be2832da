// Deadline reminders: three days and one day before a deadline, to participants who have not handed in.
// Safe in several app instances at once: the reminder is recorded with a unique key in the same transaction
// as the e-mail, so only one instance sends it.
import { wantsReminders } from "~/account/profile.server";
import { formatDateTime } from "~/format";
import { findAssignment } from "~/content/course.server";
import { db } from "~/db.server";
import { appUrl } from "~/env.server";
import { queueMail } from "~/notifications/outbox.server";
import { effectiveDue, reminderDue } from "./rules";
import { greeting } from "~/notifications/signature";

export async function sendDeadlineReminders(now = new Date()) {
  const horizon = new Date(now.getTime() + 4 * 24 * 3_600_000);
  const schedules = await db.assignmentSchedule.findMany({
    where: { closed: false, dueAt: { not: null, gt: new Date(now.getTime() - 30 * 24 * 3_600_000) } },
  });
  let sent = 0;
  for (const schedule of schedules) {
    const found = findAssignment(schedule.assignmentSlug);
    if (!found) continue;
    const [participants, extensions, handedIn] = await Promise.all([
      db.enrollment.findMany({
        where: { cohortId: schedule.cohortId, status: "ACTIVE", user: wantsReminders },
        select: { user: { select: { id: true, name: true, email: true } } },
      }),
      db.extension.findMany({ where: { cohortId: schedule.cohortId, assignmentSlug: schedule.assignmentSlug } }),
      db.submission.findMany({
        where: { cohortId: schedule.cohortId, assignmentSlug: schedule.assignmentSlug, status: { not: "RETURNED" } },
        select: { userId: true, gilde: { select: { members: { select: { userId: true } } } } },
      }),
    ]);
    // A gilde's hand-in is every member's (issue 23).
    const done = new Set(handedIn.flatMap((s) => [s.userId, ...(s.gilde?.members.map((m) => m.userId) ?? [])]));
    for (const { user } of participants) {
      if (done.has(user.id)) continue;
      const due = effectiveDue(schedule, extensions.find((e) => e.userId === user.id)?.dueAt ?? null);
      if (!due || due > horizon) continue;
      const kind = reminderDue(due, now);
      if (!kind) continue;
      const claimed = await db.$transaction(async (tx) => {
        const inserted = await tx.$executeRaw`
          INSERT INTO "ReminderSent" ("cohortId", "assignmentSlug", "userId", kind)
          VALUES (${schedule.cohortId}, ${schedule.assignmentSlug}, ${user.id}, ${kind}::"ReminderKind")
          ON CONFLICT DO NOTHING`;
        if (inserted === 0) return false;
        const title = found.assignment.frontmatter.title;
        await queueMail(tx, {
          to: user.email,
          subject: `${kind === "1d" ? "Morgen" : "Over drie dagen"}: deadline voor ‘${title}’`,
          text:
            `${greeting(user.name)}\n\n` +
            `De deadline voor ‘${title}’ is ${formatDateTime(due)}. Je hebt deze opdracht nog niet ingeleverd.\n\n` +
            `Naar de opdracht: ${appUrl()}/opdrachten/${schedule.assignmentSlug}\n\n` +
            `Lukt het niet op tijd? Te laat inleveren kan; overleg met je trainer als je meer tijd nodig hebt.\n\n` +
            `Groet,\nGilde — leergang Creative Communities`,
        });
        return true;
      });
      if (claimed) sent++;
    }
  }
  return sent;
}
