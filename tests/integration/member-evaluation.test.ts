// Evaluation of each other's part (issue 23): themselves first, then each gildegenoot; the minimum-raters rule;
// outliers marked for the trainer; refusals that lose nothing; a member who left stops being evaluated; and no
// rater's name, e-mail or id in anything a participant receives.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "~/db.server";
import { rateeKey } from "~/peer-review/evaluation.server";
import { createCohort, createGilde, createUser, enroll, joinGilde } from "../support/factories";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { trainerOf } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const DAY = 24 * 60 * 60 * 1000;
type Member = { user: { id: string; name: string; email: string }; browser: Client };

/** A cohort with gilde "Wevers" of these members (named so they sort in order), another gilde, an open moment. */
async function evaluatingGilde(names = ["Anna Aalders", "Bram Bos", "Cor Claes", "Dirk Dekker"]) {
  const cohort = await createCohort();
  const gilde = await createGilde({ cohortId: cohort.id, name: "Wevers" });
  const other = await createGilde({ cohortId: cohort.id, name: "Smeden" });
  const join = async (name: string, into: { id: string; cohortId: string }): Promise<Member> => {
    const user = await createUser({ name });
    await enroll(user.id, cohort.id);
    await joinGilde(into, user.id);
    return { user, browser: await app.client().signInAs(user) };
  };
  const members: Member[] = [];
  for (const name of names) members.push(await join(name, gilde));
  const outsider = await join("Xander Smid", other);
  const moment = await db.evaluationMoment.create({
    data: {
      cohortId: cohort.id,
      name: "Halverwege",
      opensAt: new Date(Date.now() - DAY),
      closesAt: new Date(Date.now() + 7 * DAY),
    },
  });
  return { cohortId: cohort.id, members, outsider, moment, url: `/gilde/evaluatie/${moment.id}` };
}

const levels = (bijdrage: number, betrouwbaarheid = bijdrage, ruimte = bijdrage, wijk = bijdrage) => ({
  "levels.bijdrage": String(bijdrage),
  "levels.betrouwbaarheid": String(betrouwbaarheid),
  "levels.ruimte": String(ruimte),
  "levels.wijk": String(wijk),
});

/** Rates whoever the page offers next (themselves first, then gildegenoten in name order). */
async function rateNext(member: Member, url: string, scores: Record<string, string>, comment = "") {
  const page = await member.browser.get(url);
  const ratee = inputValue(page.html, "ratee");
  expect(ratee, "the page offers someone to rate").toBeTruthy();
  return rate(member, url, ratee!, { ...scores, comment });
}

/** The rating form for `ratee` as the browser sends it (it names its form, so a refusal comes back to it). */
function rate(member: Member, url: string, ratee: string, fields: Record<string, string>) {
  return member.browser.submit(url, { __form: `evaluatie-${ratee}`, ratee, ...fields });
}

const aboutMe = (html: string) =>
  html.slice(html.indexOf('id="over-jou"'), html.indexOf("</section>", html.indexOf('id="over-jou"')));

