// Gilde assignments (issue 23), who may see and do what: another gilde reviews a gilde's work and reaches no member's
// name, e-mail or id (the work is the gilde's), the gilde does not learn who reviewed in an anonymous mode, and
// nobody outside the gilde or the cohort's staff reaches the shared text, the hand-in or the per-member grades.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createGilde } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

// The fixture's gilde assignment: peer review "anonymous-reviewers", feedback visible at once, one guiding question.
const SLUG = "gildeplan";
const page = `/opdrachten/${SLUG}/gilde`;
const data = (path: string, route: string) => `${path}?_data=${encodeURIComponent(route)}`;

async function twoGildes() {
  const a1 = await participantIn(app, { name: "Anna Achterberg" });
  const cohortId = a1.cohortId;
  const a2 = await participantIn(app, { cohortId, name: "Aart Aalbers" });
  const b1 = await participantIn(app, { cohortId, name: "Bram Bosman" });
  const b2 = await participantIn(app, { cohortId, name: "Bea Bakker" });
  const gildeA = await createGilde({ cohortId, name: "De Ankers", members: [a1.user, a2.user] });
  const gildeB = await createGilde({ cohortId, name: "De Bruggen", members: [b1.user, b2.user] });
  // Past the deadline: one member hands in without waiting for the other's akkoord.
  await db.assignmentSchedule.create({
    data: { cohortId, assignmentSlug: SLUG, dueAt: new Date(Date.now() - 60_000) },
  });
  return { cohortId, a1, a2, b1, b2, gildeA, gildeB };
}

type Member = Awaited<ReturnType<typeof participantIn>>;

async function handInFor(member: Member, text: string) {
  await member.browser.submit(page, { intent: "save-draft", body: text, revision: "0" });
  await member.browser.submit(page, { intent: "contribution", contribution: `Deel van ${member.user.name}` });
  expect((await member.browser.submit(page, { intent: "hand-in" })).text).toContain("Ingeleverd namens jullie gilde");
}

describe("peer review of gilde work", () => {
  it("is given by the other gilde, which sees the gilde and no member; the gilde does not see who reviewed", async () => {
    const { a1, a2, b1, b2, gildeA } = await twoGildes();
    await handInFor(a1, "Het plan van de Ankers.");
    // Nobody can review yet: the only other gilde has not handed in.
    expect(await db.peerReview.count({ where: { submission: { gildeId: gildeA.id } } })).toBe(0);
    await handInFor(b1, "Het plan van de Bruggen.");
    const reviews = await db.peerReview.findMany({
      where: { submission: { gildeId: gildeA.id }, status: "OPEN" },
      orderBy: { reviewerId: "asc" },
    });
    expect(reviews.map((r) => r.reviewerId).sort()).toEqual([b1.user.id, b2.user.id].sort());
    const theirs = await db.peerReview.findMany({ where: { submission: { gildeId: { not: gildeA.id } } } });
    expect(theirs.map((r) => r.reviewerId).sort()).toEqual([a1.user.id, a2.user.id].sort());

    // The reviewer who did not hand in for their own gilde reviews too, and sees the gilde's work, not its members.
    const review = reviews.find((r) => r.reviewerId === b2.user.id)!;
    const form = await b2.browser.get(`/gilde/feedback/${review.id}`);
    expect(form.status).toBe(200);
    expect(form.text).toContain("Werk van gilde De Ankers");
    expect(form.text).toContain("Het plan van de Ankers.");
    const submitted = await b2.browser.submit(`/gilde/feedback/${review.id}`, {
      "answers.0": "De buurtvader ontbreekt nog.",
      tip: "Vraag de kapper wie hij kent.",
      revision: "0",
      intent: "submit",
    });
    expect(submitted.text).toContain("Ingediend");
    const reviewerSees = [
      form.html,
      (await b2.browser.get(data(`/gilde/feedback/${review.id}`, "routes/gilde.feedback.$reviewId"))).html,
      (await b2.browser.get("/gilde")).html,
      (await b2.browser.get(data("/gilde", "routes/gilde._index"))).html,
      ...(await db.outboxMessage.findMany({ where: { to: b2.user.email } })).map((m) => `${m.subject}\n${m.text}`),
    ].join("\n");
    for (const member of [a1, a2])
      for (const secret of [member.user.name, member.user.email, member.user.id])
        expect(reviewerSees).not.toContain(secret);

    // Every member of the gilde gets the feedback, also the one who did not hand in; the reviewer stays unnamed.
    const received = await a2.browser.get("/gilde");
    expect(received.text).toContain("De buurtvader ontbreekt nog.");
    expect(received.text).toContain("Feedbackgever");
    const authorSees = [
      received.html,
      (await a2.browser.get(data("/gilde", "routes/gilde._index"))).html,
      (await a2.browser.get(page)).html,
      (await a2.browser.get(data(page, "routes/opdrachten.$slug_.gilde"))).html,
      ...(await db.outboxMessage.findMany({ where: { to: a2.user.email } })).map((m) => `${m.subject}\n${m.text}`),
    ].join("\n");
    for (const secret of [b2.user.name, b2.user.email, b2.user.id]) expect(authorSees).not.toContain(secret);
  });
});

