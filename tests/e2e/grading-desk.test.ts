// The grading desk and "Wie loopt vast?" on the demo data: at 1280 px the submission and the rubric side by side,
// each scrolling on its own, the PDF previewed; at 390 × 844 grading reachable without sideways scrolling; the
// stuck list as rows on a laptop and cards on a phone, with a message sent from it.
import type { Page } from "playwright-core";
import { it } from "vitest";
import { audit, screenshot } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });
const JOURNEY = "6-beoordelingsbureau";

/** Neither the page nor any container on it scrolls sideways (a container that would hides what is off to the side). */
async function expectNoSidewaysScroll(page: Page, where: string) {
  const scrolling = await page.evaluate(() => {
    const found: string[] = [];
    const root = document.documentElement;
    if (root.scrollWidth > root.clientWidth) found.push(`de pagina (${root.scrollWidth} > ${root.clientWidth})`);
    for (const element of Array.from(document.querySelectorAll<HTMLElement>("body *"))) {
      const overflow = getComputedStyle(element).overflowX;
      if ((overflow === "auto" || overflow === "scroll") && element.scrollWidth > element.clientWidth + 1)
        found.push(
          `${element.tagName.toLowerCase()}.${element.className} (${element.scrollWidth} > ${element.clientWidth})`,
        );
    }
    return found;
  });
  expect(scrolling, `${where}: schuift opzij`).toEqual([]);
}

async function insideWidth(page: Page, locator: ReturnType<Page["locator"]>, width: number) {
  const box = await locator.boundingBox();
  expect(box, "in beeld").not.toBeNull();
  expect(box!.x).toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width).toBeLessThanOrEqual(width);
}

it("shows the desk at 1280: two columns that scroll on their own, the PDF and the photo previewed", async () => {
  const trainer = await loggedIn(e2e, "trainer@gilde.test", { viewport: { width: 1280, height: 900 } });
  await trainer.goto(`${e2e.server.baseUrl}/beoordelen?opdracht=buurt-verkennen`);
  await trainer.getByRole("link", { name: "Ilse de Boer beoordelen" }).click();
  await trainer.getByRole("heading", { level: 1, name: "Verken je buurt: Ilse de Boer" }).waitFor();

  const panes = trainer.locator(".desk__pane");
  await expect(panes).toHaveCount(2);
  const [left, right] = [await panes.nth(0).boundingBox(), await panes.nth(1).boundingBox()];
  expect(left!.x + left!.width).toBeLessThanOrEqual(right!.x);
  expect(Math.abs(left!.y - right!.y)).toBeLessThan(2);
  const sizes = await panes.evaluateAll((elements) => elements.map((e) => [e.scrollHeight, e.clientHeight]));
  for (const [scrollHeight, clientHeight] of sizes) expect(scrollHeight).toBeGreaterThan(clientHeight!);
  // Scrolling one column moves neither the other nor the page.
  const positions = () =>
    trainer.evaluate(() =>
      [...document.querySelectorAll(".desk__pane")].map((e) => e.scrollTop).concat(window.scrollY),
    );
  await panes.nth(0).evaluate((e) => e.scrollBy(0, 600));
  const [leftTop, rightTop, pageTop] = await positions();
  expect(leftTop).toBeGreaterThan(0);
  expect(rightTop).toBe(0);
  await panes.nth(1).evaluate((e) => e.scrollBy(0, 400));
  const after = await positions();
  expect(after[0]).toBe(leftTop);
  expect(after[1]).toBeGreaterThan(0);
  expect(after[2]).toBe(pageTop);

  const pdf = trainer.locator('iframe[title="Bijlage 1 (PDF)"]');
  await expect(pdf).toHaveAttribute("src", /^\/bijlagen\/[a-z0-9]+\?voorbeeld$/);
  const src = (await pdf.getAttribute("src"))!;
  await expect(trainer.locator(`a[href="${src.replace("?voorbeeld", "")}"]`)).toHaveText(/Bijlage 1 downloaden/);
  await expect(trainer.getByRole("img", { name: "Bijlage 2 (afbeelding)" })).toBeVisible();
  const preview = await trainer.request.get(`${e2e.server.baseUrl}${src}`);
  expect(preview.headers()["content-type"]).toBe("application/pdf");
  await expectNoSidewaysScroll(trainer, "bureau 1280");
  await audit(trainer, JOURNEY, "bureau-1280");

  // The last one of this filtered queue: "Opslaan en volgende" leads back to the same filtered queue.
  await panes.nth(1).getByRole("button", { name: "Opslaan en volgende" }).click();
  await trainer.waitForURL(/\/beoordelen\?opdracht=buurt-verkennen$/);
  await trainer.getByText("Dat was de laatste inzending in je wachtrij").waitFor();
  await trainer.getByRole("link", { name: "Beoordeeld" }).click();
  await trainer.getByRole("heading", { level: 1, name: "Beoordelen" }).waitFor();
  await expect(trainer.getByRole("row", { name: /Ilse de Boer.*Verken je buurt.*Concept/ })).toBeVisible();
  await audit(trainer, JOURNEY, "beoordeeld-1280");
}, 90_000);

