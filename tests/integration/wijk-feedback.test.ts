// Feedback from the wijk (issue 24): a participant invites a resident by e-mail or makes a meeting link; the
// resident answers without an account (a plain form post, and as the browser's JavaScript sends it) and gives
// consent; the feedback shows for the participant and the trainer; thanking, sharing, rate limits; withdrawal and
// expiry hide it everywhere and tell the participant.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { endExpiredConsents } from "~/consent/consents.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createSubmission } from "../support/factories";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { mailedLink, participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const slug = () => at(at(getCourse().modules, 0).assignments, 0).slug;
const manage = () => `/opdrachten/${slug()}/wijkfeedback`;
const INVITE_SUBJECT = "Wendy vraagt jouw mening";
const FEEDBACK_LINK = /\/wijkfeedback\/[A-Za-z0-9_-]+/;
const EXCERPT = "We openden samen met bewoners de moestuin op het veld achter de flat. **Elke woensdag** is er koffie.";

async function participantWithWork() {
  const { user, browser, cohortId } = await participantIn(app, { name: "Wendy Wijkwerker" });
  const submission = await createSubmission({
    userId: user.id,
    cohortId,
    assignmentSlug: slug(),
    body: "Mijn verslag over de moestuin, met de naam van mevrouw Jansen erin.",
  });
  return { user, browser, cohortId, submission };
}

function invite(browser: Client, email: string, extra: Record<string, string> = {}) {
  const body = new URLSearchParams({ intent: "mail", name: "Ria", email, excerpt: EXCERPT, ...extra });
  if (!("questions" in extra)) {
    body.append("questions", "betekenis");
    body.append("questions", "anders");
  }
  return browser.request(manage(), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
    body: body.toString(),
  });
}

function meeting(browser: Client, maxResponses: string) {
  const body = new URLSearchParams({ intent: "meeting", excerpt: EXCERPT, maxResponses });
  body.append("questions", "betekenis");
  body.append("questions", "samen");
  return browser.request(manage(), {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
    body: body.toString(),
  });
}

const ANSWER = {
  "answers.betekenis": "De moestuin bracht de buren bij elkaar.",
  "answers.anders": "Meer bankjes graag.",
  authorName: "Ria",
  assessment: "on",
  period: "12",
};

async function invitedResident() {
  const work = await participantWithWork();
  const email = `ria-${Math.random().toString(36).slice(2)}@voorbeeld.nl`;
  expect((await invite(work.browser, email)).status).toBe(302);
  const link = await mailedLink(email, INVITE_SUBJECT, FEEDBACK_LINK);
  return { ...work, email, link, resident: app.client() };
}

