// Trainers grade: the queue, the grading screen, drafts nobody else sees, release, concurrency, corrections.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createGilde, createLtiPlatform, createUser, joinGilde } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { participantIn, trainerOf } from "../support/people";
import { at } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const assignment = () => at(at(getCourse().modules, 0).assignments, 0);
const rubric = () => assignment().frontmatter.rubric;
const page = () => `/opdrachten/${assignment().slug}`;

/** A participant who handed in, their trainer, and the submission id. */
async function handedIn() {
  const student = await participantIn(app, { name: "Sanne Student" });
  await student.browser.submit(page(), { intent: "hand-in", body: "Mijn wijkgeschiedenis", revision: "0" });
  const trainer = await trainerOf(app, student.cohortId);
  const submission = await db.submission.findFirstOrThrow({ where: { userId: student.user.id } });
  return { student, trainer, submissionId: submission.id };
}

/** Every required criterion at its pass level, with feedback. */
function passingForm(decision = "voldaan") {
  const form: Record<string, string> = { decision, overall: "Sterk **verhaal**.", revision: "0" };
  for (const c of rubric()) {
    form[`levels.${c.id}`] = String(c.passLevel);
    form[`feedback.${c.id}`] = `Feedback bij ${c.title}`;
  }
  return form;
}

/** A revision is handed in after the participant said what they did with the feedback (issue 23). */
async function handInRevision(browser: Client, body: string) {
  const asked = await browser.submit(page(), { intent: "hand-in", body, revision: "1" });
  expect(asked.text).toContain("Wat heb je gedaan met de feedback op je vorige versie?");
  return browser.submit(`${page()}/inleveren`, { intent: "hand-in", reflection: "Ik heb meer bewoners gesproken." });
}

describe("grading queue and access", () => {
  it("shows a trainer the work of their own cohorts only", async () => {
    const { trainer, submissionId } = await handedIn();
    const queue = await trainer.get("/beoordelen");
    expect(queue.text).toContain("Sanne Student");
    expect(queue.html).toContain(`/beoordelen/${submissionId}`);
    const stranger = await trainerOf(app, (await createCohort()).id);
    expect((await stranger.get("/beoordelen")).html).not.toContain(`/beoordelen/${submissionId}`);
    expect((await stranger.get(`/beoordelen/${submissionId}`)).status).toBe(404);
    const participant = await participantIn(app);
    expect((await participant.browser.get(`/beoordelen/${submissionId}`)).status).toBe(403);
  });

  it("filters the queue on late work, gilde and whether a draft assessment exists", async () => {
    const { trainer, student, submissionId } = await handedIn();
    expect((await trainer.get("/beoordelen?laat=ja")).text).not.toContain("Sanne Student");
    expect((await trainer.get("/beoordelen?laat=nee")).text).toContain("Sanne Student");
    const gilde = await createGilde({ cohortId: student.cohortId, name: "De Kuipers" });
    const other = await createGilde({ cohortId: student.cohortId, name: "De Bakkers" });
    await joinGilde(gilde, student.user.id);
    expect((await trainer.get(`/beoordelen?gilde=${gilde.id}`)).text).toContain("Sanne Student");
    expect((await trainer.get(`/beoordelen?gilde=${other.id}`)).text).not.toContain("Sanne Student");
    expect((await trainer.get("/beoordelen?status=concept")).html).not.toContain(`/beoordelen/${submissionId}`);
    await trainer.post(`/beoordelen/${submissionId}`, { ...passingForm(), intent: "save" });
    expect((await trainer.get("/beoordelen?status=concept")).html).toContain(`/beoordelen/${submissionId}`);
    expect((await trainer.get("/beoordelen?status=nieuw")).html).not.toContain(`/beoordelen/${submissionId}`);
  });

  it("offers the trainer's own cohorts and their gildes to filter on, and the roster where an LMS is linked", async () => {
    const { trainer, student } = await handedIn();
    const cohort = await db.cohort.findUniqueOrThrow({ where: { id: student.cohortId } });
    const gildes = [await createGilde({ cohortId: cohort.id, name: "De Wevers" })];
    gildes.push(await createGilde({ cohortId: cohort.id, name: "De Bakkers" }));
    const elsewhere = await createGilde({ cohortId: (await createCohort()).id, name: "De Smeden" });
    const before = await trainer.get("/beoordelen");
    const options = [...before.html.matchAll(/<option value="([^"]*)"[^>]*>([^<]*)<\/option>/g)].map((m) => m[2] ?? "");
    expect(options).toEqual(expect.arrayContaining([cohort.name]));
    const gildeOptions = options.filter((label) => label.endsWith(`(${cohort.name})`));
    expect(gildeOptions).toEqual([`De Bakkers (${cohort.name})`, `De Wevers (${cohort.name})`]);
    expect(before.html).not.toContain(elsewhere.id);
    expect(before.html).not.toContain(`/beoordelen/lti/${cohort.id}`);

    await createLtiPlatform({
      name: "Moodle van de hogeschool",
      origin: "https://moodle.example",
      clientId: `gilde-${cohort.id}`,
      cohortId: cohort.id,
    });
    const after = await trainer.get("/beoordelen");
    expect(after.html).toContain(`aria-label="Leeromgeving ${cohort.name}"`);
    expect(after.html).toContain(`/beoordelen/lti/${cohort.id}`);
  });
});

