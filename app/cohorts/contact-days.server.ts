// A cohort's contact days as the admin plans them: listed in order, added, changed and removed, each change in the
// audit log. Times are typed as Amsterdam wall-clock time and stored as moments. A day outside the cohort's start
// and end dates is refused next to the date: the public page would otherwise promise a day nobody meets on. The
// leaders are chosen from the cohort's trainers; anyone else is refused next to the checkboxes.
import { fromAmsterdamInput, toAmsterdamInput } from "~/assignments/time";
import { audit } from "~/audit/audit.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { formatCalendarDate, formatTimeRange, formatWeekdayDate, isoDay } from "~/format";
import type { ContactDayInput } from "./contact-day-form";

type Actor = { id: string; email: string };

/** The cohort and its days, as the page lists them, with the one being changed (`?dag=`) as the form's values. */
export async function contactDaysPage(cohortId: string, editingId: string | null) {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      id: true,
      name: true,
      startsOn: true,
      endsOn: true,
      location: true,
      contactDays: {
        orderBy: { startsAt: "asc" },
        include: { leaders: { select: { userId: true, user: { select: { name: true } } } } },
      },
      staff: { select: { user: { select: { id: true, name: true } } }, orderBy: { user: { name: "asc" } } },
    },
  });
  if (!cohort) throw new Response("Niet gevonden", { status: 404 });
  const days = cohort.contactDays.map((d) => ({
    id: d.id,
    date: formatWeekdayDate(d.startsAt),
    times: formatTimeRange(d.startsAt, d.endsAt),
    where: d.online ? "Online" : d.place,
    topic: d.topic,
    leaders: d.leaders.map((l) => l.user.name).join(", "),
  }));
  const trainers = cohort.staff.map((s) => s.user);
  const editing = cohort.contactDays.find((d) => d.id === editingId);
  return {
    cohort: {
      id: cohort.id,
      name: cohort.name,
      period: `${formatCalendarDate(cohort.startsOn)} – ${formatCalendarDate(cohort.endsOn)}`,
    },
    days,
    trainers,
    form: editing
      ? formValues(editing)
      : {
          id: "",
          place: cohort.location,
          startTime: "09:30",
          endTime: "16:00",
          // A new day is led by the cohort's trainers unless someone unticks them.
          leaders: trainers.map((t) => t.id),
        },
  };
}

function formValues(day: {
  id: string;
  startsAt: Date;
  endsAt: Date;
  place: string;
  online: boolean;
  topic: string;
  onlineUrl: string;
  programme: string;
  preparation: string[];
  breakouts: string;
  leaders: { userId: string }[];
}) {
  const [date = "", startTime = ""] = toAmsterdamInput(day.startsAt).split("T");
  return {
    id: day.id,
    day: date,
    startTime,
    endTime: toAmsterdamInput(day.endsAt).split("T")[1] ?? "",
    place: day.place,
    online: day.online ? "on" : "",
    topic: day.topic,
    onlineUrl: day.onlineUrl,
    programme: day.programme,
    preparation: day.preparation.join(", "),
    breakouts: day.breakouts,
    leaders: day.leaders.map((l) => l.userId),
  };
}

