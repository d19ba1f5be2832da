// Who may open the contact-day pages and the calendar feed (issue 22). A participant cannot take attendance or plan
// days; a trainer of another cohort does not even learn that the day exists; a guessed, revoked or ended feed is a
// 404 that says nothing about why.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { SessionUser } from "~/auth/guards.server";
import { renewFeed, revokeFeed } from "~/calendar/feed.server";
import { db } from "~/db.server";
import { carryOutErasure, requestErasure } from "~/privacy/erasure.server";
import { createCohort, createUser } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

/** A cohort with a participant and a contact day that was held an hour ago. */
async function cohortWithDay() {
  const { user, browser, cohortId } = await participantIn(app, { name: "Petra Deelnemer" });
  const day = await db.contactDay.create({
    data: {
      cohortId,
      startsAt: new Date(Date.now() - 3 * 3_600_000),
      endsAt: new Date(Date.now() - 3_600_000),
      place: "Utrecht",
      topic: "Geheim onderwerp",
    },
  });
  return { user, browser, cohortId, day };
}

/** The path of a fresh feed address for this person. */
async function feedPath(user: SessionUser) {
  return new URL((await renewFeed(user)).replace(/^webcal:/, "http:")).pathname;
}

const sessionUser = (u: { id: string; name: string; email: string; role: SessionUser["role"] }): SessionUser => ({
  id: u.id,
  name: u.name,
  email: u.email,
  role: u.role,
});

describe("contact-day pages", () => {
  it("refuse a participant the attendance list and the planning page, and save nothing", async () => {
    const { user, browser, cohortId, day } = await cohortWithDay();
    const sheet = await browser.get(`/agenda/aanwezigheid/${day.id}`);
    expect(sheet.status).toBe(403);
    expect(sheet.text).toContain("Je aanwezigheid vult je trainer in");
    expect(sheet.text).not.toContain("Geheim onderwerp");
    expect(sheet.text).not.toContain("opgenomen");

    const planning = await browser.get(`/agenda/contactdagen/${cohortId}`);
    expect(planning.status).toBe(404);
    expect(planning.text).not.toContain("Geheim onderwerp");
    const added = await browser.post(`/agenda/contactdagen/${cohortId}`, {
      intent: "save",
      day: "2027-05-11",
      startTime: "09:30",
      endTime: "16:00",
      place: "Amersfoort",
    });
    expect(added.status).toBe(404);
    expect(await db.contactDay.count({ where: { cohortId } })).toBe(1);

    const admin = await browser.get(`/beheer/groepen/${cohortId}/contactdagen`);
    expect([403, 404]).toContain(admin.status);
    expect(await db.attendance.count({ where: { userId: user.id } })).toBe(0);
  });

  it("are a 404 for a trainer of another cohort, for reading and for marking", async () => {
    const { user, cohortId, day } = await cohortWithDay();
    const other = await trainerOf(app, (await createCohort()).id);
    const sheet = await other.get(`/agenda/aanwezigheid/${day.id}`);
    expect(sheet.status).toBe(404);
    expect(sheet.text).not.toContain("Petra Deelnemer");
    expect(sheet.text).not.toContain("Geheim onderwerp");
    const marked = await other.post(`/agenda/aanwezigheid/${day.id}`, {
      intent: "mark",
      participant: user.id,
      status: "PRESENT",
    });
    expect(marked.status).toBe(404);
    expect(await db.attendance.count({ where: { contactDayId: day.id } })).toBe(0);
    expect((await other.get(`/agenda/contactdagen/${cohortId}`)).status).toBe(404);

    // Their own cohort's trainer does get in.
    const own = await trainerOf(app, cohortId);
    expect((await own.get(`/agenda/aanwezigheid/${day.id}`)).text).toContain("Petra Deelnemer");
  });

  it("are the same 404 for a day that does not exist", async () => {
    const trainer = await trainerOf(app, (await createCohort()).id);
    const page = await trainer.get("/agenda/aanwezigheid/bestaat-niet");
    expect(page.status).toBe(404);
    expect(page.text).toContain("Niet gevonden");
  });
});

describe("the calendar feed", () => {
  const anonymous = () => app.client();

  it("works with the right token", async () => {
    const { user } = await cohortWithDay();
    const page = await anonymous().get(await feedPath(sessionUser(user)));
    expect(page.status).toBe(200);
    expect(page.html).toContain("Geheim onderwerp");
  });

  it("answers a guessed token, a malformed one and a near miss with the same bare 404", async () => {
    const { user } = await cohortWithDay();
    const real = await feedPath(sessionUser(user));
    const nearMiss = real.replace(/(.)\.ics$/, (_, c: string) => `${c === "A" ? "B" : "A"}.ics`);
    const answers = await Promise.all(
      ["/agenda/feed/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa.ics", "/agenda/feed/kort.ics", nearMiss].map((p) =>
        anonymous().get(p),
      ),
    );
    for (const page of answers) {
      expect(page.status).toBe(404);
      expect(page.headers.get("content-type") ?? "").not.toContain("text/calendar");
      expect(page.html).not.toContain("Geheim onderwerp");
      expect(page.html).not.toContain("BEGIN:VCALENDAR");
    }
    // Nothing tells a wrong token from a malformed one.
    expect(answers[0]!.text).toBe(answers[1]!.text);
    expect(answers[0]!.text).toBe(answers[2]!.text);
  });

  it("is a 404 once revoked, and the old address stays dead after renewing", async () => {
    const { user } = await cohortWithDay();
    const me = sessionUser(user);
    const first = await feedPath(me);
    await revokeFeed(me);
    expect((await anonymous().get(first)).status).toBe(404);
    const second = await feedPath(me);
    const third = await feedPath(me);
    expect((await anonymous().get(second)).status).toBe(404);
    expect((await anonymous().get(third)).status).toBe(200);
  });

  it("ends when the participant withdraws", async () => {
    const { user, cohortId } = await cohortWithDay();
    const path = await feedPath(sessionUser(user));
    await db.enrollment.update({
      where: { userId_cohortId: { userId: user.id, cohortId } },
      data: { status: "WITHDRAWN" },
    });
    const page = await anonymous().get(path);
    expect(page.status).toBe(404);
    expect(page.html).not.toContain("Geheim onderwerp");
  });

  it("ends when the account is erased", async () => {
    const { user } = await cohortWithDay();
    const me = sessionUser(user);
    const path = await feedPath(me);
    await requestErasure(me, "Ik stop.");
    const request = await db.privacyRequest.findFirstOrThrow({ where: { userId: user.id, kind: "ERASURE" } });
    const admin = await createUser({ role: "ADMIN" });
    await carryOutErasure(sessionUser(admin), request.id);
    const page = await anonymous().get(path);
    expect(page.status).toBe(404);
    expect(page.html).not.toContain("Geheim onderwerp");
  });
});
