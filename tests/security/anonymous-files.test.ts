// Anonymous means anonymous inside the file too (issue 16). The author's name sits in a PDF's document properties,
// XMP and comment authors, in a Word or OpenDocument file's properties and tracked changes, in a photo's EXIF and a
// PNG's text chunks. In both anonymous modes the reviewer gets a copy without it (and under a neutral name), while
// the author and the trainer get the original, byte for byte. A file that cannot be cleaned is not shared with the
// reviewer, and the author is told at upload. Also: a .docx is a ZIP with the real Word entries, and uploads are
// streamed with explicit limits, a refused upload losing nothing already saved.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PDFDocument, PDFName, PDFString, StandardFonts } from "pdf-lib";
import sharp from "sharp";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_FILE_BYTES, MAX_UPLOAD_BYTES } from "~/assignments/files";
import { getCourse } from "~/content/course.server";
import { dataDir } from "~/db/adapter.server";
import { db } from "~/db.server";
import { createCohort } from "../support/factories";
import { startTestApp, type Client, type TestApp } from "../support/http";
import { participantIn, trainerOf } from "../support/people";
import { at, entry, first } from "../support/indexed";

let app: TestApp;
beforeAll(async () => (app = await startTestApp()));
afterAll(() => app.close());

const FIRST = "Wietske";
const SURNAME = "Vlasblom";
const NAME = `${FIRST} ${SURNAME}`;
const EMAIL = "wietske.vlasblom@voorbeeld.nl";

const assignments = () => getCourse().modules.flatMap((m) => m.assignments);
const withAnonymity = (anonymity: string) =>
  assignments().find((a) => a.frontmatter.peerReview.enabled && a.frontmatter.peerReview.anonymity === anonymity)!.slug;
const openSlug = () => first(first(getCourse().modules).assignments).slug;

// ---- Files with the author's name in their metadata (and nowhere else) ----

