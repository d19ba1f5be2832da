// Attachments as an attack: executables and web pages under a harmless extension (the content decides, not the
// name), double extensions, names that climb folders or carry quotes, newlines and a right-to-left override, a
// file over the limit, and polyglots. Refused files get a Dutch reason and leave nothing behind; accepted files
// are stored under a server-made key and always downloaded as attachments, never rendered as a page.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES } from "~/assignments/files";
import { getCourse } from "~/content/course.server";
import { db } from "~/db.server";
import { createCohort } from "../support/factories";
import { startTestApp, type Client, type Page, type TestApp } from "../support/http";
import { participantIn, trainerOf } from "../support/people";
import { first } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const encode = (text: string) => new TextEncoder().encode(text);
const PDF = encode("%PDF-1.7\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n");
const EXE = new Uint8Array([
  0x4d,
  0x5a,
  0x90,
  0x00,
  0x03,
  0x00,
  0x00,
  0x00,
  0x04,
  0x00,
  0x00,
  0x00,
  0xff,
  0xff,
  0x00,
  0x00,
  ...encode("This program cannot be run in DOS mode."),
]);
const HTML = encode("<!DOCTYPE html><html><body><script>alert(document.cookie)</script></body></html>");
const SVG = encode(`<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>`);
const ZIP = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x00, 0x00, ...encode("payload/evil.js")]);
const PNG_HEAD = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52];
/** A real PNG signature followed by a web page: accepted as an image, must never be served as HTML. */
const POLYGLOT = new Uint8Array([...PNG_HEAD, ...HTML]);

