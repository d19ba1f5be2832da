// Peer review inside the gilde (issue 6): continuous allocation, the review form, visibility and rating,
// small gildes, lapsed reviews, anonymity that does not leak, trainer oversight, completion, concurrency.
import { PDFDocument } from "pdf-lib";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { hash } from "~/peer-review/allocate";
import { allocateFor, maintainPeerReviews } from "~/peer-review/allocation.server";
import { createCohort, createGilde, createSubmission, createUser, enroll, joinGilde } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { trainerOf } from "../support/people";
import { first } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const assignments = () => getCourse().modules.flatMap((m) => m.assignments);
const bySlug = (anonymity: string) =>
  assignments().find((a) => a.frontmatter.peerReview.enabled && a.frontmatter.peerReview.anonymity === anonymity)!;
const open = () =>
  assignments().find(
    (a) =>
      a.frontmatter.peerReview.enabled &&
      a.frontmatter.peerReview.anonymity === "open" &&
      a.frontmatter.peerReview.feedbackVisible === "after-deadline",
  )!;
/** A real PDF: in an anonymous mode the reviewer gets a cleaned copy, and only a PDF that can be read can be cleaned. */
const pdf = async () => {
  const doc = await PDFDocument.create();
  doc.addPage();
  return doc.save();
};

type Member = { user: { id: string; name: string; email: string }; browser: Client };
type Members<N extends number, M extends Member[] = []> = M["length"] extends N ? M : Members<N, [...M, Member]>;
/** `cohortWith([1, 3])` gives `[[Member], [Member, Member, Member]]`, so a test can name the members it asked for. */
type Gildes<Sizes extends readonly number[]> = { [G in keyof Sizes]: Members<Sizes[G]> };

/** A cohort with gildes of the given sizes; every member logged in. */
async function cohortWith<const Sizes extends readonly number[]>(sizes: Sizes, names: string[] = []) {
  const cohort = await createCohort();
  const gildes: Member[][] = [];
  let n = 0;
  for (const [g, size] of sizes.entries()) {
    const gilde = await createGilde({ cohortId: cohort.id, name: `Gilde ${g + 1}` });
    const members: Member[] = [];
    for (let i = 0; i < size; i++) {
      const user = await createUser({ name: names[n++] ?? `Lid ${g + 1}.${i + 1}` });
      await enroll(user.id, cohort.id);
      await joinGilde(gilde, user.id);
      const browser = await app.client().signInAs(user);
      members.push({ user, browser });
    }
    gildes.push(members);
  }
  // Built above with one gilde per size and that many members in each.
  return { cohortId: cohort.id, gildes: gildes as Gildes<Sizes> };
}

async function handIn(member: Member, slug = open().slug, body = "Mijn uitwerking over de wijk.", revision = "0") {
  const response = await member.browser.submit(`/opdrachten/${slug}`, { intent: "hand-in", body, revision });
  expect(response.text).toContain("Ingeleverd");
}

const reviewsOf = (reviewerId: string) =>
  db.peerReview.findMany({ where: { reviewerId, status: { not: "CANCELLED" } } });
const receivedBy = async (member: Member) =>
  db.peerReview.findMany({ where: { submission: { userId: member.user.id }, status: { not: "CANCELLED" } } });

function answers(slug: string) {
  const form: Record<string, string> = { tip: "Ga eens langs bij de moskee." };
  assignments()
    .find((a) => a.slug === slug)!
    .frontmatter.peerReview.guidingQuestions.forEach(
      (_, i) => (form[`answers.${i}`] = `Antwoord ${i + 1}: helder en eerlijk.`),
    );
  return form;
}

async function submitReview(member: Member, reviewId: string, slug = open().slug) {
  const response = await member.browser.submit(`/gilde/feedback/${reviewId}`, {
    ...answers(slug),
    revision: "0",
    intent: "submit",
  });
  expect(response.text).toContain("Ingediend");
}

async function scheduleDeadline(cohortId: string, slug: string, peerReviewDueAt: Date) {
  await db.assignmentSchedule.upsert({
    where: { cohortId_assignmentSlug: { cohortId, assignmentSlug: slug } },
    create: {
      cohortId,
      assignmentSlug: slug,
      peerReviewDueAt,
      updatedById: (await createUser({ role: "TRAINER" })).id,
    },
    update: { peerReviewDueAt },
  });
}