/** Adds a day, or changes the day `input.id` of this cohort; a day outside the cohort's dates is refused. */
export async function saveContactDay(
  actor: Actor,
  cohortId: string,
  { id, day, startTime, endTime, leaders, ...rest }: ContactDayInput,
  now = new Date(),
) {
  const preparation = rest.preparation.split(/[\s,]+/).filter(Boolean);
  const known = new Set(getCourse().modules.flatMap((m) => [m.slug, ...m.assignments.map((a) => a.slug)]));
  const unknown = preparation.filter((slug) => !known.has(slug));
  if (unknown.length) {
    const message = `Deze modules of opdrachten bestaan niet: ${unknown.join(", ")}. Gebruik de korte namen uit het adres, bijvoorbeeld ${[...known][0] ?? "module-1"}.`;
    throw new RefusedError(message, 400, { preparation: message });
  }
  await db.$transaction(async (tx) => {
    const cohort = await tx.cohort.findUnique({
      where: { id: cohortId },
      select: { name: true, startsOn: true, endsOn: true, staff: { select: { userId: true } } },
    });
    if (!cohort) throw new RefusedError("Deze groep bestaat niet.", 404);
    const staff = new Set(cohort.staff.map((s) => s.userId));
    const leaderIds = [...new Set(leaders)];
    if (leaderIds.some((l) => !staff.has(l))) {
      const message = "Kies de leiding uit de trainers van deze groep. Er is niets opgeslagen; kijk de vinkjes na.";
      throw new RefusedError(message, 400, { leaders: message });
    }
    const date = isoDay(day);
    if (date < isoDay(cohort.startsOn) || date > isoDay(cohort.endsOn)) {
      const message = `Deze dag valt buiten de leergang (${formatCalendarDate(cohort.startsOn)} – ${formatCalendarDate(cohort.endsOn)}). Kies een datum daartussen, of pas eerst de start- of einddatum aan.`;
      throw new RefusedError(message, 400, { day: message });
    }
    const data = {
      startsAt: fromAmsterdamInput(`${date}T${startTime}`)!,
      endsAt: fromAmsterdamInput(`${date}T${endTime}`)!,
      online: rest.online,
      place: rest.online ? "" : rest.place,
      topic: rest.topic,
      onlineUrl: rest.online ? rest.onlineUrl : "",
      programme: rest.programme,
      preparation,
      breakouts: rest.breakouts,
    };
    if (data.startsAt <= now) {
      const message = "Deze dag ligt in het verleden. Kies een datum en tijd die nog komen.";
      throw new RefusedError(message, 400, { day: message });
    }
    const what = `${cohort.name}: ${formatWeekdayDate(data.startsAt)}, ${formatTimeRange(data.startsAt, data.endsAt)}, ${data.online ? "online" : data.place}${data.topic ? ` (${data.topic})` : ""}.`;
    if (id) {
      const before = await tx.contactDay.findFirst({
        where: { id, cohortId },
        select: { startsAt: true, endsAt: true },
      });
      // A calendar app keeps the event with the highest SEQUENCE: raise it when the moment moves.
      const moved =
        before &&
        (before.startsAt.getTime() !== data.startsAt.getTime() || before.endsAt.getTime() !== data.endsAt.getTime());
      const changed = await tx.contactDay.updateMany({
        where: { id, cohortId },
        data: { ...data, ...(moved ? { sequence: { increment: 1 } } : {}) },
      });
      if (!changed.count) throw new RefusedError("Deze contactdag is intussen verwijderd. Voeg hem opnieuw toe.", 409);
      await tx.contactDayLeader.deleteMany({ where: { contactDayId: id } });
      await tx.contactDayLeader.createMany({ data: leaderIds.map((userId) => ({ contactDayId: id, userId })) });
      await audit(tx, { action: "contact-day.change", actor, subjectId: cohortId, summary: what });
    } else {
      await tx.contactDay.create({
        data: { cohortId, ...data, leaders: { create: leaderIds.map((userId) => ({ userId })) } },
      });
      await audit(tx, { action: "contact-day.add", actor, subjectId: cohortId, summary: what });
    }
  });
}

/** Removes a day of this cohort; one that is already gone is not an error (the page shows the list as it is). */
export async function removeContactDay(actor: Actor, cohortId: string, id: string) {
  await db.$transaction(async (tx) => {
    const day = await tx.contactDay.findFirst({
      where: { id, cohortId },
      include: { cohort: { select: { name: true } } },
    });
    if (!day) return;
    await tx.contactDay.delete({ where: { id } });
    const summary = `${day.cohort.name}: ${formatWeekdayDate(day.startsAt)}${day.topic ? ` (${day.topic})` : ""} verwijderd.`;
    await audit(tx, { action: "contact-day.remove", actor, subjectId: cohortId, summary });
  });
}
