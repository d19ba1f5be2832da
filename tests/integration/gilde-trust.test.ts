// Learning as a group and the person's rights (issue 23): the data export holds a member's gilde work, the
// evaluations they gave (with whom) and received (only as they see it), their reflections and the trainer's view of
// their feedback, never who rated them; erasure empties their words and keeps the gilde's work; the trainer's
// evaluation moments, quality assessments and per-member grades are in the audit log; a member who left stops being
// evaluated; the peer-feedback matrix and "Wie loopt vast?" show gilde work, open evaluations and weak feedback.
import { strFromU8, unzipSync } from "fflate";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { rateeKey } from "~/peer-review/evaluation.server";
import { createCohort, createGilde, createPeerReview, createUser, enroll } from "../support/factories";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { adminIn, trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const SLUG = "gildeplan";
const page = `/opdrachten/${SLUG}/gilde`;
const DAY = 24 * 60 * 60 * 1000;
type Member = { user: { id: string; name: string; email: string }; browser: Client };

const levels = (score: number) => ({
  "levels.bijdrage": String(score),
  "levels.betrouwbaarheid": String(score),
  "levels.ruimte": String(score),
  "levels.wijk": String(score),
});

/**
 * Gilde "Ankers" (Anna, Bram, Cato, Dirk) wrote and handed in together, Anna for all; "Bruggen" (Xander) reviewed
 * it; an evaluation moment is open in which Bram, Cato and Dirk rated Anna and Anna rated herself and Bram.
 */
async function gildeThatWorked() {
  const cohort = await createCohort();
  const join = async (name: string): Promise<Member> => {
    const user = await createUser({ name });
    await enroll(user.id, cohort.id);
    return { user, browser: await app.client().signInAs(user) };
  };
  const [anna, bram, cato, dirk, xander] = [
    await join("Anna Ankerman"),
    await join("Bram Bootsma"),
    await join("Cato Claessen"),
    await join("Dirk Dijkhuis"),
    await join("Xander Brugman"),
  ] as [Member, Member, Member, Member, Member];
  const gilde = await createGilde({
    cohortId: cohort.id,
    name: "Ankers",
    members: [anna, bram, cato, dirk].map((m) => m.user),
  });
  await createGilde({ cohortId: cohort.id, name: "Bruggen", members: [xander.user] });
  await anna.browser.submit(page, { intent: "save-draft", body: "Ons plan voor de buurtkamer.", revision: "0" });
  for (const member of [anna, bram, cato, dirk])
    await member.browser.submit(page, { intent: "contribution", contribution: `Deel van ${member.user.name}.` });
  for (const member of [bram, cato, dirk]) await member.browser.submit(page, { intent: "agree", revision: "1" });
  expect((await anna.browser.submit(page, { intent: "hand-in" })).text).toContain("Ingeleverd namens jullie gilde");
  const submission = await db.submission.findFirstOrThrow({ where: { gildeId: gilde.id } });
  const review = await createPeerReview({
    submission,
    reviewerId: xander.user.id,
    crossGilde: true,
    status: "SUBMITTED",
    submittedAt: new Date(),
    answers: { "0": "Het plan is helder." },
    tip: "Vraag de buurtconciërge mee.",
  });

  const moment = await db.evaluationMoment.create({
    data: {
      cohortId: cohort.id,
      name: "Halverwege",
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 7 * DAY),
    },
  });
  const url = `/gilde/evaluatie/${moment.id}`;
  const rate = (member: Member, ratee: Member | "zelf", score: number, comment = "") => {
    const key = ratee === "zelf" ? "zelf" : rateeKey(moment.id, ratee.user.id);
    return member.browser.submit(url, { __form: `evaluatie-${key}`, ratee: key, ...levels(score), comment });
  };
  await rate(anna, "zelf", 3, "Ik deed mijn best.");
  await rate(anna, bram, 4, "Bram hield ons bij de les.");
  for (const [rater, comment] of [
    [bram, "Fijn hoe je iedereen laat praten."],
    [cato, "Je brengt de buurt mee naar binnen."],
    [dirk, "Soms wat stil."],
  ] as const) {
    await rate(rater, "zelf", 3);
    await rate(rater, anna, 3, comment);
  }
  return { cohortId: cohort.id, gilde, submission, review, moment, url, anna, bram, cato, dirk, xander };
}