describe("allocation as people hand in", () => {
  it("lets the first wait, then gives everyone k reviews to give and to get, within the gilde", async () => {
    const { gildes } = await cohortWith([3]);
    const [a, b, c] = gildes[0];
    await handIn(a);
    expect(await reviewsOf(a.user.id)).toHaveLength(0);
    expect((await a.browser.get("/gilde")).text).toContain("Je hebt nu geen feedback te geven");
    await handIn(b);
    expect((await reviewsOf(a.user.id)).length).toBe(1);
    await handIn(c);
    for (const member of [a, b, c]) {
      expect((await reviewsOf(member.user.id)).length).toBe(2);
      expect((await receivedBy(member)).length).toBe(2);
      expect((await receivedBy(member)).every((r) => !r.crossGilde)).toBe(true);
    }
    const page = await c.browser.get("/gilde");
    expect(page.text).toContain("Nog 2 te geven.");
    expect(page.text).toContain(a.user.name);
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: a.user.email, subject: { startsWith: "Peerfeedback gevraagd" } },
    });
    expect(mail.text).toContain("/gilde");
  });

  it("draws reviewers from another gilde when the own gilde is too small, and says so", async () => {
    const { gildes } = await cohortWith([1, 3]);
    const [alone] = gildes[0];
    for (const m of gildes[1]) await handIn(m);
    await handIn(alone);
    const received = await receivedBy(alone);
    expect(received).toHaveLength(2);
    expect(received.every((r) => r.crossGilde)).toBe(true);
    const reviewer = gildes[1].find((m) => m.user.id === first(received).reviewerId)!;
    expect((await reviewer.browser.get("/gilde")).text).toContain(`${alone.user.name} (uit een andere gilde)`);
  });

  // On PostgreSQL only: PGlite has one connection, so no second session can hold the lock meanwhile.
  it.skipIf(!process.env.DATABASE_URL)(
    "hands in at once while another allocation runs, and the background job gives the work its reviewers",
    async () => {
      const { cohortId, gildes } = await cohortWith([3]);
      const [a, b, c] = gildes[0];
      await handIn(a);
      await handIn(b);
      // Someone else's allocation for this assignment is running (a deadline evening): it holds the lock.
      const other = new pg.Client({ connectionString: process.env.DATABASE_URL });
      await other.connect();
      try {
        await other.query("BEGIN");
        await other.query("SELECT pg_advisory_xact_lock($1)", [hash(`peer|${cohortId}|${open().slug}`) | 0]);
        const started = Date.now();
        await handIn(c);
        expect(Date.now() - started).toBeLessThan(5_000);
        expect(await receivedBy(c)).toHaveLength(0);
        await other.query("COMMIT");
      } finally {
        await other.end();
      }
      await maintainPeerReviews();
      expect(await receivedBy(c)).toHaveLength(2);
      expect(await reviewsOf(c.user.id)).toHaveLength(2);
    },
  );

  it("never gives a submission more than k reviewers when allocations run at once", async () => {
    const { cohortId, gildes } = await cohortWith([5]);
    // Handed in without allocation (as if the app crashed in between), then two allocations race.
    for (const m of gildes[0]) {
      await createSubmission({ userId: m.user.id, cohortId, assignmentSlug: open().slug, body: "Tekst" });
    }
    const created = await Promise.all([
      allocateFor(cohortId, open().slug),
      allocateFor(cohortId, open().slug),
      allocateFor(cohortId, open().slug),
    ]);
    expect(created.reduce((a, b) => a + b, 0)).toBe(5 * 2);
    for (const m of gildes[0]) expect((await receivedBy(m)).length).toBe(2);
  });
});