describe("assessments", () => {
  it("keeps a draft from the participant, in the page and in its data", async () => {
    const { student, trainer, submissionId } = await handedIn();
    const saved = await trainer.submit(`/beoordelen/${submissionId}`, { ...passingForm(), intent: "save" });
    expect(saved.text).toContain("Concept opgeslagen");
    const view = await student.browser.get(page());
    expect(view.text).toContain("wacht op beoordeling");
    expect(view.html).not.toContain("Feedback bij");
    const data = await student.browser.get(`${page()}?_data=${encodeURIComponent("routes/opdrachten.$slug")}`);
    expect(data.html).not.toContain("Feedback bij");
    expect(data.html).not.toContain("Sterk");
  });

  it("refuses levels outside the rubric, and ‘voldaan’ below a pass level", async () => {
    const { trainer, submissionId } = await handedIn();
    const first = at(rubric(), 0, "a rubric criterion");
    const bad = await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm(),
      [`levels.${first.id}`]: "99",
      intent: "save",
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("een van de niveaus uit de rubric");
    const low = Math.min(...first.levels.map((l) => l.score));
    const tooLow = await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm(),
      [`levels.${first.id}`]: String(low),
      intent: "release",
    });
    expect(tooLow.status).toBe(400);
    expect(tooLow.text).toContain("‘Voldaan’ kan niet");
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).status).toBe("SUBMITTED");
  });

  it("refuses the second of two trainers saving from the same starting point", async () => {
    const { trainer, submissionId, student } = await handedIn();
    const second = await trainerOf(app, student.cohortId);
    await trainer.post(`/beoordelen/${submissionId}`, { ...passingForm(), intent: "save" });
    const clash = await second.post(`/beoordelen/${submissionId}`, { ...passingForm("niet-voldaan"), intent: "save" });
    expect(clash.status).toBe(409);
    expect(clash.text).toContain("Iemand anders heeft deze beoordeling net opgeslagen");
    const stored = await db.assessment.findFirstOrThrow({ where: { submissionId } });
    expect(stored.decision).toBe("PASSED");
  });

  it("releases: the participant sees levels, feedback and decision, and gets an e-mail", async () => {
    const { student, trainer, submissionId } = await handedIn();
    const released = await trainer.submit(`/beoordelen/${submissionId}`, { ...passingForm(), intent: "release" });
    expect(released.text).toContain("Vrijgegeven");
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).status).toBe("PASSED");
    const view = await student.browser.get(page());
    expect(view.text).toContain("Beoordeling: Voldaan");
    expect(view.text).toContain(`Feedback bij ${at(rubric(), 0).title}`);
    expect(view.html).toContain("<strong>verhaal</strong>");
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: student.user.email, subject: { startsWith: "Beoordeling" } },
    });
    expect(mail.text).toContain("voldaan");
  });

  it("returns for revision, takes the new version, and corrects a release only with a reason", async () => {
    const { student, trainer, submissionId } = await handedIn();
    const noNote = await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm("herziening"),
      intent: "release",
    });
    expect(noNote.status).toBe(400);
    expect(noNote.text).toContain("wat er moet veranderen");
    await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm("herziening"),
      revisionNote: "Voeg twee bewonersstemmen toe.",
      revision: "1",
      intent: "release",
    });
    expect((await student.browser.get(page())).text).toContain("Voeg twee bewonersstemmen toe.");

    const again = await handInRevision(student.browser, "Met bewonersstemmen");
    expect(again.text).toContain("Ingeleverd (versie 2)");
    expect((await trainer.get("/beoordelen")).html).toContain(`/beoordelen/${submissionId}`);

    await trainer.post(`/beoordelen/${submissionId}`, { ...passingForm(), intent: "release" });
    const noReason = await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm("niet-voldaan"),
      intent: "save",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain("waarom je de vrijgegeven beoordeling corrigeert");
    await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm(),
      overall: "Gecorrigeerd.",
      correctionReason: "Typefout in de feedback",
      intent: "release",
    });
    const assessments = await db.assessment.findMany({ where: { submissionId }, orderBy: { number: "asc" } });
    expect(assessments.map((a) => [a.number, a.status, a.decision])).toEqual([
      [1, "RELEASED", "REVISION"],
      [2, "RELEASED", "PASSED"],
      [3, "RELEASED", "PASSED"],
    ]);
    expect(at(assessments, 2).correctionReason).toBe("Typefout in de feedback");
    expect((await student.browser.get(page())).text).toContain("Gecorrigeerd: Typefout in de feedback");
    // The audit log has each release and the correction with its reason.
    const logged = await db.auditEvent.findMany({ where: { subjectId: submissionId }, orderBy: { at: "asc" } });
    expect(logged.map((e) => e.action)).toEqual(["grade.release", "grade.release", "grade.correction"]);
    expect(at(logged, 2).summary).toContain("Typefout in de feedback");
  });

  it("exports the cohort's decisions as CSV for Dutch Excel, for its own trainers only", async () => {
    const { trainer, submissionId, student } = await handedIn();
    await trainer.post(`/beoordelen/${submissionId}`, { ...passingForm(), intent: "release" });
    const csv = await trainer.get(`/beoordelen/export/${student.cohortId}`);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.headers.get("Content-Disposition")).toMatch(/^attachment; filename="besluiten-/);
    // The text decoder drops the byte-order mark, so look at the bytes themselves.
    const cookie = [...trainer.cookies].map(([k, v]) => `${k}=${v}`).join("; ");
    const bytes = new Uint8Array(
      await (
        await fetch(new URL(`/beoordelen/export/${student.cohortId}`, app.baseUrl), { headers: { Cookie: cookie } })
      ).arrayBuffer(),
    );
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const [header, row] = csv.html.split("\r\n");
    expect(header?.split(";")[0]).toBe("Deelnemer");
    expect(row).toContain("Sanne Student;");
    expect(row).toContain(";Voldaan;");
    // Levels by the criterion's title and the level's label, never "criterion-id=2".
    expect(row).toContain(`${at(rubric(), 0).title}: `);
    expect(row).not.toMatch(/[a-z-]+=\d/);
    const stranger = await trainerOf(app, (await createCohort()).id);
    expect((await stranger.get(`/beoordelen/export/${student.cohortId}`)).status).toBe(404);
  });

  it("releases all complete drafts of an assignment at once, and names the incomplete ones", async () => {
    const one = await handedIn();
    const two = await participantIn(app, { cohortId: one.student.cohortId, name: "Tom Tweede" });
    await two.browser.submit(page(), { intent: "hand-in", body: "Ook klaar", revision: "0" });
    const secondId = (await db.submission.findFirstOrThrow({ where: { userId: two.user.id } })).id;
    await one.trainer.post(`/beoordelen/${one.submissionId}`, { ...passingForm(), intent: "save" });
    await one.trainer.post(`/beoordelen/${secondId}`, { decision: "voldaan", revision: "0", intent: "save" });
    const result = await one.trainer.submit(`/beoordelen?opdracht=${assignment().slug}`, {
      intent: "release-all",
      opdracht: assignment().slug,
    });
    expect(result.text).toContain("1 beoordeling vrijgegeven.");
    expect(result.text).toContain("Niet vrijgegeven, want nog niet compleet: Tom Tweede");
    expect((await db.submission.findUniqueOrThrow({ where: { id: one.submissionId } })).status).toBe("PASSED");
    expect((await db.submission.findUniqueOrThrow({ where: { id: secondId } })).status).toBe("SUBMITTED");
  });

  it("completes a participant only when every assignment is voldaan, who then becomes an alumnus", async () => {
    const { student, trainer } = await handedIn();
    const address = `/opdrachten/groep/${student.cohortId}`;
    const early = await trainer.submit(address, { intent: "complete", userId: student.user.id });
    expect(early.status).toBe(400);
    expect(early.text).toContain("Nog niet af te ronden");
    for (const module of getCourse().modules) {
      for (const a of module.assignments) {
        await db.submission.upsert({
          where: {
            userId_cohortId_assignmentSlug: {
              userId: student.user.id,
              cohortId: student.cohortId,
              assignmentSlug: a.slug,
            },
          },
          create: { userId: student.user.id, cohortId: student.cohortId, assignmentSlug: a.slug, status: "PASSED" },
          update: { status: "PASSED" },
        });
      }
    }
    const done = await trainer.submit(address, { intent: "complete", userId: student.user.id });
    expect(done.text).toContain("Sanne Student heeft de leergang afgerond en is nu alumnus.");
    expect((await db.enrollment.findFirstOrThrow({ where: { userId: student.user.id } })).status).toBe("COMPLETED");
    expect((await student.browser.get("/dashboard")).text).toContain("je bent nu alumnus");
  });

  it("shows who is stuck per cohort, sortable and as CSV, to its own trainers", async () => {
    const { student, trainer } = await handedIn();
    const first = at(getCourse().modules, 0);
    await db.sectionRead.createMany({
      data: first.sections.map((section) => ({
        userId: student.user.id,
        moduleSlug: first.slug,
        sectionId: section.anchor,
      })),
    });
    const idle = await participantIn(app, { cohortId: student.cohortId, name: "Ina Inactief" });
    await db.enrollment.updateMany({
      where: { userId: idle.user.id },
      data: { activatedAt: new Date(Date.now() - 40 * 24 * 3_600_000) },
    });
    const overview = await trainer.get(`/beoordelen/overzicht?groep=${student.cohortId}&sorteer=inactief`);
    expect(overview.status).toBe(200);
    expect(overview.text.indexOf("Ina Inactief")).toBeLessThan(overview.text.indexOf("Sanne Student"));
    expect(overview.text).toContain("40");
    expect(overview.text).toContain("Ingeleverd, in beoordeling");
    expect(overview.text).toContain("Module 1: 100%");
    expect(overview.text).toContain("Module 2: 0%");
    const csv = await trainer.get(`/beoordelen/overzicht/csv?groep=${student.cohortId}`);
    expect(csv.headers.get("Content-Type")).toBe("text/csv; charset=utf-8");
    expect(csv.html.split("\r\n")[0]).toMatch(/^Deelnemer;/);
    const stranger = await trainerOf(app, (await createCohort()).id);
    expect((await stranger.get(`/beoordelen/overzicht?groep=${student.cohortId}`)).status).toBe(404);
  });

  it("holds ‘niet voldaan’ until a second trainer agrees, when the cohort asks for it", async () => {
    const { student, trainer, submissionId } = await handedIn();
    const admin = app.client();
    const adminUser = await createUser({ role: "ADMIN" });
    await admin.signInAs(adminUser);
    await admin.post(`/beheer/groepen/${student.cohortId}`, { intent: "second-reader", required: "on" });
    expect((await db.cohort.findUniqueOrThrow({ where: { id: student.cohortId } })).secondReaderForFail).toBe(true);

    const held = await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm("niet-voldaan"),
      intent: "release",
    });
    expect(held.status).toBe(409);
    expect(held.text).toContain("eerst een tweede trainer die meeleest");
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).status).toBe("SUBMITTED");
    expect((await student.browser.get(page())).text).not.toContain("Niet voldaan");

    const own = await trainer.post(`/beoordelen/${submissionId}`, { intent: "second-read", revision: "1" });
    expect(own.text).toContain("je kunt je eigen beoordeling niet als tweede lezer goedkeuren");
    const second = await trainerOf(app, student.cohortId);
    const screen = await second.get(`/beoordelen/${submissionId}`);
    expect(screen.text).toContain("Akkoord als tweede lezer");
    const stale = await second.post(`/beoordelen/${submissionId}`, { intent: "second-read", revision: "0" });
    expect(stale.status).toBe(409);
    expect(
      (await second.submit(`/beoordelen/${submissionId}`, { intent: "second-read", revision: "1" })).text,
    ).toContain("akkoord gegeven");

    // Changing the draft asks for a new reading; releasing it unchanged does not.
    await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm("niet-voldaan"),
      overall: "Anders verwoord.",
      revision: "1",
      intent: "save",
    });
    expect(
      (
        await trainer.post(`/beoordelen/${submissionId}`, {
          ...passingForm("niet-voldaan"),
          overall: "Anders verwoord.",
          revision: "2",
          intent: "release",
        })
      ).status,
    ).toBe(409);
    await second.post(`/beoordelen/${submissionId}`, { intent: "second-read", revision: "2" });
    const released = await trainer.submit(`/beoordelen/${submissionId}`, {
      ...passingForm("niet-voldaan"),
      overall: "Anders verwoord.",
      revision: "2",
      intent: "release",
    });
    expect(released.text).toContain("Vrijgegeven");
    expect((await db.submission.findUniqueOrThrow({ where: { id: submissionId } })).status).toBe("FAILED");
    expect((await trainer.get(`/beoordelen/${submissionId}`)).status).toBe(200);
  });

  it("lets ‘voldaan’ through without a second reader, and shows what changed between versions", async () => {
    const { student, trainer, submissionId } = await handedIn();
    await db.cohort.update({ where: { id: student.cohortId }, data: { secondReaderForFail: true } });
    await trainer.post(`/beoordelen/${submissionId}`, {
      ...passingForm("herziening"),
      revisionNote: "Meer bewoners.",
      intent: "release",
    });
    await handInRevision(student.browser, "Mijn wijkgeschiedenis met drie bewoners");
    const screen = await trainer.get(`/beoordelen/${submissionId}`);
    expect(screen.text).toContain("Wat is veranderd ten opzichte van versie 1: 3 woorden erbij, 0 eraf");
    expect(screen.html).toMatch(/<ins>\s*met drie bewoners<\/ins>/);
    expect(
      (await trainer.submit(`/beoordelen/${submissionId}`, { ...passingForm(), intent: "release" })).text,
    ).toContain("Vrijgegeven");
  });

  it("is not for a participant who tries to post a grade", async () => {
    const { submissionId } = await handedIn();
    const other = await createUser();
    const browser = await app.client().signInAs(other);
    expect((await browser.post(`/beoordelen/${submissionId}`, { ...passingForm(), intent: "release" })).status).toBe(
      403,
    );
    expect(await db.assessment.count({ where: { submissionId } })).toBe(0);
  });
});