async function download(browser: Client) {
  const response = await fetch(new URL("/account/gegevens/download", app.baseUrl), {
    method: "POST",
    headers: {
      Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
      Origin: app.baseUrl,
      "Content-Type": "application/x-www-form-urlencoded",
    },
    body: "",
  });
  expect(response.status).toBe(200);
  const files = unzipSync(new Uint8Array(await response.arrayBuffer()));
  return Object.fromEntries(Object.entries(files).map(([name, bytes]) => [name, strFromU8(bytes)]));
}

describe("the data export of a gilde member", () => {
  it("holds their gilde work, evaluations, reflections and feedback quality, and never who rated them", async () => {
    const { anna, bram, cato, dirk, xander, review, submission, cohortId } = await gildeThatWorked();
    // Bram did not hand in, yet writes what the gilde does with the feedback on its work.
    const reflected = await bram.browser.submit("/gilde", {
      intent: "reflect",
      submissionId: submission.id,
      reflection: "We nemen de buurtconciërge mee in ons volgende gesprek.",
    });
    expect(reflected.text).toContain("Je reflectie is opgeslagen.");
    // Anna gave feedback on other work, which the trainer assessed as weak.
    const other = await db.submission.create({
      data: {
        userId: xander.user.id,
        cohortId,
        assignmentSlug: "wijkverhaal",
        versions: { create: { number: 1, body: "x" } },
      },
    });
    const given = await createPeerReview({
      submission: other,
      reviewerId: anna.user.id,
      status: "SUBMITTED",
      submittedAt: new Date(),
      answers: { "0": "Goed." },
    });
    const trainer = await trainerOf(app, cohortId);
    await trainer.submit(`/beoordelen/feedback/${given.id}`, {
      "levels.specifiek": "1",
      "levels.opbouwend": "2",
      "levels.criteria": "1",
      "levels.tip": "1",
      note: "Wijs aan waar het om gaat.",
    });

    const files = await download(anna.browser);
    const work = JSON.parse(files["gildewerk.json"]!);
    expect(work.bijdragen).toEqual([
      expect.objectContaining({ gilde: "Ankers", jouw_bijdrage: "Deel van Anna Ankerman." }),
    ]);
    expect(work.wijzigingen_in_de_gezamenlijke_tekst).toEqual([
      expect.objectContaining({
        gilde: "Ankers",
        versie_van_de_tekst: 1,
        tekst_na_jouw_wijziging: "Ons plan voor de buurtkamer.",
      }),
    ]);
    const evaluations = JSON.parse(files["evaluaties.json"]!);
    expect(evaluations.gegeven).toEqual([
      expect.objectContaining({ moment: "Halverwege", over: "jezelf", toelichting: "Ik deed mijn best." }),
      expect.objectContaining({
        moment: "Halverwege",
        over: "Bram Bootsma",
        toelichting: "Bram hield ons bij de les.",
      }),
    ]);
    const [received] = evaluations.ontvangen;
    expect(received.per_punt).toContainEqual({ punt: "Bijdrage", aantal_gildegenoten: 3, gemiddeld: 3 });
    expect(received.opmerkingen).toEqual([
      "Fijn hoe je iedereen laat praten.",
      "Je brengt de buurt mee naar binnen.",
      "Soms wat stil.",
    ]);
    const quality = JSON.parse(files["kwaliteit-van-je-feedback.json"]!);
    expect(quality).toEqual([
      expect.objectContaining({ nog_te_versterken: true, toelichting_van_je_trainer: "Wijs aan waar het om gaat." }),
    ]);
    // Who rated Anna is nowhere in the ZIP: not Cato's or Dirk's name, nor anyone's id or e-mail but her own.
    const everything = Object.values(files).join("\n");
    for (const rater of [bram, cato, dirk]) {
      expect(everything).not.toContain(rater.user.id);
      expect(everything).not.toContain(rater.user.email);
    }
    expect(everything).not.toMatch(/Cato|Claessen|Dirk|Dijkhuis/);
    expect(JSON.stringify(received)).not.toMatch(/Bram|Bootsma/);
    expect(everything).not.toContain(review.id);

    // Bram's export has the reflection he wrote on the gilde's work.
    const bramFiles = await download(bram.browser);
    expect(JSON.parse(bramFiles["reflecties.json"]!)).toEqual([
      expect.objectContaining({ op_versie: 1, tekst: "We nemen de buurtconciërge mee in ons volgende gesprek." }),
    ]);
    // Below three raters a member sees no average: neither does Bram's export (only Anna rated him).
    const bramReceived = JSON.parse(bramFiles["evaluaties.json"]!).ontvangen[0];
    expect(bramReceived.per_punt).toContainEqual({ punt: "Bijdrage", aantal_gildegenoten: 1, gemiddeld: null });
    expect(bramReceived.opmerkingen).toEqual([]);
    expect(JSON.stringify(bramFiles)).not.toContain("Bram hield ons bij de les.");
  });
});

