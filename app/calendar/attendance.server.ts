// Attendance on a contact day: the trainer marks each active participant present, late, absent or excused (with a
// reason), from the day itself on. A later correction keeps the earlier marks with who made them and when. For a
// missed day the trainer can set a vervangende opdracht; once done, the day counts as attended.
import type { SessionUser } from "~/auth/guards.server";
import { audit } from "~/audit/audit.server";
import { db } from "~/db.server";
import { RefusedError } from "~/errors.server";
import { formatDateTime, formatTimeRange, formatWeekdayDate } from "~/format";
import { calendarDaysBetween } from "~/dashboard/todo";
import { ATTENDANCE_LABELS, type AttendanceStatusValue } from "./forms";

/** The contact day, or a 404 that says nothing more. */
export async function contactDayCohort(dayId: string) {
  const day = await db.contactDay.findUnique({ where: { id: dayId }, select: { id: true, cohortId: true } });
  if (!day) throw new Response("Niet gevonden", { status: 404, statusText: "Not Found" });
  return day;
}

/** Whether this person is (or was) a participant of the cohort: they hear why they cannot take attendance. */
export async function isCohortParticipant(userId: string, cohortId: string) {
  return Boolean(await db.enrollment.findFirst({ where: { userId, cohortId }, select: { id: true } }));
}

/** The list a trainer takes attendance from: every active participant with their answer and their mark. */
export async function attendanceSheet(dayId: string, now = new Date()) {
  const day = await db.contactDay.findUniqueOrThrow({
    where: { id: dayId },
    select: {
      id: true,
      cohortId: true,
      startsAt: true,
      endsAt: true,
      topic: true,
      cohort: { select: { name: true } },
      responses: { select: { userId: true, coming: true, reason: true } },
      attendance: {
        select: {
          userId: true,
          status: true,
          reason: true,
          replacementTask: true,
          replacementDoneAt: true,
          changes: {
            orderBy: { changedAt: "asc" },
            select: { status: true, reason: true, changedAt: true, changedBy: { select: { name: true } } },
          },
        },
      },
    },
  });
  const enrollments = await db.enrollment.findMany({
    where: { cohortId: day.cohortId, status: "ACTIVE" },
    select: { user: { select: { id: true, name: true } } },
    orderBy: { user: { name: "asc" } },
  });
  const participants = enrollments.map(({ user }) => {
    const answer = day.responses.find((r) => r.userId === user.id);
    const mark = day.attendance.find((a) => a.userId === user.id);
    return {
      id: user.id,
      name: user.name,
      answer: answer ? (answer.coming ? "Zei: ik kom" : `Zei: ik kan niet — ${answer.reason}`) : null,
      answerReason: answer && !answer.coming ? answer.reason : "",
      status: (mark?.status ?? null) as AttendanceStatusValue | null,
      reason: mark?.reason ?? "",
      replacementTask: mark?.replacementTask ?? "",
      replacementDone: Boolean(mark?.replacementDoneAt),
      history: (mark?.changes ?? []).map(
        (c) =>
          `${ATTENDANCE_LABELS[c.status]}${c.reason ? ` (${c.reason})` : ""} — ${c.changedBy.name}, ${formatDateTime(c.changedAt)}`,
      ),
    };
  });
  return {
    day: {
      id: day.id,
      cohortId: day.cohortId,
      cohortName: day.cohort.name,
      title: day.topic || "Contactdag",
      date: formatWeekdayDate(day.startsAt),
      times: formatTimeRange(day.startsAt, day.endsAt),
      open: calendarDaysBetween(now, day.startsAt) <= 0,
    },
    participants,
    marked: participants.filter((p) => p.status).length,
  };
}

async function activeParticipantOf(cohortId: string, userId: string) {
  const enrollment = await db.enrollment.findFirst({
    where: { cohortId, userId, status: "ACTIVE" },
    select: { user: { select: { id: true, name: true } } },
  });
  if (!enrollment) throw new RefusedError("Deze persoon zit niet in deze groep; er is niets opgeslagen.", 404);
  return enrollment.user;
}

