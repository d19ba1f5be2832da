// Issue 18: the assignment page starts with where you stand, and writing is a professional's tool. At phone size
// (390×844): the writing area and "Inleveren" are reached with one tap, nothing scrolls sideways, the toolbar makes
// bold text, the word count follows the text, and handing in asks first (length, files, a warning when short).
// The flash after handing in shows once. Without JavaScript: adding a file keeps the text, and handing in asks on
// a page of its own.
import type { Page } from "playwright-core";
import { it } from "vitest";
import { audit, screenshot } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

const PDF = { name: "buurtkaart.pdf", mimeType: "application/pdf", buffer: Buffer.from("%PDF-1.4\n%%EOF\n") };

/** Nothing scrolls sideways: not the page, and no box with its own scrolling. */
async function expectNoSidewaysScrolling(page: Page, label: string) {
  const problems = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.scrollingElement!;
    if (root.scrollWidth > innerWidth) found.push(`pagina ${root.scrollWidth} > ${innerWidth}`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const { overflowX } = getComputedStyle(element);
      if ((overflowX === "auto" || overflowX === "scroll") && element.scrollWidth > element.clientWidth)
        found.push(
          `${element.tagName.toLowerCase()}.${element.className}: ${element.scrollWidth} > ${element.clientWidth}`,
        );
    }
    return found;
  });
  expect(problems, label).toEqual([]);
}

async function expectInViewport(page: Page, name: string, locator: ReturnType<Page["locator"]>) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize()!;
  expect(box, name).not.toBeNull();
  expect(box!.y, `${name}: boven in beeld`).toBeGreaterThanOrEqual(0);
  expect(box!.y + Math.min(box!.height, 44), `${name}: onder in beeld`).toBeLessThanOrEqual(viewport.height);
  expect(box!.x + box!.width, `${name}: niet rechts buiten beeld`).toBeLessThanOrEqual(viewport.width);
}