async function pdfWithAuthor() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const page = doc.addPage([300, 200]);
  page.drawText("Netwerkkaart van de wijk", {
    x: 20,
    y: 150,
    size: 14,
    font: await doc.embedFont(StandardFonts.Helvetica),
  });
  const { context } = doc;
  // Literal strings, as Word and most PDF writers put them: /Author(Wietske Vlasblom).
  context.trailerInfo.Info = context.register(
    context.obj({
      Author: PDFString.of(NAME),
      Creator: PDFString.of(`Word (${NAME})`),
      Title: PDFString.of(`Verslag ${NAME}`),
      Producer: PDFString.of(EMAIL),
    }),
  );
  const xmp = `<?xpacket begin=""?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator><rdf:Seq><rdf:li>${NAME}</rdf:li></rdf:Seq></dc:creator></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  doc.catalog.set(PDFName.of("Metadata"), context.register(context.stream(xmp, { Type: "Metadata", Subtype: "XML" })));
  // A comment, whose /T is its author.
  const note = context.obj({
    Type: "Annot",
    Subtype: "Text",
    Rect: [10, 10, 30, 30],
    T: PDFString.of(NAME),
    Contents: PDFString.of("Nog uitwerken"),
  });
  page.node.set(PDFName.of("Annots"), context.obj([context.register(note)]));
  return doc.save({ useObjectStreams: false });
}

function docxWithAuthor(): Uint8Array {
  const stored = { level: 0 as const };
  return zipSync({
    "[Content_Types].xml": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/><Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/><Override PartName="/docProps/app.xml" ContentType="application/vnd.openxmlformats-officedocument.extended-properties+xml"/></Types>`,
      ),
      stored,
    ],
    "_rels/.rels": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/extended-properties" Target="docProps/app.xml"/></Relationships>`,
      ),
      stored,
    ],
    "word/document.xml": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:ins w:id="1" w:author="${NAME}" w:date="2027-03-01T10:00:00Z"><w:r><w:t>Mijn netwerkkaart.</w:t></w:r></w:ins></w:p></w:body></w:document>`,
      ),
      stored,
    ],
    "word/_rels/settings.xml.rels": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/attachedTemplate" Target="file:///C:\\Users\\${NAME}\\AppData\\Roaming\\Microsoft\\Templates\\Normal.dotm" TargetMode="External"/></Relationships>`,
      ),
      stored,
    ],
    "docProps/core.xml": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/"><dc:creator>${NAME}</dc:creator><cp:lastModifiedBy>${FIRST}</cp:lastModifiedBy></cp:coreProperties>`,
      ),
      stored,
    ],
    "docProps/app.xml": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Company>Buurtwerk ${SURNAME}</Company><Manager>${EMAIL}</Manager></Properties>`,
      ),
      stored,
    ],
  });
}

const ODT_TYPE = "application/vnd.oasis.opendocument.text";

function odtWithAuthor(): Uint8Array {
  const stored = { level: 0 as const };
  const office = 'xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0"';
  return zipSync({
    mimetype: [strToU8(ODT_TYPE), stored],
    "META-INF/manifest.xml": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><manifest:manifest xmlns:manifest="urn:oasis:names:tc:opendocument:xmlns:manifest:1.0" manifest:version="1.3"><manifest:file-entry manifest:full-path="/" manifest:media-type="${ODT_TYPE}"/><manifest:file-entry manifest:full-path="content.xml" manifest:media-type="text/xml"/><manifest:file-entry manifest:full-path="meta.xml" manifest:media-type="text/xml"/></manifest:manifest>`,
      ),
      stored,
    ],
    "content.xml": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-content ${office} xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:body><office:text><text:p>Mijn netwerkkaart.<office:annotation><dc:creator>${NAME}</dc:creator><text:p>Nog doen</text:p></office:annotation></text:p></office:text></office:body></office:document-content>`,
      ),
      stored,
    ],
    "meta.xml": [
      strToU8(
        `<?xml version="1.0" encoding="UTF-8"?><office:document-meta ${office} xmlns:meta="urn:oasis:names:tc:opendocument:xmlns:meta:1.0" xmlns:dc="http://purl.org/dc/elements/1.1/" office:version="1.3"><office:meta><meta:initial-creator>${NAME}</meta:initial-creator><dc:creator>${NAME}</dc:creator><meta:user-defined meta:name="E-mail">${EMAIL}</meta:user-defined></office:meta></office:document-meta>`,
      ),
      stored,
    ],
  });
}

async function jpegWithExif() {
  return sharp({ create: { width: 48, height: 32, channels: 3, background: "#3a7d5c" } })
    .jpeg()
    .withExif({ IFD0: { Artist: NAME, Copyright: `(c) ${NAME}`, ImageDescription: EMAIL } })
    .withXmp(
      `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="${NAME}"/></rdf:RDF></x:xmpmeta>`,
    )
    .toBuffer();
}

function pngChunk(type: string, data: Buffer) {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

/** A PNG with the author in a tEXt, an iTXt and a zTXt chunk, right after the header chunk. */
async function pngWithText() {
  const png = await sharp({ create: { width: 40, height: 30, channels: 3, background: "#c8553d" } })
    .png()
    .toBuffer();
  const afterHeader = 8 + 25; // signature, then IHDR (4 length + 4 type + 13 data + 4 crc)
  const chunks = [
    pngChunk("tEXt", Buffer.from(`Author\0${NAME}`, "latin1")),
    pngChunk("iTXt", Buffer.concat([Buffer.from("Copyright\0\0\0\0\0", "latin1"), Buffer.from(NAME, "utf8")])),
    pngChunk(
      "zTXt",
      Buffer.concat([Buffer.from("Comment\0\0", "latin1"), zlib.deflateSync(Buffer.from(`Gemaakt door ${NAME}`))]),
    ),
  ];
  return Buffer.concat([png.subarray(0, afterHeader), ...chunks, png.subarray(afterHeader)]);
}

/** An old Word file (OLE compound document) with the author in its summary information: cannot be cleaned. */
function docWithAuthor() {
  return Buffer.concat([
    Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]),
    Buffer.alloc(504),
    Buffer.from(`\u0005SummaryInformation Author ${NAME}`, "latin1"),
  ]);
}

// ---- Looking for the name ----

/** Whether the bytes mention the author in any of the ways files spell text: plain, UTF-16 either way, PDF hex. */
function mentionsAuthor(bytes: Uint8Array): boolean {
  const buffer = Buffer.from(bytes);
  const words = [SURNAME, FIRST, "wietske.vlasblom"].map((w) => w.toLowerCase());
  const texts = [buffer.toString("latin1"), buffer.toString("utf16le"), buffer.subarray(1).toString("utf16le")].map(
    (t) => t.toLowerCase(),
  );
  const hex = buffer
    .toString("latin1")
    .replace(/[^0-9a-fA-F]/g, "")
    .toLowerCase();
  const hexForms = words.flatMap((w) => [
    Buffer.from(w, "latin1").toString("hex"),
    Buffer.from(w, "utf16le").swap16().toString("hex"),
  ]);
  return words.some((w) => texts.some((t) => t.includes(w))) || hexForms.some((h) => hex.includes(h));
}

/** The PNG's chunk types, in order. */
function pngChunkTypes(png: Uint8Array) {
  const buffer = Buffer.from(png);
  const types: string[] = [];
  for (let at = 8; at + 8 <= buffer.length;) {
    const length = buffer.readUInt32BE(at);
    types.push(buffer.subarray(at + 4, at + 8).toString("latin1"));
    at += 12 + length;
  }
  return types;
}

const sha256 = (bytes: Uint8Array) => crypto.createHash("sha256").update(bytes).digest("hex");

/** A download as bytes (the test client reads bodies as text). */
async function download(browser: Client, pathname: string) {
  const headers = new Headers({
    Cookie: [...browser.cookies].map(([k, v]) => `${k}=${v}`).join("; "),
    "X-Forwarded-For": browser.ip,
  });
  const response = await fetch(new URL(pathname, browser.baseUrl), { headers, redirect: "manual" });
  return { status: response.status, headers: response.headers, bytes: new Uint8Array(await response.arrayBuffer()) };
}

// ---- The people ----

async function authorAndReviewer(slug: string) {
  const cohortId = (await createCohort()).id;
  const author = await participantIn(app, { cohortId, name: NAME });
  const reviewer = await participantIn(app, { cohortId, name: "Gerrit Gildegenoot" });
  const trainer = await trainerOf(app, cohortId);
  return { cohortId, author, reviewer, trainer, slug };
}

/** The author hands in with these files; the reviewer is given the submission to review. */
async function handInWithFiles(
  people: Awaited<ReturnType<typeof authorAndReviewer>>,
  files: { name: string; bytes: Uint8Array }[],
) {
  const { author, reviewer, cohortId, slug } = people;
  const page = `/opdrachten/${slug}`;
  const uploaded = await author.browser.upload(page, files);
  expect(uploaded.status, uploaded.text.slice(0, 400)).toBe(200);
  expect(
    (
      await author.browser.submit(page, {
        intent: "hand-in",
        body: "Mijn netwerkkaart, zie de bijlagen.",
        revision: "0",
      })
    ).text,
  ).toContain("Ingeleverd");
  const submission = await db.submission.findFirstOrThrow({ where: { userId: author.user.id, assignmentSlug: slug } });
  const review = await db.peerReview.upsert({
    where: { submissionId_reviewerId: { submissionId: submission.id, reviewerId: reviewer.user.id } },
    create: {
      cohortId,
      assignmentSlug: slug,
      submissionId: submission.id,
      reviewerId: reviewer.user.id,
      dueAt: new Date(Date.now() + 7 * 86_400_000),
    },
    update: {},
  });
  const attachments = await db.attachment.findMany({
    where: { userId: author.user.id, version: { submissionId: submission.id } },
    orderBy: { createdAt: "asc" },
  });
  return { uploaded, review, attachments };
}

const FILES = async () => [
  { name: `verslag-${SURNAME.toLowerCase()}.pdf`, bytes: await pdfWithAuthor(), kind: "pdf" },
  { name: `netwerk ${NAME}.docx`, bytes: docxWithAuthor(), kind: "docx" },
  { name: "netwerk.odt", bytes: odtWithAuthor(), kind: "odt" },
  { name: "plein.jpg", bytes: await jpegWithExif(), kind: "jpeg" },
  { name: "kaart.png", bytes: await pngWithText(), kind: "png" },
];

describe.each(["double-anonymous", "anonymous-reviewers"])(
  "%s: the reviewer's copy of the author's files",
  (anonymity) => {
    it("holds no trace of the author's name, for every type; the author and the trainer get the original", async () => {
      const people = await authorAndReviewer(withAnonymity(anonymity));
      const files = await FILES();
      for (const file of files)
        expect(mentionsAuthor(file.bytes), `the ${file.kind} fixture names the author`).toBe(true);
      const { review, attachments } = await handInWithFiles(people, files);
      expect(attachments).toHaveLength(files.length);

      const form = await people.reviewer.browser.get(`/gilde/feedback/${review.id}`);
      expect(form.status).toBe(200);
      for (const [i, file] of files.entries()) {
        const copy = await download(people.reviewer.browser, `/gilde/feedback/${review.id}/bijlage/${i + 1}`);
        expect(copy.status, file.kind).toBe(200);
        expect(mentionsAuthor(copy.bytes), `${file.kind}: the reviewer's copy names the author`).toBe(false);
        const disposition = copy.headers.get("Content-Disposition") ?? "";
        expect(disposition, file.kind).toContain(`bijlage-${i + 1}.${file.name.split(".").pop()}`);
        expect(disposition.toLowerCase(), file.kind).not.toContain(SURNAME.toLowerCase());
        // The page itself names the author only where the mode lets the reviewer know them; the files never do.
        if (anonymity === "double-anonymous") expect(form.text.toLowerCase()).not.toContain(SURNAME.toLowerCase());
        else expect(form.text).toContain(`Werk van ${NAME}`);

        // Still the same kind of file, readable, with the metadata gone rather than the file broken.
        if (file.kind === "pdf") {
          const pdf = await PDFDocument.load(copy.bytes, { updateMetadata: false });
          expect(pdf.getAuthor() ?? "").toBe("");
          expect(pdf.catalog.has(PDFName.of("Metadata"))).toBe(false);
          expect(pdf.getPageCount()).toBe(1);
        }
        if (file.kind === "docx" || file.kind === "odt") {
          const entries = unzipSync(copy.bytes);
          const original = unzipSync(file.bytes);
          expect(Object.keys(entries).sort()).toEqual(Object.keys(original).sort());
          if (file.kind === "docx")
            expect(strFromU8(entry(entries, "word/document.xml"))).toContain("Mijn netwerkkaart.");
          else {
            expect(Object.keys(entries)[0]).toBe("mimetype");
            expect(strFromU8(entry(entries, "mimetype"))).toBe(ODT_TYPE);
            expect(strFromU8(entry(entries, "content.xml"))).toContain("Mijn netwerkkaart.");
          }
        }
        if (file.kind === "jpeg" || file.kind === "png") {
          const meta = await sharp(copy.bytes).metadata();
          expect(meta.format).toBe(file.kind);
          expect([meta.width, meta.height]).toEqual([file.kind === "jpeg" ? 48 : 40, file.kind === "jpeg" ? 32 : 30]);
          expect(meta.exif, file.kind).toBeUndefined();
          expect(meta.xmp, file.kind).toBeUndefined();
          if (file.kind === "png")
            expect(pngChunkTypes(copy.bytes).filter((t) => /^(tEXt|iTXt|zTXt|eXIf)$/.test(t))).toEqual([]);
        }

        // The author and the trainer get the original, byte for byte.
        for (const [who, browser] of [
          ["author", people.author.browser],
          ["trainer", people.trainer],
        ] as const) {
          const original = await download(browser, `/bijlagen/${at(attachments, i).id}`);
          expect(original.status, `${who} ${file.kind}`).toBe(200);
          expect(sha256(original.bytes), `${who} ${file.kind}`).toBe(sha256(file.bytes));
        }
      }
      // The clean copies were made once, at upload, and are kept beside the originals.
      const rows = await db.attachment.findMany({ where: { id: { in: attachments.map((a) => a.id) } } });
      for (const row of rows) {
        expect(row.cleanState).toBe("CLEANED");
        expect(row.cleanStorageKey).toMatch(/^[a-f0-9]{40}$/);
        expect(row.cleanStorageKey).not.toBe(row.storageKey);
      }
    });
  },
);

