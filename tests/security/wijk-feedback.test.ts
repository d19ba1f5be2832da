// Who may see and do what with wijk feedback and consents (issue 24): guessed, reused, expired and revoked links;
// another participant's links and feedback; the consent register per cohort; secret links out of the admin's outbox;
// erasure ends the links a participant sent.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { randomToken } from "~/auth/tokens.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { carryOutErasure, requestErasure } from "~/privacy/erasure.server";
import { createCohort, createSubmission, createUser } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { adminIn, participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const slug = () => at(at(getCourse().modules, 0).assignments, 0).slug;
const manage = () => `/opdrachten/${slug()}/wijkfeedback`;
const LINK = /\/wijkfeedback\/[A-Za-z0-9_-]+/;
const ANSWER = { "answers.betekenis": "Fijn voor de straat.", assessment: "on", period: "12" };

function post(browser: Client, path: string, fields: [string, string][]) {
  return browser.request(path, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
    body: new URLSearchParams(fields).toString(),
  });
}

async function invited() {
  const participant = await participantIn(app, { name: "Wendy Wijkwerker" });
  await createSubmission({ userId: participant.user.id, cohortId: participant.cohortId, assignmentSlug: slug() });
  const email = `bewoner-${Math.random().toString(36).slice(2)}@voorbeeld.nl`;
  const sent = await post(participant.browser, manage(), [
    ["intent", "mail"],
    ["name", "Ria"],
    ["email", email],
    ["questions", "betekenis"],
    ["questions", "anders"],
    ["excerpt", "Een stuk uit mijn verslag over de moestuin op het veld."],
  ]);
  expect(sent.status).toBe(302);
  const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email } });
  return { ...participant, email, link: mail.text.match(LINK)![0] };
}

describe("feedback links", () => {
  it("answers a guessed or malformed token with a Dutch 404, the same for each", async () => {
    const resident = app.client();
    for (const token of [randomToken(), "kort", "a".repeat(80), "..%2F..%2Fetc"]) {
      const page = await resident.get(`/wijkfeedback/${token}`);
      expect(page.status).toBe(404);
      expect(page.text).toContain("Deze link bestaat niet.");
      expect((await resident.post(`/wijkfeedback/${token}`, ANSWER)).status).toBe(404);
    }
    expect((await resident.get(`/toestemming/${randomToken()}`)).status).toBe(404);
    expect((await resident.post(`/toestemming/${randomToken()}`, { consentIds: "x" })).status).toBe(404);
  });

  it("stores only a hash of the token, takes one response, and refuses an expired or revoked link", async () => {
    const { link, browser } = await invited();
    const token = link.split("/").pop()!;
    expect(await db.feedbackRequest.count({ where: { tokenHash: token } })).toBe(0);
    expect((await app.client().post(link, ANSWER)).status).toBe(302);
    expect((await app.client().post(link, ANSWER)).status).toBe(410);

    const second = await invited();
    await db.feedbackRequest.updateMany({
      where: { userId: second.user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await app.client().get(second.link)).text).toContain("Deze link is verlopen.");
    expect((await app.client().post(second.link, ANSWER)).status).toBe(410);

    const third = await invited();
    const request = await db.feedbackRequest.findFirstOrThrow({ where: { userId: third.user.id } });
    // Someone else cannot revoke it; its owner can.
    expect((await browser.post(manage(), { intent: "revoke", requestId: request.id })).status).toBe(404);
    expect((await third.browser.post(manage(), { intent: "revoke", requestId: request.id })).status).toBe(302);
    expect((await app.client().post(third.link, ANSWER)).status).toBe(410);
    expect(await db.residentFeedback.count({ where: { request: { userId: { in: [third.user.id] } } } })).toBe(0);
  });

  it("never lets another participant thank, share or read someone's feedback", async () => {
    const { link, email, user } = await invited();
    await app.client().post(link, { ...ANSWER, community: "on" });
    const feedback = await db.residentFeedback.findFirstOrThrow({ where: { request: { userId: user.id } } });
    const other = await participantIn(app, { name: "Otto Ander" });
    expect(
      (await other.browser.post(manage(), { intent: "thank", feedbackId: feedback.id, message: "Hoi" })).status,
    ).toBe(404);
    expect(
      (await other.browser.post(manage(), { intent: "share", feedbackId: feedback.id, share: "yes" })).status,
    ).toBe(404);
    expect((await other.browser.get(manage())).text).not.toContain("Fijn voor de straat.");
    expect(await db.outboxMessage.count({ where: { to: email, text: { contains: "Hoi" } } })).toBe(0);
  });

  it("keeps feedback and consent links out of the admin's outbox", async () => {
    const { link } = await invited();
    await app.client().post(link, ANSWER);
    const outbox = (await (await adminIn(app)).get("/beheer/outbox")).text;
    expect(outbox).not.toMatch(LINK);
    expect(outbox).not.toMatch(/\/toestemming\/[A-Za-z0-9_-]{20,}/);
  });

  it("ends the links a participant sent when they are erased", async () => {
    const { link, user } = await invited();
    const admin = await createUser({ role: "ADMIN" });
    await requestErasure({ ...user, role: "PARTICIPANT" }, "Graag alles weg.");
    const request = await db.privacyRequest.findFirstOrThrow({ where: { userId: user.id, kind: "ERASURE" } });
    await carryOutErasure({ ...admin, role: "ADMIN" }, request.id);
    expect((await app.client().get(link)).status).toBe(404);
    expect(await db.feedbackRequest.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("the consent register", () => {
  it("is for the cohort's trainers and the admins only", async () => {
    const { cohortId, browser, link } = await invited();
    await app.client().post(link, { ...ANSWER, authorName: "Ria" });
    const own = await (await trainerOf(app, cohortId)).get(`/beoordelen/toestemmingen/${cohortId}`);
    expect(own.status).toBe(200);
    expect(own.text).toContain("Ria");
    expect(own.text).toContain("Wendy Wijkwerker");
    expect(own.text).not.toContain("Fijn voor de straat."); // the register, not what was said
    const stranger = await trainerOf(app, (await createCohort()).id);
    expect((await stranger.get(`/beoordelen/toestemmingen/${cohortId}`)).status).toBe(404);
    expect((await browser.get(`/beoordelen/toestemmingen/${cohortId}`)).status).toBe(404);
    expect((await browser.get("/beheer/toestemmingen")).status).toBe(403);
    const admin = await adminIn(app);
    expect((await admin.get(`/beheer/toestemmingen?groep=${cohortId}`)).text).toContain("Ria");
  });
});