it("shows where a participant stands, and lets them write and hand in on a phone", async () => {
  const page = await loggedIn(e2e, "deelnemer@gilde.test", PHONE);
  const base = e2e.server.baseUrl;

  // Graded: the decision, the level per criterion with the trainer's words, and the summary come first.
  await page.goto(`${base}/opdrachten/wijkgeschiedenis`);
  await expect(page.locator(".standing")).toContainText("Beoordeeld: voldaan");
  const feedback = page.locator("#feedback");
  await expect(feedback.getByRole("heading", { name: "Beoordeling: Voldaan" })).toBeVisible();
  await expect(feedback).toContainText("Tijdlijn en bronnen: Goed (3)");
  await expect(feedback).toContainText("Mevrouw Haddou komt echt tot leven");
  await expect(feedback).toContainText("Mooi hoe je mevrouw Haddou zelf aan het woord laat");
  await expectNoSidewaysScrolling(page, "beoordeeld");
  await audit(page, "18-schrijven", "beoordeeld-telefoon");

  // Returned for revision: says so, and the next step leads to what the trainer asks.
  await page.goto(`${base}/opdrachten/leefwereld-systeemwereld`);
  await expect(page.locator(".standing")).toContainText("Terug voor herziening");
  await page.locator(".standing").getByRole("link", { name: "Lees de feedback" }).click();
  await expectInViewport(page, "wat er moet veranderen", page.getByText("Wat er moet veranderen:"));

  // Not started: the brief is open; started: it is folded and the writing area is one tap away.
  await page.goto(`${base}/opdrachten/tip-in-de-praktijk`);
  await expect(page.locator(".standing")).toContainText("Nog niet begonnen");
  await expect(page.locator("#opdracht .brief__details")).toHaveAttribute("open", "");
  await page.goto(`${base}/opdrachten/buurt-verkennen`);
  await expect(page.locator(".standing")).toContainText("Concept bewaard op");
  await expect(page.locator("#opdracht .brief__details")).not.toHaveAttribute("open", "");
  await expectNoSidewaysScrolling(page, "concept");
  await audit(page, "18-schrijven", "concept-telefoon");

  await page
    .getByRole("navigation", { name: "Onderdelen van deze opdracht" })
    .getByRole("link", { name: "Mijn uitwerking" })
    .tap();
  const editor = page.getByLabel("Je uitwerking (Markdown)");
  // What the phone shows right after the tap (not the whole page).
  await page.screenshot({ path: "tests/e2e/artifacts/18-schrijven/mijn-uitwerking-telefoon-scherm.png" });
  await expectInViewport(page, "schrijfvlak", editor);
  await expectInViewport(page, "Inleveren", page.getByRole("button", { name: "Inleveren", exact: true }));

  // The toolbar makes the selected word bold; Ctrl+I makes it italic.
  await editor.fill("Wat ik deed in de wijk");
  await editor.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(7, 11));
  await page.getByRole("toolbar", { name: "Opmaak" }).getByRole("button", { name: /^Vet/ }).tap();
  await expect(editor).toHaveValue("Wat ik **deed** in de wijk");
  await editor.evaluate((element: HTMLTextAreaElement) => element.setSelectionRange(22, 26));
  await editor.press("Control+i");
  await expect(editor).toHaveValue("Wat ik **deed** in de *wijk*");
  await page.getByRole("button", { name: "Voorbeeld" }).tap();
  await expect(page.locator(".editor__preview strong")).toHaveText("deed");
  await page.getByRole("button", { name: "Schrijven" }).tap();

  // The word count follows the text, against the 1.300–2.000 words asked.
  await expect(page.locator("#woorden")).toContainText("6 van 1.300–2.000 woorden");
  await editor.press("End");
  await editor.pressSequentially(" en daarna");
  await expect(page.locator("#woorden")).toContainText("8 van 1.300–2.000 woorden");
  await expect(page.locator("#woorden")).toContainText("nog 1.292 te gaan");

  // A file goes with the text (saved in the same post).
  await page.getByLabel("Bestanden toevoegen").setInputFiles(PDF);
  await page.getByRole("button", { name: "Bestand toevoegen" }).tap();
  await page.getByRole("link", { name: "buurtkaart.pdf" }).waitFor();
  await expect(editor).toHaveValue("Wat ik **deed** in de *wijk* en daarna");

  await editor.scrollIntoViewIfNeeded();
  const handIn = page.getByRole("button", { name: "Inleveren", exact: true });
  await handIn.scrollIntoViewIfNeeded();
  await expectInViewport(page, "Inleveren", handIn);
  await expectNoSidewaysScrolling(page, "met bijlage");
  await handIn.tap();
  const dialog = page.getByRole("dialog", { name: "Inleveren?" });
  await expect(dialog).toContainText("8 van 1.300–2.000 woorden");
  await expect(dialog).toContainText("buurtkaart.pdf");
  await expect(dialog).toContainText("Je tekst is korter dan gevraagd (8 van minimaal 1.300 woorden). Toch inleveren?");
  await expectNoSidewaysScrolling(page, "dialoog");
  await audit(page, "18-schrijven", "inleveren-vragen-telefoon");
  await dialog.getByRole("button", { name: "Toch inleveren" }).tap();
  await expect(page.locator(".notice--flash")).toContainText("Ingeleverd (versie 1)");
  await expect(page.locator(".standing")).toContainText("wacht op beoordeling");
  await audit(page, "18-schrijven", "ingeleverd-telefoon");

  // The flash shows once: not again on the next page, nor on the one after.
  await page.getByRole("link", { name: "Naar Mijn gilde" }).tap();
  await page.waitForURL("**/gilde");
  await page.getByRole("heading", { level: 1 }).waitFor();
  await expect(page.locator(".notice--flash")).toHaveCount(0);
  await page.goBack();
  await page.waitForURL("**/opdrachten/buurt-verkennen");
  await expect(page.locator(".notice--flash")).toHaveCount(0);
});

