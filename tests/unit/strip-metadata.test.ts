// The metadata stripper on its own, for what the HTTP tests do not reach: a PDF edited by an incremental save (the
// old properties are still in the bytes), Word comments and their people, a file we cannot read.
import { strFromU8, strToU8, unzipSync, zipSync } from "fflate";
import { PDFDocument, PDFString } from "pdf-lib";
import { describe, expect, it } from "vitest";
import { DOCX, ODT } from "~/assignments/files";
import { stripMetadata } from "~/assignments/strip-metadata.server";

const NAME = "Sanne Oudewater";
const has = (bytes: Uint8Array, text: string) => Buffer.from(bytes).toString("latin1").includes(text);

async function pdfSavedTwice() {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.addPage();
  doc.context.trailerInfo.Info = doc.context.register(doc.context.obj({ Author: PDFString.of(NAME) }));
  const first = await doc.save({ useObjectStreams: false });
  // An incremental update, as an editor appends it: a new Info object, the old one left in the file.
  const text = Buffer.from(first).toString("latin1");
  const prev = Number(/startxref\s+(\d+)/.exec(text.slice(text.lastIndexOf("startxref")))![1]);
  const size = Number(/\/Size (\d+)/.exec(text)![1]);
  const root = /\/Root (\d+ \d+ R)/.exec(text)![1];
  const object = `${size} 0 obj\n<< /Title (Tweede versie) >>\nendobj\n`;
  const xrefAt = first.length + object.length;
  const update = `${object}xref\n${size} 1\n${String(first.length).padStart(10, "0")} 00000 n \ntrailer\n<< /Size ${size + 1} /Root ${root} /Info ${size} 0 R /Prev ${prev} >>\nstartxref\n${xrefAt}\n%%EOF\n`;
  return Buffer.concat([Buffer.from(first), Buffer.from(update, "latin1")]);
}

describe("stripping identifying metadata", () => {
  it("leaves no old document properties of an incrementally saved PDF behind", async () => {
    const pdf = await pdfSavedTwice();
    expect(has(pdf, NAME)).toBe(true);
    expect((await PDFDocument.load(pdf, { updateMetadata: false })).getAuthor()).toBeUndefined();
    const result = await stripMetadata("application/pdf", pdf);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(has(result.bytes, NAME)).toBe(false);
    expect(has(result.bytes, "Tweede versie")).toBe(false);
    expect((await PDFDocument.load(result.bytes)).getPageCount()).toBe(1);
  });

  it("neutralises Word comment authors, their people list and a template path, and keeps the text", async () => {
    const docx = zipSync({
      "[Content_Types].xml": strToU8("<Types/>"),
      "word/document.xml": strToU8(
        `<w:document><w:body><w:p><w:r><w:t>Onze buurt</w:t></w:r></w:p></w:body></w:document>`,
      ),
      "word/comments.xml": strToU8(
        `<w:comments><w:comment w:id="0" w:author="${NAME}" w:initials="SO"><w:p/></w:comment></w:comments>`,
      ),
      "word/people.xml": strToU8(
        `<w15:people><w15:person w15:author="${NAME}"><w15:presenceInfo w15:providerId="AD" w15:userId="S::sanne@gemeente.nl"/></w15:person></w15:people>`,
      ),
      "word/_rels/settings.xml.rels": strToU8(
        `<Relationships><Relationship Id="r1" Target="file:///C:\\Users\\sanne.oudewater\\Normal.dotm" TargetMode="External"/></Relationships>`,
      ),
      "docProps/custom.xml": strToU8(
        `<Properties><property name="Eigenaar"><vt:lpwstr>${NAME}</vt:lpwstr></property></Properties>`,
      ),
    });
    const result = await stripMetadata(DOCX, docx);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    const entries = Object.fromEntries(
      Object.entries(unzipSync(result.bytes)).map(([name, data]) => [name, strFromU8(data)]),
    );
    const all = Object.values(entries).join("\n");
    for (const trace of [NAME, "Oudewater", 'SO"', "sanne"]) expect(all).not.toContain(trace);
    expect(entries["word/document.xml"]).toContain("Onze buurt");
    expect(entries["word/_rels/settings.xml.rels"]).toContain('Target="Normal.dotm"');
  });

  it("puts an OpenDocument file's mimetype first and stored, as the format requires", async () => {
    const odt = zipSync({
      "content.xml": strToU8("<office:document-content/>"),
      mimetype: [strToU8(ODT), { level: 0 }],
      "meta.xml": strToU8(
        `<office:document-meta><meta:initial-creator>${NAME}</meta:initial-creator></office:document-meta>`,
      ),
    });
    const result = await stripMetadata(ODT, odt);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    // Local header of the first entry: stored (method 0), named "mimetype", its content right after the name.
    const bytes = Buffer.from(result.bytes);
    expect(bytes.readUInt16LE(8)).toBe(0);
    expect(bytes.subarray(30, 38).toString("latin1")).toBe("mimetype");
    expect(bytes.subarray(38, 38 + ODT.length).toString("latin1")).toBe(ODT);
    expect(has(result.bytes, NAME)).toBe(false);
  });

  it("says in Dutch why a file cannot be cleaned, never returning it as it was", async () => {
    expect(await stripMetadata("application/msword", new Uint8Array([0xd0, 0xcf, 0x11, 0xe0]))).toEqual({
      ok: false,
      reason: expect.stringContaining(".doc"),
    });
    expect(await stripMetadata("application/pdf", new TextEncoder().encode("%PDF-1.7\n%%EOF\n"))).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/kon niet worden gelezen/),
    });
    expect(await stripMetadata("image/jpeg", new Uint8Array([0xff, 0xd8, 0xff, 0xe0, 1, 2, 3]))).toMatchObject({
      ok: false,
    });
    expect(await stripMetadata(DOCX, strToU8("PK\u0003\u0004 geen zip"))).toMatchObject({ ok: false });
  });
});
