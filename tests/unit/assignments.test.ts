import { describe, expect, it } from "vitest";
import { strToU8, zipSync } from "fflate";
import { checkFile, DOCX, ODT, safeFileName, sniffMediaType, zipMediaType } from "~/assignments/files";
import { diffSummary, diffWords, type DiffPart } from "~/assignments/diff";
import { renderMarkdown } from "~/markdown/markdown";
import { assignmentStatus, effectiveDue, handInBlocked, isLate, reminderDue } from "~/assignments/rules";
import { fromAmsterdamInput, toAmsterdamInput } from "~/assignments/time";
import { isCbsCode, personalDataIn } from "~/wijk/privacy";

const due = new Date("2027-04-12T21:59:00Z");
const bytes = (...values: number[]) => new Uint8Array([...values, ...new Array(16).fill(0)]);
const PDF = bytes(0x25, 0x50, 0x44, 0x46, 0x2d, 0x31, 0x2e, 0x37);
const PNG = bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a);

describe("deadlines, lateness and extensions", () => {
  it("uses the participant's extension over the cohort's deadline", () => {
    const extended = new Date("2027-04-19T21:59:00Z");
    expect(effectiveDue({ dueAt: due, closed: false }, null)).toEqual(due);
    expect(effectiveDue({ dueAt: due, closed: false }, extended)).toEqual(extended);
    expect(effectiveDue(null, null)).toBeNull();
  });

  it("marks a hand-in after the deadline as late, and nothing late without a deadline", () => {
    expect(isLate(new Date("2027-04-12T21:59:00Z"), due)).toBe(false);
    expect(isLate(new Date("2027-04-12T22:00:00Z"), due)).toBe(true);
    expect(isLate(new Date("2030-01-01"), null)).toBe(false);
  });

  it("lets a participant hand in late, but not when closed or already handed in", () => {
    expect(handInBlocked({ dueAt: due, closed: false }, null)).toBeNull();
    expect(handInBlocked({ dueAt: due, closed: true }, null)).toMatch(/gesloten/);
    expect(handInBlocked(null, { status: "SUBMITTED" })).toMatch(/al ingeleverd/);
    expect(handInBlocked(null, { status: "RETURNED" })).toBeNull();
    expect(handInBlocked(null, { status: "PASSED" })).toMatch(/beoordeeld/);
  });

  it("derives the status a participant sees", () => {
    expect(assignmentStatus(null, false)).toBe("open");
    expect(assignmentStatus(null, true)).toBe("concept");
    expect(assignmentStatus({ status: "SUBMITTED" }, true)).toBe("ingeleverd");
    expect(assignmentStatus({ status: "RETURNED" }, true)).toBe("herziening");
    expect(assignmentStatus({ status: "FAILED" }, true)).toBe("niet-voldaan");
  });

  it("reminds three days and one day before the deadline", () => {
    const hoursBefore = (h: number) => new Date(due.getTime() - h * 3_600_000);
    expect(reminderDue(due, hoursBefore(100))).toBeNull();
    expect(reminderDue(due, hoursBefore(72))).toBe("3d");
    expect(reminderDue(due, hoursBefore(30))).toBe("3d");
    expect(reminderDue(due, hoursBefore(24))).toBe("1d");
    expect(reminderDue(due, hoursBefore(-1))).toBeNull();
  });

  it("reads deadlines as Amsterdam time, summer and winter", () => {
    expect(fromAmsterdamInput("2027-01-15T23:59")?.toISOString()).toBe("2027-01-15T22:59:00.000Z");
    expect(fromAmsterdamInput("2027-07-15T23:59")?.toISOString()).toBe("2027-07-15T21:59:00.000Z");
    expect(toAmsterdamInput(new Date("2027-07-15T21:59:00Z"))).toBe("2027-07-15T23:59");
    expect(fromAmsterdamInput("2027-02-30T12:00")).toBeNull();
    expect(fromAmsterdamInput("morgen")).toBeNull();
  });
});

describe("Markdown", () => {
  it("renders the usual formatting", () => {
    expect(renderMarkdown("**vet** en *schuin*\n\n- een")).toContain("<strong>vet</strong>");
  });

  it("shows raw HTML as text", () => {
    const html = renderMarkdown('<script>alert(1)</script><img src=x onerror="alert(1)">');
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain("&lt;script&gt;");
  });

  it("refuses javascript:, data: and other dangerous links", () => {
    for (const url of [
      "javascript:alert(1)",
      "JaVaScRiPt:alert(1)",
      "data:text/html;base64,PHNjcmlwdD4=",
      "vbscript:x",
      "file:///etc/passwd",
    ]) {
      const html = renderMarkdown(`[klik](${url}) ![beeld](${url})`);
      expect(html, url).not.toMatch(/href="|src="/);
    }
    expect(renderMarkdown("[site](https://www.movisie.nl)")).toContain(
      'href="https://www.movisie.nl" rel="nofollow noopener noreferrer"',
    );
  });
});

