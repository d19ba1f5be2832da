// Trainer and admin actions respect the cohort and the assignment they name (issue 16). Each form of the trainer
// pages is posted by a rightful trainer (or admin) of cohort A with one id that belongs elsewhere: to another
// assignment of the same cohort, or to cohort B next door. Each must be refused and leave the database as it was;
// and a double-anonymous author's name must not reach a reviewer through a review slipped in under an open assignment.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import {
  createCohort,
  createGilde,
  createPeerReview,
  createSubmission,
  createUser,
  enroll,
  joinGilde,
} from "../support/factories";
import { startTestApp, type Client, type Page, type TestApp } from "../support/http";
import { adminIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const peerAssignments = () =>
  getCourse()
    .modules.flatMap((m) => m.assignments)
    .filter((a) => a.frontmatter.peerReview.enabled);
const doubleAnonymous = () => peerAssignments().find((a) => a.frontmatter.peerReview.anonymity === "double-anonymous")!;
const open = () => peerAssignments().find((a) => a.frontmatter.peerReview.anonymity === "open")!;

const ALICE = "Alice Anoniem"; // double-anonymous author in cohort A
const DAY = 24 * 60 * 60 * 1000;

type Person = { id: string; browser: Client };
async function participant(
  name: string,
  cohortId: string,
  gildeId: string | null,
  status: "ACTIVE" | "APPLIED" = "ACTIVE",
): Promise<Person> {
  const user = await createUser({ name });
  await enroll(user.id, cohortId, status);
  if (gildeId) await joinGilde({ id: gildeId, cohortId }, user.id);
  const browser = await app.client().signInAs(user);
  return { id: user.id, browser };
}

const submit = (userId: string, cohortId: string, assignmentSlug: string, body: string) =>
  createSubmission({ userId, cohortId, assignmentSlug, body });
const review = (cohortId: string, assignmentSlug: string, submissionId: string, reviewerId: string) =>
  createPeerReview({ submission: { id: submissionId, cohortId, assignmentSlug }, reviewerId });

let cohortA: string;
let cohortB: string;
let gildeA: string;
let gildeB: string;
let alice: Person, bob: Person, xavier: Person, yara: Person, carol: Person, bea: Person;
let aliceD: string; // Alice's submission of the double-anonymous assignment
let bobO: string; // Bob's submission of the open assignment
let carolO: string; // Carol's submission in cohort B
let reviewD: string; // Yara reviews Alice (cohort A, double-anonymous)
let reviewB: string; // Bea reviews Carol (cohort B)
let dirkEnrollment: string; // an application in cohort B
let erikEnrollment: string; // accepted, employer pays, cohort B
let fionaPayment: string; // a paid checkout in cohort B
let trainerBId: string;
let mentorB: string;
let trainerA: Client;
let admin: Client;

beforeAll(async () => {
  cohortA = (await createCohort()).id;
  cohortB = (await createCohort()).id;
  await db.cohort.updateMany({
    where: { id: { in: [cohortA, cohortB] } },
    data: { endsOn: new Date(Date.now() + 90 * DAY) },
  });
  gildeA = (await createGilde({ cohortId: cohortA, name: "Gilde A" })).id;
  gildeB = (await createGilde({ cohortId: cohortB, name: "Gilde B" })).id;
  alice = await participant(ALICE, cohortA, gildeA);
  bob = await participant("Bob Open", cohortA, gildeA);
  xavier = await participant("Xavier Extra", cohortA, gildeA);
  yara = await participant("Yara Gever", cohortA, gildeA);
  carol = await participant("Carol Buiten", cohortB, gildeB);
  bea = await participant("Bea Buiten", cohortB, gildeB);

  aliceD = (await submit(alice.id, cohortA, doubleAnonymous().slug, "Alices netwerk van een bewoner")).id;
  bobO = (await submit(bob.id, cohortA, open().slug, "Bobs werk")).id;
  carolO = (await submit(carol.id, cohortB, open().slug, "Carols werk")).id;
  reviewD = (await review(cohortA, doubleAnonymous().slug, aliceD, yara.id)).id;
  reviewB = (await review(cohortB, open().slug, carolO, bea.id)).id;
  await db.extension.create({
    data: {
      cohortId: cohortB,
      assignmentSlug: open().slug,
      userId: carol.id,
      dueAt: new Date(Date.now() + 30 * DAY),
      grantedById: carol.id,
    },
  });

  const dirk = await createUser({ name: "Dirk Aanmelder" });
  dirkEnrollment = (await enroll(dirk.id, cohortB, "APPLIED")).id;
  const intake = {
    currentWork: "Opbouwwerker",
    organisation: "Welzijn",
    experienceYears: 3,
    experience: "Buurtwerk",
    wijk: "Oost",
    motivation: "Graag",
  };
  await db.intake.create({ data: { enrollmentId: dirkEnrollment, ...intake, payer: "SELF" } });
  const erik = await createUser({ name: "Erik Werkgever" });
  erikEnrollment = (
    await db.enrollment.create({
      data: { userId: erik.id, cohortId: cohortB, status: "ACCEPTED", acceptedAt: new Date() },
    })
  ).id;
  await db.intake.create({
    data: {
      enrollmentId: erikEnrollment,
      ...intake,
      payer: "EMPLOYER",
      employerName: "Gemeente B",
      employerContact: "Fin. afdeling",
      employerEmail: "factuur@b.example",
      employerAddress: "Straat 1",
    },
  });
  const fiona = await createUser({ name: "Fiona Betaald" });
  const fionaEnrollment = (await enroll(fiona.id, cohortB)).id;
  fionaPayment = (
    await db.payment.create({
      data: {
        enrollmentId: fionaEnrollment,
        kind: "CHECKOUT",
        status: "PAID",
        amountCents: 249500,
        paymentIntentId: `pi_test_${fionaEnrollment}`,
        paidAt: new Date(),
      },
    })
  ).id;

  const trainerB = await createUser({ role: "TRAINER", name: "Trainer B" });
  trainerBId = trainerB.id;
  await db.cohortStaff.create({ data: { cohortId: cohortB, userId: trainerB.id } });
  mentorB = (await createUser({ name: "Mentor B" })).id;
  await db.gildeMentor.create({ data: { gildeId: gildeB, userId: mentorB, linkedById: trainerB.id } });

  trainerA = await trainerOf(app, cohortA);
  admin = await adminIn(app);
});

/** Everything these forms could change, to compare before and after. */
async function snapshot() {
  const [reviews, excuses, extensions, enrollments, members, payments, staff, mentors, outbox, audit, events] =
    await Promise.all([
      db.peerReview.findMany({
        orderBy: { id: "asc" },
        select: {
          id: true,
          cohortId: true,
          assignmentSlug: true,
          submissionId: true,
          reviewerId: true,
          status: true,
          extra: true,
        },
      }),
      db.peerReviewExcuse.findMany({ orderBy: [{ cohortId: "asc" }, { userId: "asc" }] }),
      db.extension.findMany({ orderBy: [{ cohortId: "asc" }, { userId: "asc" }] }),
      db.enrollment.findMany({ orderBy: { id: "asc" }, select: { id: true, status: true, decisionMessage: true } }),
      db.gildeMember.findMany({
        orderBy: [{ cohortId: "asc" }, { userId: "asc" }],
        select: { gildeId: true, userId: true, cohortId: true },
      }),
      db.payment.findMany({
        orderBy: { id: "asc" },
        select: { id: true, status: true, invoiceId: true, note: true, refundedCents: true },
      }),
      db.cohortStaff.findMany({
        orderBy: [{ cohortId: "asc" }, { userId: "asc" }],
        select: { cohortId: true, userId: true },
      }),
      db.gildeMentor.findMany({
        orderBy: [{ gildeId: "asc" }, { userId: "asc" }],
        select: { gildeId: true, userId: true },
      }),
      db.outboxMessage.count(),
      db.auditEvent.count({ where: { action: { not: { in: ["login", "login.failed"] } } } }),
      db.stripeEvent.count(),
    ]);
  return { reviews, excuses, extensions, enrollments, members, payments, staff, mentors, outbox, audit, events };
}

/** Refused: an error status, none of the success messages. */
function expectRefused(page: Page, label: string, statuses = [400, 404]) {
  expect(statuses, `${label}: status ${page.status} ${page.text.slice(0, 200)}`).toContain(page.status);
  expect(page.text, label).not.toMatch(
    /toegevoegd|verplaatst|Vrijgesteld|Uitstel gegeven|ingetrokken|afgerond|Toegelaten|Geplaatst|Gemarkeerd|verstuurd|Terugbetaling aangevraagd|ontkoppeld/,
  );
}

/** Posts each form and checks it was refused and changed nothing at all. */
async function expectAllRefused(posts: [label: string, post: () => Promise<Page>, statuses?: number[]][]) {
  const before = await snapshot();
  for (const [label, post, statuses] of posts) expectRefused(await post(), label, statuses);
  expect(await snapshot()).toEqual(before);
}

/**
 * The reviews Xavier is to give, as /gilde lists them, and everything their review forms show him. (His gilde's
 * member list names Alice anyway: double anonymity hides which work is hers, not that she is in his gilde.)
 */
async function whatXavierIsToReview() {
  const data = await xavier.browser.get("/gilde?_data=routes%2Fgilde._index");
  expect(data.status).toBe(200);
  const reviews = (JSON.parse(data.html) as { toGive: { id: string; author: string }[] }).toGive;
  const forms = await Promise.all(reviews.map((r) => xavier.browser.get(`/gilde/feedback/${r.id}`)));
  return { reviews, everything: [JSON.stringify(reviews), ...forms.map((f) => f.html)].join("\n") };
}

describe("peer-review oversight /beoordelen/peerfeedback/:cohortId", () => {
  const url = () => `/beoordelen/peerfeedback/${cohortA}`;

  it("adds no extra reviewer to a submission of another assignment or cohort, so a double-anonymous author stays hidden", async () => {
    await expectAllRefused([
      // The hole: Alice's double-anonymous work, named under the open assignment, would show Xavier her name.
      [
        "ander opdracht",
        () =>
          trainerA.post(url(), { intent: "add", opdracht: open().slug, submissionId: aliceD, reviewerId: xavier.id }),
      ],
      [
        "andere groep",
        () =>
          trainerA.post(url(), { intent: "add", opdracht: open().slug, submissionId: carolO, reviewerId: xavier.id }),
      ],
      [
        "feedbackgever uit andere groep",
        () => trainerA.post(url(), { intent: "add", opdracht: open().slug, submissionId: bobO, reviewerId: carol.id }),
      ],
    ]);
    const seen = await whatXavierIsToReview();
    expect(seen.reviews).toEqual([]);
    expect(seen.everything).not.toContain(ALICE);
    expect(await db.outboxMessage.count({ where: { text: { contains: "Xavier" } } })).toBe(0);
  });

  it("the same trainer can add Xavier to Alice's work under its own assignment, and he sees her only as a gildegenoot", async () => {
    const added = await trainerA.submit(`${url()}?opdracht=${doubleAnonymous().slug}`, {
      intent: "add",
      opdracht: doubleAnonymous().slug,
      submissionId: aliceD,
      reviewerId: xavier.id,
    });
    expect(added.text).toContain("Extra feedbackgever toegevoegd");
    const seen = await whatXavierIsToReview();
    expect(seen.reviews.map((r) => r.author)).toEqual(["Een gildegenoot"]);
    expect(seen.everything).toContain("Alices netwerk van een bewoner");
    expect(seen.everything).not.toContain(ALICE);
    await db.peerReview.deleteMany({ where: { submissionId: aliceD, reviewerId: xavier.id } });
    await db.outboxMessage.deleteMany({ where: { text: { contains: "Xavier" } } });
  });

  it("moves no review of another assignment or cohort, and to nobody outside the cohort", async () => {
    await expectAllRefused([
      [
        "review van andere opdracht",
        () =>
          trainerA.post(url(), { intent: "reassign", opdracht: open().slug, reviewId: reviewD, reviewerId: xavier.id }),
      ],
      [
        "review van andere groep",
        () =>
          trainerA.post(url(), { intent: "reassign", opdracht: open().slug, reviewId: reviewB, reviewerId: xavier.id }),
      ],
      [
        "naar iemand van andere groep",
        () =>
          trainerA.post(url(), {
            intent: "reassign",
            opdracht: doubleAnonymous().slug,
            reviewId: reviewD,
            reviewerId: carol.id,
          }),
      ],
    ]);
  });

  it("excuses nobody of another cohort, and nothing for an assignment without peer review", async () => {
    const plain = getCourse()
      .modules.flatMap((m) => m.assignments)
      .find((a) => !a.frontmatter.peerReview.enabled);
    await expectAllRefused([
      [
        "deelnemer van andere groep",
        () => trainerA.post(url(), { intent: "excuse", opdracht: open().slug, userId: carol.id, reason: "aanval" }),
      ],
      [
        "onbekende opdracht",
        () =>
          trainerA.post(url(), {
            intent: "excuse",
            opdracht: plain?.slug ?? "bestaat-niet",
            userId: bob.id,
            reason: "aanval",
          }),
      ],
    ]);
  });
});

describe("the cohort's assignments /opdrachten/groep/:cohortId", () => {
  const url = () => `/opdrachten/groep/${cohortA}`;

  it("gives, withdraws and completes nothing for a participant of another cohort or an unknown assignment", async () => {
    await expectAllRefused([
      [
        "uitstel andere groep",
        () =>
          trainerA.post(url(), { intent: "extension", slug: open().slug, userId: carol.id, dueAt: "2099-01-01T12:00" }),
      ],
      [
        "uitstel onbekende opdracht",
        () =>
          trainerA.post(url(), {
            intent: "extension",
            slug: "bestaat-niet",
            userId: bob.id,
            dueAt: "2099-01-01T12:00",
          }),
      ],
      [
        "uitstel intrekken andere groep",
        () => trainerA.post(url(), { intent: "remove-extension", slug: open().slug, userId: carol.id }),
      ],
      ["afronden andere groep", () => trainerA.post(url(), { intent: "complete", userId: carol.id })],
    ]);
  });
});

describe("intakes and payments /beoordelen/aanmeldingen/:cohortId", () => {
  const url = () => `/beoordelen/aanmeldingen/${cohortA}`;

  it("decides, places and marks as arranged nothing of another cohort", async () => {
    await expectAllRefused([
      [
        "toelaten andere groep",
        () => trainerA.post(url(), { intent: "accept", enrollmentId: dirkEnrollment, message: "Welkom" }),
      ],
      [
        "afwijzen andere groep",
        () => trainerA.post(url(), { intent: "reject", enrollmentId: dirkEnrollment, message: "Nee" }),
      ],
      [
        "plaatsen: deelnemer van andere groep",
        () => trainerA.post(url(), { intent: "place", userId: carol.id, gildeId: gildeA }),
      ],
      [
        "plaatsen: gilde van andere groep",
        () => trainerA.post(url(), { intent: "place", userId: bob.id, gildeId: gildeB }),
      ],
      ["geregeld andere groep", () => admin.post(url(), { intent: "arranged", enrollmentId: erikEnrollment })],
    ]);
  });

  it("sends no invoice for an enrollment of another cohort, also not for an admin", async () => {
    await expectAllRefused([
      ["factuur andere groep", () => admin.post(url(), { intent: "invoice", enrollmentId: erikEnrollment })],
    ]);
    expect(await db.payment.count({ where: { enrollmentId: erikEnrollment } })).toBe(0);
  });

  it("refunds no payment of another cohort, also not for an admin", async () => {
    await expectAllRefused([
      ["terugbetaling andere groep", () => admin.post(url(), { intent: "refund", paymentId: fionaPayment })],
    ]);
    expect((await db.payment.findUniqueOrThrow({ where: { id: fionaPayment } })).status).toBe("PAID");
  });
});

describe("the admin's cohort page /beheer/groepen/:cohortId", () => {
  const url = () => `/beheer/groepen/${cohortA}`;

  it("places nobody across cohorts and removes no trainer of another cohort", async () => {
    await expectAllRefused([
      [
        "plaatsen: deelnemer van andere groep",
        () => admin.post(url(), { intent: "place", userId: carol.id, gildeId: gildeA }),
      ],
      [
        "plaatsen: gilde van andere groep",
        () => admin.post(url(), { intent: "place", userId: bob.id, gildeId: gildeB }),
      ],
      ["trainer van andere groep", () => admin.post(url(), { intent: "remove-trainer", userId: trainerBId })],
    ]);
  });
});

describe("a gilde's room /gildes/:gildeId", () => {
  it("unlinks no mentor of another gilde", async () => {
    await expectAllRefused([
      ["mentor van andere gilde", () => trainerA.post(`/gildes/${gildeA}`, { intent: "unmentor", userId: mentorB })],
    ]);
  });
});