describe("erasing a gilde member", () => {
  it("empties their words, keeps the gilde's handed-in work, and names them as erasure names everyone", async () => {
    const { anna, bram, cato, gilde, submission } = await gildeThatWorked();
    await anna.browser.submit("/gilde", {
      intent: "reflect",
      submissionId: submission.id,
      reflection: "Ik ga met de conciërge praten, zei Anna.",
    });
    const request = await db.privacyRequest.create({ data: { userId: anna.user.id, kind: "ERASURE" } });
    const admin = await adminIn(app);
    const done = await admin.submit("/beheer/privacy", { intent: "erase", requestId: request.id, confirm: "on" });
    expect(done.status).toBe(200);

    // The gilde's work stays, handed in by "Verwijderde gebruiker", with its version and its feedback.
    const kept = await db.submission.findUniqueOrThrow({
      where: { id: submission.id },
      select: { user: { select: { name: true } }, versions: { select: { body: true } }, peerReviews: true },
    });
    expect(kept.user.name).toBe("Verwijderde gebruiker");
    expect(kept.versions.map((v) => v.body)).toEqual(["Ons plan voor de buurtkamer."]);
    expect(kept.peerReviews).toHaveLength(1);
    // What the gilde sees: her part emptied but listed, her edit of the text under the placeholder.
    const view = (await bram.browser.get(page)).text;
    expect(view).not.toContain("Anna");
    expect(view).toMatch(/Verwijderde gebruiker, .*: 5 woorden/);
    expect(await db.gildeContribution.findMany({ where: { gildeId: gilde.id, userId: anna.user.id } })).toEqual([
      expect.objectContaining({ text: "" }),
    ]);
    // Her comments in evaluations go (her levels still count for Bram); what was said about her goes.
    expect(await db.memberRating.findMany({ where: { raterId: anna.user.id }, select: { comment: true } })).toEqual([
      { comment: "" },
    ]);
    expect(await db.memberRating.count({ where: { rateeId: anna.user.id } })).toBe(0);
    // The reflection she wrote on the gilde's work goes.
    expect(await db.reflection.count({ where: { submissionId: submission.id } })).toBe(0);
    // Cato's gilde page no longer lists her.
    expect((await cato.browser.get(`/gilde`)).text).not.toContain("Anna");
  });
});

describe("a member who leaves the gilde", () => {
  it("keeps their part attributed, is no longer rated, and is not counted in what is still to fill in", async () => {
    const { cohortId, url, anna, bram, cato, dirk, xander } = await gildeThatWorked();
    await db.gildeMember.deleteMany({ where: { userId: dirk.user.id } });
    // Their part stays on the gilde's page, marked as gone.
    const view = (await anna.browser.get(page)).text;
    expect(view).toContain("Deel van Dirk Dijkhuis.");
    expect(view).toContain("niet meer in de gilde");
    // Nobody is asked to rate Dirk; finishing the others is enough (Xander, alone in his gilde, rates himself).
    for (const member of [anna, bram, cato, xander]) {
      let next = await member.browser.get(url);
      while (inputValue(next.html, "ratee")) {
        expect(next.text).not.toContain("Nu: Dirk Dijkhuis");
        const ratee = inputValue(next.html, "ratee")!;
        await member.browser.submit(url, { __form: `evaluatie-${ratee}`, ratee, ...levels(3), comment: "" });
        next = await member.browser.get(url);
      }
    }
    const trainer = await trainerOf(app, cohortId);
    const overview = (await trainer.get(`/beoordelen/evaluatie/${cohortId}`)).text;
    expect(overview).not.toMatch(/nog \d+ beoordelingen? te geven/);
    expect(overview).not.toMatch(/Dirk Dijkhuis/);
    const stuck = (await trainer.get(`/beoordelen/overzicht?groep=${cohortId}`)).text;
    expect(stuck).not.toContain("Evaluatie open");
    expect((await dirk.browser.get(url)).status).toBe(404);
  });
});