/** Marks (or corrects) one participant's attendance; the earlier mark stays in the history. */
export async function markAttendance(
  trainer: SessionUser,
  dayId: string,
  input: { participant: string; status: AttendanceStatusValue; reason: string },
  now = new Date(),
) {
  const day = await db.contactDay.findUniqueOrThrow({
    where: { id: dayId },
    select: { cohortId: true, startsAt: true, cohort: { select: { name: true } } },
  });
  if (calendarDaysBetween(now, day.startsAt) > 0)
    throw new RefusedError(
      `Aanwezigheid neem je op de dag zelf op (${formatWeekdayDate(day.startsAt)}). Tot dan zie je hier wie zich heeft afgemeld.`,
      409,
    );
  const participant = await activeParticipantOf(day.cohortId, input.participant);
  const reason = input.status === "EXCUSED" || input.status === "ABSENT" ? input.reason : "";
  return db.$transaction(async (tx) => {
    const before = await tx.attendance.findUnique({
      where: { contactDayId_userId: { contactDayId: dayId, userId: participant.id } },
      select: { status: true },
    });
    const data = { status: input.status, reason, recordedById: trainer.id, recordedAt: now };
    await tx.attendance.upsert({
      where: { contactDayId_userId: { contactDayId: dayId, userId: participant.id } },
      create: { contactDayId: dayId, userId: participant.id, ...data },
      update: data,
    });
    await tx.attendanceChange.create({
      data: {
        contactDayId: dayId,
        userId: participant.id,
        status: input.status,
        reason,
        changedById: trainer.id,
        changedAt: now,
      },
    });
    await audit(
      tx,
      {
        action: before ? "attendance.correct" : "attendance.mark",
        actor: trainer,
        subjectId: participant.id,
        summary: `${participant.name}, ${day.cohort.name} ${formatWeekdayDate(day.startsAt)}: ${ATTENDANCE_LABELS[input.status].toLowerCase()}${before ? ` (was ${ATTENDANCE_LABELS[before.status].toLowerCase()})` : ""}.`,
      },
      now,
    );
    return { name: participant.name, corrected: Boolean(before) };
  });
}

/** Sets the vervangende opdracht for a missed day, and whether it is done (then the day counts as attended). */
export async function setReplacement(
  trainer: SessionUser,
  dayId: string,
  input: { participant: string; task: string; done: boolean },
  now = new Date(),
) {
  const day = await db.contactDay.findUniqueOrThrow({ where: { id: dayId }, select: { cohortId: true } });
  const participant = await activeParticipantOf(day.cohortId, input.participant);
  const mark = await db.attendance.findUnique({
    where: { contactDayId_userId: { contactDayId: dayId, userId: participant.id } },
    select: { status: true },
  });
  if (!mark || (mark.status !== "ABSENT" && mark.status !== "EXCUSED"))
    throw new RefusedError(
      "Een vervangende opdracht geef je voor een gemiste dag: zet eerst afwezig of afgemeld.",
      409,
    );
  if (input.done && !input.task)
    throw new RefusedError("Beschrijf eerst de vervangende opdracht.", 400, {
      task: "Beschrijf de vervangende opdracht.",
    });
  await db.$transaction(async (tx) => {
    await tx.attendance.update({
      where: { contactDayId_userId: { contactDayId: dayId, userId: participant.id } },
      data: { replacementTask: input.task, replacementDoneAt: input.done ? now : null },
    });
    await audit(
      tx,
      {
        action: "attendance.replacement",
        actor: trainer,
        subjectId: participant.id,
        summary: `${participant.name}: vervangende opdracht ${input.done ? "gedaan" : input.task ? "gezet" : "weggehaald"}.`,
      },
      now,
    );
  });
  return participant.name;
}

export type AttendanceStanding = { attended: number; held: number; required: number };

/**
 * Per active participant of the cohort: how many of the contact days held so far (attendance taken) they attended (present, late,
 * or made up with a vervangende opdracht), against the cohort's rule. Empty when the cohort has no rule.
 */
export async function attendanceStandings(cohortId: string, now = new Date()) {
  const cohort = await db.cohort.findUnique({
    where: { id: cohortId },
    select: {
      attendanceRequiredPercent: true,
      contactDays: {
        where: { endsAt: { lt: now } },
        select: {
          attendance: { select: { userId: true, status: true, replacementDoneAt: true } },
        },
      },
    },
  });
  const standings = new Map<string, AttendanceStanding>();
  const required = cohort?.attendanceRequiredPercent;
  if (!cohort || !required) return standings;
  const enrollments = await db.enrollment.findMany({
    where: { cohortId, status: { in: ["ACTIVE", "COMPLETED"] } },
    select: { userId: true },
  });
  // A day counts once attendance was taken for it: a trainer who has not filled in the list yet does not make the
  // whole group fall short overnight.
  const held = cohort.contactDays.filter((d) => d.attendance.length > 0);
  for (const { userId } of enrollments) {
    const attended = held.filter((d) =>
      d.attendance.some(
        (a) => a.userId === userId && (a.status === "PRESENT" || a.status === "LATE" || a.replacementDoneAt),
      ),
    ).length;
    standings.set(userId, { attended, held: held.length, required });
  }
  return standings;
}

/** Whether a standing falls short of the rule. */
export const attendanceShort = (s: AttendanceStanding | undefined) =>
  Boolean(s && s.held > 0 && s.attended * 100 < s.required * s.held);

/** The completion gap of a standing that falls short, in Dutch; null when it does not. */
export function attendanceGap(s: AttendanceStanding | undefined): string | null {
  if (!s || !attendanceShort(s)) return null;
  const percent = Math.round((s.attended * 100) / s.held);
  return `Aanwezig op ${s.attended} van ${s.held} contactdagen (${percent}%); nodig is ${s.required}%. Een vervangende opdracht voor een gemiste dag telt mee.`;
}