describe("giving and receiving feedback", () => {
  it("saves a draft, submits once, shows it to the author after the deadline, and takes a rating", async () => {
    const { cohortId, gildes } = await cohortWith([3]);
    const [a, b, c] = gildes[0];
    await scheduleDeadline(cohortId, open().slug, new Date(Date.now() + 10 * 24 * 3_600_000));
    for (const m of [a, b, c]) await handIn(m);
    const review = first(
      await db.peerReview.findMany({ where: { reviewerId: b.user.id, submission: { userId: a.user.id } } }),
      "b's review of a",
    );

    const incomplete = await b.browser.submit(`/gilde/feedback/${review.id}`, {
      "answers.0": "Alleen de eerste.",
      revision: "0",
      intent: "submit",
    });
    expect(incomplete.status).toBe(400);
    expect(incomplete.text).toContain("Beantwoord deze vraag");
    expect(incomplete.html).toContain("Alleen de eerste.");
    const badLevel = await b.browser.submit(`/gilde/feedback/${review.id}`, {
      [`levels.${first(open().frontmatter.rubric).id}`]: "99",
      revision: "0",
      intent: "save",
    });
    expect(badLevel.status).toBe(400);
    expect(badLevel.text).toContain("Kies een van de niveaus");
    expect(
      (
        await b.browser.submit(`/gilde/feedback/${review.id}`, {
          ...answers(open().slug),
          revision: "0",
          intent: "save",
        })
      ).text,
    ).toContain("Concept opgeslagen");
    const submitted = await b.browser.submit(`/gilde/feedback/${review.id}`, {
      ...answers(open().slug),
      revision: "1",
      intent: "submit",
    });
    expect(submitted.text).toContain("Ingediend");
    const twice = await b.browser.submit(`/gilde/feedback/${review.id}`, {
      ...answers(open().slug),
      revision: "2",
      intent: "submit",
    });
    expect(twice.status).toBe(409);
    expect(twice.text).toContain("al ingediend");

    // Not someone else's review, not as the author.
    expect((await c.browser.get(`/gilde/feedback/${review.id}`)).status).toBe(404);
    expect(
      (
        await a.browser.submit(`/gilde/feedback/${review.id}`, {
          ...answers(open().slug),
          revision: "2",
          intent: "submit",
        })
      ).status,
    ).toBe(404);

    let page = await a.browser.get("/gilde");
    expect(page.text).toContain("na de peerfeedback-deadline");
    expect(page.text).not.toContain("Ga eens langs bij de moskee.");
    expect((await a.browser.submit("/gilde", { reviewId: review.id, rating: "3" })).status).toBe(404);

    await scheduleDeadline(cohortId, open().slug, new Date(Date.now() - 60_000));
    page = await a.browser.get("/gilde");
    expect(page.text).toContain("Ga eens langs bij de moskee.");
    expect(page.text).toContain(b.user.name);
    expect((await a.browser.submit("/gilde", { reviewId: review.id, rating: "7" })).text).toContain("van 1 tot 4");
    expect(
      (await a.browser.submit("/gilde", { reviewId: review.id, rating: "4", comment: "Hier kan ik mee verder." })).text,
    ).toContain("waardering is opgeslagen");
    expect((await c.browser.submit("/gilde", { reviewId: review.id, rating: "1" })).status).toBe(404);

    const trainer = await trainerOf(app, cohortId);
    const matrix = await trainer.get(`/beoordelen/peerfeedback/${cohortId}?opdracht=${open().slug}`);
    expect(matrix.text).toContain("waardering 4/4");
    expect(matrix.text).toContain("Hier kan ik mee verder.");
    const overview = await trainer.get(`/beoordelen/overzicht?groep=${cohortId}`);
    // "Wie loopt vast?" shows it in the reviewer's details (the line before the link to their wijkprofiel).
    expect(overview.text).toMatch(
      new RegExp(
        `Peerfeedback: \\d+ open, 1 gegeven \\(1 op tijd\\), gewaardeerd met 4 van 4\\.(?:(?!Peerfeedback:)[^])*?Wijkprofiel van ${b.user.name}`,
      ),
    );
    const submission = await db.submission.findFirstOrThrow({ where: { userId: a.user.id } });
    expect((await trainer.get(`/beoordelen/${submission.id}`)).text).toContain("Peerfeedback uit de gilde (1)");
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: a.user.email, subject: { startsWith: "Peerfeedback ontvangen" } },
    });
    expect(mail.text).not.toContain(b.user.name);
  });

  it("refuses a review after it closed, and gives a lapsed review to someone else", async () => {
    const { cohortId, gildes } = await cohortWith([4]);
    for (const m of gildes[0]) await handIn(m);
    const lapsing = first(await db.peerReview.findMany({ where: { cohortId }, orderBy: { id: "asc" }, take: 1 }));
    await db.peerReview.update({ where: { id: lapsing.id }, data: { dueAt: new Date(Date.now() - 1000) } });
    const reviewer = gildes[0].find((m) => m.user.id === lapsing.reviewerId)!;
    const late = await reviewer.browser.submit(`/gilde/feedback/${lapsing.id}`, {
      ...answers(open().slug),
      revision: "0",
      intent: "submit",
    });
    expect(late.status).toBe(409);
    expect(late.text).toContain("termijn voor deze feedback is verlopen");

    await maintainPeerReviews();
    expect((await db.peerReview.findUniqueOrThrow({ where: { id: lapsing.id } })).cancelReason).toBe("LAPSED");
    const active = await db.peerReview.findMany({ where: { submissionId: lapsing.submissionId, status: "OPEN" } });
    expect(active).toHaveLength(2);
    expect(active.map((r) => r.reviewerId)).not.toContain(lapsing.reviewerId);

    // The lapsed review still counts as not given (for completion) until the trainer excuses it.
    const trainer = await trainerOf(app, cohortId);
    const owed = async () =>
      (await trainer.get(`/opdrachten/groep/${cohortId}`)).html.match(
        new RegExp(`<td[^>]*>${reviewer.user.name}</td><td[^>]*>([^<]*)</td>`),
      )?.[1];
    const stillOpen = await db.peerReview.count({ where: { reviewerId: reviewer.user.id, status: "OPEN" } });
    expect(await owed()).toContain(`${stillOpen + 1} peerfeedbacks nog niet gegeven`);
    const excused = await trainer.submit(`/beoordelen/peerfeedback/${cohortId}`, {
      intent: "excuse",
      opdracht: open().slug,
      userId: reviewer.user.id,
      reason: "Ziek",
    });
    expect(excused.text).toContain("Vrijgesteld");
    expect(await db.peerReview.count({ where: { reviewerId: reviewer.user.id, status: "OPEN" } })).toBe(0);
    expect(await owed()).not.toContain("peerfeedback");
    for (const m of gildes[0])
      expect((await receivedBy(m)).filter((r) => r.status === "OPEN" || r.status === "SUBMITTED").length).toBe(2);
  });
});

