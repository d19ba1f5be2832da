// Usable by everyone (issue 9): a participant's screens at phone size (390×844) without sideways scrolling and
// with no accessibility violations; a journey with the keyboard alone; handing in with JavaScript switched off.
import type { Page } from "playwright-core";
import { expect, it } from "vitest";
import { audit, screenshot } from "../support/audit";
import { PHONE, useServerAndPage } from "../support/e2e";

// Demo data from the run's template; the account journey is the one that starts on an empty data directory.
const e2e = useServerAndPage({ demoSessions: true });

/** Presses Tab until the element matching `selector` has focus (so it is reachable by keyboard), at most 80 times. */
async function tabTo(page: Page, selector: string) {
  for (let i = 0; i < 80; i++) {
    if (await page.evaluate((s) => document.activeElement?.matches(s) ?? false, selector)) return;
    await page.keyboard.press("Tab");
  }
  throw new Error(`Met Tab niet bereikbaar: ${selector}`);
}

it("works at phone size for a participant's screens", async () => {
  const page = await (await e2e.browser.newContext({ locale: "nl-NL", ...PHONE })).newPage();
  const base = e2e.server.baseUrl;
  await page.goto(`${base}/inloggen`);
  await audit(page, "telefoon", "inloggen");
  await page.getByLabel("E-mailadres").fill("deelnemer5@gilde.test");
  await page.getByLabel("Wachtwoord").fill("gilde-demo-2027");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL("**/dashboard");
  for (const [path, name] of [
    ["/dashboard", "overzicht"],
    ["/modules", "modules"],
    ["/modules/geschiedenis-van-het-wijkwerk", "module"],
    ["/wijk", "wijk"],
    ["/opdrachten", "opdrachten"],
    ["/opdrachten/wijkgeschiedenis", "opdracht"],
    ["/gilde", "gilde"],
    ["/community", "community"],
    ["/praktijk", "praktijk"],
    ["/leergang", "leergang"],
  ] as const) {
    await page.goto(base + path);
    await audit(page, "telefoon", name);
  }

  // An anonymous assignment with a file that cannot be cleaned: the warning and the remove button fit the phone.
  await page.goto(`${base}/opdrachten/buurt-verkennen`);
  const oldWord = Buffer.concat([Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]), Buffer.alloc(4000)]);
  await page.locator('input[type="file"]').setInputFiles({
    name: "gespreksverslag-met-een-heel-lange-naam-van-de-buurt.doc",
    mimeType: "application/msword",
    buffer: oldWord,
  });
  await page.getByRole("button", { name: "Bestand toevoegen" }).click();
  await page.getByText("niet voor feedbackgevers").first().waitFor();
  await audit(page, "telefoon", "opdracht-anoniem-met-bijlage");
});

it("lets a participant log in, describe their wijk and save a draft with the keyboard alone", async () => {
  const page = await (await e2e.browser.newContext({ locale: "nl-NL" })).newPage();
  const base = e2e.server.baseUrl;
  await page.goto(`${base}/inloggen`);
  await tabTo(page, "input[name=email]");
  await page.keyboard.type("deelnemer6@gilde.test");
  await tabTo(page, "input[name=password]");
  await page.keyboard.type("gilde-demo-2027");
  await page.keyboard.press("Enter");
  await page.waitForURL("**/dashboard");

  await tabTo(page, 'nav[aria-label="Hoofdmenu"] a[href="/wijk"]');
  await page.keyboard.press("Enter");
  await page.waitForURL("**/wijk");
  await tabTo(page, "input[name=name]");
  await page.keyboard.type("Schilderswijk");
  await tabTo(page, "input[name=municipality]");
  await page.keyboard.type("Den Haag");
  await tabTo(page, "textarea[name=role]");
  await page.keyboard.type("Buurtwerker");
  await tabTo(page, 'button[type=submit]:not([name="intent"][value="delete"])');
  const focusVisible = await page.evaluate(() => getComputedStyle(document.activeElement!).outlineStyle !== "none");
  expect(focusVisible, "zichtbare focus op de knop").toBe(true);
  await page.keyboard.press("Enter");
  await page.getByText("Opgeslagen als versie 1.").waitFor();
  await audit(page, "toetsenbord", "wijk-opgeslagen");
});

it("hands in an assignment with JavaScript switched off", async () => {
  const page = await (await e2e.browser.newContext({ locale: "nl-NL", javaScriptEnabled: false })).newPage();
  page.setDefaultTimeout(15_000);
  const base = e2e.server.baseUrl;
  await page.goto(`${base}/inloggen`);
  await page.getByLabel("E-mailadres").fill("deelnemer7@gilde.test");
  await page.getByLabel("Wachtwoord").fill("gilde-demo-2027");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL("**/dashboard");
  await page.goto(`${base}/opdrachten/wijkgeschiedenis`);
  await page.getByLabel("Je uitwerking (Markdown)").fill("Zonder JavaScript geschreven: de wijk na de oorlog.");
  await page.getByRole("button", { name: "Inleveren", exact: true }).click();
  // Without JavaScript the question before handing in is a page of its own.
  await page.getByRole("heading", { level: 1, name: "Inleveren?" }).waitFor();
  await page.getByRole("button", { name: "Toch inleveren" }).click();
  await page.getByText("wacht op beoordeling").first().waitFor();
  // axe-core runs inside the page, so it cannot check a page without JavaScript: a screenshot only.
  await screenshot(page, "zonder-javascript", "ingeleverd");
  await page.goto(`${base}/modules/geschiedenis-van-het-wijkwerk`);
  await page.getByRole("heading", { level: 1, name: "Geschiedenis van het wijkwerk" }).waitFor();
});
