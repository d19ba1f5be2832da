// Issue 22: contact days, attendance and the calendar. The agenda lists contact days and deadlines; a participant
// answers before the day; the trainer takes attendance (a correction keeps who and when), a participant cannot;
// attendance counts for completion; the feed, parsed by a real iCalendar parser, has the right times across both
// clock changes, raises SEQUENCE when a day moves, and a wrong or revoked token is a 404.
import ICAL from "ical.js";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { renewFeed } from "~/calendar/feed.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { FORM_ID_FIELD } from "~/forms/protocol";
import { completionOverview } from "~/grading/completion.server";
import { createCohort, createUser, enroll } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const DAY = 24 * 60 * 60 * 1000;

async function feedOf(userId: string) {
  const user = await db.user.findUniqueOrThrow({ where: { id: userId } });
  const url = await renewFeed(user);
  return new URL(url.replace(/^webcal:/, "http:")).pathname;
}

function parse(text: string) {
  const calendar = new ICAL.Component(ICAL.parse(text));
  return calendar.getAllSubcomponents("vevent").map((v) => new ICAL.Event(v));
}

describe("the calendar feed", () => {
  it("gives UTC times that are right in Amsterdam across the March and October clock changes", async () => {
    const { user, cohortId } = await participantIn(app);
    // 09:30 Amsterdam: the Saturday before the last Sunday of March 2027 (winter, UTC+1) and the Monday after
    // (summer, UTC+2); the same around the last Sunday of October 2027.
    const days = [
      ["2027-03-27T08:30:00Z", "Voor de zomertijd"],
      ["2027-03-29T07:30:00Z", "Na de zomertijd"],
      ["2027-10-30T07:30:00Z", "Voor de wintertijd"],
      ["2027-11-01T08:30:00Z", "Na de wintertijd"],
    ] as const;
    for (const [start, topic] of days)
      await db.contactDay.create({
        data: {
          cohortId,
          startsAt: new Date(start),
          endsAt: new Date(Date.parse(start) + 6.5 * 3_600_000),
          place: "Utrecht",
          topic,
        },
      });
    const path = await feedOf(user.id);
    const page = await app.client().get(path);
    expect(page.status).toBe(200);
    expect(page.headers.get("content-type")).toContain("text/calendar");
    expect(page.text).toContain("REFRESH-INTERVAL;VALUE=DURATION:PT6H");
    const events = parse(page.html);
    const amsterdam = new Intl.DateTimeFormat("nl-NL", {
      timeZone: "Europe/Amsterdam",
      hour: "2-digit",
      minute: "2-digit",
    });
    for (const [, topic] of days) {
      const event = events.find((e) => e.summary === `Contactdag: ${topic}`)!;
      expect(event, topic).toBeDefined();
      expect(event.startDate.zone.tzid).toBe("UTC");
      expect(amsterdam.format(event.startDate.toJSDate())).toBe("09:30");
      expect(amsterdam.format(event.endDate.toJSDate())).toBe("16:00");
    }
  });

  it("keeps the UID and raises SEQUENCE when the trainer moves a day", async () => {
    const { user, cohortId } = await participantIn(app);
    const trainer = await trainerOf(app, cohortId);
    const day = await db.contactDay.create({
      data: {
        cohortId,
        startsAt: new Date("2027-04-13T07:30:00Z"),
        endsAt: new Date("2027-04-13T14:00:00Z"),
        place: "Utrecht",
        topic: "Verplaatst",
      },
    });
    const path = await feedOf(user.id);
    const before = parse((await app.client().get(path)).html).find((e) => e.summary === "Contactdag: Verplaatst")!;
    const moved = await trainer.submit(`/agenda/contactdagen/${cohortId}?dag=${day.id}`, {
      [FORM_ID_FIELD]: `contactdag-${day.id}`,
      intent: "save",
      id: day.id,
      day: "2027-04-20",
      startTime: "09:30",
      endTime: "16:00",
      place: "Utrecht",
      topic: "Verplaatst",
    });
    expect(moved.text).toContain("De contactdag is gewijzigd.");
    const after = parse((await app.client().get(path)).html).find((e) => e.summary === "Contactdag: Verplaatst")!;
    expect(after.uid).toBe(before.uid);
    expect(after.sequence).toBe(before.sequence + 1);
    expect(after.startDate.toJSDate().toISOString()).toBe("2027-04-20T07:30:00.000Z");
  });

  it("answers a wrong, a renewed-away or an erased person's token with a 404 that says nothing", async () => {
    const { user } = await participantIn(app);
    const old = await feedOf(user.id);
    const current = await feedOf(user.id);
    expect((await app.client().get(old)).status).toBe(404);
    expect((await app.client().get("/agenda/feed/bestaatniet00000000000000.ics")).status).toBe(404);
    expect((await app.client().get(current)).status).toBe(200);
    await db.user.update({ where: { id: user.id }, data: { erasedAt: new Date() } });
    const gone = await app.client().get(current);
    expect(gone.status).toBe(404);
    expect(gone.text).not.toContain("BEGIN:VCALENDAR");
  });

  it("ends when the participant is no longer active, and a trainer's feed has their cohorts' deadlines", async () => {
    const { user, cohortId } = await participantIn(app);
    const slug = at(at(getCourse().modules, 0).assignments, 0).slug;
    await db.assignmentSchedule.create({
      data: {
        cohortId,
        assignmentSlug: slug,
        dueAt: new Date("2027-05-01T21:59:00Z"),
        peerReviewDueAt: new Date("2027-05-08T21:59:00Z"),
      },
    });
    const trainer = await createUser({ role: "TRAINER" });
    await db.cohortStaff.create({ data: { cohortId, userId: trainer.id } });
    const trainerFeed = parse((await app.client().get(await feedOf(trainer.id))).html);
    expect(trainerFeed.filter((e) => e.summary.startsWith("Deadline")).length).toBe(2);
    const path = await feedOf(user.id);
    await db.enrollment.updateMany({ where: { userId: user.id }, data: { status: "WITHDRAWN" } });
    expect((await app.client().get(path)).status).toBe(404);
  });
});

