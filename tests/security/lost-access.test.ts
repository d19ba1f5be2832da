// A participant who withdrew or was refunded keeps a live session, but must lose the course on the very next
// request: no module text, no writing or handing in, no gilde, gilde room or gildegenoot's work to review. Both
// through the real actions (withdrawing on /aanmelden, the admin's refund, which in demo mode sends a signed
// charge.refunded through the same webhook handler as Stripe would).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createGilde, createPeerReview, createUser, enroll, joinGilde } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { adminIn } from "../support/people";
import { first } from "../support/indexed";

let app: TestApp;
let admin: Client;
beforeAll(async () => {
  delete process.env.STRIPE_SECRET_KEY;
  process.env.PAYMENTS = "demo"; // payments and refunds are signed events through the real handler
  delete process.env.STRIPE_WEBHOOK_SECRET;
  app = await startTestApp();
  admin = await adminIn(app);
});
afterAll(() => app.close());

const module = () => first(getCourse().modules);
const assignment = () => first(module().assignments);
const LOCKED_MODULE = "De tekst van deze module gaat open zodra je bent ingeschreven voor een groep.";
const MATES_WORK = "WERK-VAN-DE-GILDEGENOOT";
const PDF = new TextEncoder().encode("%PDF-1.7\n%%EOF\n");

/** A cohort running now, with a gilde; a classmate in it who handed in. */
async function runningGilde() {
  const cohort = await createCohort();
  await db.cohort.update({
    where: { id: cohort.id },
    data: { startsOn: new Date(Date.now() - 86_400_000), endsOn: new Date(Date.now() + 90 * 86_400_000) },
  });
  const gilde = await createGilde({ cohortId: cohort.id, name: "De Blijvers" });
  const mate = await createUser({ name: "Maaike Blijft" });
  await enroll(mate.id, cohort.id);
  await joinGilde(gilde, mate.id);
  const mateBrowser = await app.client().signInAs(mate);
  expect(
    (
      await mateBrowser.submit(`/opdrachten/${assignment().slug}`, {
        intent: "hand-in",
        body: MATES_WORK,
        revision: "0",
      })
    ).text,
  ).toContain("Ingeleverd");
  const submission = await db.submission.findFirstOrThrow({ where: { userId: mate.id } });
  return { cohortId: cohort.id, gilde, gildeId: gilde.id, submission };
}

/** Places the user in the gilde and gives them the classmate's work to review. */
async function joinAsReviewer(userId: string, world: Awaited<ReturnType<typeof runningGilde>>) {
  await joinGilde(world.gilde, userId);
  const review = await createPeerReview({ submission: world.submission, reviewerId: userId });
  return review.id;
}

/** What an enrolled participant has; checked before, to show the test starts from real access. */
async function expectAccess(browser: Client, gildeId: string, reviewId: string) {
  expect((await browser.get(`/modules/${module().slug}`)).text).not.toContain(LOCKED_MODULE);
  expect((await browser.get(`/opdrachten/${assignment().slug}`)).text).toContain("Mijn uitwerking");
  expect((await browser.get("/gilde")).text).toContain("Gilde De Blijvers");
  expect((await browser.get(`/gildes/${gildeId}`)).status).toBe(200);
  expect((await browser.get(`/gilde/feedback/${reviewId}`)).text).toContain(MATES_WORK);
}

/** Everything the same session may no longer reach or do. */
async function expectNoAccess(browser: Client, userId: string, gildeId: string, reviewId: string) {
  const slug = assignment().slug;
  expect((await browser.get(`/modules/${module().slug}`)).text).toContain(LOCKED_MODULE);
  const work = await browser.get(`/opdrachten/${slug}`);
  expect(work.text).not.toContain("Mijn uitwerking");
  expect(work.text).toContain(`Deze opdracht gaat open met de module ${module().frontmatter.title}.`);

  expect(
    (await browser.submit(`/opdrachten/${slug}`, { intent: "save-draft", body: "Na het afmelden", revision: "0" }))
      .status,
  ).toBe(404);
  expect(
    (await browser.submit(`/opdrachten/${slug}`, { intent: "hand-in", body: "Na het afmelden", revision: "0" })).status,
  ).toBe(404);
  expect((await browser.upload(`/opdrachten/${slug}`, [{ name: "na-afmelden.pdf", bytes: PDF }])).status).toBe(404);
  expect(await db.submission.count({ where: { userId } })).toBe(0);
  expect(await db.attachment.count({ where: { userId } })).toBe(0);

  const gilde = await browser.get("/gilde");
  expect(gilde.text).not.toContain("Gilde De Blijvers");
  expect(gilde.text).not.toContain("Maaike Blijft");
  expect((await browser.get(`/gildes/${gildeId}`)).status).toBe(404);
  expect(
    (await browser.post(`/gildes/${gildeId}`, { intent: "thread", title: "Nog even dit", body: "x", tags: "" })).status,
  ).toBe(404);

  const review = await browser.get(`/gilde/feedback/${reviewId}`);
  expect(review.status).toBe(404);
  expect(review.html).not.toContain(MATES_WORK);
  expect((await browser.get(`/gilde/feedback/${reviewId}/bijlage/1`)).status).toBe(404);
  expect(
    (
      await browser.post(`/gilde/feedback/${reviewId}`, {
        "answers.0": "Toch nog",
        tip: "x",
        revision: "0",
        intent: "save",
      })
    ).status,
  ).toBe(404);
  expect((await db.peerReview.findUniqueOrThrow({ where: { id: reviewId } })).revision).toBe(0);

  expect((await browser.get("/community")).status).toBe(403);
}