describe("files that cannot be cleaned, and files from before clean copies", () => {
  it("tells the author at upload which file cannot be cleaned and why; the reviewer does not get it, the trainer does", async () => {
    const people = await authorAndReviewer(withAnonymity("double-anonymous"));
    const doc = docWithAuthor();
    const pdf = await pdfWithAuthor();
    const { uploaded, review, attachments } = await handInWithFiles(people, [
      { name: "oud-verslag.doc", bytes: doc },
      { name: "verslag.pdf", bytes: pdf },
    ]);
    expect(uploaded.text).toContain("2 bestanden toegevoegd.");
    expect(uploaded.text).toMatch(
      /Let op: oud-verslag\.doc gaat niet naar je feedbackgevers.*oud Word-bestand \(\.doc\)/,
    );
    expect(uploaded.text).not.toMatch(/verslag\.pdf gaat niet/);

    const form = await people.reviewer.browser.get(`/gilde/feedback/${review.id}`);
    expect(form.text).toContain("bijlage-1.doc: niet gedeeld");
    expect(form.html).not.toContain(`/gilde/feedback/${review.id}/bijlage/1"`);
    const withheld = await download(people.reviewer.browser, `/gilde/feedback/${review.id}/bijlage/1`);
    expect(withheld.status).toBe(403);
    expect(mentionsAuthor(withheld.bytes)).toBe(false);
    expect((await download(people.reviewer.browser, `/gilde/feedback/${review.id}/bijlage/2`)).status).toBe(200);
    expect(sha256((await download(people.trainer, `/bijlagen/${first(attachments).id}`)).bytes)).toBe(sha256(doc));
    // The author's own page keeps saying so beside the file.
    expect((await people.author.browser.get(`/opdrachten/${people.slug}`)).text).toContain("niet voor feedbackgevers");
  });

  it("cleans a file uploaded before clean copies existed at the reviewer's first download, never serving the original", async () => {
    const people = await authorAndReviewer(withAnonymity("double-anonymous"));
    const jpeg = await jpegWithExif();
    const { review, attachments } = await handInWithFiles(people, [{ name: "plein.jpg", bytes: jpeg }]);
    // As the migration leaves an older upload: no clean copy, no state.
    await db.attachment.update({
      where: { id: first(attachments).id },
      data: { cleanState: null, cleanStorageKey: null, cleanSha256: null, cleanSize: null },
    });
    const copy = await download(people.reviewer.browser, `/gilde/feedback/${review.id}/bijlage/1`);
    expect(copy.status).toBe(200);
    expect(mentionsAuthor(copy.bytes)).toBe(false);
    expect((await sharp(copy.bytes).metadata()).exif).toBeUndefined();
    const row = await db.attachment.findUniqueOrThrow({ where: { id: first(attachments).id } });
    expect(row.cleanState).toBe("CLEANED");
    expect(row.cleanSha256).toBe(sha256(copy.bytes));
    // Made once: the next download is the same stored copy.
    expect(sha256((await download(people.reviewer.browser, `/gilde/feedback/${review.id}/bijlage/1`)).bytes)).toBe(
      row.cleanSha256,
    );
    expect(sha256((await download(people.author.browser, `/bijlagen/${first(attachments).id}`)).bytes)).toBe(
      sha256(jpeg),
    );
  });

  it("leaves files of an open assignment as they are, for the reviewer too", async () => {
    const people = await authorAndReviewer(withAnonymity("open"));
    const pdf = await pdfWithAuthor();
    const { review } = await handInWithFiles(people, [{ name: "verslag.pdf", bytes: pdf }]);
    const copy = await download(people.reviewer.browser, `/gilde/feedback/${review.id}/bijlage/1`);
    expect(sha256(copy.bytes)).toBe(sha256(pdf));
    expect(copy.headers.get("Content-Disposition")).toContain("verslag.pdf");
  });
});

