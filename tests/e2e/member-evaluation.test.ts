// De Smeden evaluate each other at the demo moment "Halverwege" (issue 23): each rates themselves first, then
// gildegenoten; once three gave Fatma a rating she sees the averages, never who said what; the trainer sees all.
import type { Page } from "playwright-core";
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, followMenu, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

async function openEvaluation(page: Page) {
  await followMenu(page, "Mijn gilde");
  await page.waitForURL("**/gilde");
  await page.getByRole("region", { name: "Evaluatie in je gilde" }).getByRole("link", { name: "Halverwege" }).click();
  await page.getByRole("heading", { name: "Evaluatie: Halverwege" }).waitFor();
}

/** Fills in the form on the page with the same level for every criterion, and saves it. */
async function rate(page: Page, level: string, comment = "") {
  const form = page.locator("form", { has: page.getByRole("group", { name: "Bijdrage" }) });
  for (const criterion of ["Bijdrage", "Betrouwbaarheid", "Ruimte geven aan anderen", "Inbreng uit de eigen wijk"])
    await form.getByRole("group", { name: criterion }).getByLabel(level).check();
  if (comment) await form.getByRole("textbox").fill(comment);
  await form.getByRole("button").click();
}

it("lets gilde members evaluate themselves and each other, and shows only averages from three raters", async () => {
  const fatma = await loggedIn(e2e, "deelnemer5@gilde.test");
  await openEvaluation(fatma);
  await fatma.getByRole("heading", { name: "Eerst: jijzelf" }).waitFor();
  await audit(fatma, "6-evaluatie", "zelf-laptop");
  await rate(fatma, "3 – meestal");
  await fatma.getByText("Opgeslagen. Beoordeel nu je gildegenoten.").waitFor();
  await fatma.getByRole("heading", { name: "Nu: Joost van Dijk" }).waitFor();
  await rate(fatma, "4 – steeds", "Jij houdt ons bij de les.");
  await fatma.getByText("Je beoordeling van Joost van Dijk is opgeslagen.").waitFor();

  for (const [index, email] of ["deelnemer6@gilde.test", "deelnemer7@gilde.test", "deelnemer8@gilde.test"].entries()) {
    const page = await loggedIn(e2e, email, index === 1 ? PHONE : {});
    await openEvaluation(page);
    await rate(page, "3 – meestal");
    await page.getByRole("heading", { name: "Nu: Fatma Yilmaz" }).waitFor();
    if (index === 1) await audit(page, "6-evaluatie", "gildegenoot-telefoon");
    await rate(page, index === 2 ? "1 – nog weinig" : "4 – steeds", `Opmerking ${index + 1} voor Fatma.`);
    await page.getByText("Je beoordeling van Fatma Yilmaz is opgeslagen.").waitFor();
  }

  await fatma.reload();
  const aboutMe = fatma.getByRole("region", { name: "Wat je gildegenoten over jou zeiden" });
  await aboutMe.getByText("gemiddeld 3 van 4 (3 gildegenoten)").first().waitFor();
  await aboutMe.getByText("Opmerking 3 voor Fatma.").waitFor();
  await expect(aboutMe.getByText(/Joost|Priya|Sanne/)).toHaveCount(0);
  await audit(fatma, "6-evaluatie", "over-jou-laptop");

  const trainer = await loggedIn(e2e, "trainer@gilde.test");
  await trainer.goto(`${e2e.server.baseUrl}/beoordelen`);
  await trainer.getByRole("link", { name: "Evaluatie Voorjaar 2027" }).click();
  await trainer.getByRole("heading", { name: "Evaluatie in de gildes" }).waitFor();
  const fatmaCard = trainer.locator("article", { has: trainer.getByRole("heading", { name: /Fatma Yilmaz/ }) });
  await fatmaCard
    .getByText(/Sanne Visser 1 \(!\) ver onder de anderen/)
    .first()
    .waitFor();
  await audit(trainer, "6-evaluatie", "trainer-laptop");
});
