// Guessing ids into someone else's data (insecure direct object references). One cohort's work, files, reviews,
// grades, gilde room, intakes and wijkprofiel are set up with recognisable secret text; then classmates, people of
// another cohort, trainers of another cohort, non-admins and anonymous visitors try every route that takes an id.
// Each must answer 403/404 (or send an anonymous visitor to /inloggen) and show none of the secret text.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createGilde, createPeerReview, createUser, enroll } from "../support/factories";
import { startTestApp, type Client, type Page, type TestApp } from "../support/http";
import { trainerOf } from "../support/people";
import { at } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const SECRET = {
  wijk: "GEHEIM-WIJK-Alice-buurtnetwerk",
  work: "GEHEIM-INZENDING-Alice-schreef-dit",
  file: "GEHEIM-BIJLAGE-inhoud",
  review: "GEHEIM-PEERFEEDBACK-van-Bob",
  grade: "GEHEIM-CIJFER-vrijgegeven",
  draftGrade: "GEHEIM-CIJFER-concept",
  room: "GEHEIM-GILDEKAMER-onderwerp",
  intake: "GEHEIM-INTAKE-motivatie",
  practice: "GEHEIM-PRAKTIJK-ingetrokken",
};

const assignments = () => getCourse().modules.flatMap((m) => m.assignments);
const first = () => at(assignments(), 0, "an assignment");
const rubric = () => first().frontmatter.rubric;

type Person = { id: string; name: string; browser: Client };

async function person(
  name: string,
  role: "PARTICIPANT" | "TRAINER" | "ADMIN" = "PARTICIPANT",
  cohortId?: string,
  status: "ACTIVE" | "COMPLETED" | "APPLIED" = "ACTIVE",
): Promise<Person> {
  const user = await createUser({ name, role });
  if (cohortId) await enroll(user.id, cohortId, status);
  const browser = await app.client().signInAs(user);
  return { id: user.id, name, browser };
}

// The world every test attacks: cohort A with Alice's work, cohort B next door.
let cohortA: string;
let cohortB: string;
let gildeA: string;
let alice: Person;
let bob: Person; // Alice's classmate and gildegenoot, her assigned reviewer
let dave: Person; // also in Alice's gilde, not her reviewer
let frank: Person; // cohort A, another gilde
let carol: Person; // participant of cohort B
let alumnus: Person;
let trainerA: Client;
let trainerB: Client;
let submissionId: string;
let daveSubmissionId: string;
let attachmentId: string;
let reviewId: string;
let threadId: string;
let applicantEnrollmentId: string;
let caseId: string;
let publishedCaseId: string;