it("keeps grading reachable on a phone: the rubric and Opslaan inside the screen, nothing scrolls sideways", async () => {
  const trainer = await loggedIn(e2e, "trainer@gilde.test", PHONE);
  await trainer.goto(`${e2e.server.baseUrl}/beoordelen`);
  await trainer.getByRole("link", { name: "Wim Hendriks beoordelen" }).first().click();
  await trainer.getByRole("heading", { level: 1, name: /Wim Hendriks/ }).waitFor();
  const firstLevel = trainer.locator('input[type="radio"][name^="levels."]').first();
  await firstLevel.scrollIntoViewIfNeeded();
  await insideWidth(trainer, firstLevel, 390);
  const save = trainer.getByRole("button", { name: "Opslaan", exact: true });
  await save.scrollIntoViewIfNeeded();
  await expect(save).toBeInViewport();
  await insideWidth(trainer, save, 390);
  await insideWidth(trainer, trainer.getByRole("button", { name: "Opslaan en volgende" }), 390);
  await expectNoSidewaysScroll(trainer, "bureau 390");
  await audit(trainer, JOURNEY, "bureau-390");
}, 60_000);

it("shows who is stuck at 1280 as one row per person, most at risk first, and sends a message", async () => {
  const trainer = await loggedIn(e2e, "trainer@gilde.test", { viewport: { width: 1280, height: 900 } });
  await trainer.goto(`${e2e.server.baseUrl}/beoordelen/overzicht`);
  await trainer.getByRole("heading", { level: 1, name: "Wie loopt vast?" }).waitFor();
  const rows = trainer.locator(".stuck-row");
  await expect(rows.first()).toContainText("Lotte Smit");
  await expect(rows.first()).toContainText("31 dagen stil");
  await expect(rows.first()).toContainText("Te laat (3)");
  const heights = await rows.evaluateAll((elements) => elements.map((e) => e.getBoundingClientRect().height));
  for (const height of heights) expect(height).toBeLessThan(110);
  await expectNoSidewaysScroll(trainer, "wie loopt vast 1280");
  await trainer.locator("summary", { hasText: "Lotte Smit" }).click();
  await expect(trainer.getByText(/Al \d+ dagen niets gedaan op Gilde/)).toBeVisible();
  await audit(trainer, JOURNEY, "wie-loopt-vast-1280");

  await trainer.getByRole("link", { name: "Stuur Lotte Smit een berichtje" }).click();
  const text = trainer.getByLabel("Je berichtje aan Lotte Smit");
  await expect(text).toHaveValue(/^Hoi Lotte,/);
  await audit(trainer, JOURNEY, "berichtje");
  await trainer.getByRole("button", { name: "Versturen" }).click();
  await trainer.getByText("Je berichtje aan Lotte is verstuurd.").waitFor();
}, 60_000);

it("shows who is stuck on a phone as cards with the action in sight", async () => {
  const trainer = await loggedIn(e2e, "trainer@gilde.test", PHONE);
  await trainer.goto(`${e2e.server.baseUrl}/beoordelen/overzicht`);
  const card = trainer.locator(".stuck-row").first();
  await expect(card).toContainText("Lotte Smit");
  await insideWidth(trainer, card, 390);
  const action = card.getByRole("link", { name: "Stuur Lotte Smit een berichtje" });
  await action.scrollIntoViewIfNeeded();
  await expect(action).toBeInViewport();
  await insideWidth(trainer, action, 390);
  await expectNoSidewaysScroll(trainer, "wie loopt vast 390");
  await audit(trainer, JOURNEY, "wie-loopt-vast-390");
  await screenshot(trainer, JOURNEY, "wie-loopt-vast-390-kaarten");
}, 60_000);
