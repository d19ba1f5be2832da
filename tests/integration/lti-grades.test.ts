// Assignment and Grade Services (issue 25): a participant launched from an LMS course gets, on release of an
// assessment, a score in that course's gradebook: a line item per assignment, the score posted to
// `<line item>/scores` with the query string kept, through a token Gilde gets with its signed client assertion.
// A refused or failing post waits in the retry table, the admin sees why in Dutch, and it arrives later.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { deliverScorePosts } from "~/lti/score-delivery.server";
import { queueCompletionScore } from "~/lti/scores.server";
import { forgetServiceTokens } from "~/lti/service-token.server";
import { createCohort, uniqueEmail } from "../support/factories";
import { FakeLtiPlatform } from "../support/fake-lti-platform";
import { startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { launchFrom, registerFakePlatform } from "../support/lti-launch";
import { adminIn, trainerOf } from "../support/people";

let app: TestApp;
let lms: FakeLtiPlatform;
let cohortId: string;

const assignment = () => at(at(getCourse().modules, 0).assignments, 0);
const rubric = () => assignment().frontmatter.rubric;

beforeAll(async () => {
  app = await startTestApp();
  lms = await new FakeLtiPlatform().start();
  cohortId = (await createCohort("AGS-groep")).id;
  await registerFakePlatform(app, lms, cohortId);
});
afterAll(async () => {
  await lms.stop();
  await app.close();
});
beforeEach(() => {
  lms.failScores = 0;
  lms.refuseTokens = false;
  forgetServiceTokens();
});

/** A learner launched from the course who handed in; the trainer released a passing assessment. */
async function releasedWork(sub: string) {
  lms.person = { sub, email: uniqueEmail("lms"), name: `Lerende ${sub}` };
  const student = app.client();
  expect((await launchFrom(app, lms, student)).status).toBe(303);
  await student.submit(`/opdrachten/${assignment().slug}`, { intent: "hand-in", body: "Mijn werk", revision: "0" });
  const submission = await db.submission.findFirstOrThrow({ where: { user: { email: lms.person.email! } } });
  const trainer = await trainerOf(app, cohortId);
  const form: Record<string, string> = { decision: "voldaan", overall: "Goed.", revision: "0", intent: "release" };
  for (const c of rubric()) {
    form[`levels.${c.id}`] = String(c.passLevel);
    form[`feedback.${c.id}`] = `Feedback bij ${c.title}`;
  }
  const released = await trainer.submit(`/beoordelen/${submission.id}`, form);
  expect(released.status, released.text).toBeLessThan(400);
  return submission;
}

const dueNow = () => db.ltiScorePost.updateMany({ where: { sentAt: null }, data: { nextAttemptAt: new Date(0) } });

describe("scores to the LMS gradebook", () => {
  it("makes a line item for the assignment and posts the score to its /scores, query string kept", async () => {
    await releasedWork("ags-1");
    expect(await deliverScorePosts()).toEqual({ sent: 1, failed: 0 });
    const item = lms.lineItems.find((i) => i.resourceId === assignment().slug)!;
    expect(item).toMatchObject({ label: assignment().frontmatter.title, tag: "gilde" });
    const max = rubric().reduce((sum, c) => sum + Math.max(...c.levels.map((l) => l.score)), 0);
    expect(item.scoreMaximum).toBe(max);
    const score = lms.scores.at(-1)!;
    expect(score.url).toBe(`${item.id.split("?")[0]}/scores?type_id=7`);
    expect(score.body).toMatchObject({
      userId: "ags-1",
      scoreGiven: rubric().reduce((sum, c) => sum + c.passLevel, 0),
      scoreMaximum: max,
      comment: "voldaan",
      activityProgress: "Completed",
      gradingProgress: "FullyGraded",
    });
    expect(lms.tokenRequests.at(-1)!.scope).toContain("https://purl.imsglobal.org/spec/lti-ags/scope/score");

    // The second learner's score goes into the same column, with the token kept.
    const tokensBefore = lms.tokenRequests.length;
    await releasedWork("ags-2");
    await deliverScorePosts();
    expect(lms.lineItems.filter((i) => i.resourceId === assignment().slug)).toHaveLength(1);
    expect(lms.scores.at(-1)!.body.userId).toBe("ags-2");
    expect(lms.tokenRequests.length).toBe(tokensBefore);
  });

  it("keeps a failing post, shows the admin why in Dutch, and delivers it on a later try", async () => {
    await releasedWork("ags-3");
    lms.failScores = 1;
    expect(await deliverScorePosts()).toEqual({ sent: 0, failed: 1 });
    const waiting = await db.ltiScorePost.findFirstOrThrow({ where: { sentAt: null } });
    expect(waiting.attempts).toBe(1);
    expect(waiting.lastError).toContain("HTTP 500");
    expect(waiting.nextAttemptAt.getTime()).toBeGreaterThan(Date.now());
    expect(await deliverScorePosts()).toEqual({ sent: 0, failed: 0 });

    const admin = await adminIn(app);
    const page = await admin.get("/beheer/lti");
    expect(page.text).toContain("Cijfers die nog niet zijn aangekomen");
    expect(page.text).toContain("Lerende ags-3");
    expect(page.text).toContain("weigerde het cijfer");

    await dueNow();
    expect(await deliverScorePosts()).toEqual({ sent: 1, failed: 0 });
    expect(lms.scores.at(-1)!.body.userId).toBe("ags-3");
    expect((await admin.get("/beheer/lti")).text).not.toContain("Lerende ags-3");
  });

  it("keeps the post when the LMS refuses Gilde's token, with a Dutch reason", async () => {
    await releasedWork("ags-4");
    lms.refuseTokens = true;
    expect(await deliverScorePosts()).toEqual({ sent: 0, failed: 1 });
    const waiting = await db.ltiScorePost.findFirstOrThrow({ where: { sentAt: null } });
    expect(waiting.lastError).toContain("token geweigerd");
    lms.refuseTokens = false;
    await dueNow();
    expect(await deliverScorePosts()).toEqual({ sent: 1, failed: 0 });
  });

  it("posts once more when the course is completed, in a column of its own", async () => {
    lms.person = { sub: "ags-5", email: uniqueEmail("lms"), name: "Afronder" };
    expect((await launchFrom(app, lms, app.client())).status).toBe(303);
    const user = await db.user.findUniqueOrThrow({ where: { email: lms.person.email! } });
    expect(await queueCompletionScore(user.id, cohortId)).toBe(1);
    await deliverScorePosts();
    const item = lms.lineItems.find((i) => i.resourceId === "leergang")!;
    expect(item.label).toBe("Leergang afgerond");
    expect(lms.scores.at(-1)!.body).toMatchObject({ userId: "ags-5", scoreGiven: 1, comment: "leergang afgerond" });
  });
});