const page = () => `/opdrachten/${first(first(getCourse().modules).assignments).slug}`;
const BIDI = /[\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

let cohortId: string;
beforeAll(async () => {
  cohortId = (await createCohort()).id;
});

async function uploader() {
  return participantIn(app, { cohortId, name: "Uploader Test" });
}

/** Uploads one file and says what the participant read and what was stored. */
async function tryUpload(browser: Client, userId: string, name: string, bytes: Uint8Array) {
  const before = await db.attachment.count({ where: { userId } });
  const response = await browser.upload(page(), [{ name, bytes }]);
  const stored = await db.attachment.findMany({ where: { userId }, orderBy: { createdAt: "asc" } });
  return { response, added: stored.slice(before) };
}

function expectRefused(result: { response: Page; added: unknown[] }, label: string, reason: RegExp) {
  expect(result.response.status, label).toBe(400);
  expect(result.response.text, label).toMatch(reason);
  expect(result.added, label).toHaveLength(0);
}

/** Download headers that keep a browser from rendering the file as a page. */
function expectSafeDownload(download: Page, label: string, disposition: "attachment" | "inline" = "attachment") {
  expect(download.status, label).toBe(200);
  expect(download.headers.get("Content-Disposition"), label).toMatch(new RegExp(`^${disposition};`));
  expect(download.headers.get("X-Content-Type-Options"), label).toBe("nosniff");
  expect(download.headers.get("Content-Type") ?? "", label).not.toMatch(/html|xml|javascript|svg/i);
  expect(download.headers.get("Content-Security-Policy") ?? "", label).toContain("sandbox");
}

describe("what a file is, by its content", () => {
  it("refuses an executable, a web page, an SVG and a script under an allowed extension, naming the file", async () => {
    const { user, browser } = await uploader();
    const disguised: [string, Uint8Array][] = [
      ["factuur.pdf", EXE],
      ["verslag.pdf", HTML],
      ["foto.png", SVG],
      ["foto.jpg", HTML],
      ["brief.docx", ZIP],
      ["brief.doc", EXE],
    ];
    for (const [name, bytes] of disguised) {
      const result = await tryUpload(browser, user.id, name, bytes);
      expectRefused(result, name, /maar de inhoud is dat niet/);
      expect(result.response.text).toContain(name);
    }
  });

  it("refuses types that are never allowed, also behind a double extension or a trailing dot or space", async () => {
    const { user, browser } = await uploader();
    for (const [name, bytes] of [
      ["scan.pdf.exe", PDF],
      ["pagina.html", HTML],
      ["logo.svg", SVG],
      ["script.js", encode("alert(1)")],
      ["scan.pdf.exe.", PDF],
      ["scan.exe ", EXE],
      ["scan", PDF],
    ] as [string, Uint8Array][]) {
      expectRefused(
        await tryUpload(browser, user.id, name, bytes),
        JSON.stringify(name),
        /dit soort bestand kun je niet toevoegen|niet bruikbaar/,
      );
    }
    // A real PDF whose name merely contains ".exe" is a PDF: stored and offered as one.
    const fine = await tryUpload(browser, user.id, "uitleg.exe.pdf", PDF);
    expect(fine.added).toHaveLength(1);
    expect(fine.added[0]).toMatchObject({ mediaType: "application/pdf", originalName: "uitleg.exe.pdf" });
  });

  it("refuses a file over 20 MB, saying so, and keeps nothing", async () => {
    const { user, browser } = await uploader();
    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(PDF);
    const result = await tryUpload(browser, user.id, "te-groot.pdf", big);
    expectRefused(result, "te groot", /te-groot\.pdf is groter dan 20 MB/);
    const empty = await tryUpload(browser, user.id, "leeg.pdf", new Uint8Array(0));
    expect(empty.added).toHaveLength(0);
    expect(empty.response.status).toBeGreaterThanOrEqual(400);
  });
});

describe("file names", () => {
  it("never lets a name choose where the file lands: folders are dropped or the name refused, the key is random", async () => {
    const { user, browser } = await uploader();
    const climbs: [string, string][] = [
      ["../../../app/root.tsx.pdf", "root.tsx.pdf"],
      ["..\\..\\windows\\system.ini.pdf", "system.ini.pdf"],
      ["map/../../geheim.pdf", "geheim.pdf"],
      ["/etc/cron.d/verslag.pdf", "verslag.pdf"],
    ];
    for (const [name, basename] of climbs) {
      const result = await tryUpload(browser, user.id, name, PDF);
      if (result.added.length === 0) {
        expectRefused(result, name, /niet bruikbaar/);
        continue;
      }
      expect(
        result.added.map((a) => a.originalName),
        name,
      ).toEqual([basename]);
      expect(first(result.added).storageKey).toMatch(/^[a-f0-9]{40}$/);
    }
    expectRefused(
      await tryUpload(browser, user.id, "../../etc/passwd", encode("root:x:0:0:root:/root:/bin/bash\n")),
      "passwd",
      /dit soort bestand kun je niet toevoegen/,
    );
  });

  it("stores and offers names with quotes, newlines, HTML and a right-to-left override safely, or refuses them in Dutch", async () => {
    const { user, browser } = await uploader();
    const names = [
      'rap"port.pdf',
      "regel\r\none.pdf",
      "<img src=x onerror=alert(1)>.pdf",
      "verslag;versie=2.pdf",
      "scan\u202Egnp.pdf",
      "\u2066verslag\u2069.pdf",
    ];
    const stored = [];
    for (const name of names) {
      const result = await tryUpload(browser, user.id, name, PDF);
      if (result.added.length === 0)
        expectRefused(result, JSON.stringify(name), /kon niet worden gelezen|niet bruikbaar/);
      expect(result.response.html, JSON.stringify(name)).not.toMatch(
        /at .*\.(js|ts):\d+|malformed content-disposition/,
      );
      stored.push(...result.added);
    }
    expect(stored.map((a) => a.originalName)).toEqual(expect.arrayContaining(["scangnp.pdf", "verslag.pdf"]));
    for (const attachment of stored) {
      expect(attachment.originalName).not.toMatch(/["<>\r\n\u0000-\u001f]/);
      expect(attachment.originalName, JSON.stringify(attachment.originalName)).not.toMatch(BIDI);
      const download = await browser.get(`/bijlagen/${attachment.id}`);
      expectSafeDownload(download, attachment.originalName);
      const disposition = download.headers.get("Content-Disposition")!;
      expect(disposition).toMatch(/^attachment; filename="[^"]*"; filename\*=UTF-8''[^\s"]+$/);
      expect(disposition.toUpperCase()).not.toContain("%E2%80%AE");
    }
    // The participant's page shows the names as text, not markup.
    const work = await browser.get(page());
    expect(work.html).not.toMatch(/<img[^>]*onerror/i);
    expect(work.html).not.toMatch(BIDI);
  });
});

describe("downloads", () => {
  it("never serves an upload as a page: a PNG that is also HTML comes as an image, sandboxed, for owner and trainer", async () => {
    const { user, browser } = await uploader();
    const polyglot = await tryUpload(browser, user.id, "plein.png", POLYGLOT);
    expect(polyglot.added).toHaveLength(1);
    const pdf = await tryUpload(browser, user.id, "kaart.pdf", PDF);
    const [image, document] = [first(polyglot.added), first(pdf.added)];
    expectSafeDownload(await browser.get(`/bijlagen/${image.id}`), "png");
    const inline = await browser.get(`/bijlagen/${image.id}?bekijk`);
    expectSafeDownload(inline, "png inline", "inline");
    expect(inline.headers.get("Content-Type")).toBe("image/png");
    // Anything that is not an image is an attachment even when asked to show it.
    expectSafeDownload(await browser.get(`/bijlagen/${document.id}?bekijk`), "pdf ?bekijk");

    await browser.submit(page(), { intent: "hand-in", body: "Met bijlagen", revision: "0" });
    const trainer = await trainerOf(app, cohortId);
    expectSafeDownload(await trainer.get(`/bijlagen/${document.id}`), "trainer pdf");
    expectSafeDownload(await trainer.get(`/bijlagen/${image.id}?bekijk`), "trainer png", "inline");
  });

  it("serves the reviewer's copy of a gildegenoot's attachment the same way", async () => {
    const author = await uploader();
    const reviewer = await participantIn(app, { cohortId, name: "Reviewer Upload" });
    await author.browser.upload(page(), [{ name: "verslag.pdf", bytes: PDF }]);
    await author.browser.submit(page(), { intent: "hand-in", body: "Zie bijlage", revision: "0" });
    const submission = await db.submission.findFirstOrThrow({ where: { userId: author.user.id } });
    const review = await db.peerReview.upsert({
      where: { submissionId_reviewerId: { submissionId: submission.id, reviewerId: reviewer.user.id } },
      create: {
        cohortId,
        assignmentSlug: submission.assignmentSlug,
        submissionId: submission.id,
        reviewerId: reviewer.user.id,
        dueAt: new Date(Date.now() + 7 * 86_400_000),
      },
      update: {},
    });
    const download = await reviewer.browser.get(`/gilde/feedback/${review.id}/bijlage/1`);
    expectSafeDownload(download, "peerfeedback-bijlage");
    expect(download.html.startsWith("%PDF-")).toBe(true);
  });
});
