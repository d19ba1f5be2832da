// Practice in your own wijk: the wijkprofiel, drafts, attachments, handing in, deadlines and reminders.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sendDeadlineReminders } from "~/assignments/reminders.server";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort, createUser } from "../support/factories";
import { inputValue, startTestApp, type Client, type TestApp } from "../support/http";
import { participantIn, trainerOf as trainerOfCohort } from "../support/people";
import { at } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const assignment = () => at(at(getCourse().modules, 0).assignments, 0);
const page = () => `/opdrachten/${assignment().slug}`;
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const WIJK = {
  name: "Transvaalkwartier",
  municipality: "Den Haag",
  cbsCode: "BU05181234",
  homes: "480",
  role: "Opbouwwerker, drie dagen per week",
  connectors: "De beheerder van het buurthuis; een moeder die de speeltuin opent",
  networks: "Moskee, voetbalclub, appgroep van de flat",
  ambitions: "Een moestuin op het braakliggende veld",
  problems: "Eenzaamheid onder ouderen",
  chances: "Veel jonge gezinnen",
};

const participant = (cohortId?: string) => participantIn(app, { cohortId, name: "Wendy Wijkwerker" });

const trainerOf = (cohortId: string) => trainerOfCohort(app, cohortId);

async function draftRevision(browser: Client) {
  return Number(inputValue((await browser.get(page())).html, "revision"));
}

describe("wijkprofiel", () => {
  it("saves versions, only when something changed, and shows the history", async () => {
    const { user, browser } = await participant();
    const first = await browser.submit("/wijk", WIJK);
    expect(first.text).toContain("Opgeslagen als versie 1.");
    const same = await browser.submit("/wijk", WIJK);
    expect(same.text).toContain("Er was niets veranderd");
    const changed = await browser.submit("/wijk", { ...WIJK, chances: "Veel jonge gezinnen en een actieve school" });
    expect(changed.text).toContain("Opgeslagen als versie 2.");
    const versions = await db.wijkVersion.findMany({
      where: { wijk: { userId: user.id } },
      orderBy: { number: "asc" },
    });
    expect(versions.map((v) => v.chances)).toEqual([
      "Veel jonge gezinnen",
      "Veel jonge gezinnen en een actieve school",
    ]);
    const history = await browser.get("/wijk");
    expect(history.text).toContain("Versie 2");
    expect(history.text).toContain("Versie 1");
    expect(inputValue(history.html, "name")).toBe("Transvaalkwartier");
  });

  it("explains a wrong CBS code and a missing name, keeping what was typed", async () => {
    const { user, browser } = await participant();
    const bad = await browser.submit("/wijk", { ...WIJK, name: "", cbsCode: "BU123" });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("Een CBS-code ziet eruit als BU03630000");
    expect(bad.text).toContain("Vul de naam van je wijk of buurt in.");
    expect(inputValue(bad.html, "cbsCode")).toBe("BU123");
    expect(bad.html).toContain("Moskee, voetbalclub");
    expect(await db.wijkVersion.count({ where: { wijk: { userId: user.id } } })).toBe(0);
  });

  it("warns about e-mail addresses and phone numbers and saves only when confirmed", async () => {
    const { user, browser } = await participant();
    const warned = await browser.submit("/wijk", {
      ...WIJK,
      connectors: "Ahmed (ahmed@voorbeeld.nl, 06-12345678) van het buurthuis",
    });
    expect(warned.status).toBe(400);
    expect(warned.text).toContain("op een e-mailadres en een telefoonnummer lijkt");
    expect(await db.wijkVersion.count({ where: { wijk: { userId: user.id } } })).toBe(0);
    const confirmed = await browser.submit("/wijk", {
      ...WIJK,
      connectors: "Ahmed (ahmed@voorbeeld.nl) van het buurthuis",
      confirmPersonalData: "ja",
    });
    expect(confirmed.text).toContain("Opgeslagen als versie 1.");
  });

  it("shows a participant's versions to their own trainer only", async () => {
    const { user, browser, cohortId } = await participant();
    await browser.submit("/wijk", WIJK);
    const trainer = await trainerOf(cohortId);
    const view = await trainer.get(`/wijk/${user.id}`);
    expect(view.status).toBe(200);
    expect(view.text).toContain("Transvaalkwartier");
    const stranger = await trainerOf((await createCohort()).id);
    expect((await stranger.get(`/wijk/${user.id}`)).status).toBe(404);
    expect((await browser.get(`/wijk/${user.id}`)).status).toBe(403);
  });

  it("is for participants only", async () => {
    const trainer = await trainerOf((await createCohort()).id);
    expect((await trainer.get("/wijk")).status).toBe(403);
  });

  it("personalises the course and the assignment with the wijk's name", async () => {
    const { browser } = await participant();
    expect((await browser.get(`/modules/${at(getCourse().modules, 0).slug}`)).text).toContain(
      "Opdracht in je eigen wijk",
    );
    await browser.submit("/wijk", WIJK);
    expect((await browser.get(`/modules/${at(getCourse().modules, 0).slug}`)).text).toContain(
      "Opdracht in Transvaalkwartier",
    );
    const work = await browser.get(page());
    expect(work.text).toContain("Transvaalkwartier");
    expect(work.text).toContain("Wijkprofiel versie 1");
  });
});