describe("the trainer's actions on group work", () => {
  it("writes an audit entry for creating and closing an evaluation moment, a quality assessment and a member grade", async () => {
    const { cohortId, moment, review, submission, anna, bram } = await gildeThatWorked();
    const trainer = await trainerOf(app, cohortId);
    const evaluationPage = `/beoordelen/evaluatie/${cohortId}`;
    const created = await trainer.submit(evaluationPage, {
      intent: "moment",
      name: "Einde",
      opensOn: "2027-06-01",
      closesOn: "2027-06-14",
    });
    expect(created.text).toContain("Evaluatiemoment ‘Einde’ toegevoegd.");
    const closed = await trainer.submit(evaluationPage, { intent: "close-moment", momentId: moment.id });
    expect(closed.text).toContain("‘Halverwege’ is gesloten");
    // Closed: a member can no longer add a rating.
    const late = await anna.browser.submit(`/gilde/evaluatie/${moment.id}`, {
      __form: `evaluatie-${rateeKey(moment.id, bram.user.id)}`,
      ratee: rateeKey(moment.id, bram.user.id),
      ...levels(2),
    });
    expect(late.text).toContain("Deze evaluatie is gesloten");
    const again = await trainer.submit(evaluationPage, { intent: "close-moment", momentId: moment.id });
    expect(again.text).toContain("‘Halverwege’ is al gesloten.");
    // A moment of another cohort cannot be closed from this page.
    const foreign = await db.evaluationMoment.create({
      data: {
        cohortId: (await createCohort()).id,
        name: "Elders",
        opensAt: new Date(),
        closesAt: new Date(Date.now() + DAY),
      },
    });
    expect((await trainer.submit(evaluationPage, { intent: "close-moment", momentId: foreign.id })).status).toBe(404);
    expect((await db.evaluationMoment.findUniqueOrThrow({ where: { id: foreign.id } })).closesAt > new Date()).toBe(
      true,
    );

    await trainer.submit(`/beoordelen/feedback/${review.id}`, {
      "levels.specifiek": "3",
      "levels.opbouwend": "3",
      "levels.criteria": "2",
      "levels.tip": "3",
      note: "",
    });
    await trainer.submit(`/beoordelen/${submission.id}`, {
      intent: "member-grade",
      userId: bram.user.id,
      decision: "niet-voldaan",
      reason: "Bram deed weinig mee.",
    });
    const events = await db.auditEvent.findMany({
      where: { subjectId: { in: [cohortId, review.id, submission.id] } },
      orderBy: { at: "asc" },
      select: { action: true, summary: true, actorId: true },
    });
    expect(events.map((e) => e.action)).toEqual([
      "evaluation.create",
      "evaluation.close",
      "review-quality.assess",
      "grade.member",
    ]);
    expect(events.map((e) => e.summary).join("\n")).toMatch(
      /‘Einde’.*\n.*‘Halverwege’.*gesloten.*\nFeedback van Xander Brugman aan gilde Ankers/,
    );
    const admin = await adminIn(app);
    expect((await admin.get("/beheer/audit?soort=evaluation.close")).text).toContain("Evaluatiemoment gesloten");
  });
});

describe("the trainer's overviews of group work", () => {
  it("show the gilde's work, open evaluations and weak feedback in the matrix and in 'Wie loopt vast?'", async () => {
    const { cohortId, review } = await gildeThatWorked();
    const trainer = await trainerOf(app, cohortId);
    await trainer.submit(`/beoordelen/feedback/${review.id}`, {
      "levels.specifiek": "1",
      "levels.opbouwend": "1",
      "levels.criteria": "2",
      "levels.tip": "1",
      note: "",
    });
    const matrix = (await trainer.get(`/beoordelen/peerfeedback/${cohortId}?opdracht=${SLUG}`)).text;
    // The gilde's work, reviewed by Xander from another gilde, with its quality; the open evaluation per person.
    expect(matrix).toMatch(/gilde Ankers: gegeven, andere gilde/);
    expect(matrix).toContain("zwak");
    expect(matrix).toContain("evaluatie nog niet ingevuld: Halverwege");
    const annaRow = matrix.slice(matrix.indexOf("Anna Ankerman"), matrix.indexOf("Bram Bootsma"));
    expect(annaRow).toContain("evaluatie nog niet ingevuld: Halverwege");
    const stuck = (await trainer.get(`/beoordelen/overzicht?groep=${cohortId}`)).text;
    const xanderLine = stuck.slice(stuck.indexOf("Xander Brugman"));
    expect(xanderLine).toContain("Feedback zwak (1)");
    expect(xanderLine).toContain("Evaluatie open");
  });
});
