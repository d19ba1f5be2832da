// A participant of the demo cohort reads a module and marks it read, in Chromium, with JavaScript on.
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, signIn, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

it("reads a module, marks a section and then the whole module as read", async () => {
  await signIn(e2e, e2e.page, "deelnemer@gilde.test");
  // A mark on the window survives only navigations without a page load.
  const markPage = () => e2e.page.evaluate(() => Object.assign(window, { samePage: true }));
  const stayedOnPage = () => e2e.page.evaluate(() => "samePage" in window);

  await markPage();
  const menu = e2e.page.getByRole("navigation", { name: "Hoofdmenu" });
  await menu.getByRole("link", { name: "Modules" }).click();
  await e2e.page.waitForURL("**/modules");
  await expect(menu.getByRole("link", { name: "Modules" })).toHaveAttribute("aria-current", "page");
  await expect(menu.getByRole("link", { name: "Overzicht" })).not.toHaveAttribute("aria-current", "page");
  expect(await stayedOnPage()).toBe(true);
  // A click with Ctrl is the reader's own: a new tab, and this page stays where it is.
  const [tab] = await Promise.all([
    e2e.page.context().waitForEvent("page"),
    menu.getByRole("link", { name: "Agenda" }).click({ modifiers: ["Control"] }),
  ]);
  await tab.waitForURL("**/agenda");
  await tab.close();
  expect(new URL(e2e.page.url()).pathname).toBe("/modules");
  await e2e.page.getByText("0 van 9 modules gelezen").waitFor();
  await audit(e2e.page, "2-deelnemer", "modules");
  await e2e.page.getByRole("link", { name: "Geschiedenis van het wijkwerk" }).click();
  await e2e.page.getByRole("heading", { level: 1, name: "Geschiedenis van het wijkwerk" }).waitFor();
  await e2e.page.getByRole("heading", { name: "Leerdoelen" }).waitFor();
  await expect(e2e.page.locator(".block--reflectie").nth(2)).toBeAttached();

  const toc = e2e.page.getByRole("complementary");
  const firstToggle = toc.getByRole("button", { name: /markeer als gelezen/ }).first();
  const label = (await firstToggle.getAttribute("aria-label"))!.replace(/: markeer als gelezen$/, "");
  await firstToggle.click();
  await toc.getByRole("button", { name: `${label}: gelezen (klik om terug te zetten)` }).waitFor();
  await e2e.page.getByText(/Bezig: 1 van \d+ secties gelezen/).waitFor();

  await e2e.page.reload();
  await e2e.page.getByText(/Bezig: 1 van \d+ secties gelezen/).waitFor();
  await expect(toc.getByRole("button", { name: `${label}: gelezen (klik om terug te zetten)` })).toHaveAttribute(
    "aria-pressed",
    "true",
  );

  await e2e.page.getByRole("button", { name: "Ik heb de hele module gelezen" }).click();
  await e2e.page.getByText(/Gelezen: (\d+) van \1 secties gelezen/).waitFor();
  await audit(e2e.page, "2-deelnemer", "module-gelezen");

  // On to the next module without a page load: its text, goals and reading list arrive with the route data.
  await markPage();
  await e2e.page
    .getByRole("navigation", { name: "Vorige en volgende module" })
    .getByRole("link", { name: /Systeemwereld en leefwereld/ })
    .click();
  await e2e.page.getByRole("heading", { level: 1, name: "Systeemwereld en leefwereld" }).waitFor();
  await expect(e2e.page.locator("#moduletekst .block--reflectie").nth(2)).toBeAttached();
  await e2e.page.getByRole("heading", { name: "Leerdoelen" }).waitFor();
  await e2e.page.getByRole("heading", { name: "Bronnen" }).waitFor();
  await expect(e2e.page.locator("#moduleleeslijst li").first()).toBeVisible();
  expect(await stayedOnPage()).toBe(true);

  await e2e.page.goto(`${e2e.server.baseUrl}/modules`);
  await e2e.page.getByText("1 van 9 modules gelezen").waitFor();
  await e2e.page.goto(`${e2e.server.baseUrl}/modules?q=bewoners`);
  await expect(e2e.page.locator("mark").first()).toBeVisible();
  await audit(e2e.page, "2-deelnemer", "zoeken");
});
