// Issue 22: the day before a contact day, each active participant who did not say "ik kan niet" gets one e-mail with
// the time, the place and the preparation still open to them; running the job again sends nothing more.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendContactDayReminders } from "~/calendar/reminders.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createSubmission, createUser, enroll } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

// Monday 12 April 2027, 17.00 in Amsterdam; the day is Tuesday 13 April, 09.30–16.00 (summer time, UTC+2).
const NOW = new Date("2027-04-12T15:00:00Z");

async function dayTomorrow() {
  const cohort = await createCohort();
  const module = at(getCourse().modules, 0);
  const assignment = at(module.assignments, 0);
  const people: Record<string, { id: string; email: string }> = {};
  for (const name of ["Anna Komt", "Bram Kanniet", "Cas Zwijgt", "Dewi Klaar"]) {
    const user = await createUser({ name });
    await enroll(user.id, cohort.id);
    people[name] = user;
  }
  const stopped = await createUser({ name: "Eef Gestopt" });
  await db.enrollment.create({ data: { userId: stopped.id, cohortId: cohort.id, status: "WITHDRAWN" } });
  const day = await db.contactDay.create({
    data: {
      cohortId: cohort.id,
      startsAt: new Date("2027-04-13T07:30:00Z"),
      endsAt: new Date("2027-04-13T14:00:00Z"),
      place: "Buurthuis De Leeuw, Utrecht",
      topic: "Leefwereld",
      preparation: [module.slug, assignment.slug],
    },
  });
  await db.contactDayResponse.createMany({
    data: [
      { contactDayId: day.id, userId: people["Anna Komt"]!.id, coming: true },
      { contactDayId: day.id, userId: people["Bram Kanniet"]!.id, coming: false, reason: "Teamoverleg" },
    ],
  });
  await createSubmission({
    userId: people["Dewi Klaar"]!.id,
    cohortId: cohort.id,
    assignmentSlug: assignment.slug,
    status: "SUBMITTED",
  });
  return { day, people, stopped, module, assignment };
}

const mailsTo = (email: string) =>
  db.outboxMessage.findMany({ where: { to: email, subject: { contains: "contactdag" } } });

describe("the reminder the day before a contact day", () => {
  it("goes once to each participant who may come, with time, place and the preparation still open", async () => {
    const { people, stopped, module, assignment } = await dayTomorrow();
    await sendContactDayReminders(NOW);
    await sendContactDayReminders(new Date(NOW.getTime() + 3_600_000));

    const anna = await mailsTo(people["Anna Komt"]!.email);
    expect(anna).toHaveLength(1);
    const mail = anna[0]!;
    expect(mail.subject).toBe("Morgen: contactdag ‘Leefwereld’");
    expect(mail.text).toContain("dinsdag 13 april 2027");
    expect(mail.text).toContain("9.30–16.00 uur");
    expect(mail.text).toContain("Waar: Buurthuis De Leeuw, Utrecht");
    expect(mail.text).toContain("Nog te doen ter voorbereiding:");
    expect(mail.text).toContain(`/opdrachten/${assignment.slug}`);
    expect(mail.text).toContain(`/modules/${module.slug}`);

    expect(await mailsTo(people["Cas Zwijgt"]!.email)).toHaveLength(1);
    expect(await mailsTo(people["Bram Kanniet"]!.email)).toHaveLength(0);
    expect(await mailsTo(stopped.email)).toHaveLength(0);

    // Who handed the assignment in is not asked to do it again; the module stays on the list.
    const dewi = await mailsTo(people["Dewi Klaar"]!.email);
    expect(dewi).toHaveLength(1);
    expect(dewi[0]!.text).not.toContain(`/opdrachten/${assignment.slug}`);
    expect(dewi[0]!.text).toContain(`/modules/${module.slug}`);
  });

  it("is not sent two days before, nor on the day itself", async () => {
    const { people } = await dayTomorrow();
    await sendContactDayReminders(new Date("2027-04-11T15:00:00Z"));
    await sendContactDayReminders(new Date("2027-04-13T06:00:00Z"));
    expect(await mailsTo(people["Anna Komt"]!.email)).toHaveLength(0);
  });
});