describe("who reaches a gilde's work", () => {
  it("keeps the shared text, the parts and the hand-in to the gilde; another gilde's member changes nothing", async () => {
    const { a1, b1, gildeA } = await twoGildes();
    await a1.browser.submit(page, { intent: "save-draft", body: "Alleen van de Ankers", revision: "0" });
    await a1.browser.submit(page, { intent: "contribution", contribution: "Geheim deel van Anna" });
    const other = await b1.browser.get(page);
    expect(other.html).not.toContain("Alleen van de Ankers");
    expect(other.html).not.toContain("Geheim deel van Anna");
    // Their own save goes to their own gilde's text, never to another's.
    const stale = await b1.browser.submit(page, { intent: "save-draft", body: "Van de Bruggen", revision: "1" });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain("Van de Bruggen");
    const draft = await db.gildeDraft.findUniqueOrThrow({
      where: { gildeId_assignmentSlug: { gildeId: gildeA.id, assignmentSlug: SLUG } },
    });
    expect(draft.body).toBe("Alleen van de Ankers");
    // Nor can a member hand in on their own through the assignment page's individual form.
    const alone = await a1.browser.submit(`/opdrachten/${SLUG}`, {
      intent: "hand-in",
      body: "Alleen ik",
      revision: "0",
    });
    expect(alone.status).toBe(400);
    expect(await db.submission.count({ where: { userId: a1.user.id } })).toBe(0);
    // A participant of another cohort gets nothing of it either.
    const stranger = await participantIn(app, { name: "Vreemde Eend" });
    expect((await stranger.browser.get(page)).html).not.toContain("Alleen van de Ankers");
  });

  it("shows the grading desk and takes per-member grades only from the cohort's own trainers", async () => {
    const { cohortId, a1, a2 } = await twoGildes();
    await handInFor(a1, "Om te beoordelen.");
    const submission = await db.submission.findFirstOrThrow({ where: { userId: a1.user.id, assignmentSlug: SLUG } });
    const own = await trainerOf(app, cohortId);
    expect((await own.get(`/beoordelen/${submission.id}`)).text).toContain("Per gildelid");
    const elsewhere = await trainerOf(app, (await participantIn(app)).cohortId);
    expect((await elsewhere.get(`/beoordelen/${submission.id}`)).status).toBe(404);
    const attempt = await elsewhere.post(`/beoordelen/${submission.id}`, {
      intent: "member-grade",
      userId: a2.user.id,
      decision: "niet-voldaan",
      reason: "Probeer het",
    });
    expect(attempt.status).toBe(404);
    expect(await db.memberGrade.count({ where: { submissionId: submission.id } })).toBe(0);
    // A participant cannot grade at all.
    expect(
      (
        await a2.browser.post(`/beoordelen/${submission.id}`, {
          intent: "member-grade",
          userId: a2.user.id,
          decision: "voldaan",
          reason: "Zelf gedaan",
        })
      ).status,
    ).toBeGreaterThanOrEqual(300);
    expect(await db.memberGrade.count({ where: { submissionId: submission.id } })).toBe(0);
  });
});