describe("drafts and handing in", () => {
  it("lists the cohort's assignments with deadline and status", async () => {
    const { browser, cohortId } = await participant();
    await db.assignmentSchedule.create({
      data: { cohortId, assignmentSlug: assignment().slug, dueAt: new Date("2099-04-12T21:59:00Z") },
    });
    const list = await browser.get("/opdrachten");
    expect(list.text).toContain(assignment().frontmatter.title);
    expect(list.text).toContain("12 april 2099 om 23:59");
    expect(list.text).toContain("Als volgende:");
    expect(list.text).toContain("Nog niet begonnen");
  });

  it("saves a draft, restores it on reload, and refuses a save from an older revision", async () => {
    const { browser } = await participant();
    const saved = await browser.submit(page(), {
      intent: "save-draft",
      body: "Eerste gedachten over de wijk",
      revision: "0",
    });
    expect(saved.status).toBe(200);
    expect(saved.text).toContain("Je concept is opgeslagen.");
    expect(await draftRevision(browser)).toBe(1);
    expect((await browser.get(page())).html).toContain("Eerste gedachten over de wijk");

    await browser.submit(page(), { intent: "save-draft", body: "Versie uit tab A", revision: "1" });
    const stale = await browser.submit(page(), { intent: "save-draft", body: "Versie uit tab B", revision: "1" });
    expect(stale.status).toBe(409);
    expect(stale.text).toContain("Dit concept is ondertussen ergens anders opgeslagen");
    expect(stale.text).toContain("Versie uit tab B");
    expect((await browser.get(page())).html).toContain("Versie uit tab A");
    expect((await browser.get("/opdrachten")).text).toContain("Concept");
  });

  it("refuses an empty hand-in and keeps the draft", async () => {
    const { browser, user } = await participant();
    const empty = await browser.submit(page(), { intent: "hand-in", body: "   ", revision: "0" });
    expect(empty.status).toBe(400);
    expect(empty.text).toContain("Je inlevering is nog leeg");
    expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);
  });

  it("hands in a frozen version with its wijk version, confirms by e-mail, and refuses a second hand-in", async () => {
    const { browser, user } = await participant();
    await browser.submit("/wijk", WIJK);
    const handed = await browser.submit(page(), {
      intent: "hand-in",
      body: "Mijn uitwerking over **Transvaal**",
      revision: "0",
    });
    expect(handed.status).toBe(200);
    expect(handed.text).toContain("Ingeleverd (versie 1)");
    const version = await db.submissionVersion.findFirstOrThrow({
      where: { submission: { userId: user.id } },
      include: { wijkVersion: true },
    });
    expect(version).toMatchObject({ number: 1, body: "Mijn uitwerking over **Transvaal**", late: false });
    expect(version.wijkVersion?.name).toBe("Transvaalkwartier");
    const mail = await db.outboxMessage.findFirstOrThrow({
      where: { to: user.email, subject: { startsWith: "Ingeleverd" } },
    });
    expect(mail.text).toContain(assignment().frontmatter.title);

    const view = await browser.get(page());
    expect(view.html).toContain("<strong>Transvaal</strong>");
    expect(view.text).toContain("Je hebt deze opdracht al ingeleverd");
    const again = await browser.submit(page(), { intent: "hand-in", body: "Nog een keer", revision: "1" });
    expect(again.status).toBe(400);
    expect(await db.submissionVersion.count({ where: { submission: { userId: user.id } } })).toBe(1);
    expect((await browser.get("/opdrachten")).text).toContain("Ingeleverd");
  });

  it("hands in exactly one version when the button is pressed twice at the same moment", async () => {
    const { browser, user } = await participant();
    await browser.submit(page(), { intent: "save-draft", body: "Tegelijk", revision: "0" });
    const results = await Promise.all(Array.from({ length: 4 }, () => browser.submit(page(), { intent: "hand-in" })));
    expect(results.filter((r) => r.status === 200)).toHaveLength(1);
    for (const r of results.filter((r) => r.status !== 200)) expect(r.text).toContain("al ingeleverd");
    expect(await db.submissionVersion.count({ where: { submission: { userId: user.id } } })).toBe(1);
  });

  it("marks a late hand-in, not when the trainer gave an extension, and refuses once closed", async () => {
    const { browser, user, cohortId } = await participant();
    const trainer = await trainerOf(cohortId);
    const slug = assignment().slug;
    await trainer.submit(`/opdrachten/groep/${cohortId}`, { intent: "schedule", [`due.${slug}`]: "2020-01-01T12:00" });
    const late = await browser.submit(page(), { intent: "hand-in", body: "Te laat", revision: "0" });
    expect(late.text).toContain("na de deadline");
    expect((await db.submissionVersion.findFirstOrThrow({ where: { submission: { userId: user.id } } })).late).toBe(
      true,
    );
    const overview = await trainer.get(`/opdrachten/groep/${cohortId}`);
    expect(overview.text).toContain("te laat");

    const other = await participant(cohortId);
    const granted = await trainer.submit(`/opdrachten/groep/${cohortId}`, {
      intent: "extension",
      slug,
      userId: other.user.id,
      dueAt: "2099-01-01T12:00",
    });
    expect(granted.text).toContain("Uitstel gegeven tot 1 januari 2099");
    const onTime = await other.browser.submit(page(), { intent: "hand-in", body: "Met uitstel", revision: "0" });
    expect(onTime.text).not.toContain("na de deadline");

    const third = await participant(cohortId);
    await third.browser.submit(page(), { intent: "save-draft", body: "Bijna klaar", revision: "0" });
    await trainer.submit(`/opdrachten/groep/${cohortId}`, {
      intent: "schedule",
      [`due.${slug}`]: "2020-01-01T12:00",
      [`closed.${slug}`]: "on",
    });
    const closed = await third.browser.submit(page(), { intent: "hand-in", body: "Bijna klaar", revision: "1" });
    expect(closed.status).toBe(400);
    expect(closed.text).toContain("gesloten");
    expect((await db.draft.findFirstOrThrow({ where: { userId: third.user.id } })).body).toBe("Bijna klaar");
  });

  it("accepts a new version after the trainer returned it, keeping the old one readable", async () => {
    const { browser, user } = await participant();
    await browser.submit(page(), { intent: "hand-in", body: "Eerste versie", revision: "0" });
    await db.submission.updateMany({ where: { userId: user.id }, data: { status: "RETURNED" } });
    // A revision first asks what the participant did with the feedback (issue 23): the hand-in leads there.
    const asked = await browser.submit(page(), { intent: "hand-in", body: "Herziene versie", revision: "1" });
    expect(asked.text).toContain("Wat heb je gedaan met de feedback op je vorige versie?");
    const second = await browser.submit(`${page()}/inleveren`, {
      intent: "hand-in",
      reflection: "Ik heb de bewoners zelf laten vertellen.",
    });
    expect(second.text).toContain("Ingeleverd (versie 2)");
    const view = await browser.get(page());
    expect(view.text).toContain("Versie 2");
    expect(view.text).toContain("Eerste versie");
    expect(view.text).toContain("Herziene versie");
  });

  it("does not let a participant of no cohort, or a cohort where the module is closed, hand in", async () => {
    const outsider = await createUser();
    const browser = await app.client().signInAs(outsider);
    expect((await browser.submit(page(), { intent: "hand-in", body: "x", revision: "0" })).status).toBe(404);

    const { browser: early, cohortId, user } = await participant();
    await db.moduleRelease.create({
      data: { cohortId, moduleSlug: at(getCourse().modules, 0).slug, opensOn: new Date("2099-01-01") },
    });
    const { forgetCourseAccess } = await import("~/content/access.server");
    forgetCourseAccess();
    expect((await early.submit(page(), { intent: "save-draft", body: "x", revision: "0" })).status).toBe(404);
    expect(await db.draft.count({ where: { userId: user.id } })).toBe(0);
  });
});

