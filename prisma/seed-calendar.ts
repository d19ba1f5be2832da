// Demo data for contact days, attendance and the agenda (issue 22): in "Voorjaar 2027", two contact days that were
// already held (attendance taken, one absence made up with a vervangende opdracht), one today whose attendance the
// trainer still has to take (so the phone list can be tried at once), one tomorrow (reminder mail) and the planned
// future ones with programme, preparation and leaders; some participants said "ik kan niet"; the rule is 80%.
import { db } from "../app/db.server";
import { getCourse } from "../app/content/course.server";

const DAY_MS = 24 * 60 * 60 * 1000;

/** 9.30–16.00 Amsterdam-ish on the day `offset` days from now (whole hours in UTC: 8.30–15.00 in winter). */
function dayAt(offset: number, now: Date) {
  const start = new Date(now.getTime() + offset * DAY_MS);
  start.setUTCHours(8, 30, 0, 0);
  return { startsAt: start, endsAt: new Date(start.getTime() + 6.5 * 3_600_000) };
}

/** What to prepare for the demo days: the course's first module and assignment (none when no course is loaded). */
function firstModuleAndAssignment(): string[] {
  try {
    const first = getCourse().modules[0];
    return [first?.slug, first?.assignments[0]?.slug].filter((s): s is string => Boolean(s));
  } catch {
    return [];
  }
}

export async function seedCalendarDemo(now = new Date()) {
  const cohort = await db.cohort.findFirst({ where: { name: "Voorjaar 2027" }, select: { id: true, location: true } });
  if (!cohort) return;
  const [trainers, participants] = await Promise.all([
    db.cohortStaff.findMany({ where: { cohortId: cohort.id }, select: { userId: true } }),
    db.enrollment.findMany({
      where: { cohortId: cohort.id, status: "ACTIVE" },
      select: { user: { select: { id: true, email: true } } },
      orderBy: { user: { email: "asc" } },
    }),
  ]);
  const trainerId = trainers[0]?.userId;
  if (!trainerId) return;
  const preparation = firstModuleAndAssignment();
  const place = cohort.location || "Utrecht, buurthuis De Leeuw";
  await db.cohort.update({ where: { id: cohort.id }, data: { attendanceRequiredPercent: 80 } });
  const programme =
    "09.30 Inloop en koffie\n10.00 Casussen uit je wijk, in je gilde\n12.30 Lunch\n13.30 Oefenen met het gesprek\n15.30 Afsluiting";
  const make = (offset: number, topic: string, extra: { online?: boolean; onlineUrl?: string } = {}) =>
    db.contactDay.create({
      data: {
        cohortId: cohort.id,
        ...dayAt(offset, now),
        place: extra.online ? "" : place,
        online: extra.online ?? false,
        onlineUrl: extra.onlineUrl ?? "",
        topic,
        programme,
        preparation,
        breakouts: "Gilde Noord in zaal 1, Gilde Zuid in zaal 2.",
        leaders: { create: trainers.map((t) => ({ userId: t.userId })) },
      },
      select: { id: true },
    });
  const held1 = await make(-21, "Elkaars wijk leren kennen");
  const held2 = await make(-7, "Het eerste gesprek in de buurt", {
    online: true,
    onlineUrl: "https://meet.gilde.test/voorjaar-2027",
  });
  await make(0, "Intervisie: casussen uit je wijk");
  const tomorrow = await make(1, "Leefwereld en systeemwereld in de praktijk");
  await make(15, "De netwerkkaart van je wijk");
  // The planned days of the cohort page get a programme and what to prepare, too.
  await db.contactDay.updateMany({
    where: { cohortId: cohort.id, programme: "" },
    data: { programme, preparation },
  });
  // The planned days of the cohort page are led by the cohort's first trainer.
  const unled = await db.contactDay.findMany({
    where: { cohortId: cohort.id, leaders: { none: {} } },
    select: { id: true },
  });
  await db.contactDayLeader.createMany({ data: unled.map((d) => ({ contactDayId: d.id, userId: trainerId })) });
  const people = participants.map((p) => p.user);
  // Marieke (deelnemer3@) was ill on the second day and made it up; Joost (deelnemer6@) missed both and is short of
  // the 80%; Fatma (deelnemer5@) came late once. Kees (deelnemer4@) was there: the grading journey completes him.
  const is = (person: { email: string }, name: string) => person.email === `${name}@gilde.test`;
  for (const person of people) {
    for (const [d, day] of [held1, held2].entries()) {
      const excused = is(person, "deelnemer3") && d === 1;
      const status = excused
        ? "EXCUSED"
        : is(person, "deelnemer6")
          ? "ABSENT"
          : is(person, "deelnemer5") && d === 0
            ? "LATE"
            : "PRESENT";
      const reason = excused ? "Ziek" : "";
      const at = dayAt(d === 0 ? -21 : -7, now).startsAt;
      await db.attendance.create({
        data: {
          contactDayId: day.id,
          userId: person.id,
          status,
          reason,
          recordedById: trainerId,
          recordedAt: at,
          replacementTask: excused ? "Schrijf een halve pagina over wat je uit de opname van de dag meeneemt." : "",
          replacementDoneAt: excused ? new Date(at.getTime() + 3 * DAY_MS) : null,
          changes: { create: { status, reason, changedById: trainerId, changedAt: at } },
        },
      });
    }
  }
  const answers = [
    { person: people[1], coming: false, reason: "Ik heb die dag een teamoverleg dat ik niet kan verzetten." },
    { person: people[4], coming: false, reason: "Mijn dochter is jarig." },
    { person: people[3], coming: true, reason: "" },
  ];
  for (const a of answers)
    if (a.person)
      await db.contactDayResponse.create({
        data: { contactDayId: tomorrow.id, userId: a.person.id, coming: a.coming, reason: a.reason },
      });
}