it("shows the new screens at laptop size", async () => {
  const page = await loggedIn(e2e, "deelnemer@gilde.test");
  for (const slug of ["leefwereld-systeemwereld", "tip-in-de-praktijk"]) {
    await page.goto(`${e2e.server.baseUrl}/opdrachten/${slug}`);
    await expectNoSidewaysScrolling(page, slug);
    await audit(page, "18-schrijven", `${slug}-laptop`);
  }
  await page.getByRole("button", { name: "Inleveren", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Inleveren?" });
  await expect(dialog).toContainText("Je tekst is nog leeg");
  await audit(page, "18-schrijven", "inleveren-leeg-laptop");
  await dialog.getByRole("button", { name: "Nog niet, verder schrijven" }).click();
  await expect(dialog).toBeHidden();

  // The confirmation page (what "Inleveren" leads to without JavaScript), at laptop size.
  await page.goto(`${e2e.server.baseUrl}/opdrachten/leefwereld-systeemwereld/inleveren`);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Inleveren?");
  await expect(page.locator("main")).toContainText("Je tekst is nog leeg.");
  await audit(page, "18-schrijven", "inleveren-pagina-laptop");
});

it("keeps the text when adding a file, and asks before handing in, without JavaScript", async () => {
  const context = await e2e.browser.newContext({ locale: "nl-NL", javaScriptEnabled: false, ...PHONE });
  const token = e2e.sessions!.get("deelnemer@gilde.test")!.shift()!;
  await context.addCookies([{ name: "gilde_session", value: token, url: e2e.server.baseUrl, httpOnly: true }]);
  const page = await context.newPage();
  page.setDefaultTimeout(15_000);
  await page.goto(`${e2e.server.baseUrl}/opdrachten/leefwereld-systeemwereld`);
  // Nothing that needs JavaScript is promised.
  await expect(page.getByText("vanzelf bewaard")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Voorbeeld" })).toHaveCount(0);
  await expect(page.getByRole("toolbar")).toHaveCount(0);
  await expect(page.locator("#woorden")).toHaveText("Gevraagd: 1.200–1.800 woorden.");

  const editor = page.getByLabel("Je uitwerking (Markdown)");
  const typed = "## Mijn buurt opnieuw\n\nNu met de verbinders: de conciërge kent iedereen.";
  await editor.fill(typed);
  await page.getByLabel("Bestanden toevoegen").setInputFiles({
    name: "virus.exe",
    mimeType: "application/octet-stream",
    buffer: Buffer.from("MZ"),
  });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  // Refused next to the file input; the text is still there (and saved).
  await expect(page.locator(".file-field .field__error")).toContainText("dit soort bestand kun je niet toevoegen");
  await expect(page.locator(".file-field .field__error")).toContainText("Je tekst is wel opgeslagen.");
  await expect(page.getByLabel("Je uitwerking (Markdown)")).toHaveValue(typed);
  await screenshot(page, "18-schrijven", "bijlage-geweigerd-zonder-javascript");

  await page.getByLabel("Je uitwerking (Markdown)").fill(`${typed}\n\nEn een kaart erbij.`);
  await page.getByLabel("Bestanden toevoegen").setInputFiles(PDF);
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await page.getByRole("link", { name: "buurtkaart.pdf" }).waitFor();
  await expect(page.getByLabel("Je uitwerking (Markdown)")).toHaveValue(`${typed}\n\nEn een kaart erbij.`);

  await page.getByRole("button", { name: "Inleveren", exact: true }).click();
  await page.waitForURL("**/opdrachten/leefwereld-systeemwereld/inleveren");
  await page.getByRole("heading", { level: 1, name: "Inleveren?" }).waitFor();
  await expect(page.locator("main")).toContainText("15 van 1.200–1.800 woorden");
  await expect(page.locator("main")).toContainText("buurtkaart.pdf");
  await expect(page.locator("main")).toContainText(
    "Je tekst is korter dan gevraagd (15 van minimaal 1.200 woorden). Toch inleveren?",
  );
  // A revision asks what was done with the feedback on the version before (issue 23).
  await page
    .getByLabel("Wat heb je gedaan met de feedback op je vorige versie?")
    .fill("Ik heb de kaart toegevoegd en de bewoners zelf aan het woord gelaten.");
  await screenshot(page, "18-schrijven", "inleveren-vragen-zonder-javascript");
  await page.getByRole("button", { name: "Toch inleveren" }).click();
  await page.waitForURL("**/opdrachten/leefwereld-systeemwereld");
  await expect(page.locator(".notice--flash")).toContainText("Ingeleverd (versie 2)");
  await expect(page.locator(".standing")).toContainText("wacht op beoordeling");
  await screenshot(page, "18-schrijven", "ingeleverd-zonder-javascript");
});
