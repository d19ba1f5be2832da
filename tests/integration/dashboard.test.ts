// The start page is a to-do list per role (issue 18): each line's words and link, most urgent first; news stops
// being news once its page was opened; an applicant gets "Mijn aanmelding"; every menu link opens (never a 403).
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { startPageFor } from "~/dashboard/start-page.server";
import { db } from "~/db.server";
import {
  createAssessment,
  createCohort,
  createPeerReview,
  createSubmission,
  createUser,
  enroll,
} from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { statementsOf } from "../support/statements";

let app: TestApp;
beforeAll(async () => {
  app = await startTestApp();
});
afterAll(() => app.close());

const DAY = 24 * 60 * 60 * 1000;
const ago = (days: number) => new Date(Date.now() - days * DAY);
const ahead = (days: number) => new Date(Date.now() + days * DAY);

type Line = { kind: string; title: string; href: string; detail?: string; when: string | null };
async function linesOf(user: { id: string; name: string; email: string; role: "PARTICIPANT" | "TRAINER" | "ADMIN" }) {
  const page = await startPageFor(user);
  if (!("items" in page)) throw new Error(`geen lijst voor ${page.audience}`);
  return page.items as Line[];
}

/** The hrefs of the main menu as rendered for this browser. */
function menuLinks(html: string): string[] {
  const nav = html.match(/<nav[^>]*aria-label="Hoofdmenu"[^>]*>([\s\S]*?)<\/nav>/)?.[1] ?? "";
  return [...nav.matchAll(/href="([^"]+)"/g)].map((m) => m[1]!);
}

async function everyMenuLinkOpens(browser: Client) {
  const dashboard = await browser.get("/dashboard");
  expect(dashboard.status).toBe(200);
  const links = menuLinks(dashboard.html).filter((href) => href.startsWith("/") && href !== "/account");
  expect(links.length).toBeGreaterThan(1);
  for (const href of links) expect({ href, status: (await browser.get(href)).status }).toEqual({ href, status: 200 });
  return links;
}

