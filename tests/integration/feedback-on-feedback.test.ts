// Feedback on feedback and reflection (issue 23): the trainer's quality rubric for a review a participant gave (and
// whether it counts toward completion), what the participant sees of it, and the reflection on feedback received,
// also asked before a revision is handed in and read by the trainer on the grading desk.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { completionOverview } from "~/grading/completion.server";
import { at } from "../support/indexed";
import {
  createCohort,
  createGilde,
  createPeerReview,
  createSubmission,
  createUser,
  enroll,
} from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

/** An assignment whose peer feedback is open and can be read at once. */
const openNow = () =>
  getCourse()
    .modules.flatMap((m) => m.assignments)
    .find((a) => a.frontmatter.peerReview.enabled && a.frontmatter.peerReview.feedbackVisible === "immediately")!;

/** Femke's work, reviewed (submitted) by Ruud in the same gilde; both signed in. */
async function reviewed() {
  const cohort = await createCohort();
  const author = await createUser({ name: "Femke Feenstra" });
  const reviewer = await createUser({ name: "Ruud Reviewer" });
  for (const user of [author, reviewer]) await enroll(user.id, cohort.id);
  await createGilde({ cohortId: cohort.id, members: [author, reviewer] });
  const submission = await createSubmission({ userId: author.id, cohortId: cohort.id, assignmentSlug: openNow().slug });
  const review = await createPeerReview({
    submission,
    reviewerId: reviewer.id,
    status: "SUBMITTED",
    submittedAt: new Date(),
    answers: { "0": "Je tweede alinea is sterk.", "1": "De jongeren mis ik." },
    tip: "Praat met de jongerenwerker.",
  });
  return {
    cohortId: cohort.id,
    submission,
    review,
    author: { user: author, browser: await app.client().signInAs(author) },
    reviewer: { user: reviewer, browser: await app.client().signInAs(reviewer) },
    trainer: await trainerOf(app, cohort.id),
  };
}

const quality = (specifiek: number, opbouwend: number, criteria: number, tip: number, note = "") => ({
  "levels.specifiek": String(specifiek),
  "levels.opbouwend": String(opbouwend),
  "levels.criteria": String(criteria),
  "levels.tip": String(tip),
  note,
});

describe("feedback on feedback", () => {
  it("lets the trainer assess a review on the rubric; the participant sees it with an example of good feedback", async () => {
    const { cohortId, review, reviewer, trainer } = await reviewed();
    const matrix = await trainer.get(`/beoordelen/peerfeedback/${cohortId}?opdracht=${openNow().slug}`);
    expect(matrix.html).toContain(`href="/beoordelen/feedback/${review.id}"`);
    expect(matrix.text).toContain("Kwaliteit beoordelen");
    const url = `/beoordelen/feedback/${review.id}`;
    const screen = await trainer.get(url);
    expect(screen.text).toContain("Je tweede alinea is sterk.");

    const wrong = await trainer.submit(url, { ...quality(4, 2, 2, 2, "Mijn toelichting"), "levels.specifiek": "4" });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Kies bij ‘Specifiek’ 1, 2 of 3.");
    expect(wrong.html).toContain("Mijn toelichting");
    expect(await db.reviewQuality.count({ where: { reviewId: review.id } })).toBe(0);

    const low = await trainer.submit(url, quality(1, 2, 1, 1, "Wijs aan waar het om gaat."));
    expect(low.text).toContain("Deze feedback telt als zwak");
    const again = await trainer.get(`/beoordelen/peerfeedback/${cohortId}?opdracht=${openNow().slug}`);
    expect(again.text).toContain("kwaliteit 1,3/3, zwak");
    const mine = await reviewer.browser.get("/gilde");
    expect(mine.text).toContain("Hoe je trainer jouw feedback beoordeelde");
    expect(mine.text).toContain("nog zwak");
    expect(mine.text).toContain("Wijs aan waar het om gaat.");
    expect(mine.text).toContain("Voorbeeld van goede feedback");

    const stuck = await trainer.get(`/beoordelen/overzicht?groep=${cohortId}`);
    expect(stuck.text).toContain("Feedback zwak (1)");
  });

  it("counts toward completion only when the cohort says so", async () => {
    const { cohortId, review, author, reviewer, trainer } = await reviewed();
    await trainer.submit(`/beoordelen/feedback/${review.id}`, quality(1, 1, 2, 1));
    const gapsOf = async (userId: string) =>
      (await completionOverview(cohortId)).find((p) => p.id === userId)!.gaps.join(" ");
    expect(await gapsOf(reviewer.user.id)).not.toContain("kwaliteit");

    const on = await trainer.submit(`/beoordelen/evaluatie/${cohortId}`, { intent: "quality-counts", counts: "on" });
    expect(on.text).toContain("telt nu mee voor afronden");
    expect(await gapsOf(reviewer.user.id)).toContain(
      "De kwaliteit van je gegeven feedback is gemiddeld nog onder ‘deels’",
    );
    expect(await gapsOf(author.user.id)).toContain("nog niet beoordeeld");

    await trainer.submit(`/beoordelen/feedback/${review.id}`, quality(3, 3, 2, 3));
    expect(await gapsOf(reviewer.user.id)).not.toContain("kwaliteit");
    await trainer.submit(`/beoordelen/evaluatie/${cohortId}`, { intent: "quality-counts" });
    expect(await gapsOf(author.user.id)).not.toContain("kwaliteit");
  });

  it("is not for a trainer of another cohort, nor for a participant", async () => {
    const { review, reviewer } = await reviewed();
    const stranger = await trainerOf(app, (await createCohort()).id);
    expect((await stranger.get(`/beoordelen/feedback/${review.id}`)).status).toBe(404);
    expect((await stranger.post(`/beoordelen/feedback/${review.id}`, quality(3, 3, 3, 3))).status).toBe(404);
    expect((await reviewer.browser.get(`/beoordelen/feedback/${review.id}`)).status).toBe(403);
    expect(await db.reviewQuality.count({ where: { reviewId: review.id } })).toBe(0);
  });
});