describe("what a Word file is", () => {
  it("refuses a ZIP that only mentions word/document.xml inside a file, and accepts a real .docx and .odt", async () => {
    const { user, browser } = await participantIn(app, { name: "Zip Test" });
    const fake = zipSync(
      { "[Content_Types].xml": strToU8("<Types/>"), "notities.txt": strToU8("zie word/document.xml") },
      { level: 0 },
    );
    expect(Buffer.from(fake).includes("word/document.xml")).toBe(true);
    const refused = await browser.upload(`/opdrachten/${openSlug()}`, [{ name: "brief.docx", bytes: fake }]);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("brief.docx heet een DOCX-bestand, maar de inhoud is dat niet.");
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(0);

    const accepted = await browser.upload(`/opdrachten/${openSlug()}`, [
      { name: "brief.docx", bytes: docxWithAuthor() },
      { name: "brief.odt", bytes: odtWithAuthor() },
    ]);
    expect(accepted.text).toContain("2 bestanden toegevoegd.");
    expect(
      (await db.attachment.findMany({ where: { userId: user.id }, orderBy: { createdAt: "asc" } })).map(
        (a) => a.mediaType,
      ),
    ).toEqual(["application/vnd.openxmlformats-officedocument.wordprocessingml.document", ODT_TYPE]);
  });
});

