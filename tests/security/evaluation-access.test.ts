// Who may see and do what in the evaluation of each other's part and the feedback-quality setting (issue 23):
// only a cohort's own trainers (and admins) reach the evaluation page and its forms; only members of a gilde in
// the cohort reach a moment; trainers do not rate; an unknown moment is a 404.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createCohort, createGilde, createUser, enroll } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { adminIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const DAY = 24 * 60 * 60 * 1000;
const LEVELS = { "levels.bijdrage": "3", "levels.betrouwbaarheid": "3", "levels.ruimte": "3", "levels.wijk": "3" };

async function cohortWithMoment() {
  const cohort = await createCohort();
  const member = await createUser({ name: "Lid Een" });
  const loner = await createUser({ name: "Zonder Gilde" });
  for (const user of [member, loner]) await enroll(user.id, cohort.id);
  await createGilde({ cohortId: cohort.id, members: [member] });
  const moment = await db.evaluationMoment.create({
    data: {
      cohortId: cohort.id,
      name: "Halverwege",
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + DAY),
    },
  });
  return {
    cohortId: cohort.id,
    moment,
    member: await app.client().signInAs(member),
    loner: await app.client().signInAs(loner),
  };
}

describe("evaluation access", () => {
  it("keeps the trainer's evaluation page and its forms to the cohort's own trainers and admins", async () => {
    const { cohortId, member } = await cohortWithMoment();
    const page = `/beoordelen/evaluatie/${cohortId}`;
    const stranger = await trainerOf(app, (await createCohort()).id);
    for (const who of [member, stranger]) {
      expect((await who.get(page)).status).toBe(404);
      expect((await who.post(page, { intent: "quality-counts", counts: "on" })).status).toBe(404);
      expect(
        (await who.post(page, { intent: "moment", name: "Stiekem", opensOn: "2027-01-01", closesOn: "2027-02-01" }))
          .status,
      ).toBe(404);
    }
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohortId } })).feedbackQualityCounts).toBe(false);
    expect(await db.evaluationMoment.count({ where: { cohortId } })).toBe(1);
    expect((await (await trainerOf(app, cohortId)).get(page)).status).toBe(200);
    expect((await (await adminIn(app)).get(page)).status).toBe(200);
    expect((await stranger.get("/beoordelen/evaluatie/bestaat-niet")).status).toBe(404);
  });

  it("lets only members of a gilde in the cohort reach a moment; trainers do not rate", async () => {
    const { cohortId, moment, member, loner } = await cohortWithMoment();
    const url = `/gilde/evaluatie/${moment.id}`;
    expect((await member.get(url)).status).toBe(200);
    const elsewhere = await createUser({ name: "Ander Cohort" });
    const other = await createCohort();
    await enroll(elsewhere.id, other.id);
    await createGilde({ cohortId: other.id, members: [elsewhere] });
    const outsider = await app.client().signInAs(elsewhere);
    for (const who of [loner, outsider]) {
      expect((await who.get(url)).status).toBe(404);
      expect((await who.post(url, { ratee: "zelf", ...LEVELS })).status).toBe(404);
    }
    const trainer = await trainerOf(app, cohortId);
    expect((await trainer.get(url)).status).toBe(403);
    expect((await trainer.post(url, { ratee: "zelf", ...LEVELS })).status).toBe(403);
    expect((await member.get("/gilde/evaluatie/bestaat-niet")).status).toBe(404);
    expect(await db.memberRating.count({ where: { momentId: moment.id } })).toBe(0);
  });

  it("stops a member whose enrollment ended from rating", async () => {
    const { cohortId, moment, member } = await cohortWithMoment();
    const userId = (await db.gildeMember.findFirstOrThrow({ where: { cohortId } })).userId;
    await db.enrollment.update({
      where: { userId_cohortId: { userId, cohortId } },
      data: { status: "WITHDRAWN" },
    });
    expect((await member.post(`/gilde/evaluatie/${moment.id}`, { ratee: "zelf", ...LEVELS })).status).toBe(404);
    expect(await db.memberRating.count({ where: { momentId: moment.id } })).toBe(0);
  });
});