describe("reflection on feedback received", () => {
  it("asks on /gilde what the participant will do with the feedback; the trainer reads it on the desk", async () => {
    const { submission, author, trainer } = await reviewed();
    const gilde = await author.browser.get("/gilde");
    expect(gilde.text).toContain("Wat ga je met deze feedback doen?");
    const fields = { __form: `reflectie-${submission.id}`, intent: "reflect", submissionId: submission.id };
    const short = await author.browser.submit("/gilde", { ...fields, reflection: "Ok" });
    expect(short.status).toBe(400);
    expect(short.text).toContain("Schrijf in een paar zinnen wat je met de feedback gaat doen.");
    const text = "Ik ga met de jongerenwerker praten en neem zijn kijk mee.";
    expect((await author.browser.submit("/gilde", { ...fields, reflection: text })).text).toContain(
      "Je reflectie is opgeslagen",
    );
    const desk = await trainer.get(`/beoordelen/${submission.id}`);
    expect(desk.text).toContain("Reflectie van de deelnemer op feedback");
    expect(desk.text).toContain(text);
  });

  it("refuses someone else's submission", async () => {
    const { submission, reviewer } = await reviewed();
    const page = await reviewer.browser.submit("/gilde", {
      intent: "reflect",
      submissionId: submission.id,
      reflection: "Dit is niet mijn werk, maar toch.",
    });
    expect(page.status).toBe(404);
    expect(await db.reflection.count({ where: { submissionId: submission.id } })).toBe(0);
  });

  it("asks for it before a revision is handed in, and keeps the draft when it is missing", async () => {
    const { user, browser, cohortId } = await participantIn(app, { name: "Herman Herzien" });
    const slug = at(at(getCourse().modules, 0).assignments, 0).slug;
    const page = `/opdrachten/${slug}`;
    await browser.submit(page, { intent: "hand-in", body: "Eerste versie", revision: "0" });
    const submission = await db.submission.findFirstOrThrow({ where: { userId: user.id } });
    await db.submission.update({ where: { id: submission.id }, data: { status: "RETURNED" } });

    const asked = await browser.submit(page, { intent: "hand-in", body: "Herziene versie", revision: "1" });
    expect(asked.text).toContain("Wat heb je gedaan met de feedback op je vorige versie?");
    const refused = await browser.submit(`${page}/inleveren`, { intent: "hand-in", reflection: "" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Schrijf in een paar zinnen");
    expect(await db.submissionVersion.count({ where: { submissionId: submission.id } })).toBe(1);
    expect((await db.draft.findFirstOrThrow({ where: { userId: user.id } })).body).toBe("Herziene versie");

    const reflection = "Ik heb twee bewoners zelf aan het woord gelaten, zoals gevraagd.";
    const done = await browser.submit(`${page}/inleveren`, { intent: "hand-in", reflection });
    expect(done.text).toContain("Ingeleverd (versie 2)");
    const trainer: Client = await trainerOf(app, cohortId);
    const desk = await trainer.get(`/beoordelen/${submission.id}`);
    expect(desk.text).toContain("Op de feedback bij versie 1");
    expect(desk.text).toContain(reflection);
  });
});