describe("member evaluation", () => {
  it("asks for yourself first, then each gildegenoot, and never twice", async () => {
    const { members, moment, url } = await evaluatingGilde();
    const [anna, bram] = members as [Member, Member];
    const early = await rate(anna, url, rateeKey(moment.id, bram.user.id), { ...levels(3) });
    expect(early.text).toContain("Beoordeel eerst jezelf");
    expect(await db.memberRating.count({ where: { momentId: moment.id } })).toBe(0);

    const first = await anna.browser.get(url);
    expect(first.text).toContain("Eerst: jijzelf");
    expect((await rateNext(anna, url, levels(3))).text).toContain("Beoordeel nu je gildegenoten");
    const again = await rate(anna, url, "zelf", { ...levels(4) });
    expect(again.text).toContain("Je hebt jezelf al beoordeeld");
    expect((await anna.browser.get(url)).text).toContain("Nu: Bram Bos");
    expect((await rateNext(anna, url, levels(3))).text).toContain("Je beoordeling van Bram Bos is opgeslagen");
    const twice = await rate(anna, url, rateeKey(moment.id, bram.user.id), { ...levels(2) });
    expect(twice.text).toContain("Je hebt Bram Bos al beoordeeld");
    expect(await db.memberRating.count({ where: { momentId: moment.id, raterId: anna.user.id } })).toBe(2);
  });

  it("shows a member the average per criterion only once three gildegenoten gave it", async () => {
    const { members, url } = await evaluatingGilde();
    const [anna, bram, cor, dirk] = members as [Member, Member, Member, Member];
    for (const rater of [bram, cor]) {
      await rateNext(rater, url, levels(3));
      await rateNext(rater, url, levels(4), `Van ${rater.user.name.split(" ")[0]}: fijn samenwerken.`);
    }
    const two = await anna.browser.get(url);
    expect(aboutMe(two.html)).toContain("nog niet te zien: minder dan 3 beoordelingen");
    expect(aboutMe(two.html)).not.toMatch(/gemiddeld \d/);
    expect(two.text).not.toContain("fijn samenwerken");

    await rateNext(dirk, url, levels(3));
    await rateNext(dirk, url, levels(1), "Van Dirk: ik kom er niet tussen.");
    const three = await anna.browser.get(url);
    expect(aboutMe(three.html)).toContain("gemiddeld 3 van 4 (3 gildegenoten)");
    expect(three.text).toContain("ik kom er niet tussen");
  });

  it("marks for the trainer a rating far below the others and an average far below one's own", async () => {
    const { cohortId, members, url } = await evaluatingGilde();
    const [anna, bram, cor, dirk] = members as [Member, Member, Member, Member];
    await rateNext(anna, url, levels(4)); // Anna thinks well of herself
    for (const rater of [bram, cor]) {
      await rateNext(rater, url, levels(3));
      await rateNext(rater, url, levels(2, 2, 4, 2)); // Anna
    }
    await rateNext(dirk, url, levels(3));
    await rateNext(dirk, url, levels(2, 2, 1, 2)); // Anna, far below the others on "ruimte"
    const trainer = await trainerOf(app, cohortId);
    const page = await trainer.get(`/beoordelen/evaluatie/${cohortId}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain("1,5 punt of meer onder het gemiddelde");
    const anna_ = page.text.slice(
      page.text.indexOf("Evaluatie van Anna Aalders"),
      page.text.indexOf("Evaluatie van Bram Bos"),
    );
    expect(anna_).toContain("Dirk Dekker 1 (!) ver onder de anderen");
    expect(anna_).not.toContain("Bram Bos 4 (!)");
    // Bijdrage: herself 4, gildegenoten 2 on average.
    expect(anna_).toContain("gemiddeld 2 (!) ver onder eigen cijfer");
    // Who still has to rate whom.
    expect(page.text).toContain("nog 3 beoordelingen te geven");
  });

  it("refuses someone outside your gilde, levels out of range, and a closed moment, losing nothing", async () => {
    const { members, outsider, moment, url } = await evaluatingGilde();
    const [anna] = members as [Member];
    await rateNext(outsider, url, levels(3));
    const foreign = await rate(outsider, url, rateeKey(moment.id, anna.user.id), { ...levels(3) });
    expect(foreign.text).toContain("Je kunt alleen jezelf en de gildegenoten van je eigen gilde beoordelen");

    const wrong = await rate(anna, url, "zelf", {
      ...levels(3),
      "levels.wijk": "7",
      comment: "Mijn eigen toelichting die ik niet kwijt wil",
    });
    expect(wrong.status).toBe(400);
    expect(wrong.text).toContain("Kies bij ‘Inbreng uit de eigen wijk’ 1, 2, 3 of 4.");
    expect(wrong.html).toContain("Mijn eigen toelichting die ik niet kwijt wil");
    const missing = await rate(anna, url, "zelf", { "levels.bijdrage": "2" });
    expect(missing.text).toContain("Kies bij ‘Betrouwbaarheid’ een van de vier mogelijkheden.");

    await db.evaluationMoment.update({ where: { id: moment.id }, data: { closesAt: new Date(Date.now() - 1000) } });
    const closed = await rate(anna, url, "zelf", { ...levels(3), comment: "Te laat" });
    expect(closed.text).toContain("Deze evaluatie is gesloten");
    expect(closed.html).toContain("Te laat");
    expect(await db.memberRating.count({ where: { momentId: moment.id, raterId: anna.user.id } })).toBe(0);
  });

  it("stops evaluating a member who left the gilde, and keeps what they gave", async () => {
    const { cohortId, members, url } = await evaluatingGilde(["Anna Aalders", "Bram Bos", "Eva Eerland"]);
    const [anna, , eva] = members as [Member, Member, Member];
    await rateNext(eva, url, levels(3));
    await rateNext(eva, url, levels(4)); // Anna
    await db.gildeMember.deleteMany({ where: { userId: eva.user.id } });
    const page = await anna.browser.get(url);
    expect(page.text).toContain("Bram Bos");
    expect(page.text).not.toContain("Eva Eerland");
    const trainer = await trainerOf(app, cohortId);
    const overview = await trainer.get(`/beoordelen/evaluatie/${cohortId}`);
    expect(overview.text).not.toMatch(/Eva Eerland nog/);
    expect(overview.text).toContain("oud-lid 4");
    expect(await eva.browser.get(url).then((p) => p.status)).toBe(404);
  });

  it("puts an open evaluation on the participant's to-do list and on 'Wie loopt vast?'", async () => {
    const { cohortId, members, url } = await evaluatingGilde();
    const [anna, bram] = members as [Member, Member];
    const todo = await anna.browser.get("/dashboard");
    expect(todo.text).toContain("Evaluatie ‘Halverwege’ invullen");
    expect(todo.html).toContain(`href="${url}"`);
    for (let i = 0; i < 4; i++) await rateNext(bram, url, levels(3));
    expect((await bram.browser.get("/dashboard")).text).not.toContain("Evaluatie ‘Halverwege’ invullen");
    const trainer = await trainerOf(app, cohortId);
    const stuck = await trainer.get(`/beoordelen/overzicht?groep=${cohortId}`);
    const annaLine = stuck.text.slice(stuck.text.indexOf("Anna Aalders"), stuck.text.indexOf("Bram Bos"));
    expect(annaLine).toContain("Evaluatie open");
  });
});

describe("anonymity of the evaluation", () => {
  it("never gives a participant a rater's name, e-mail or id, in HTML or loader data", async () => {
    const { members, url, moment } = await evaluatingGilde();
    const [anna, ...raters] = members as [Member, ...Member[]];
    for (const rater of raters) {
      await rateNext(rater, url, levels(3));
      await rateNext(rater, url, levels(2), "Een opmerking over Anna");
    }
    const route = encodeURIComponent("routes/gilde.evaluatie.$momentId");
    const pages = [
      await anna.browser.get(url),
      await anna.browser.get(`${url}?_data=${route}`),
      await anna.browser.get("/gilde"),
      await anna.browser.get(`/gilde?_data=${encodeURIComponent("routes/gilde._index")}`),
      await anna.browser.get("/dashboard"),
    ];
    expect(pages[0]!.text).toContain("gemiddeld 2 van 4 (3 gildegenoten)");
    expect(pages[1]!.html).toContain("Een opmerking over Anna");
    for (const page of pages) {
      expect(page.status).toBe(200);
      for (const { user } of raters) {
        expect(page.html).not.toContain(user.id);
        expect(page.html).not.toContain(user.email);
      }
    }
    // Names appear only as people to rate, never beside what was said about her.
    for (const { user } of raters) expect(aboutMe(pages[0]!.html)).not.toContain(user.name);
    expect(JSON.stringify(JSON.parse(pages[1]!.html).aggregate)).not.toMatch(/Bos|Claes|Dekker/);
    expect(moment.id).toBeTruthy();
  });
});
