// The writing surface's pure parts (issue 18): counting words, the length against what is asked, the toolbar's
// Markdown edits, where a participant stands, and file sizes as people read them.
import { describe, expect, it } from "vitest";
import { standingOn, type StandingInput } from "~/assignments/standing";
import { countWords, lengthStatus, tooShortWarning } from "~/assignments/words";
import { formatFileSize } from "~/format";
import { applyToolbar, type Edit } from "~/markdown/toolbar";

describe("counting words", () => {
  it("counts what a reader reads, not the Markdown signs", () => {
    expect(countWords("")).toBe(0);
    expect(countWords("   \n\n ")).toBe(0);
    expect(countWords("## Mijn wijk\n\nDe **buurt** en *de* mensen.")).toBe(7);
    expect(countWords("- een\n- twee\n1. drie\n2) vier\n> vijf")).toBe(5);
    expect(countWords("Zie [de kaart](https://example.nl/kaart) en https://example.nl")).toBe(4);
    expect(countWords("e-mail, 1.400 woningen, zo’n buurt")).toBe(5);
  });

  it("says where a length stands against what is asked", () => {
    expect(lengthStatus(812, [1000, 1500])).toEqual({
      label: "812 van 1.000–1.500 woorden",
      detail: "nog 188 te gaan",
      tone: "under",
    });
    expect(lengthStatus(1000, [1000, 1500]).tone).toBe("within");
    expect(lengthStatus(1500, [1000, 1500]).tone).toBe("within");
    expect(lengthStatus(1620, [1000, 1500])).toMatchObject({ tone: "over", detail: "120 meer dan gevraagd" });
    expect(lengthStatus(1, null)).toEqual({ label: "1 woord", detail: "", tone: "none" });
  });

  it("warns before handing in only below the minimum", () => {
    expect(tooShortWarning(812, [1000, 1500])).toBe(
      "Je tekst is korter dan gevraagd (812 van minimaal 1.000 woorden). Toch inleveren?",
    );
    expect(tooShortWarning(1000, [1000, 1500])).toBeNull();
    expect(tooShortWarning(2000, [1000, 1500])).toBeNull();
    expect(tooShortWarning(3, null)).toBeNull();
  });
});

describe("the toolbar", () => {
  const at = (value: string, start: number, end = start): Edit => ({ value, start, end });

  it("wraps the selection in bold or italic, and unwraps it again", () => {
    const bold = applyToolbar("bold", at("een mooi woord", 4, 8));
    expect(bold).toEqual({ value: "een **mooi** woord", start: 6, end: 10 });
    expect(applyToolbar("bold", bold)).toEqual({ value: "een mooi woord", start: 4, end: 8 });
    expect(applyToolbar("italic", at("een mooi woord", 4, 8)).value).toBe("een *mooi* woord");
  });

  it("inserts a placeholder, selected, when nothing is selected", () => {
    const edit = applyToolbar("bold", at("Tekst ", 6));
    expect(edit.value).toBe("Tekst **vetgedrukte tekst**");
    expect(edit.value.slice(edit.start, edit.end)).toBe("vetgedrukte tekst");
  });

  it("prefixes every selected line for lists, quotes and headings, and takes the prefix away again", () => {
    const text = "eerste\ntweede\nderde";
    expect(applyToolbar("bullets", at(text, 0, text.length)).value).toBe("- eerste\n- tweede\n- derde");
    expect(applyToolbar("numbers", at(text, 2, 9)).value).toBe("1. eerste\n2. tweede\nderde");
    expect(applyToolbar("quote", at(text, 8)).value).toBe("eerste\n> tweede\nderde");
    expect(applyToolbar("heading", at(text, 0)).value).toBe("## eerste\ntweede\nderde");
    const listed = applyToolbar("bullets", at(text, 0, text.length));
    expect(applyToolbar("bullets", listed).value).toBe(text);
  });

  it("makes a link with the address selected to type over", () => {
    const edit = applyToolbar("link", at("lees de brochure", 8, 16));
    expect(edit.value).toBe("lees de [brochure](https://)");
    expect(edit.value.slice(edit.start, edit.end)).toBe("https://");
  });
});

describe("where a participant stands", () => {
  const base: StandingInput = {
    status: "open",
    draftSavedAt: null,
    handedInAt: null,
    closed: false,
    hasFeedback: false,
    peerReview: true,
  };

  it("names the status in words and the one next step", () => {
    expect(standingOn(base)).toMatchObject({
      status: "Nog niet begonnen",
      next: { action: { label: "Begin met schrijven", href: "#mijn-uitwerking" } },
    });
    const draft = standingOn({ ...base, status: "concept", draftSavedAt: "2027-03-02T13:05:00Z" });
    expect(draft.status).toBe("Concept bewaard op 2 maart 2027 om 14:05");
    const handedIn = standingOn({ ...base, status: "ingeleverd", handedInAt: "2027-03-02T13:05:00Z" });
    expect(handedIn.status).toBe("Ingeleverd op 2 maart 2027 om 14:05, wacht op beoordeling");
    expect(handedIn.next.action).toEqual({ label: "Naar Mijn gilde", href: "/gilde" });
    expect(standingOn({ ...base, status: "ingeleverd", peerReview: false }).next.action).toBeNull();
  });

  it("points at the feedback once there is some", () => {
    expect(standingOn({ ...base, status: "herziening", hasFeedback: true })).toMatchObject({
      status: "Terug voor herziening",
      next: { action: { href: "#feedback" } },
    });
    expect(standingOn({ ...base, status: "herziening" }).next.action?.href).toBe("#mijn-uitwerking");
    expect(standingOn({ ...base, status: "voldaan", hasFeedback: true }).status).toBe("Beoordeeld: voldaan");
    expect(standingOn({ ...base, status: "niet-voldaan" }).status).toBe("Beoordeeld: niet voldaan");
  });

  it("offers no writing when the assignment is closed", () => {
    expect(standingOn({ ...base, closed: true }).next.action).toBeNull();
    expect(standingOn({ ...base, status: "concept", closed: true }).next.text).toContain("gesloten");
  });
});

describe("file sizes", () => {
  it("reads in kB or MB with a Dutch decimal comma, 1 kB being 1024 bytes", () => {
    expect(formatFileSize(0)).toBe("1 kB");
    expect(formatFileSize(840 * 1024)).toBe("840 kB");
    expect(formatFileSize(1024 * 1024 - 100)).toBe("1 MB");
    expect(formatFileSize(2.4 * 1024 * 1024)).toBe("2,4 MB");
    expect(formatFileSize(20 * 1024 * 1024)).toBe("20 MB");
    expect(formatFileSize(201 * 1024 * 1024)).toBe("201 MB");
  });
});