describe("a participant's list", () => {
  it("lists late work, feedback to give, deadlines, the revision, new feedback and grades, and where to read on", async () => {
    const cohort = await createCohort();
    const me = await createUser({ name: "Dewi Deelnemer" });
    const peer = await createUser({ name: "Pim Peer" });
    const trainer = await createUser({ role: "TRAINER", name: "Tineke Trainer" });
    for (const u of [me, peer]) await enroll(u.id, cohort.id);
    const schedule = (slug: string, dueAt: Date) =>
      db.assignmentSchedule.create({ data: { cohortId: cohort.id, assignmentSlug: slug, dueAt } });
    await schedule("wijkverhaal", ahead(3));
    await schedule("twee-kanten", ago(2));
    await schedule("buurtverkenning", ahead(20));

    const returned = await createSubmission({
      userId: me.id,
      cohortId: cohort.id,
      assignmentSlug: "vraag-achter-de-vraag",
      status: "RETURNED",
    });
    await createAssessment({
      submissionId: returned.id,
      versionId: returned.version.id,
      gradedById: trainer.id,
      decision: "REVISION",
      releasedAt: ago(1),
      revisionNote: "Laat meer bewoners aan het woord.",
    });
    const passed = await createSubmission({
      userId: me.id,
      cohortId: cohort.id,
      assignmentSlug: "verbinders-in-beeld",
      status: "PASSED",
    });
    // Released a few minutes before the feedback came: the newest news comes first.
    await createAssessment({
      submissionId: passed.id,
      versionId: passed.version.id,
      gradedById: trainer.id,
      releasedAt: new Date(Date.now() - 5 * 60 * 1000),
    });
    await createPeerReview({ submission: passed, reviewerId: peer.id, status: "SUBMITTED", submittedAt: new Date() });
    const peerWork = await createSubmission({ userId: peer.id, cohortId: cohort.id, assignmentSlug: "wijkverhaal" });
    const toGive = await createPeerReview({ submission: peerWork, reviewerId: me.id, dueAt: ahead(1) });
    const module2 = getCourse().modules[1]!;
    await db.sectionRead.create({
      data: { userId: me.id, moduleSlug: module2.slug, sectionId: module2.sections[0]!.anchor },
    });

    const lines = await linesOf(me);
    expect(lines.map((l) => [l.title, l.href, l.when])).toEqual([
      ["Eén vraagstuk, twee kanten inleveren", "/opdrachten/twee-kanten", "2 dagen te laat"],
      ["Feedback geven op Het verhaal van je wijk", `/gilde/feedback/${toGive.id}`, "morgen"],
      ["Het verhaal van je wijk inleveren", "/opdrachten/wijkverhaal", "nog 3 dagen"],
      ["De vraag achter de vraag: herzien en opnieuw inleveren", "/opdrachten/vraag-achter-de-vraag", "gisteren"],
      ["Nieuwe peerfeedback op Verbinders in beeld", "/gilde", "vandaag"],
      ["Beoordeling van Verbinders in beeld: voldaan", "/opdrachten/verbinders-in-beeld", "vandaag"],
      [`Verder lezen in 2. ${module2.frontmatter.title}`, `/modules/${module2.slug}`, null],
    ]);
    expect(lines[3]!.detail).toBe("Tineke Trainer: ‘Laat meer bewoners aan het woord.’");
    // The list is made on every visit of the start page: related rows come joined, not one statement per relation
    // (15 statements here; 35 when Prisma loaded each relation on its own).
    expect(await statementsOf(() => startPageFor(me))).toBeLessThanOrEqual(20);
    expect(lines.some((l) => l.href === "/opdrachten/buurtverkenning")).toBe(false);

    // Opening the assignment and the gilde page makes the grade and the feedback old news; the work stays.
    const browser = await app.client().signInAs(me);
    expect((await browser.get("/opdrachten/verbinders-in-beeld")).status).toBe(200);
    expect((await browser.get("/gilde")).status).toBe(200);
    const after = await linesOf(me);
    expect(after.map((l) => l.kind)).toEqual(["deadline", "review", "deadline", "revision", "continue"]);

    const page = await browser.get("/dashboard");
    expect(page.text).toContain("Te doen");
    expect(page.text).toContain("2 dagen te laat");
    expect(page.html).toContain(`href="/gilde/feedback/${toGive.id}"`);
    await everyMenuLinkOpens(browser);
  });

  it("says so warmly when there is nothing to do, and points on", async () => {
    const cohort = await createCohort();
    const me = await createUser({ name: "Rustige Deelnemer" });
    await enroll(me.id, cohort.id);
    const browser = await app.client().signInAs(me);
    await Promise.all(
      getCourse().modules.map((m) =>
        db.sectionRead.createMany({
          data: m.sections.map((s) => ({ userId: me.id, moduleSlug: m.slug, sectionId: s.anchor })),
        }),
      ),
    );
    const page = await browser.get("/dashboard");
    expect(page.text).toContain("Je bent helemaal bij");
    expect(page.html).toContain('href="/modules"');
  });
});

