// The writing form on the server (issue 18): the text and the files in one post, so adding a file never loses what
// was typed (also when the file is refused, or the draft was saved elsewhere meanwhile); and "Inleveren" without
// JavaScript, which saves and asks on a page of its own before anything is handed in.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { startTestApp, type TestApp } from "../support/http";
import { at } from "../support/indexed";
import { participantIn } from "../support/people";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const assignment = () => at(at(getCourse().modules, 0).assignments, 0);
const page = () => `/opdrachten/${assignment().slug}`;
const PDF = new TextEncoder().encode("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const EXE = new Uint8Array([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0x00, 0x00]);
const writing = (fields: Record<string, string>) => ({ __form: "uitwerking", revision: "0", ...fields });

const draftOf = (userId: string) =>
  db.draft.findFirst({ where: { userId }, select: { body: true, revision: true, attachments: true } });

describe("adding a file from the writing form", () => {
  it("saves the typed text and the file in one post", async () => {
    const { browser, user } = await participantIn(app);
    const added = await browser.upload(
      page(),
      [{ name: "buurtkaart.pdf", bytes: PDF }],
      writing({ intent: "upload", body: "Wat bewoners vertelden over het plein." }),
    );
    expect(added.status).toBe(200);
    expect(added.text).toContain("Het bestand is toegevoegd.");
    expect(added.html).toContain("Wat bewoners vertelden over het plein.");
    const draft = await draftOf(user.id);
    expect(draft?.body).toBe("Wat bewoners vertelden over het plein.");
    expect(draft?.attachments.map((a) => a.originalName)).toEqual(["buurtkaart.pdf"]);
  });

  it("keeps and saves the text when the file is refused, and says so next to the file input", async () => {
    const { browser, user } = await participantIn(app);
    const refused = await browser.upload(
      page(),
      [{ name: "programma.exe", bytes: EXE }],
      writing({ intent: "upload", body: "Mijn halve verhaal" }),
    );
    expect(refused.status).toBe(400);
    const fileField = refused.html.match(/<div class="field field--invalid file-field">([\s\S]*?)<\/div>/)?.[1] ?? "";
    expect(fileField).toContain("programma.exe: dit soort bestand kun je niet toevoegen");
    expect(fileField).toContain("Je tekst is wel opgeslagen.");
    expect(fileField).toMatch(/role="alert"/);
    expect(refused.html).toMatch(/<textarea[^>]*>Mijn halve verhaal<\/textarea>/);
    expect(await draftOf(user.id)).toMatchObject({ body: "Mijn halve verhaal", attachments: [] });
  });

  it("adds no file when the draft was saved elsewhere meanwhile, and gives both texts back", async () => {
    const { browser, user } = await participantIn(app);
    await browser.submit(page(), writing({ intent: "save-draft", body: "Uit het andere tabblad" }));
    const clash = await browser.upload(
      page(),
      [{ name: "buurtkaart.pdf", bytes: PDF }],
      writing({ intent: "upload", body: "Uit dit tabblad", revision: "0" }),
    );
    expect(clash.status).toBe(409);
    expect(clash.text).toContain("Dit concept is ondertussen ergens anders opgeslagen");
    expect(clash.html).toContain("Uit dit tabblad");
    expect(await draftOf(user.id)).toMatchObject({ body: "Uit het andere tabblad", attachments: [] });
  });

  it("adds the files chosen also with 'Concept opslaan'", async () => {
    const { browser, user } = await participantIn(app);
    const saved = await browser.upload(
      page(),
      [{ name: "foto.pdf", bytes: PDF }],
      writing({ intent: "save-draft", body: "Met een bijlage" }),
    );
    expect(saved.text).toContain("Je concept is opgeslagen. Het bestand is toegevoegd.");
    expect((await draftOf(user.id))?.attachments).toHaveLength(1);
  });
});

describe("handing in without JavaScript", () => {
  it("saves, then asks with the length, the files and a warning, and hands in only when confirmed", async () => {
    const { browser, user } = await participantIn(app);
    await browser.upload(page(), [{ name: "buurtkaart.pdf", bytes: PDF }], writing({ intent: "upload" }));
    const asked = await browser.post(page(), {
      ...writing({ intent: "prepare-hand-in", body: "Een kort verhaal over de wijk." }),
    });
    expect(asked.status).toBe(302);
    expect(asked.location).toBe(`${page()}/inleveren`);
    const confirm = await browser.follow(asked);
    expect(confirm.text).toContain("Inleveren?");
    expect(confirm.text).toContain("6 van 800–1.200 woorden");
    expect(confirm.text).toContain("Je tekst is korter dan gevraagd (6 van minimaal 800 woorden). Toch inleveren?");
    expect(confirm.text).toContain("buurtkaart.pdf");
    expect((await draftOf(user.id))?.body).toBe("Een kort verhaal over de wijk.");
    expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);

    const done = await browser.submit(`${page()}/inleveren`, { __form: "inleveren-bevestigen", intent: "hand-in" });
    expect(done.text).toContain("Ingeleverd (versie 1)");
    const version = await db.submissionVersion.findFirst({
      where: { submission: { userId: user.id } },
      select: { body: true, attachments: { select: { originalName: true } } },
    });
    expect(version).toEqual({
      body: "Een kort verhaal over de wijk.",
      attachments: [{ originalName: "buurtkaart.pdf" }],
    });

    // Handed in: nothing to confirm any more, the assignment page says where things stand.
    const again = await browser.get(`${page()}/inleveren`);
    expect(again.status).toBe(302);
    expect(again.location).toBe(page());
  });

  it("does not offer to hand in an empty text", async () => {
    const { browser, user } = await participantIn(app);
    const confirm = await browser.submit(page(), writing({ intent: "prepare-hand-in", body: "  " }));
    expect(confirm.text).toContain("Je tekst is nog leeg.");
    expect(confirm.html).not.toContain('value="hand-in"');
    const refused = await browser.submit(`${page()}/inleveren`, { __form: "inleveren-bevestigen", intent: "hand-in" });
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("Je inlevering is nog leeg");
    expect(await db.submission.count({ where: { userId: user.id } })).toBe(0);
  });

  it("sends someone who has no work on the assignment back to its page", async () => {
    const { browser } = await participantIn(app);
    const trainerless = await app.client().get(`${page()}/inleveren`);
    expect(trainerless.status).toBe(302);
    expect(trainerless.location).toMatch(/^\/inloggen/);
    expect((await browser.get("/opdrachten/bestaat-niet/inleveren")).location).toBe("/opdrachten/bestaat-niet");
  });
});

