// Mass assignment: a participant adds fields the form never had (role, owner ids, cohort, status, grades, author)
// to the posts of registration, wijkprofiel, hand-in, peer review, intake, community and practice cases. The
// server must take only what the form is for: afterwards the database shows that nothing else changed.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createGilde, createUser, enroll, uniqueEmail } from "../support/factories";
import { registerThroughMail } from "../support/people";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { first } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const assignment = () => first(first(getCourse().modules).assignments);
const LONG_AGO = "2000-01-01T00:00:00.000Z";

async function member(cohortId: string, name: string, status: "ACTIVE" | "COMPLETED" = "ACTIVE") {
  const user = await createUser({ name });
  await enroll(user.id, cohortId, status);
  const browser = await app.client().signInAs(user);
  return { user, browser };
}

let cohortId: string;
let otherCohortId: string;
let me: { user: { id: string }; browser: Client };
let victim: { user: { id: string }; browser: Client };
let alumnus: { user: { id: string }; browser: Client };

beforeAll(async () => {
  cohortId = (await createCohort()).id;
  otherCohortId = (await createCohort()).id;
  me = await member(cohortId, "Mia Misbruik");
  victim = await member(otherCohortId, "Victor Doelwit");
  alumnus = await member(otherCohortId, "Alma Alumna", "COMPLETED");
});