describe("attachments", () => {
  it("adds a real PDF, hands it in with the version, and lets only the owner and the trainer download it", async () => {
    const { browser, cohortId } = await participant();
    const added = await browser.upload(page(), [{ name: "buurtkaart.pdf", bytes: PDF }]);
    expect(added.text).toContain("Het bestand is toegevoegd.");
    const link = (await browser.get(page())).html.match(/href="(\/bijlagen\/[^"]+)">buurtkaart\.pdf/)?.[1];
    expect(link).toBeTruthy();

    const download = await browser.get(link!);
    expect(download.status).toBe(200);
    expect(download.headers.get("Content-Disposition")).toMatch(/^attachment; filename="buurtkaart.pdf"/);
    expect(download.headers.get("X-Content-Type-Options")).toBe("nosniff");
    expect(download.html.startsWith("%PDF-1.7")).toBe(true);
    // Only real images may be shown inline; a PDF asked for inline still comes as an attachment.
    expect((await browser.get(`${link}?bekijk`)).headers.get("Content-Disposition")).toMatch(/^attachment;/);

    const stranger = await participant(cohortId);
    expect((await stranger.browser.get(link!)).status).toBe(404);
    const trainer = await trainerOf(cohortId);
    expect((await trainer.get(link!)).status).toBe(404); // a draft is the participant's own

    await browser.submit(page(), { intent: "hand-in", body: "Zie de kaart", revision: "0" });
    expect((await trainer.get(link!)).status).toBe(200);
    expect((await stranger.browser.get(link!)).status).toBe(404);
    await expect((await trainerOf((await createCohort()).id)).get(link!).then((r) => r.status)).resolves.toBe(404);
  });

  it("shows a real image inline when asked, and nothing else", async () => {
    const { browser } = await participantIn(app);
    const png = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
    await browser.upload(page(), [{ name: "plein.png", bytes: png }]);
    const link = (await browser.get(page())).html.match(/href="(\/bijlagen\/[^"]+)">plein\.png/)?.[1];
    const inline = await browser.get(`${link}?bekijk`);
    expect(inline.headers.get("Content-Type")).toBe("image/png");
    expect(inline.headers.get("Content-Disposition")).toMatch(/^inline;/);
    expect((await browser.get(link!)).headers.get("Content-Disposition")).toMatch(/^attachment;/);
  });

  it("refuses files that are not what they say, too large, or badly named, and saves nothing", async () => {
    const { browser, user } = await participant();
    const cases: [string, Uint8Array, string][] = [
      ["nep.pdf", new TextEncoder().encode("<html>geen pdf</html>"), "de inhoud is dat niet"],
      ["programma.exe", new Uint8Array([0x4d, 0x5a, 1, 2, 3]), "dit soort bestand"],
      ["nul\0byte.pdf", PDF, "niet bruikbaar"],
      [`${"lang".repeat(75)}.pdf`, PDF, "niet bruikbaar"],
      ["groot.pdf", new Uint8Array(20 * 1024 * 1024 + 10).fill(0x25), "groter dan 20 MB"],
    ];
    for (const [name, bytes, message] of cases) {
      const response = await browser.upload(page(), [{ name, bytes }]);
      expect(response.status, name).toBe(400);
      expect(response.text, name).toContain(message);
    }
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(0);
  });

  it("never lets a file name choose a folder", async () => {
    const { browser, user } = await participant();
    const response = await browser.upload(page(), [{ name: "../../geheim.pdf", bytes: PDF }]);
    // The multipart parser already reduces the name to its last part; either way nothing climbs out.
    if (response.status === 400) {
      expect(response.text).toContain("niet bruikbaar");
    } else {
      const stored = await db.attachment.findFirstOrThrow({ where: { userId: user.id } });
      expect(stored.originalName).toBe("geheim.pdf");
      expect(stored.storageKey).toMatch(/^[a-f0-9]{40}$/);
    }
  });

  it("answers 404 for another participant's attachment id, and removes one's own", async () => {
    const { browser, user } = await participant();
    await browser.upload(page(), [{ name: "foto.pdf", bytes: PDF }]);
    const attachment = await db.attachment.findFirstOrThrow({ where: { userId: user.id } });
    const other = await participant();
    const refused = await other.browser.submit(page(), { intent: "remove-attachment", attachmentId: attachment.id });
    expect(refused.status).toBe(404);
    expect(await db.attachment.count({ where: { id: attachment.id } })).toBe(1);
    await browser.submit(page(), { intent: "remove-attachment", attachmentId: attachment.id });
    expect(await db.attachment.count({ where: { id: attachment.id } })).toBe(0);
  });
});

