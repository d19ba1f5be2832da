// A visitor registers, logs out, makes a typo logging in, logs in, and logs out: in Chromium, against the
// production server started the way `npm start` starts it.
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

it("prints the address and the demo accounts at start", () => {
  expect(server.output()).toContain(server.baseUrl);
  expect(server.output()).toContain("deelnemer@gilde.test");
  expect(server.output()).toContain("gilde-demo-2027");
});

it("registers, logs out, logs in and logs out again", async () => {
  const email = `e2e-${Date.now()}@voorbeeld.nl`;
  await page.goto(server.baseUrl);
  await expect(page.getByRole("heading", { level: 1 }).textContent()).resolves.toBeTruthy();
  await page.getByRole("main").getByRole("link", { name: "Account aanmaken" }).click();
  await page.waitForURL("**/registreren");

  await page.getByLabel("Naam").fill("Esther Engelen");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("kort");
  await page.getByRole("button", { name: /account aanmaken/i }).click();
  await page.getByText("Kies een wachtwoord van minstens 10 tekens.").waitFor();
  expect(await page.getByLabel("E-mailadres").inputValue()).toBe(email);

  await page.getByLabel("Wachtwoord").fill("buurten-bouwen-samen");
  await page.getByRole("button", { name: /account aanmaken/i }).click();
  await page.waitForURL("**/dashboard");
  await page.getByRole("heading", { name: "Welkom, Esther" }).waitFor();

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(server.baseUrl + "/");
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Inloggen" }).waitFor();

  await page.goto(`${server.baseUrl}/dashboard`);
  await page.waitForURL("**/inloggen?redirectTo=%2Fdashboard");
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill("verkeerd-wachtwoord");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.getByRole("alert").filter({ hasText: "horen niet bij elkaar" }).waitFor();
  expect(await page.getByLabel("E-mailadres").inputValue()).toBe(email);
  expect(await page.getByLabel("Wachtwoord").inputValue()).toBe("");

  await page.getByLabel("Wachtwoord").fill("buurten-bouwen-samen");
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL("**/dashboard");
  await page.getByRole("heading", { name: "Welkom, Esther" }).waitFor();

  await page.getByRole("button", { name: "Uitloggen" }).click();
  await page.waitForURL(server.baseUrl + "/");
  await page.goto(`${server.baseUrl}/dashboard`);
  await page.waitForURL("**/inloggen**");
});

it("refuses a second server on the same data directory with a clear message", async () => {
  await expect(startServer({ dataDir: server.dataDir })).rejects.toThrow(/al in gebruik door een ander proces/);
});