beforeAll(async () => {
  cohortA = (await createCohort()).id;
  cohortB = (await createCohort()).id;
  await db.cohort.update({ where: { id: cohortA }, data: { endsOn: new Date(Date.now() + 90 * 86_400_000) } });
  alice = await person("Alice Auteur", "PARTICIPANT", cohortA);
  bob = await person("Bob Beoordelaar", "PARTICIPANT", cohortA);
  dave = await person("Dave Gildegenoot", "PARTICIPANT", cohortA);
  frank = await person("Frank Andergilde", "PARTICIPANT", cohortA);
  carol = await person("Carol Andergroep", "PARTICIPANT", cohortB);
  alumnus = await person("Olga Oudgediende", "PARTICIPANT", cohortB, "COMPLETED");
  gildeA = (await createGilde({ cohortId: cohortA, name: "De Geheime Gilde", members: [alice, bob, dave] })).id;
  await createGilde({ cohortId: cohortA, name: "De Buren", members: [frank] });
  trainerA = await trainerOf(app, cohortA);
  trainerB = await trainerOf(app, cohortB);

  // Alice: wijkprofiel, a submission with a file, a released grade.
  expect(
    (await alice.browser.submit("/wijk", { name: "Schilderswijk", municipality: "Den Haag", networks: SECRET.wijk }))
      .text,
  ).toContain("Opgeslagen");
  const pdf = new TextEncoder().encode(`%PDF-1.7\n${SECRET.file}\n%%EOF\n`);
  expect(
    (await alice.browser.upload(`/opdrachten/${first().slug}`, [{ name: "alice-verslag.pdf", bytes: pdf }])).text,
  ).toContain("toegevoegd");
  expect(
    (await alice.browser.submit(`/opdrachten/${first().slug}`, { intent: "hand-in", body: SECRET.work, revision: "0" }))
      .text,
  ).toContain("Ingeleverd");
  const submission = await db.submission.findFirstOrThrow({
    where: { userId: alice.id },
    include: { versions: { include: { attachments: true } } },
  });
  submissionId = submission.id;
  attachmentId = at(at(submission.versions, 0).attachments, 0, "Alice's attachment").id;
  const grade: Record<string, string> = {
    decision: "voldaan",
    overall: SECRET.grade,
    revision: "0",
    intent: "release",
  };
  for (const c of rubric())
    Object.assign(grade, {
      [`levels.${c.id}`]: String(c.passLevel),
      [`feedback.${c.id}`]: `${SECRET.grade} bij ${c.id}`,
    });
  expect((await trainerA.submit(`/beoordelen/${submissionId}`, grade)).text).toContain("Vrijgegeven");

  // Dave: another assignment, with a draft grade nobody but trainers may see.
  const second = at(assignments(), 1, "a second assignment");
  await dave.browser.submit(`/opdrachten/${second.slug}`, { intent: "hand-in", body: "Daves werk", revision: "0" });
  daveSubmissionId = (await db.submission.findFirstOrThrow({ where: { userId: dave.id } })).id;
  const draft: Record<string, string> = {
    decision: "niet-voldaan",
    overall: SECRET.draftGrade,
    revision: "0",
    intent: "save",
  };
  expect((await trainerA.submit(`/beoordelen/${daveSubmissionId}`, draft)).text).toContain("Concept opgeslagen");

  // Bob reviews Alice's work and saved a draft of his feedback.
  reviewId = (await createPeerReview({ submission, reviewerId: bob.id })).id;
  expect(
    (
      await bob.browser.submit(`/gilde/feedback/${reviewId}`, {
        "answers.0": SECRET.review,
        tip: SECRET.review,
        revision: "0",
        intent: "save",
      })
    ).text,
  ).toContain("Concept opgeslagen");

  // The gilde's room has a thread.
  const room = await alice.browser.post(`/gildes/${gildeA}`, {
    intent: "thread",
    title: SECRET.room,
    body: SECRET.room,
    tags: "",
  });
  expect(room.status).toBe(302);
  threadId = room.location!.split("/").pop()!;

  // An applicant's intake for cohort A.
  const applicant = await createUser({ name: "Erin Aanmelder" });
  const enrollment = await enroll(applicant.id, cohortA, "APPLIED");
  applicantEnrollmentId = enrollment.id;
  await db.intake.create({
    data: {
      enrollmentId: enrollment.id,
      currentWork: "Opbouwwerker",
      organisation: "Welzijn",
      experienceYears: 4,
      experience: "Buurtwerk",
      wijk: "Oost",
      motivation: SECRET.intake,
      payer: "SELF",
    },
  });

  // Practice cases of the alumnus: one withdrawn, one published.
  const base = {
    situation: SECRET.practice,
    residents: "Bewoners",
    role: "Rol",
    result: "Resultaat",
    learned: "Les",
    municipality: "Utrecht",
    themes: [],
    consentAt: new Date(),
  };
  caseId = (
    await db.practiceCase.create({
      data: { ...base, authorId: alumnus.id, title: "Ingetrokken voorbeeld", withdrawnAt: new Date() },
    })
  ).id;
  publishedCaseId = (
    await db.practiceCase.create({
      data: { ...base, situation: "Openbaar", authorId: alumnus.id, title: "Gepubliceerd voorbeeld" },
    })
  ).id;
});

const ALL_SECRETS = Object.values(SECRET);