describe("a trainer's list", () => {
  it("lists who is stuck, this week's deadline, a second reading, intakes and the queue per assignment", async () => {
    const cohort = await db.cohort.update({
      where: { id: (await createCohort()).id },
      data: { secondReaderForFail: true },
    });
    const me = await createUser({ role: "TRAINER", name: "Tom Trainer" });
    const colleague = await createUser({ role: "TRAINER", name: "Sophie Smit" });
    await db.cohortStaff.createMany({
      data: [
        { cohortId: cohort.id, userId: me.id },
        { cohortId: cohort.id, userId: colleague.id },
      ],
    });
    await db.assignmentSchedule.create({
      data: { cohortId: cohort.id, assignmentSlug: "wijkverhaal", dueAt: ahead(2) },
    });
    const applicant = await createUser({ name: "Ada Aanmelder" });
    await db.enrollment.create({
      data: { userId: applicant.id, cohortId: cohort.id, status: "APPLIED", appliedAt: ago(1) },
    });
    const silent = await createUser({ name: "Stille Sem" });
    await db.enrollment.create({
      data: { userId: silent.id, cohortId: cohort.id, status: "ACTIVE", activatedAt: ago(20) },
    });
    const waiting = async (name: string, slug: string, days: number) => {
      const u = await createUser({ name });
      await enroll(u.id, cohort.id);
      return createSubmission({ userId: u.id, cohortId: cohort.id, assignmentSlug: slug, updatedAt: ago(days) });
    };
    const oldest = await waiting("Ank", "wijkverhaal", 5);
    await waiting("Bas", "wijkverhaal", 1);
    await waiting("Cor", "twee-kanten", 2);
    await createAssessment({
      submissionId: oldest.id,
      versionId: oldest.version.id,
      gradedById: colleague.id,
      status: "DRAFT",
      decision: "FAILED",
      releasedAt: null,
    });

    const lines = await linesOf(me);
    const queue = (slug: string) => `/beoordelen?${new URLSearchParams({ groep: cohort.id, opdracht: slug })}`;
    expect(lines.map((l) => [l.title, l.href, l.when])).toEqual([
      ["Stille Sem loopt vast", `/beoordelen/overzicht?groep=${cohort.id}`, null],
      ["Deadline Het verhaal van je wijk", `/opdrachten/groep/${cohort.id}`, "nog 2 dagen"],
      ["Meelezen: Het verhaal van je wijk van Ank", `/beoordelen/${oldest.id}`, "wacht sinds vandaag"],
      [`1 aanmelding voor ${cohort.name} beoordelen`, `/beoordelen/aanmeldingen/${cohort.id}`, "wacht sinds gisteren"],
      ["2 inzendingen van Het verhaal van je wijk beoordelen", queue("wijkverhaal"), "wacht al 5 dagen"],
      ["1 inzending van Eén vraagstuk, twee kanten beoordelen", queue("twee-kanten"), "wacht al 2 dagen"],
    ]);
    expect(lines[0]!.detail).toBe(`${cohort.name}: 20 dagen niets gedaan`);
    // Her own draft is not hers to read a second time.
    expect((await linesOf(colleague)).some((l) => l.kind === "second-read")).toBe(false);

    const browser = await app.client().signInAs(me);
    const links = await everyMenuLinkOpens(browser);
    expect(links).toContain("/beoordelen");
    for (const l of lines)
      expect({ href: l.href, status: (await browser.get(l.href)).status }).toMatchObject({ status: 200 });
  });

  it("has nothing waiting for a trainer without cohorts, and says so", async () => {
    const me = await createUser({ role: "TRAINER", name: "Nieuwe Trainer" });
    const page = await (await app.client().signInAs(me)).get("/dashboard");
    expect(page.text).toContain("Er wacht niets op je");
  });
});

describe("an admin's list", () => {
  it("lists an overdue invoice, a failed e-mail, a cohort not set up and a privacy request", async () => {
    const admin = await createUser({ role: "ADMIN", name: "Bea Beheer" });
    const cohort = await createCohort();
    const employee = await createUser({ name: "Hanna Werknemer" });
    const enrollment = await db.enrollment.create({
      data: { userId: employee.id, cohortId: cohort.id, status: "ACCEPTED" },
    });
    await db.intake.create({
      data: {
        enrollmentId: enrollment.id,
        currentWork: "x",
        organisation: "x",
        experienceYears: 1,
        experience: "x",
        wijk: "x",
        motivation: "x",
        payer: "EMPLOYER",
        employerName: "Gemeente Zeist",
      },
    });
    await db.payment.create({
      data: { enrollmentId: enrollment.id, kind: "INVOICE", amountCents: 123400, dueAt: ago(4) },
    });
    await db.outboxMessage.create({
      data: { to: "x@voorbeeld.nl", subject: "s", text: "t", html: "", attempts: 3, lastError: "550" },
    });
    const leaving = await createUser({ name: "Wim Weg" });
    await db.privacyRequest.create({ data: { userId: leaving.id, kind: "ERASURE", requestedAt: ago(2) } });

    const lines = await linesOf(admin);
    const invoice = lines.findIndex((l) =>
      /^Factuur van €\s1\.234,00 aan Gemeente Zeist is niet betaald$/.test(l.title),
    );
    const mail = lines.findIndex((l) => l.kind === "mail");
    const setup = lines.findIndex((l) => l.href === `/beheer/groepen/${cohort.id}`);
    const privacy = lines.findIndex((l) => l.title === "Verzoek om verwijdering van Wim Weg");
    expect([invoice, mail, setup, privacy].every((i) => i >= 0)).toBe(true);
    expect(invoice).toBeLessThan(mail);
    expect(mail).toBeLessThan(setup);
    expect(setup).toBeLessThan(privacy);
    expect(lines[invoice]).toMatchObject({ href: "/beheer/betalingen", when: "4 dagen te laat" });
    expect(lines[mail]!.href).toBe("/beheer/outbox");
    expect(lines[setup]!.title).toBe(`${cohort.name} heeft nog geen trainer en geen gildes`);
    expect(lines[privacy]).toMatchObject({ href: "/beheer/privacy", when: "wacht al 2 dagen" });
    await everyMenuLinkOpens(await app.client().signInAs(admin));
  });
});

