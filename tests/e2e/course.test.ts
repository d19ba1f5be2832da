// A participant of the demo cohort reads a module and marks it read, in Chromium, with JavaScript on.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, expect, it } from "vitest";
import { launchBrowser } from "../support/browser";
import { startServer, type RunningServer } from "../support/server";

let server: RunningServer;
let browser: Browser;
let page: Page;

beforeAll(async () => {
  [server, browser] = await Promise.all([startServer(), launchBrowser()]);
  page = await browser.newPage({ locale: "nl-NL" });
});

afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

it("reads a module, marks a section and then the whole module as read", async () => {
  await page.goto(`${server.baseUrl}/inloggen`);
  await page.getByLabel("E-mailadres").fill("deelnemer@gilde.test");
  await page.getByLabel("Wachtwoord").fill("gilde-demo-2027");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL("**/dashboard");

  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Modules" }).click();
  await page.waitForURL("**/modules");
  await page.getByText("0 van 9 modules gelezen").waitFor();
  await page.getByRole("link", { name: "Geschiedenis van het wijkwerk" }).click();
  await page.getByRole("heading", { level: 1, name: "Geschiedenis van het wijkwerk" }).waitFor();
  await page.getByRole("heading", { name: "Leerdoelen" }).waitFor();
  expect(await page.locator(".block--reflectie").count()).toBeGreaterThanOrEqual(3);

  const toc = page.getByRole("complementary");
  const firstToggle = toc.getByRole("button", { name: /markeer als gelezen/ }).first();
  const label = (await firstToggle.getAttribute("aria-label"))!.replace(/: markeer als gelezen$/, "");
  await firstToggle.click();
  await toc.getByRole("button", { name: `${label}: gelezen (klik om terug te zetten)` }).waitFor();
  await page.getByText(/Bezig: 1 van \d+ secties gelezen/).waitFor();

  await page.reload();
  await page.getByText(/Bezig: 1 van \d+ secties gelezen/).waitFor();
  expect(await toc.getByRole("button", { name: `${label}: gelezen (klik om terug te zetten)` }).getAttribute("aria-pressed")).toBe("true");

  await page.getByRole("button", { name: "Ik heb de hele module gelezen" }).click();
  await page.getByText(/Gelezen: (\d+) van \1 secties gelezen/).waitFor();

  // On to the next module without a page load: its text arrives with the route data.
  await page.getByRole("navigation", { name: "Vorige en volgende module" }).getByRole("link", { name: /Systeemwereld en leefwereld/ }).click();
  await page.getByRole("heading", { level: 1, name: "Systeemwereld en leefwereld" }).waitFor();
  expect(await page.locator("#moduletekst .block--reflectie").count()).toBeGreaterThanOrEqual(3);

  await page.goto(`${server.baseUrl}/modules`);
  await page.getByText("1 van 9 modules gelezen").waitFor();
  await page.goto(`${server.baseUrl}/modules?q=bewoners`);
  expect(await page.locator("mark").count()).toBeGreaterThan(0);
});