describe("extra fields in participant forms", () => {
  it("registration: role, id and password hash in the form do not make an admin", async () => {
    const email = uniqueEmail("admin-gok");
    const browser = app.client();
    const { confirmed: registered } = await registerThroughMail(browser, {
      name: "Nieuwe Deelnemer",
      email,
      password: "een-goed-lang-wachtwoord",
      role: "ADMIN",
      "user[role]": "ADMIN",
      id: "gekozen-id",
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$nep$nep",
      erasedAt: LONG_AGO,
    });
    expect(registered?.status).toBe(302);
    const user = await db.user.findUniqueOrThrow({ where: { email } });
    expect(user.role).toBe("PARTICIPANT");
    expect(user.id).not.toBe("gekozen-id");
    expect(user.passwordHash).not.toContain("$nep");
    expect(user.erasedAt).toBeNull();
    expect((await browser.get("/beheer")).status).toBe(403);
  });

  it("wijkprofiel: another user's id, a wijk id and a version number are ignored", async () => {
    await victim.browser.submit("/wijk", { name: "Wijk van Victor", municipality: "Zwolle" });
    const victimsWijk = await db.wijk.findUniqueOrThrow({ where: { userId: victim.user.id } });
    const saved = await me.browser.submit("/wijk", {
      name: "Overgenomen",
      municipality: "Elders",
      userId: victim.user.id,
      wijkId: victimsWijk.id,
      number: "42",
      createdAt: LONG_AGO,
    });
    expect(saved.text).toContain("Opgeslagen als versie 1.");
    const victims = await db.wijkVersion.findMany({ where: { wijkId: victimsWijk.id } });
    expect(victims.map((v) => [v.number, v.name])).toEqual([[1, "Wijk van Victor"]]);
    const mine = await db.wijkVersion.findFirstOrThrow({ where: { wijk: { userId: me.user.id } } });
    expect(mine).toMatchObject({ number: 1, name: "Overgenomen" });
    expect(mine.createdAt.toISOString()).not.toBe(LONG_AGO);
  });

  it("hand-in: owner, cohort, status, grade and rubric levels in the form are ignored", async () => {
    const handed = await me.browser.submit(`/opdrachten/${assignment().slug}`, {
      intent: "hand-in",
      body: "Mijn eigen werk",
      revision: "0",
      userId: victim.user.id,
      cohortId: otherCohortId,
      status: "PASSED",
      grade: "10",
      decision: "voldaan",
      [`level-${first(assignment().frontmatter.rubric).id}`]: "4",
      late: "false",
      number: "7",
    });
    expect(handed.text).toContain("Ingeleverd (versie 1)");
    const submission = await db.submission.findFirstOrThrow({
      where: { userId: me.user.id },
      include: { versions: true, assessments: true },
    });
    expect(submission).toMatchObject({ cohortId, status: "SUBMITTED", assignmentSlug: assignment().slug });
    expect(submission.versions.map((v) => v.number)).toEqual([1]);
    expect(submission.assessments).toHaveLength(0);
    expect(
      await db.submission.count({ where: { OR: [{ userId: victim.user.id }, { cohortId: otherCohortId }] } }),
    ).toBe(0);
    expect(await db.draft.count({ where: { userId: victim.user.id } })).toBe(0);
  });

  it("peer review: status, reviewer, submission and rating in the form are ignored", async () => {
    const mate = await member(cohortId, "Mats Maat");
    await mate.browser.submit(`/opdrachten/${assignment().slug}`, {
      intent: "hand-in",
      body: "Werk van Mats",
      revision: "0",
    });
    const matesSubmission = await db.submission.findFirstOrThrow({ where: { userId: mate.user.id } });
    const review = await db.peerReview.upsert({
      where: { submissionId_reviewerId: { submissionId: matesSubmission.id, reviewerId: me.user.id } },
      create: {
        cohortId,
        assignmentSlug: assignment().slug,
        submissionId: matesSubmission.id,
        reviewerId: me.user.id,
        dueAt: new Date(Date.now() + 7 * 86_400_000),
      },
      update: {},
    });
    const saved = await me.browser.submit(`/gilde/feedback/${review.id}`, {
      "answers.0": "Mijn eerste gedachte",
      tip: "Een tip",
      revision: String(review.revision),
      intent: "save",
      status: "SUBMITTED",
      reviewerId: victim.user.id,
      submissionId: "iets-anders",
      rating: "4",
      ratingComment: "Zelf gegeven",
      submittedAt: LONG_AGO,
    });
    expect(saved.text).toContain("Concept opgeslagen");
    const stored = await db.peerReview.findUniqueOrThrow({ where: { id: review.id } });
    expect(stored).toMatchObject({
      status: "OPEN",
      reviewerId: me.user.id,
      submissionId: matesSubmission.id,
      rating: null,
      ratingComment: null,
      submittedAt: null,
      tip: "Een tip",
    });
    expect(stored.answers).toEqual({ 0: "Mijn eerste gedachte" });
  });

  it("intake: status, user and cohort in the form are ignored; the applicant waits for a decision", async () => {
    const cohort = await createCohort();
    await db.cohort.update({
      where: { id: cohort.id },
      data: { startsOn: new Date("2099-03-01"), endsOn: new Date("2099-12-01") },
    });
    const applicant = app.client();
    const user = await createUser({ name: "Aanmelder Slim" });
    await applicant.signInAs(user);
    const applied = await applicant.submit(`/aanmelden/${cohort.id}`, {
      intent: "apply",
      currentWork: "Opbouwwerker",
      organisation: "Welzijn",
      experienceYears: "3",
      experience: "Buurtwerk",
      wijk: "Oost",
      motivation: "Leren",
      payer: "SELF",
      status: "ACTIVE",
      userId: victim.user.id,
      cohortId: otherCohortId,
      enrollmentId: "gekozen",
      reservedUntil: "2099-01-01",
      priceCents: "1",
    });
    expect(applied.text).toContain("je aanmelding is binnen");
    const enrollments = await db.enrollment.findMany({ where: { userId: user.id } });
    expect(enrollments.map((e) => [e.cohortId, e.status, e.reservedUntil])).toEqual([[cohort.id, "APPLIED", null]]);
    expect(await db.enrollment.count({ where: { userId: victim.user.id, cohortId: cohort.id } })).toBe(0);
    expect((await db.cohort.findUniqueOrThrow({ where: { id: cohort.id } })).priceCents).toBe(249500);
  });

  it("community: author, kind, gilde, counters and hiding in a thread, reply or report are ignored", async () => {
    const gilde = await createGilde({ cohortId: otherCohortId, name: "Andermans Gilde" });
    const created = await alumnus.browser.post("/community", {
      intent: "thread",
      title: "Een gewoon onderwerp",
      body: "Gewone tekst",
      themes: "vertrouwen",
      tags: "",
      authorId: victim.user.id,
      kind: "GILDE",
      gildeId: gilde.id,
      replyCount: "99",
      hiddenAt: LONG_AGO,
    });
    expect(created.status).toBe(302);
    const threadId = created.location!.split("/").pop()!;
    const thread = await db.thread.findUniqueOrThrow({ where: { id: threadId } });
    expect(thread).toMatchObject({ authorId: alumnus.user.id, kind: "COMMUNITY", gildeId: null, replyCount: 0 });

    const elsewhere = await db.thread.create({
      data: { kind: "COMMUNITY", authorId: victim.user.id, title: "Ander onderwerp" },
    });
    await alumnus.browser.post(`/community/${threadId}`, {
      intent: "reply",
      body: "Mijn reactie",
      authorId: victim.user.id,
      threadId: elsewhere.id,
      hiddenAt: LONG_AGO,
    });
    const posts = await db.post.findMany({ where: { threadId }, orderBy: { createdAt: "asc" } });
    expect(posts.map((p) => [p.authorId, p.body, p.hiddenAt])).toEqual([
      [alumnus.user.id, "Gewone tekst", null],
      [alumnus.user.id, "Mijn reactie", null],
    ]);
    expect(await db.post.count({ where: { threadId: elsewhere.id } })).toBe(0);

    await alumnus.browser.post(`/community/${threadId}`, {
      intent: "report",
      postId: first(posts).id,
      reason: "Test",
      reporterId: victim.user.id,
      resolvedAt: LONG_AGO,
    });
    const report = await db.report.findFirstOrThrow({ where: { postId: first(posts).id } });
    expect(report).toMatchObject({ reporterId: alumnus.user.id, resolvedAt: null });
  });

  it("practice case: author, publication and withdrawal dates in the form are ignored", async () => {
    const published = await alumnus.browser.post("/praktijk/nieuw", {
      title: "Samen de speeltuin opknappen",
      situation: "Situatie",
      residents: "Bewoners",
      role: "Rol",
      result: "Resultaat",
      learned: "Les",
      municipality: "Utrecht",
      wijk: "",
      consent: "on",
      authorId: victim.user.id,
      publishedAt: LONG_AGO,
      withdrawnAt: LONG_AGO,
      consentAt: LONG_AGO,
    });
    expect(published.status).toBe(302);
    const practiceCase = await db.practiceCase.findUniqueOrThrow({
      where: { id: published.location!.split("/").pop()! },
    });
    expect(practiceCase).toMatchObject({ authorId: alumnus.user.id, withdrawnAt: null });
    expect(practiceCase.publishedAt.toISOString()).not.toBe(LONG_AGO);
    expect(practiceCase.consentAt.toISOString()).not.toBe(LONG_AGO);
  });
});
