// Gilde assignments (issue 23): one shared text every member edits (a stale save never overwrites), each member's
// contribution and "akkoord", one hand-in for the gilde (also when two members press at once), the trainer grading
// once and differentiating per member, and a member who left keeping their part.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { createGilde, createUser, enroll } from "../support/factories";
import { startTestApp, type TestApp } from "../support/http";
import { participantIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const SLUG = "gildeplan";
const page = `/opdrachten/${SLUG}/gilde`;

/** A gilde of three in a fresh cohort, each member logged in. */
async function gildeOfThree() {
  const anna = await participantIn(app, { name: "Anna Gildelid" });
  const cohortId = anna.cohortId;
  const bram = await participantIn(app, { cohortId, name: "Bram Gildelid" });
  const cato = await participantIn(app, { cohortId, name: "Cato Gildelid" });
  const gilde = await createGilde({ cohortId, name: "De Testers", members: [anna.user, bram.user, cato.user] });
  return { cohortId, gilde, anna, bram, cato };
}

async function revisionOf(gildeId: string) {
  return (
    await db.gildeDraft.findUniqueOrThrow({ where: { gildeId_assignmentSlug: { gildeId, assignmentSlug: SLUG } } })
  ).revision;
}

describe("the shared text", () => {
  it("lets every member edit it, names who changed it, and never overwrites a stale save", async () => {
    const { gilde, anna, bram } = await gildeOfThree();
    const first = await anna.browser.submit(page, {
      intent: "save-draft",
      body: "Onze verbinders: de kapper.",
      revision: "0",
    });
    expect(first.status).toBe(200);
    expect(first.text).toContain("De gezamenlijke tekst is opgeslagen.");
    const second = await bram.browser.submit(page, {
      intent: "save-draft",
      body: "Onze verbinders: de kapper en de buurtvader.",
      revision: "1",
    });
    expect(second.status).toBe(200);
    expect(second.text).toContain("Laatst opgeslagen door Bram Gildelid");

    // Anna still had revision 1 open: her save is refused, her text comes back, Bram's stays.
    const stale = await anna.browser.submit(page, { intent: "save-draft", body: "Anna's eigen versie", revision: "1" });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain("Bram Gildelid heeft de gezamenlijke tekst ondertussen opgeslagen");
    expect(stale.text).toContain("Anna's eigen versie");
    expect(stale.text).toContain("Onze verbinders: de kapper en de buurtvader.");
    const draft = await db.gildeDraft.findUniqueOrThrow({
      where: { gildeId_assignmentSlug: { gildeId: gilde.id, assignmentSlug: SLUG } },
    });
    expect(draft.body).toBe("Onze verbinders: de kapper en de buurtvader.");

    const edits = (await anna.browser.get(page)).text;
    expect(edits).toContain("Wie de tekst veranderde (2)");
    expect(edits).toMatch(/Bram Gildelid, .*: 7 woorden/);
  });

  it("answers the autosave with the new revision as JSON", async () => {
    const { anna } = await gildeOfThree();
    const saved = await anna.browser.post(`${page}?_data=${encodeURIComponent("routes/opdrachten.$slug_.gilde")}`, {
      intent: "save-draft",
      autosave: "1",
      body: "Vanzelf bewaard",
      revision: "0",
    });
    expect(saved.status).toBe(200);
    expect(JSON.parse(saved.html)).toMatchObject({ status: "success", revision: 1 });
  });

  it("is not for someone outside the gilde, and explains it to a participant without a gilde", async () => {
    const { cohortId, anna } = await gildeOfThree();
    const loner = await participantIn(app, { cohortId, name: "Zonder Gilde" });
    const view = await loner.browser.get(page);
    expect(view.status).toBe(200);
    expect(view.text).toContain("je zit nog niet in een gilde");
    const refused = await loner.browser.submit(page, { intent: "save-draft", body: "Ik doe mee", revision: "0" });
    expect(refused.status).toBe(400);
    expect(await db.gildeDraft.count({ where: { updatedById: loner.user.id } })).toBe(0);
    // A participant of another cohort's gilde never reaches this gilde's text.
    await anna.browser.submit(page, { intent: "save-draft", body: "Alleen voor ons", revision: "0" });
    const stranger = await participantIn(app, { name: "Vreemde" });
    await createGilde({ cohortId: stranger.cohortId, members: [stranger.user] });
    expect((await stranger.browser.get(page)).html).not.toContain("Alleen voor ons");
  });
});

describe("contributions, agreement and handing in", () => {
  it("hands in only when the others agreed to this version; a change makes an akkoord stale", async () => {
    const { gilde, anna, bram, cato } = await gildeOfThree();
    await anna.browser.submit(page, { intent: "save-draft", body: "Ons plan", revision: "0" });
    const noPart = await bram.browser.submit(page, { intent: "agree", revision: "1" });
    expect(noPart.status).toBe(400);
    expect(noPart.text).toContain("Schrijf eerst in een paar zinnen wat jouw bijdrage was.");
    for (const [who, part] of [
      [anna, "Ik schreef de inleiding."],
      [bram, "Ik sprak de kapper."],
      [cato, "Ik maakte de kaart."],
    ] as const)
      await who.browser.submit(page, { intent: "contribution", contribution: part });
    await bram.browser.submit(page, { intent: "agree", revision: "1" });
    const early = await anna.browser.submit(page, { intent: "hand-in" });
    expect(early.status).toBe(400);
    expect(early.text).toContain("we wachten op Cato Gildelid");

    // Cato agrees to an old revision after Anna changed the text: refused, she reads the new one first.
    await anna.browser.submit(page, { intent: "save-draft", body: "Ons plan, herschreven", revision: "1" });
    const stale = await cato.browser.submit(page, { intent: "agree", revision: "1" });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain("De gezamenlijke tekst is veranderd");
    expect((await anna.browser.get(page)).text).toContain("We wachten nog op akkoord van Bram Gildelid, Cato Gildelid");

    const revision = String(await revisionOf(gilde.id));
    await bram.browser.submit(page, { intent: "agree", revision });
    await cato.browser.submit(page, { intent: "agree", revision });
    const handed = await anna.browser.submit(page, { intent: "hand-in" });
    expect(handed.status).toBe(200);
    expect(handed.text).toContain("Ingeleverd namens jullie gilde (versie 1)");
    const submission = await db.submission.findUniqueOrThrow({
      where: { gildeId_assignmentSlug: { gildeId: gilde.id, assignmentSlug: SLUG } },
      include: { versions: true },
    });
    expect(submission.versions.map((v) => v.body)).toEqual(["Ons plan, herschreven"]);
    const mails = await db.outboxMessage.findMany({ where: { subject: { contains: "Ingeleverd namens De Testers" } } });
    expect(mails.map((m) => m.to).sort()).toEqual([anna.user.email, bram.user.email, cato.user.email].sort());

    // After the hand-in the text and the parts are frozen, for everyone.
    const late = await bram.browser.submit(page, { intent: "save-draft", body: "Nog iets", revision });
    expect(late.status).toBe(400);
    expect(late.text).toContain("Jullie gilde heeft deze opdracht al ingeleverd");
  });

  it("lets anyone hand in once the deadline passed, without everyone's akkoord", async () => {
    const { cohortId, gilde, bram } = await gildeOfThree();
    await db.assignmentSchedule.create({ data: { cohortId, assignmentSlug: SLUG, dueAt: new Date("2020-01-01") } });
    await bram.browser.submit(page, { intent: "save-draft", body: "Wat we hebben", revision: "0" });
    await bram.browser.submit(page, { intent: "contribution", contribution: "Ik schreef alles." });
    const handed = await bram.browser.submit(page, { intent: "hand-in" });
    expect(handed.text).toContain("Ingeleverd namens jullie gilde (versie 1), na de deadline");
    expect(await db.submission.count({ where: { gildeId: gilde.id } })).toBe(1);
  });

  it("makes exactly one hand-in when two members press at the same instant", async () => {
    const { cohortId, gilde, anna, bram } = await gildeOfThree();
    await db.assignmentSchedule.create({ data: { cohortId, assignmentSlug: SLUG, dueAt: new Date("2020-01-01") } });
    await anna.browser.submit(page, { intent: "save-draft", body: "Samen", revision: "0" });
    await anna.browser.submit(page, { intent: "contribution", contribution: "Inleiding." });
    await bram.browser.submit(page, { intent: "contribution", contribution: "Slot." });
    const results = await Promise.all([
      anna.browser.post(page, { intent: "hand-in" }),
      bram.browser.post(page, { intent: "hand-in" }),
      anna.browser.post(page, { intent: "hand-in" }),
      bram.browser.post(page, { intent: "hand-in" }),
    ]);
    expect(results.filter((r) => r.status === 302)).toHaveLength(1);
    expect(results.filter((r) => r.status === 409)).toHaveLength(3);
    const submissions = await db.submission.findMany({ where: { gildeId: gilde.id }, include: { versions: true } });
    expect(submissions).toHaveLength(1);
    expect(submissions[0]!.versions).toHaveLength(1);
  });

  it("keeps the part of a member who left the gilde, attributed to them", async () => {
    const { gilde, anna, cato } = await gildeOfThree();
    await cato.browser.submit(page, { intent: "contribution", contribution: "Ik interviewde drie bewoners." });
    await db.gildeMember.delete({ where: { gildeId_userId: { gildeId: gilde.id, userId: cato.user.id } } });
    const view = (await anna.browser.get(page)).text;
    expect(view).toContain("Cato Gildelid niet meer in de gilde");
    expect(view).toContain("Ik interviewde drie bewoners.");
  });
});

describe("grading gilde work", () => {
  it("is graded once; the trainer differentiates per member with a reason, and each member sees the result", async () => {
    const { cohortId, gilde, anna, bram, cato } = await gildeOfThree();
    await db.assignmentSchedule.create({ data: { cohortId, assignmentSlug: SLUG, dueAt: new Date("2020-01-01") } });
    await anna.browser.submit(page, { intent: "save-draft", body: "Ons gildeplan", revision: "0" });
    await anna.browser.submit(page, { intent: "contribution", contribution: "Alles geschreven." });
    await anna.browser.submit(page, { intent: "hand-in" });
    const submission = await db.submission.findUniqueOrThrow({
      where: { gildeId_assignmentSlug: { gildeId: gilde.id, assignmentSlug: SLUG } },
    });
    const trainer = await trainerOf(app, cohortId);
    const desk = await trainer.get(`/beoordelen/${submission.id}`);
    expect(desk.text).toContain("gilde De Testers");
    expect(desk.text).toContain("Alles geschreven.");

    const noReason = await trainer.submit(`/beoordelen/${submission.id}`, {
      intent: "member-grade",
      userId: cato.user.id,
      decision: "niet-voldaan",
      reason: "",
    });
    expect(noReason.status).toBe(400);
    expect(noReason.text).toContain("Schrijf de reden erbij.");
    const outsider = await createUser({ name: "Buiten Gilde" });
    await enroll(outsider.id, cohortId);
    const wrong = await trainer.submit(`/beoordelen/${submission.id}`, {
      intent: "member-grade",
      userId: outsider.id,
      decision: "niet-voldaan",
      reason: "x",
    });
    expect(wrong.status).toBe(400);
    const set = await trainer.submit(`/beoordelen/${submission.id}`, {
      intent: "member-grade",
      userId: cato.user.id,
      decision: "niet-voldaan",
      reason: "Cato heeft niet meegeschreven.",
    });
    expect(set.status).toBe(200);
    // Nothing shows before the gilde's assessment is released.
    expect((await cato.browser.get(page)).text).not.toContain("Cato heeft niet meegeschreven.");
    const version = await db.submissionVersion.findFirstOrThrow({ where: { submissionId: submission.id } });
    await db.assessment.create({
      data: {
        submissionId: submission.id,
        versionId: version.id,
        number: 1,
        status: "RELEASED",
        decision: "PASSED",
        releasedAt: new Date(),
        gradedById: (await db.cohortStaff.findFirstOrThrow({ where: { cohortId } })).userId,
      },
    });
    expect((await bram.browser.get(page)).text).toContain("Beoordeling: Voldaan");
    expect((await bram.browser.get(page)).text).not.toContain("Jouw eigen uitkomst");
    const own = (await cato.browser.get(page)).text;
    expect(own).toContain("Jouw eigen uitkomst: Niet voldaan.");
    expect(own).toContain("Cato heeft niet meegeschreven.");
  });
});