describe("contact days and answers", () => {
  it("shows the day on the agenda, takes 'ik kan niet' only with a reason, and refuses a day in the past", async () => {
    const { browser, cohortId } = await participantIn(app);
    const trainer = await trainerOf(app, cohortId);
    const day = await db.contactDay.create({
      data: {
        cohortId,
        startsAt: new Date(Date.now() + 5 * DAY),
        endsAt: new Date(Date.now() + 5 * DAY + 3_600_000),
        place: "Buurthuis De Leeuw",
        topic: "Netwerkkaart",
      },
    });
    const agenda = await browser.get("/agenda");
    expect(agenda.text).toContain("Contactdag: Netwerkkaart");
    expect(agenda.text).toContain("Buurthuis De Leeuw");
    const form = { [FORM_ID_FIELD]: `antwoord-${day.id}`, intent: "respond", day: day.id };
    const refused = await browser.post("/agenda", { ...form, coming: "nee", reason: "" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Schrijf kort waarom je niet kunt");
    expect(await db.contactDayResponse.count({ where: { contactDayId: day.id } })).toBe(0);
    await browser.submit("/agenda", { ...form, coming: "nee", reason: "Teamoverleg" });
    expect((await trainer.get(`/agenda/aanwezigheid/${day.id}`)).text).toContain("ik kan niet — Teamoverleg");
    expect((await browser.get("/dashboard")).text).toContain("Contactdag: Netwerkkaart");

    const past = await trainer.post(`/agenda/contactdagen/${cohortId}`, {
      [FORM_ID_FIELD]: "contactdag-nieuw",
      intent: "save",
      day: "2026-01-05",
      startTime: "09:30",
      endTime: "16:00",
      place: "Utrecht",
    });
    expect(past.status).toBe(400);
    expect(past.text).toMatch(/buiten de leergang|in het verleden/);
  });
});

describe("attendance", () => {
  async function heldDay() {
    const cohort = await createCohort();
    const people = [];
    for (const name of ["Anna Aanwezig", "Bram Blijftweg"]) {
      const user = await createUser({ name });
      await enroll(user.id, cohort.id);
      people.push(user);
    }
    const day = await db.contactDay.create({
      data: {
        cohortId: cohort.id,
        startsAt: new Date(Date.now() - 2 * 3_600_000),
        endsAt: new Date(Date.now() - 3_600_000),
        place: "Utrecht",
      },
    });
    return { cohortId: cohort.id, day, anna: people[0]!, bram: people[1]! };
  }
  const mark = (participant: string, status: string, reason = "") => ({
    [FORM_ID_FIELD]: `aanwezig-${participant}`,
    intent: "mark",
    participant,
    status,
    reason,
  });

  it("is taken by the trainer, corrected with who and when kept, and refused for someone outside the cohort", async () => {
    const { cohortId, day, anna } = await heldDay();
    const trainer = await trainerOf(app, cohortId);
    const page = `/agenda/aanwezigheid/${day.id}`;
    expect((await trainer.submit(page, mark(anna.id, "ABSENT"))).text).toContain("Anna Aanwezig: afwezig.");
    const corrected = await trainer.submit(page, mark(anna.id, "LATE"));
    expect(corrected.text).toContain("Gecorrigeerd: Anna Aanwezig is te laat.");
    expect(corrected.text).toContain("Eerder ingevuld (2)");
    const changes = await db.attendanceChange.findMany({ where: { contactDayId: day.id, userId: anna.id } });
    expect(changes.map((c) => c.status).sort()).toEqual(["ABSENT", "LATE"]);
    const stranger = await createUser();
    const refused = await trainer.post(page, mark(stranger.id, "PRESENT"));
    expect(refused.status).toBe(404);
    expect(await db.attendance.count({ where: { userId: stranger.id } })).toBe(0);
  });

  it("cannot be marked by a participant, not even their own", async () => {
    const { day, anna } = await heldDay();
    const browser = await app.client().signInAs(anna);
    const page = `/agenda/aanwezigheid/${day.id}`;
    const own = await browser.post(page, mark(anna.id, "PRESENT"));
    expect(own.status).toBe(403);
    expect(own.text).toContain("Je aanwezigheid vult je trainer in");
    expect(await db.attendance.count({ where: { contactDayId: day.id } })).toBe(0);
  });

  it("counts for completion and 'wie loopt vast?', and a vervangende opdracht counts instead of a missed day", async () => {
    const { cohortId, day, anna, bram } = await heldDay();
    await db.cohort.update({ where: { id: cohortId }, data: { attendanceRequiredPercent: 80 } });
    const trainer = await trainerOf(app, cohortId);
    const page = `/agenda/aanwezigheid/${day.id}`;
    await trainer.submit(page, mark(anna.id, "PRESENT"));
    await trainer.submit(page, mark(bram.id, "EXCUSED", "Ziek"));
    const gapsOf = async (id: string) => (await completionOverview(cohortId)).find((p) => p.id === id)!.gaps;
    expect((await gapsOf(anna.id)).join(" ")).not.toContain("contactdagen");
    expect((await gapsOf(bram.id)).join(" ")).toContain("Aanwezig op 0 van 1 contactdagen (0%); nodig is 80%.");
    expect((await trainer.get(`/beoordelen/overzicht?groep=${cohortId}`)).text).toContain("Mist contactdagen");

    const done = await trainer.submit(page, {
      [FORM_ID_FIELD]: `vervangend-${bram.id}`,
      intent: "replacement",
      participant: bram.id,
      task: "Verslag van de opname",
      done: "on",
    });
    expect(done.text).toContain("De vervangende opdracht van Bram Blijftweg is opgeslagen.");
    expect((await gapsOf(bram.id)).join(" ")).not.toContain("contactdagen");
  });
});