describe("people leaving", () => {
  it("gives the open reviews of someone who withdrew to others, and drops reviews of their own work", async () => {
    const { cohortId, gildes } = await cohortWith([4]);
    for (const m of gildes[0]) await handIn(m);
    const [leaver] = gildes[0];
    const theirs = await db.peerReview.findMany({ where: { reviewerId: leaver.user.id, status: "OPEN" } });
    expect(theirs.length).toBeGreaterThan(0);
    await db.enrollment.updateMany({ where: { userId: leaver.user.id, cohortId }, data: { status: "WITHDRAWN" } });
    await maintainPeerReviews();
    for (const review of theirs) {
      expect((await db.peerReview.findUniqueOrThrow({ where: { id: review.id } })).cancelReason).toBe("REVIEWER_LEFT");
      expect(await db.peerReview.count({ where: { submissionId: review.submissionId, status: "OPEN" } })).toBe(2);
    }
    expect(await db.peerReview.count({ where: { submission: { userId: leaver.user.id }, status: "OPEN" } })).toBe(0);
  });
});

describe("anonymity", () => {
  it("double anonymous: neither side can reach the other's name, e-mail or id, in pages, data, files or mail", async () => {
    const assignment = bySlug("double-anonymous");
    const slug = assignment.slug;
    const { cohortId, gildes } = await cohortWith([1, 2], ["Anna Achterberg", "Bram Bosman", "Carla Celik"]);
    const [author] = gildes[0];
    const [reviewer, third] = gildes[1];
    await handIn(reviewer, slug);
    await handIn(third, slug);
    await author.browser.submit(`/opdrachten/${slug}`, {
      intent: "save-draft",
      body: "Mijn netwerkverhaal.",
      revision: "0",
    });
    await author.browser.upload(`/opdrachten/${slug}`, [{ name: "netwerk-anna-achterberg.pdf", bytes: await pdf() }]);
    await handIn(author, slug, "Mijn netwerkverhaal.", "1");
    const review = await db.peerReview.findFirstOrThrow({
      where: { reviewerId: reviewer.user.id, submission: { userId: author.user.id } },
    });

    // What the reviewer can reach: the author is hidden.
    const form = await reviewer.browser.get(`/gilde/feedback/${review.id}`);
    expect(form.text).toContain("Iemand uit een andere gilde");
    const file = await reviewer.browser.get(`/gilde/feedback/${review.id}/bijlage/1`);
    expect(file.status).toBe(200);
    expect(file.headers.get("Content-Disposition")).toContain("bijlage-1.pdf");
    await submitReview(reviewer, review.id, slug);
    await scheduleDeadline(cohortId, slug, new Date(Date.now() - 60_000));
    const reviewerSees = [
      form.html,
      (
        await reviewer.browser.get(
          `/gilde/feedback/${review.id}?_data=${encodeURIComponent("routes/gilde.feedback.$reviewId")}`,
        )
      ).html,
      (await reviewer.browser.get("/gilde")).html,
      (await reviewer.browser.get(`/gilde?_data=${encodeURIComponent("routes/gilde._index")}`)).html,
      file.headers.get("Content-Disposition") ?? "",
      ...(await db.outboxMessage.findMany({ where: { to: reviewer.user.email } })).map(
        (m) => `${m.subject}\n${m.text}`,
      ),
    ].join("\n");
    for (const secret of [author.user.name, "Achterberg", author.user.email, author.user.id])
      expect(reviewerSees).not.toContain(secret);

    // What the author can reach: the reviewer is hidden, the feedback is there.
    const authorPage = await author.browser.get("/gilde");
    expect(authorPage.text).toContain("Feedbackgever");
    expect(authorPage.text).toContain("Ga eens langs bij de moskee.");
    const authorSees = [
      authorPage.html,
      (await author.browser.get(`/gilde?_data=${encodeURIComponent("routes/gilde._index")}`)).html,
      (await author.browser.get(`/opdrachten/${slug}`)).html,
      (await author.browser.get(`/opdrachten/${slug}?_data=${encodeURIComponent("routes/opdrachten.$slug")}`)).html,
      ...(await db.outboxMessage.findMany({ where: { to: author.user.email } })).map((m) => `${m.subject}\n${m.text}`),
    ].join("\n");
    for (const secret of [reviewer.user.name, "Bosman", reviewer.user.email, reviewer.user.id])
      expect(authorSees).not.toContain(secret);
  });

  it("anonymous reviewers: the author does not learn who reviewed; the reviewer sees the author", async () => {
    const slug = bySlug("anonymous-reviewers").slug;
    const { cohortId, gildes } = await cohortWith([3], ["Dirk Dekker", "Eva Evers", "Fenna Faber"]);
    for (const m of gildes[0]) await handIn(m, slug);
    const [author] = gildes[0];
    const reviews = await db.peerReview.findMany({
      where: { submission: { userId: author.user.id } },
      include: { reviewer: true },
    });
    for (const review of reviews) {
      const reviewer = gildes[0].find((m) => m.user.id === review.reviewerId)!;
      expect((await reviewer.browser.get(`/gilde/feedback/${review.id}`)).text).toContain(author.user.name);
      await submitReview(reviewer, review.id, slug);
    }
    await scheduleDeadline(cohortId, slug, new Date(Date.now() - 60_000));
    const page = await author.browser.get(`/gilde?_data=${encodeURIComponent("routes/gilde._index")}`);
    expect(page.html).toContain("Feedbackgever 1");
    const received = JSON.parse(page.html).received[0];
    expect(JSON.stringify(received)).not.toContain(first(reviews).reviewer.name);
    expect(JSON.stringify(received)).not.toContain(first(reviews).reviewerId);
  });
});