describe("trainer", () => {
  it("sets deadlines, explains a wrong one, and only for their own cohort", async () => {
    const { cohortId } = await participant();
    const trainer = await trainerOf(cohortId);
    const slug = assignment().slug;
    const address = `/opdrachten/groep/${cohortId}`;
    const saved = await trainer.submit(address, {
      intent: "schedule",
      [`due.${slug}`]: "2099-03-15T23:59",
      [`peer.${slug}`]: "2099-03-22T23:59",
    });
    expect(saved.text).toContain("De deadlines zijn opgeslagen.");
    const schedule = await db.assignmentSchedule.findFirstOrThrow({ where: { cohortId, assignmentSlug: slug } });
    expect(schedule.dueAt?.toISOString()).toBe("2099-03-15T22:59:00.000Z");

    const bad = await trainer.submit(address, {
      intent: "schedule",
      [`due.${slug}`]: "2099-03-15T23:59",
      [`peer.${slug}`]: "2099-03-01T12:00",
    });
    expect(bad.status).toBe(400);
    expect(bad.text).toContain("De peerfeedback-deadline moet na de inleverdeadline liggen.");
    expect(
      (
        await db.assignmentSchedule.findFirstOrThrow({ where: { cohortId, assignmentSlug: slug } })
      ).peerReviewDueAt?.toISOString(),
    ).toBe("2099-03-22T22:59:00.000Z");

    const stranger = await trainerOf((await createCohort()).id);
    expect((await stranger.get(address)).status).toBe(404);
  });
});