describe("asking the wijk by e-mail", () => {
  it("mails a link; the resident sees only the first name and the excerpt, answers, and lands on the withdrawal page", async () => {
    const { browser, email, link, resident, submission, cohortId } = await invitedResident();
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email, subject: INVITE_SUBJECT } });
    expect(mail.text).toContain("Hallo Ria,");
    expect(mail.text).not.toContain("Wijkwerker");

    const own = await browser.get(manage());
    expect(own.text).toContain(`Ria (${email})`);
    expect(own.text).toContain("0 van 1 reactie");

    const form = await resident.get(link);
    expect(form.status).toBe(200);
    expect(form.headers.get("Referrer-Policy")).toBe("same-origin");
    expect(form.text).toContain("Wendy vraagt jouw mening");
    expect(form.text).not.toContain("Wijkwerker");
    expect(form.text).not.toContain("mevrouw Jansen"); // only what was chosen to show
    expect(form.html).toContain("<strong>Elke woensdag</strong>");
    expect(form.text).toContain("Wat heeft dit voor jou of de buurt betekend?");
    expect(form.text).not.toContain("Wat kunnen we de volgende keer samen doen?");

    const sent = await resident.post(link, ANSWER);
    expect(sent.status).toBe(302);
    expect(sent.location).toMatch(/^\/toestemming\/[A-Za-z0-9_-]+$/);
    const consentPage = await resident.follow(sent);
    expect(consentPage.text).toContain("Bedankt! Je antwoorden zijn verstuurd.");
    expect(consentPage.text).toContain("Toestemming intrekken");
    // The withdrawal link is mailed to the invited address too.
    expect(await db.outboxMessage.count({ where: { to: email, text: { contains: "/toestemming/" } } })).toBe(1);

    const assignment = await browser.get(`/opdrachten/${slug()}`);
    expect(assignment.text).toContain("Feedback uit de wijk (1)");
    expect(assignment.text).toContain("De moestuin bracht de buren bij elkaar.");

    const desk = await (await trainerOf(app, cohortId)).get(`/beoordelen/${submission.id}`);
    expect(desk.text).toContain("Feedback uit de wijk (1)");
    expect(desk.text).toContain("Meer bankjes graag.");
    expect(desk.text).not.toContain(email);

    const again = await resident.post(link, ANSWER);
    expect(again.status).toBe(410);
    expect(again.text).toContain("Met deze link is al gereageerd.");
    expect(await db.residentFeedback.count({ where: { request: { userId: submission.userId } } })).toBe(1);
  });

  it("works as the browser's JavaScript sends it, and answers in Dutch", async () => {
    const { link, resident } = await invitedResident();
    const routeId = encodeURIComponent("routes/wijkfeedback.$token");
    const sent = await resident.request(`${link}?_data=${routeId}`, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", Origin: app.baseUrl },
      body: new URLSearchParams(ANSWER).toString(),
    });
    expect(sent.status).toBe(204);
    expect(sent.headers.get("X-Remix-Redirect")).toMatch(/^\/toestemming\//);
  });

  it("keeps what was typed and explains why it needs consent for the assessment", async () => {
    const { link, resident, user } = await invitedResident();
    const refused = await resident.post(link, { ...ANSWER, assessment: "" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Zonder deze toestemming kunnen we je antwoorden niet bewaren.");
    expect(refused.text).toContain("Meer bankjes graag.");
    expect(inputValue(refused.html, "authorName")).toBe("Ria");
    expect(await db.residentFeedback.count({ where: { request: { userId: user.id } } })).toBe(0);

    const empty = await resident.post(link, { assessment: "on", period: "12" });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Beantwoord minstens één vraag.");
  });

  it("asks two or three questions from the set and an excerpt, with the message beside the field", async () => {
    const { browser } = await participantWithWork();
    const one = await invite(browser, "een@voorbeeld.nl", { questions: "betekenis", excerpt: "kort" });
    expect(one.status).toBe(400);
    expect(one.text).toContain("Kies twee of drie vragen.");
    expect(one.text).toContain("Laat minstens een paar zinnen zien");
    expect(await db.outboxMessage.count({ where: { to: "een@voorbeeld.nl" } })).toBe(0);
  });

  it("lets the participant thank the resident by mail without seeing more, and share with the gilde only with consent", async () => {
    const { browser, link, resident, email } = await invitedResident();
    await resident.post(link, ANSWER);
    const feedback = await db.residentFeedback.findFirstOrThrow({ where: { request: { email } } });
    const thanked = await browser.submit(manage(), {
      intent: "thank",
      feedbackId: feedback.id,
      message: "Dank je wel!",
    });
    expect(thanked.text).toContain("Je bedankje is verstuurd.");
    const mail = await db.outboxMessage.findFirstOrThrow({ where: { to: email, subject: "Wendy bedankt je" } });
    expect(mail.text).toContain("Dank je wel!");

    const share = await browser.submit(manage(), { intent: "share", feedbackId: feedback.id, share: "yes" });
    expect(share.status).toBe(409);
    expect(share.text).toContain("gaf geen toestemming om het met je gilde te delen");
  });
});

describe("a link for a meeting", () => {
  it("shows a QR code, takes its own number of responses and then closes itself", async () => {
    const { browser, user } = await participantWithWork();
    expect((await meeting(browser, "2")).status).toBe(302);
    const own = await browser.get(manage());
    expect(own.html).toContain('src="data:image/svg+xml;base64,');
    const link = own.html.match(FEEDBACK_LINK)?.[0];
    expect(link).toBeTruthy();
    for (const name of ["Ahmed", "Joke"]) {
      const sent = await app.client().post(link!, { ...ANSWER, authorName: name, "answers.samen": "Een buurtfeest." });
      expect(sent.status).toBe(302);
    }
    const third = await app.client().post(link!, ANSWER);
    expect(third.status).toBe(410);
    expect((await app.client().get(link!)).text).toContain("Deze link is gesloten");
    expect(await db.residentFeedback.count({ where: { request: { userId: user.id } } })).toBe(2);
  });

  it("stops working when revoked", async () => {
    const { browser } = await participantWithWork();
    await meeting(browser, "10");
    const own = await browser.get(manage());
    const link = own.html.match(FEEDBACK_LINK)![0];
    const request = await db.feedbackRequest.findFirstOrThrow({
      where: { email: null },
      orderBy: { createdAt: "desc" },
    });
    const revoked = await browser.submit(manage(), { intent: "revoke", requestId: request.id });
    expect(revoked.text).toContain("De link is ingetrokken en werkt niet meer.");
    expect((await app.client().get(link)).text).toContain("Deze link is ingetrokken.");
    expect((await app.client().post(link, ANSWER)).status).toBe(410);
  });

  it("is limited to 25 people", async () => {
    const { browser } = await participantWithWork();
    const refused = await meeting(browser, "500");
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("hoogstens 25 mensen");
  });
});