/** Refused (403/404) and none of the secrets anywhere in the answer, markup and data included. */
function expectRefused(page: Page, label: string, statuses = [403, 404]) {
  expect(statuses, `${label}: status ${page.status}`).toContain(page.status);
  for (const secret of ALL_SECRETS) expect(page.html, `${label} lekt ${secret}`).not.toContain(secret);
  expect(page.headers.get("Content-Disposition"), label).toBeNull();
}

/** The same path as a page and as Remix's data request for the route. */
async function pageAndData(browser: Client, path: string, routeId: string) {
  return [
    await browser.get(path),
    await browser.get(`${path}${path.includes("?") ? "&" : "?"}_data=${encodeURIComponent(routeId)}`),
  ];
}

describe("submissions and grading", () => {
  it("the secrets are really there: Alice's own trainer sees her work, file and grade", async () => {
    const screen = await trainerA.get(`/beoordelen/${submissionId}`);
    expect(screen.status).toBe(200);
    expect(screen.text).toContain(SECRET.work);
    expect((await trainerA.get(`/bijlagen/${attachmentId}`)).html).toContain(SECRET.file);
    expect((await alice.browser.get(`/opdrachten/${first().slug}`)).text).toContain(SECRET.grade);
  });

  it("keeps /beoordelen/:submissionId from a trainer of another cohort (404) and from participants (403), also its data and its action", async () => {
    for (const page of await pageAndData(trainerB, `/beoordelen/${submissionId}`, "routes/beoordelen.$submissionId"))
      expectRefused(page, "trainer B", [404]);
    for (const who of [bob, dave, carol, alumnus]) {
      for (const page of await pageAndData(
        who.browser,
        `/beoordelen/${submissionId}`,
        "routes/beoordelen.$submissionId",
      ))
        expectRefused(page, who.name, [403]);
    }
    const before = await db.assessment.count({ where: { submissionId } });
    const grade: Record<string, string> = {
      decision: "niet-voldaan",
      overall: "Overschreven",
      revision: "0",
      intent: "save",
      correctionReason: "aanval",
    };
    expectRefused(await trainerB.post(`/beoordelen/${submissionId}`, grade), "trainer B schrijft", [404]);
    expectRefused(
      await bob.browser.post(`/beoordelen/${submissionId}`, { ...grade, intent: "release" }),
      "Bob schrijft",
      [403],
    );
    expect(await db.assessment.count({ where: { submissionId } })).toBe(before);
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).status).toBe("PASSED");
  });

  it("never shows one participant another's grade, released or draft, nor a draft to its owner", async () => {
    const slug = first().slug;
    for (const who of [bob, dave, frank]) {
      const own = await pageAndData(who.browser, `/opdrachten/${slug}`, "routes/opdrachten.$slug");
      for (const page of own) {
        expect(page.status).toBe(200);
        expect(page.html).not.toContain(SECRET.grade);
        expect(page.html).not.toContain(SECRET.draftGrade);
      }
      expectRefused(await who.browser.get(`/beoordelen/export/${cohortA}`), `${who.name}: export`, [404]);
      expectRefused(await who.browser.get(`/beoordelen/overzicht?groep=${cohortA}`), `${who.name}: overzicht`, [403]);
      expectRefused(await who.browser.get(`/beoordelen/${daveSubmissionId}`), `${who.name}: Daves concept`, [403]);
    }
    const davesOwn = await pageAndData(
      dave.browser,
      `/opdrachten/${at(assignments(), 1).slug}`,
      "routes/opdrachten.$slug",
    );
    for (const page of davesOwn) expect(page.html).not.toContain(SECRET.draftGrade);
  });

  it("keeps the cohort's CSV export, peer-review matrix, planning, deadlines and grading overview from a trainer of another cohort", async () => {
    const paths = [
      `/beoordelen/export/${cohortA}`,
      `/beoordelen/peerfeedback/${cohortA}`,
      `/beoordelen/peerfeedback/${cohortA}?opdracht=${first().slug}`,
      `/modules/planning/${cohortA}`,
      `/opdrachten/groep/${cohortA}`,
      `/beoordelen/overzicht?groep=${cohortA}`,
      `/beoordelen/overzicht/csv?groep=${cohortA}`,
      `/beoordelen/aanmeldingen/${cohortA}`,
    ];
    for (const path of paths) {
      const page = await trainerB.get(path);
      expectRefused(page, `trainer B: ${path}`, [404]);
      expect(page.html, path).not.toContain("Alice Auteur");
    }
    // The same pages show the cohort's people to its own trainer: the refusal above is about who asks.
    expect((await trainerA.get(`/beoordelen/export/${cohortA}`)).html).toContain("Alice Auteur");
    expect((await trainerA.get(`/beoordelen/peerfeedback/${cohortA}?opdracht=${first().slug}`)).text).toContain(
      "Bob Beoordelaar",
    );

    // Their actions are refused too, and change nothing.
    const slug = first().slug;
    expectRefused(
      await trainerB.post(`/modules/planning/${cohortA}`, {
        [`opens.${at(getCourse().modules, 0).slug}`]: "2099-01-01",
      }),
      "planning",
      [404],
    );
    expectRefused(
      await trainerB.post(`/opdrachten/groep/${cohortA}`, {
        intent: "schedule",
        [`due.${slug}`]: "2020-01-01T12:00",
        [`closed.${slug}`]: "on",
      }),
      "deadlines",
      [404],
    );
    expectRefused(
      await trainerB.post(`/opdrachten/groep/${cohortA}`, {
        intent: "extension",
        slug,
        userId: alice.id,
        dueAt: "2099-01-01T12:00",
      }),
      "uitstel",
      [404],
    );
    expectRefused(
      await trainerB.post(`/beoordelen/peerfeedback/${cohortA}`, {
        intent: "excuse",
        opdracht: slug,
        userId: bob.id,
        reason: "aanval",
      }),
      "vrijstelling",
      [404],
    );
    expect(await db.moduleRelease.count({ where: { cohortId: cohortA } })).toBe(0);
    expect(await db.assignmentSchedule.count({ where: { cohortId: cohortA } })).toBe(0);
    expect(await db.extension.count({ where: { cohortId: cohortA } })).toBe(0);
    expect(await db.peerReviewExcuse.count({ where: { cohortId: cohortA } })).toBe(0);
  });
});