describe("attachments", () => {
  it("recognises files by their content", () => {
    expect(sniffMediaType(PDF)).toBe("application/pdf");
    expect(sniffMediaType(PNG)).toBe("image/png");
    expect(sniffMediaType(new TextEncoder().encode("%PDX niet echt"))).toBeNull();
  });

  it("accepts a real PDF and refuses one whose content is something else", () => {
    expect(checkFile("verslag.pdf", PDF, 1000)).toEqual({
      ok: true,
      mediaType: "application/pdf",
      name: "verslag.pdf",
    });
    expect(checkFile("verslag.pdf", PNG, 1000)).toMatchObject({
      ok: false,
      error: expect.stringContaining("de inhoud is dat niet"),
    });
    expect(checkFile("verslag.docx", bytes(0x50, 0x4b, 0x03, 0x04), 1000, null)).toMatchObject({ ok: false });
    expect(checkFile("verslag.docx", bytes(0x50, 0x4b, 0x03, 0x04), 1000, DOCX)).toMatchObject({ ok: true });
    expect(checkFile("verslag.docx", bytes(0x50, 0x4b, 0x03, 0x04), 1000, ODT)).toMatchObject({ ok: false });
    expect(checkFile("verslag.odt", bytes(0x50, 0x4b, 0x03, 0x04), 1000, ODT)).toMatchObject({
      ok: true,
      mediaType: ODT,
    });
  });

  it("tells a Word or OpenDocument file by the entries in its ZIP directory, not by a name inside a file", () => {
    const word = zipSync({ "[Content_Types].xml": strToU8("<Types/>"), "word/document.xml": strToU8("<w:document/>") });
    expect(zipMediaType(word)).toBe(DOCX);
    // The entry's name written inside another entry (stored, so the bytes are there to find) is not the entry.
    const fake = zipSync(
      { "[Content_Types].xml": strToU8("<Types/>"), "notities.txt": strToU8("word/document.xml") },
      { level: 0 },
    );
    expect(Buffer.from(fake).includes("word/document.xml")).toBe(true);
    expect(zipMediaType(fake)).toBeNull();
    expect(zipMediaType(zipSync({ "word/document.xml": strToU8("<w:document/>") }))).toBeNull();
    const odt = zipSync({
      mimetype: [strToU8(ODT), { level: 0 }],
      "content.xml": strToU8("<office:document-content/>"),
    });
    expect(zipMediaType(odt)).toBe(ODT);
    expect(
      zipMediaType(
        zipSync({
          mimetype: strToU8("application/vnd.oasis.opendocument.spreadsheet"),
          "content.xml": strToU8("<x/>"),
        }),
      ),
    ).toBeNull();
    expect(zipMediaType(bytes(0x50, 0x4b, 0x03, 0x04, ...strToU8("word/document.xml")))).toBeNull();
  });

  it("refuses other kinds, empty and too large files", () => {
    expect(checkFile("setup.exe", bytes(0x4d, 0x5a), 1000)).toMatchObject({
      ok: false,
      error: expect.stringContaining("dit soort bestand"),
    });
    expect(checkFile("leeg.pdf", PDF, 0)).toMatchObject({ ok: false, error: expect.stringContaining("is leeg") });
    expect(checkFile("groot.pdf", PDF, 20 * 1024 * 1024 + 1)).toMatchObject({
      ok: false,
      error: expect.stringContaining("groter dan 20 MB"),
    });
  });

  it("keeps file names harmless", () => {
    expect(safeFileName("../../etc/passwd")).toBeNull();
    expect(safeFileName("foto\0.jpg")).toBeNull();
    expect(safeFileName(`${"a".repeat(296)}.pdf`)).toBeNull();
    expect(safeFileName("C:\\Users\\sam\\verslag wijk.pdf")).toBe("verslag wijk.pdf");
    expect(safeFileName('rap"port<1>.pdf')).toBe("rapport1.pdf");
  });
});

describe("wijkprofiel checks", () => {
  it("finds e-mail addresses and Dutch phone numbers in free text", () => {
    expect(personalDataIn("De buurtvader (fatima@example.nl) regelt het")).toEqual(["e-mailadres"]);
    expect(personalDataIn("Bel de conciërge op 06-12345678")).toEqual(["telefoonnummer"]);
    expect(personalDataIn("+31 6 1234 5678")).toEqual(["telefoonnummer"]);
    expect(personalDataIn("Ongeveer 500 woningen, 12 portieken, bouwjaar 1965")).toEqual([]);
  });

  it("knows the shape of CBS codes", () => {
    expect(isCbsCode("BU03630000")).toBe(true);
    expect(isCbsCode("WK036300")).toBe(true);
    expect(isCbsCode("GM0363")).toBe(true);
    expect(isCbsCode("BU0363")).toBe(false);
    expect(isCbsCode("bu03630000")).toBe(false);
  });
});

describe("what changed between versions", () => {
  const text = (parts: DiffPart[], kind: DiffPart["kind"]) =>
    parts.filter((p) => p.kind === kind).map((p) => p.text.trim());

  it("marks added and removed words and keeps the rest", () => {
    const parts = diffWords("De buurt kent elkaar nauwelijks.", "De buurt kent elkaar sinds het buurtfeest goed.");
    expect(text(parts, "removed")).toEqual(["nauwelijks."]);
    expect(text(parts, "added")).toEqual(["sinds het buurtfeest goed."]);
    expect(
      parts
        .filter((p) => p.kind !== "removed")
        .map((p) => p.text)
        .join(""),
    ).toBe("De buurt kent elkaar sinds het buurtfeest goed.");
    expect(
      parts
        .filter((p) => p.kind !== "added")
        .map((p) => p.text)
        .join(""),
    ).toBe("De buurt kent elkaar nauwelijks.");
    expect(diffSummary(parts)).toEqual({ added: 4, removed: 1 });
  });

  it("reports nothing for identical versions and handles long texts", () => {
    expect(diffSummary(diffWords("zelfde tekst", "zelfde tekst"))).toEqual({ added: 0, removed: 0 });
    const long = Array.from({ length: 3000 }, (_, i) => `woord${i}`).join(" ");
    const changed = long.replace("woord1500", "bewoner");
    expect(diffSummary(diffWords(long, changed))).toEqual({ added: 1, removed: 1 });
    const rewritten = Array.from({ length: 3000 }, (_, i) => `ander${i}`).join(" ");
    expect(diffSummary(diffWords(long, rewritten))).toEqual({ added: 3000, removed: 3000 });
  });
});