describe("losing access on the next request", () => {
  it("after withdrawing on /aanmelden: the live session reaches no module, assignment, gilde or review", async () => {
    const world = await runningGilde();
    const leaver = await createUser({ name: "Lotte Vertrekt" });
    await enroll(leaver.id, world.cohortId);
    const reviewId = await joinAsReviewer(leaver.id, world);
    const browser = await app.client().signInAs(leaver);
    await expectAccess(browser, world.gildeId, reviewId);

    expect((await browser.submit(`/aanmelden/${world.cohortId}`, { intent: "withdraw" })).text).toContain(
      "Je bent afgemeld",
    );
    expect((await db.enrollment.findFirstOrThrow({ where: { userId: leaver.id } })).status).toBe("WITHDRAWN");
    await expectNoAccess(browser, leaver.id, world.gildeId, reviewId);
  });

  it("after the admin refunds the payment (a signed charge.refunded through the webhook handler)", async () => {
    const world = await runningGilde();
    // Paying happens before the start: apply, be accepted and pay, then the cohort runs.
    await db.cohort.update({
      where: { id: world.cohortId },
      data: { startsOn: new Date(Date.now() + 30 * 86_400_000) },
    });
    const payer = await createUser({ name: "Pieter Betaalt" });
    const browser = await app.client().signInAs(payer);
    const intake = {
      intent: "apply",
      currentWork: "Buurtwerker",
      organisation: "Wijkteam",
      experienceYears: "3",
      experience: "Drie jaar.",
      wijk: "Noord",
      motivation: "Leren.",
      payer: "SELF",
    };
    expect((await browser.submit(`/aanmelden/${world.cohortId}`, intake)).text).toContain("je aanmelding is binnen");
    const enrollment = await db.enrollment.findFirstOrThrow({ where: { userId: payer.id } });
    expect(
      (
        await admin.submit(`/beoordelen/aanmeldingen/${world.cohortId}`, {
          intent: "accept",
          enrollmentId: enrollment.id,
          message: "",
        })
      ).text,
    ).toContain("Toegelaten");
    const checkout = await browser.post(`/aanmelden/${world.cohortId}`, { intent: "pay" });
    expect(checkout.location).toMatch(/^\/betalen\/demo\//);
    expect((await browser.post(checkout.location!, { intent: "pay" })).location).toBe(
      `/aanmelden/${world.cohortId}/betaald`,
    );
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("ACTIVE");
    await db.cohort.update({ where: { id: world.cohortId }, data: { startsOn: new Date(Date.now() - 86_400_000) } });
    const reviewId = await joinAsReviewer(payer.id, world);
    await expectAccess(browser, world.gildeId, reviewId);

    const payment = await db.payment.findFirstOrThrow({ where: { enrollmentId: enrollment.id, status: "PAID" } });
    await db.cohort.update({ where: { id: world.cohortId }, data: { refundAfterStartPercent: 100 } });
    expect(
      (await admin.submit(`/beoordelen/aanmeldingen/${world.cohortId}`, { intent: "refund", paymentId: payment.id }))
        .text,
    ).toContain("Terugbetaling aangevraagd");
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: enrollment.id } })).status).toBe("WITHDRAWN");
    expect((await db.payment.findUniqueOrThrow({ where: { id: payment.id } })).status).toBe("REFUNDED");
    await expectNoAccess(browser, payer.id, world.gildeId, reviewId);
  });
});