describe("trainer oversight and completion", () => {
  it("shows who reviews whom, reassigns an open review, adds an extra reviewer, and keeps others out", async () => {
    const { cohortId, gildes } = await cohortWith([4]);
    const [a, b, c, d] = gildes[0];
    for (const m of [a, b, c]) await handIn(m);
    const trainer = await trainerOf(app, cohortId);
    const url = `/beoordelen/peerfeedback/${cohortId}?opdracht=${open().slug}`;
    const matrix = await trainer.get(url);
    expect(matrix.status).toBe(200);
    expect(matrix.text).toContain(a.user.name);
    expect(matrix.text).toContain("nog niet ingeleverd");

    const review = await db.peerReview.findFirstOrThrow({
      where: { reviewerId: b.user.id, status: "OPEN" },
      include: { submission: true },
    });
    const toSelf = await trainer.submit(url, {
      intent: "reassign",
      opdracht: open().slug,
      reviewId: review.id,
      reviewerId: review.submission.userId,
    });
    expect(toSelf.text).toContain("Niemand geeft feedback op eigen werk");
    const moved = await trainer.submit(url, {
      intent: "reassign",
      opdracht: open().slug,
      reviewId: review.id,
      reviewerId: d.user.id,
    });
    expect(moved.text).toContain("verplaatst");
    expect((await db.peerReview.findUniqueOrThrow({ where: { id: review.id } })).status).toBe("CANCELLED");
    expect(
      await db.peerReview.count({
        where: { submissionId: review.submissionId, reviewerId: d.user.id, status: "OPEN" },
      }),
    ).toBe(1);

    // An extra reviewer: never one who already had this submission, on top of the k.
    const submission = await db.submission.findFirstOrThrow({ where: { userId: c.user.id } });
    const existingReviewer = first(await receivedBy(c)).reviewerId;
    const twice = await trainer.submit(url, {
      intent: "add",
      opdracht: open().slug,
      submissionId: submission.id,
      reviewerId: existingReviewer,
    });
    expect(twice.text).toContain("al eens gekregen");
    let target: { author: Member; submissionId: string; reviewer: Member } | null = null;
    for (const author of [a, b, c]) {
      const own = await db.submission.findFirstOrThrow({ where: { userId: author.user.id } });
      const paired = new Set(
        (await db.peerReview.findMany({ where: { submissionId: own.id } })).map((r) => r.reviewerId),
      );
      const reviewer = [a, b, c, d].find((m) => m !== author && !paired.has(m.user.id));
      if (reviewer) target = { author, submissionId: own.id, reviewer };
    }
    expect(target).not.toBeNull();
    const before = (await receivedBy(target!.author)).length;
    const added = await trainer.submit(url, {
      intent: "add",
      opdracht: open().slug,
      submissionId: target!.submissionId,
      reviewerId: target!.reviewer.user.id,
    });
    expect(added.text).toContain("Extra feedbackgever toegevoegd");
    expect((await receivedBy(target!.author)).length).toBe(before + 1);

    const stranger = await trainerOf(app, (await createCohort()).id);
    expect((await stranger.get(url)).status).toBe(404);
    expect((await a.browser.get(url)).status).toBe(404);
  });

  it("completes a participant only when their peer reviews are given", async () => {
    const { cohortId, gildes } = await cohortWith([3]);
    for (const m of gildes[0]) await handIn(m);
    const [a] = gildes[0];
    await db.submission.updateMany({ where: { userId: a.user.id }, data: { status: "PASSED" } });
    for (const assignment of assignments().filter((x) => x.slug !== open().slug)) {
      await createSubmission({
        userId: a.user.id,
        cohortId,
        assignmentSlug: assignment.slug,
        status: "PASSED",
        body: "x",
      });
    }
    const trainer = await trainerOf(app, cohortId);
    const row = async () =>
      (await trainer.get(`/opdrachten/groep/${cohortId}`)).html.match(
        new RegExp(`<td[^>]*>${a.user.name}</td><td[^>]*>([^<]*)</td>`),
      )?.[1];
    expect(await row()).toBe("2 peerfeedbacks nog niet gegeven");
    const refused = await trainer.submit(`/opdrachten/groep/${cohortId}`, { intent: "complete", userId: a.user.id });
    expect(refused.text).toContain("peerfeedbacks");
    expect((await db.enrollment.findFirstOrThrow({ where: { userId: a.user.id } })).status).toBe("ACTIVE");
    for (const review of await reviewsOf(a.user.id)) await submitReview(a, review.id);
    expect(await row()).toBe("Niets: klaar om af te ronden");
    await trainer.submit(`/opdrachten/groep/${cohortId}`, { intent: "complete", userId: a.user.id });
    expect((await db.enrollment.findFirstOrThrow({ where: { userId: a.user.id } })).status).toBe("COMPLETED");
  });
});