describe("rate limit", () => {
  it("refuses the 21st invitation of a day with a Dutch message", async () => {
    const { browser, user, cohortId } = await participantWithWork();
    await db.feedbackRequest.createMany({
      data: Array.from({ length: 20 }, (_, i) => ({
        userId: user.id,
        cohortId,
        assignmentSlug: slug(),
        tokenHash: `rate-${user.id}-${i}`,
        excerpt: EXCERPT,
        expiresAt: new Date(Date.now() + 86_400_000),
      })),
    });
    const refused = await invite(browser, "nog-een@voorbeeld.nl");
    expect(refused.status).toBe(429);
    expect(refused.text).toContain("Je hebt vandaag al 20 keer om feedback gevraagd.");
    expect(await db.outboxMessage.count({ where: { to: "nog-een@voorbeeld.nl" } })).toBe(0);
  });
});

describe("withdrawal and expiry", () => {
  it("withdrawal hides the feedback at once, tells the participant and is logged", async () => {
    const { browser, link, resident, user, submission, cohortId } = await invitedResident();
    const sent = await resident.post(link, ANSWER);
    const withdrawalPath = sent.location!;
    const consent = await db.consent.findFirstOrThrow({ where: { collectedById: user.id } });
    // The same link is in the mail to the resident.
    const mailed = await db.outboxMessage.findFirstOrThrow({ where: { text: { contains: withdrawalPath } } });
    expect(mailed.subject).toContain("zo trek je je toestemming in");

    const withdrawn = await resident.submit(withdrawalPath, { consentIds: consent.id });
    expect(withdrawn.text).toContain("Je toestemming is ingetrokken.");
    expect(withdrawn.text).toContain("ingetrokken op");

    expect((await browser.get(`/opdrachten/${slug()}`)).text).not.toContain("De moestuin bracht de buren bij elkaar.");
    expect((await browser.get(manage())).text).not.toContain("De moestuin bracht de buren bij elkaar.");
    const desk = await (await trainerOf(app, cohortId)).get(`/beoordelen/${submission.id}`);
    expect(desk.text).not.toContain("Meer bankjes graag.");
    const told = await db.outboxMessage.findFirstOrThrow({
      where: { to: user.email, subject: "Een toestemming is ingetrokken" },
    });
    expect(told.text).toContain("Ria heeft de toestemming ingetrokken");
    expect(await db.auditEvent.count({ where: { action: "consent.withdraw", subjectId: user.id } })).toBe(1);

    const twice = await resident.post(withdrawalPath, { consentIds: consent.id });
    expect(twice.status).toBe(409);
  });

  it("expiry hides it on its date, and the job tells the participant once", async () => {
    const { browser, link, resident, user } = await invitedResident();
    await resident.post(link, { ...ANSWER, period: "3" });
    expect((await browser.get(`/opdrachten/${slug()}`)).text).toContain("Meer bankjes graag.");
    await db.consent.updateMany({
      where: { collectedById: user.id },
      data: { expiresAt: new Date(Date.now() - 1000) },
    });
    expect((await browser.get(`/opdrachten/${slug()}`)).text).not.toContain("Meer bankjes graag.");
    expect(await endExpiredConsents()).toBeGreaterThanOrEqual(1);
    expect(await endExpiredConsents()).toBe(0);
    expect(await db.outboxMessage.count({ where: { to: user.email, subject: "Een toestemming is verlopen" } })).toBe(1);
    expect(await db.auditEvent.count({ where: { action: "consent.expire", subjectId: user.id } })).toBe(1);
  });
});