describe("upload limits", () => {
  const tmpFiles = () =>
    fs
      .readdirSync(path.join(dataDir(), "uploads"), { recursive: true, encoding: "utf8" })
      .filter((name) => name.endsWith(".tmp"))
      .sort();

  it("refuses a file over the limit by name, leaves nothing of that upload behind and keeps what was saved before", async () => {
    const { user, browser } = await participantIn(app, { name: "Limiet Test" });
    const page = `/opdrachten/${openSlug()}`;
    const before = await pdfWithAuthor();
    expect((await browser.upload(page, [{ name: "eerder.pdf", bytes: before }])).text).toContain(
      "Het bestand is toegevoegd.",
    );
    const saved = await db.attachment.findFirstOrThrow({ where: { userId: user.id } });
    const tmpBefore = tmpFiles();

    const big = new Uint8Array(MAX_FILE_BYTES + 1);
    big.set(before);
    const refused = await browser.upload(page, [
      { name: "klein.pdf", bytes: before },
      { name: "groot.pdf", bytes: big },
    ]);
    expect(refused.status).toBe(400);
    expect(refused.text).toContain("groot.pdf is groter dan 20 MB.");
    expect(refused.text).not.toContain("klein.pdf is");
    expect((await db.attachment.findMany({ where: { userId: user.id } })).map((a) => a.id)).toEqual([saved.id]);
    expect(sha256((await download(browser, `/bijlagen/${saved.id}`)).bytes)).toBe(sha256(before));
    expect(tmpFiles()).toEqual(tmpBefore);
  });

  it("refuses a request larger than the total limit in Dutch, before storing anything", async () => {
    const { user, browser } = await participantIn(app, { name: "Totaal Test" });
    const page = `/opdrachten/${openSlug()}`;
    expect((await browser.upload(page, [{ name: "eerder.pdf", bytes: await pdfWithAuthor() }])).text).toContain(
      "toegevoegd",
    );
    // Eleven files just under the per-file limit: more than any draft may hold, and more bytes than a request may carry.
    const part = new Uint8Array(Math.ceil(MAX_UPLOAD_BYTES / 11) + 1024);
    part.set(new TextEncoder().encode("%PDF-1.7\n"));
    expect(part.length).toBeLessThan(MAX_FILE_BYTES);
    const refused = await browser.upload(
      page,
      Array.from({ length: 11 }, (_, i) => ({ name: `deel-${i + 1}.pdf`, bytes: part })),
    );
    expect(refused.status).toBe(413);
    expect(refused.text).toMatch(/Je bestanden zijn samen groter dan \d+ MB/);
    expect(await db.attachment.count({ where: { userId: user.id } })).toBe(1);
  });
});