describe("files", () => {
  it("gives someone else's attachment to nobody but its owner and the cohort's trainers, and says the same as for an id that does not exist", async () => {
    for (const who of [bob.browser, dave.browser, carol.browser, alumnus.browser, trainerB]) {
      const page = await who.get(`/bijlagen/${attachmentId}`);
      expectRefused(page, "bijlage", [404]);
      const missing = await who.get(`/bijlagen/${attachmentId.slice(0, -4)}zzzz`);
      expect(missing.status).toBe(page.status);
      expect(missing.text).toBe(page.text);
    }
    const anonymous = await app.client().get(`/bijlagen/${attachmentId}`);
    expect(anonymous.location).toMatch(/^\/inloggen/);
    expect(anonymous.html).not.toContain(SECRET.file);
    expect((await alice.browser.get(`/bijlagen/${attachmentId}`)).html).toContain(SECRET.file);
  });
});

describe("peer reviews", () => {
  it("shows a review and its attachment only to its own reviewer", async () => {
    const form = await bob.browser.get(`/gilde/feedback/${reviewId}`);
    expect(form.text).toContain(SECRET.work);
    expect((await bob.browser.get(`/gilde/feedback/${reviewId}/bijlage/1`)).html).toContain(SECRET.file);

    for (const who of [dave, frank, carol, alice, alumnus]) {
      for (const page of await pageAndData(
        who.browser,
        `/gilde/feedback/${reviewId}`,
        "routes/gilde.feedback.$reviewId",
      ))
        expectRefused(page, `${who.name}: review`, [404]);
      for (const n of ["1", "0", "2", "-1"])
        expectRefused(
          await who.browser.get(`/gilde/feedback/${reviewId}/bijlage/${n}`),
          `${who.name}: bijlage ${n}`,
          [404],
        );
    }
    for (const staff of [trainerA, trainerB])
      expectRefused(await staff.get(`/gilde/feedback/${reviewId}`), "trainer", [403]);
    expect((await app.client().get(`/gilde/feedback/${reviewId}`)).location).toMatch(/^\/inloggen/);
  });

  it("does not let anyone but the reviewer save, submit or rate the review", async () => {
    const answers = {
      "answers.0": "Overgenomen",
      "answers.1": "Overgenomen",
      "answers.2": "Overgenomen",
      tip: "Overgenomen",
      revision: "1",
    };
    for (const who of [dave, alice, carol]) {
      expectRefused(
        await who.browser.submit(`/gilde/feedback/${reviewId}`, { ...answers, intent: "submit" }),
        `${who.name}: indienen`,
        [404],
      );
      expectRefused(
        await who.browser.submit("/gilde", { reviewId, rating: "1", comment: "Slecht" }),
        `${who.name}: waarderen`,
        [404],
      );
    }
    const review = await db.peerReview.findUniqueOrThrow({ where: { id: reviewId } });
    expect(review).toMatchObject({ status: "OPEN", revision: 1, tip: SECRET.review, rating: null });
  });
});