describe("deadline reminders", () => {
  it("reminds who has not handed in, once, even when two instances run the job", async () => {
    const cohort = await createCohort();
    const late = await participant(cohort.id);
    const done = await participant(cohort.id);
    const slug = assignment().slug;
    const now = new Date("2099-06-01T10:00:00Z");
    await db.assignmentSchedule.create({
      data: { cohortId: cohort.id, assignmentSlug: slug, dueAt: new Date("2099-06-03T21:59:00Z") },
    });
    await done.browser.submit(page(), { intent: "hand-in", body: "Klaar", revision: "0" });

    await Promise.all([sendDeadlineReminders(now), sendDeadlineReminders(now)]);
    await sendDeadlineReminders(now);
    const reminders = await db.outboxMessage.findMany({
      where: { to: { in: [late.user.email, done.user.email] }, subject: { contains: "deadline" } },
    });
    expect(reminders.map((m) => [m.to, m.subject])).toEqual([
      [late.user.email, `Over drie dagen: deadline voor ‘${assignment().frontmatter.title}’`],
    ]);

    await sendDeadlineReminders(new Date("2099-06-03T08:00:00Z"));
    expect(await db.outboxMessage.count({ where: { to: late.user.email, subject: { startsWith: "Morgen" } } })).toBe(1);
  });
});
