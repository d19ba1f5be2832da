// Someone deciding to enrol, or a panel, reads how the leergang is built and assessed: from the course overview to
// /leergang/opbouw and /leergang/toetsing, on a laptop and on a phone, accessible and in Dutch.
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, PHONE, signIn, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

it("goes from the module overview to the course design and the assessment policy", async () => {
  await signIn(e2e, e2e.page, "deelnemer@gilde.test");
  await e2e.page.goto(`${e2e.server.baseUrl}/modules`);
  await e2e.page.getByRole("link", { name: "Opbouw en studielast" }).click();
  await e2e.page.getByRole("heading", { level: 1, name: "Zo is de leergang Creative Communities opgebouwd" }).waitFor();
  await e2e.page.getByText("Studielast 165 uur, ongeveer 6 EC.").waitFor();

  // Where an outcome is assessed sits behind a disclosure; the portfolio assesses every outcome.
  const first = e2e.page.getByRole("region", { name: "Leeruitkomst 1" });
  await first.getByText("Waar je eraan werkt en hoe het wordt beoordeeld").click();
  await expect(first.getByRole("link", { name: "Module 9, Je wijkportfolio" })).toBeVisible();
  await expect(first.getByRole("link", { name: "Je wijkportfolio" }).last()).toBeVisible();
  await audit(e2e.page, "leergang", "opbouw");

  await e2e.page.getByRole("link", { name: "toetsbeleid" }).first().click();
  await e2e.page.getByRole("heading", { level: 1, name: "Toetsbeleid" }).waitFor();
  await e2e.page.getByRole("heading", { name: /De tweede lezer/ }).waitFor();
  await audit(e2e.page, "leergang", "toetsing");
});

it("reads both pages on a phone without logging in", async () => {
  const page = await (await e2e.browser.newContext({ ...PHONE, locale: "nl-NL" })).newPage();
  await page.goto(`${e2e.server.baseUrl}/leergang/opbouw`);
  await page.getByRole("heading", { name: "Toelating" }).waitFor();
  await audit(page, "leergang", "opbouw-telefoon");
  await page.goto(`${e2e.server.baseUrl}/leergang/toetsing`);
  await page.getByRole("heading", { name: /Het gebruik van AI/ }).waitFor();
  await audit(page, "leergang", "toetsing-telefoon");
});