describe("saving the draft (autosave and 'Concept opslaan')", () => {
  const save = (body: string, revision: number) =>
    writing({ intent: "save-draft", autosave: "1", body, revision: String(revision) });
  const stored = (userId: string) =>
    db.draft.findFirstOrThrow({ where: { userId }, select: { body: true, revision: true, updatedAt: true } });

  it("stores each save as the next revision, with the time it was saved", async () => {
    const { browser, user } = await participantIn(app);
    await browser.submit(page(), save("Eerste zin.", 0));
    const first = await stored(user.id);
    expect(first).toMatchObject({ body: "Eerste zin.", revision: 1 });
    await new Promise((resolve) => setTimeout(resolve, 20));
    await browser.submit(page(), save("Eerste zin. Tweede zin.", 1));
    const second = await stored(user.id);
    expect(second).toMatchObject({ body: "Eerste zin. Tweede zin.", revision: 2 });
    expect(second.updatedAt.getTime()).toBeGreaterThan(first.updatedAt.getTime());
  });

  it("refuses a save once the trainer closed the assignment or it was handed in, and keeps what was stored", async () => {
    const { browser, user, cohortId } = await participantIn(app);
    await browser.submit(page(), save("Mijn verhaal tot nu toe.", 0));
    const where = { cohortId_assignmentSlug: { cohortId, assignmentSlug: assignment().slug } };
    await db.assignmentSchedule.upsert({
      where,
      create: { cohortId, assignmentSlug: assignment().slug, closed: true },
      update: { closed: true },
    });
    const closed = await browser.submit(page(), save("Nog snel iets erbij.", 1));
    expect(closed.status).toBeGreaterThanOrEqual(400);
    expect(closed.text).toContain("Deze opdracht is gesloten door je trainer");
    expect(await stored(user.id)).toMatchObject({ body: "Mijn verhaal tot nu toe.", revision: 1 });

    await db.assignmentSchedule.update({ where, data: { closed: false } });
    await browser.submit(`${page()}/inleveren`, { __form: "inleveren-bevestigen", intent: "hand-in" });
    expect(await db.submission.count({ where: { userId: user.id, status: "SUBMITTED" } })).toBe(1);
    const handedIn = await browser.submit(page(), save("Na het inleveren.", 1));
    expect(handedIn.status).toBeGreaterThanOrEqual(400);
    expect(handedIn.text).toContain("Je hebt deze opdracht al ingeleverd.");
    expect(await stored(user.id)).toMatchObject({ body: "Mijn verhaal tot nu toe.", revision: 1 });
  });
});