describe("rooms, intakes, wijkprofielen, cohorts and practice cases", () => {
  it("keeps a gilde's room and its threads from everyone outside it, for reading and for posting", async () => {
    expect((await dave.browser.get(`/gildes/${gildeA}`)).text).toContain(SECRET.room);
    const threadsBefore = await db.thread.count({ where: { gildeId: gildeA } });
    for (const who of [frank.browser, carol.browser, alumnus.browser, trainerB]) {
      for (const page of await pageAndData(who, `/gildes/${gildeA}`, "routes/gildes.$gildeId"))
        expectRefused(page, "kamer", [404]);
      expectRefused(await who.get(`/community/${threadId}`), "onderwerp", [404]);
      expectRefused(
        await who.post(`/gildes/${gildeA}`, { intent: "thread", title: "Ingebroken", body: "x", tags: "" }),
        "nieuw onderwerp",
        [404],
      );
      expectRefused(
        await who.post(`/community/${threadId}`, { intent: "reply", body: "Ingebroken" }),
        "reactie",
        [404],
      );
    }
    expect(await db.thread.count({ where: { gildeId: gildeA } })).toBe(threadsBefore);
    expect(await db.post.count({ where: { threadId, body: "Ingebroken" } })).toBe(0);
    expect((await app.client().get(`/gildes/${gildeA}`)).location).toMatch(/^\/inloggen/);
  });

  it("keeps intakes from the wrong trainer and from participants, and /betaald shows only your own status", async () => {
    expect((await trainerA.get(`/beoordelen/aanmeldingen/${cohortA}`)).text).toContain(SECRET.intake);
    for (const who of [trainerB, bob.browser, carol.browser]) {
      expectRefused(await who.get(`/beoordelen/aanmeldingen/${cohortA}`), "aanmeldingen", [404]);
      expectRefused(
        await who.post(`/beoordelen/aanmeldingen/${cohortA}`, {
          intent: "accept",
          enrollmentId: applicantEnrollmentId,
          message: "Welkom",
        }),
        "toelaten",
        [404],
      );
    }
    expect((await db.enrollment.findUniqueOrThrow({ where: { id: applicantEnrollmentId } })).status).toBe("APPLIED");

    // Alice is enrolled in cohort A; Carol asking for cohort A's payment page learns nothing about anyone.
    const carols = await carol.browser.get(`/aanmelden/${cohortA}/betaald`);
    expect(carols.text).not.toContain("Je bent ingeschreven");
    expect(carols.html).not.toContain("Alice");
    expect((await alice.browser.get(`/aanmelden/${cohortA}/betaald`)).text).toContain("Je bent ingeschreven");
    const carolsApplication = await carol.browser.get(`/aanmelden/${cohortA}`);
    expect(carolsApplication.html).not.toContain(SECRET.intake);
    expect(carolsApplication.html).not.toContain("Erin");
  });

  it("keeps a wijkprofiel from trainers of other cohorts and from every participant", async () => {
    expect((await trainerA.get(`/wijk/${alice.id}`)).text).toContain(SECRET.wijk);
    for (const page of await pageAndData(trainerB, `/wijk/${alice.id}`, "routes/wijk.$userId"))
      expectRefused(page, "trainer B", [404]);
    for (const who of [bob, carol, alumnus]) {
      for (const page of await pageAndData(who.browser, `/wijk/${alice.id}`, "routes/wijk.$userId"))
        expectRefused(page, who.name, [403]);
      // Their own /wijk never shows hers, whatever they add to the address.
      expect((await who.browser.get(`/wijk?userId=${alice.id}`)).html).not.toContain(SECRET.wijk);
    }
    expect((await app.client().get(`/wijk/${alice.id}`)).location).toMatch(/^\/inloggen/);
  });

  it("keeps an admin's cohort page and its actions from trainers and participants", async () => {
    for (const who of [trainerA, trainerB, alice.browser]) {
      expectRefused(await who.get(`/beheer/groepen/${cohortA}`), "beheer", [403]);
      expectRefused(
        await who.post(`/beheer/groepen/${cohortA}`, { intent: "add-trainer", userId: carol.id }),
        "trainer toevoegen",
        [403],
      );
      expectRefused(
        await who.post(`/beheer/groepen/${cohortA}`, { intent: "place", userId: frank.id, gildeId: gildeA }),
        "plaatsen",
        [403],
      );
    }
    expect(await db.cohortStaff.count({ where: { cohortId: cohortA, userId: carol.id } })).toBe(0);
    expect((await db.gildeMember.findFirstOrThrow({ where: { userId: frank.id } })).gildeId).not.toBe(gildeA);
  });

  it("keeps a withdrawn practice case from everyone, and lets nobody but the author withdraw a published one", async () => {
    for (const who of [bob.browser, carol.browser, trainerA, alumnus.browser])
      expectRefused(await who.get(`/praktijk/${caseId}`), "ingetrokken", [404]);
    const search = await bob.browser.get("/praktijk?q=bewoners");
    expect(search.html).toContain(`/praktijk/${publishedCaseId}`);
    expect(search.html).not.toContain(`/praktijk/${caseId}`);
    expect(search.html).not.toContain(SECRET.practice);
    for (const who of [bob.browser, carol.browser, trainerA])
      expectRefused(await who.post(`/praktijk/${publishedCaseId}`, {}), "intrekken", [404]);
    expect((await db.practiceCase.findUniqueOrThrow({ where: { id: publishedCaseId } })).withdrawnAt).toBeNull();
    expect((await bob.browser.get(`/praktijk/${publishedCaseId}`)).text).toContain("Gepubliceerd voorbeeld");
  });

  it("sends an anonymous visitor of every id route to /inloggen without showing anything", async () => {
    const visitor = app.client();
    const paths = [
      `/beoordelen/${submissionId}`,
      `/beoordelen/export/${cohortA}`,
      `/beoordelen/peerfeedback/${cohortA}`,
      `/beoordelen/aanmeldingen/${cohortA}`,
      `/modules/planning/${cohortA}`,
      `/opdrachten/groep/${cohortA}`,
      `/beheer/groepen/${cohortA}`,
      `/aanmelden/${cohortA}/betaald`,
      `/gilde/feedback/${reviewId}/bijlage/1`,
      `/community/${threadId}`,
      `/praktijk/${publishedCaseId}`,
    ];
    for (const path of paths) {
      const page = await visitor.get(path);
      expect(page.status, path).toBe(302);
      expect(page.location, path).toBe(`/inloggen?redirectTo=${encodeURIComponent(path)}`);
      for (const secret of ALL_SECRETS) expect(page.html).not.toContain(secret);
    }
  });
});