describe("an alumnus's list", () => {
  it("lists new replies in followed and own threads, and the newest practice cases", async () => {
    const cohort = await createCohort();
    const me = await createUser({ name: "Anouk Alumnus" });
    const other = await createUser({ name: "Mehmet Maat" });
    for (const u of [me, other]) await enroll(u.id, cohort.id, "COMPLETED");
    const thread = async (authorId: string, title: string, posts: [string, Date][]) => {
      const t = await db.thread.create({
        data: { kind: "COMMUNITY", authorId, title, createdAt: posts[0]![1] },
      });
      for (const [by, createdAt] of posts)
        await db.post.create({ data: { threadId: t.id, authorId: by, body: "b", createdAt } });
      return t;
    };
    const mine = await thread(me.id, "Mijn vraag", [
      [me.id, ago(5)],
      [other.id, ago(1)],
    ]);
    const followed = await thread(other.id, "Gevolgd", [
      [other.id, ago(6)],
      [other.id, ago(2)],
    ]);
    await db.follow.create({ data: { threadId: followed.id, userId: me.id, createdAt: ago(4) } });
    await thread(other.id, "Niet van mij", [
      [other.id, ago(3)],
      [other.id, ago(1)],
    ]);
    const practice = (title: string, authorId: string, days: number) =>
      db.practiceCase.create({
        data: {
          authorId,
          title,
          situation: "s",
          residents: "r",
          role: "r",
          result: "r",
          learned: "l",
          municipality: "Utrecht",
          consentAt: ago(days),
          publishedAt: ago(days),
        },
      });
    const fresh = await practice("Het bankje", other.id, 2);
    await practice("Van lang geleden", other.id, 40);
    await practice("Mijn eigen voorbeeld", me.id, 1);

    const lines = await linesOf(me);
    expect(lines.map((l) => [l.title, l.href, l.when])).toEqual([
      ["1 nieuwe reactie in ‘Mijn vraag’", `/community/${mine.id}`, "gisteren"],
      ["1 nieuwe reactie in ‘Gevolgd’", `/community/${followed.id}`, "2 dagen geleden"],
      ["Nieuw praktijkvoorbeeld: Het bankje", `/praktijk/${fresh.id}`, "2 dagen geleden"],
    ]);

    const browser = await app.client().signInAs(me);
    expect((await browser.get(`/community/${mine.id}`)).status).toBe(200);
    expect((await linesOf(me)).map((l) => l.href)).toEqual([`/community/${followed.id}`, `/praktijk/${fresh.id}`]);

    const page = await browser.get("/dashboard");
    expect(page.html).toMatch(/<span class="badge">alumnus<\/span>/);
    const links = await everyMenuLinkOpens(browser);
    expect(links).toEqual(expect.arrayContaining(["/community", "/praktijk"]));
    expect(links).not.toContain("/gilde");
  });
});

describe("an applicant's page", () => {
  it("shows where the application stands and what happens next, with a menu of pages that open", async () => {
    const cohort = await createCohort("Voorjaar Test");
    const me = await createUser({ name: "Ada Aanmelder" });
    await enroll(me.id, cohort.id, "APPLIED");
    const browser = await app.client().signInAs(me);
    const page = await browser.get("/dashboard");
    expect(page.text).toContain("Mijn aanmelding");
    expect(page.text).toContain("Voorjaar Test");
    expect(page.text).toContain("Je aanmelding is binnen");
    expect(page.text).toContain("Wat er hierna gebeurt");
    expect(page.html).toContain(`href="/aanmelden/${cohort.id}"`);
    expect(page.text).not.toContain("Te doen");
    const links = await everyMenuLinkOpens(browser);
    expect(links).toEqual(["/dashboard", "/leergang", "/modules"]);
  });

  it("tells someone without any application where to start", async () => {
    const me = await createUser({ name: "Nog Niemand" });
    const page = await (await app.client().signInAs(me)).get("/dashboard");
    expect(page.text).toContain("je hebt je nog niet aangemeld");
    expect(page.html).toContain('href="/leergang"');
  });
});
