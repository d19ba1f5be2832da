// Three members of De Smeden hand in, review each other's work in their gilde, and read the feedback they got
// (this assignment shows feedback once you have given your own).
import type { Page } from "playwright-core";
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, followMenu, loggedIn, PHONE, useServerAndPage } from "../support/e2e";
import { at } from "../support/indexed";

const e2e = useServerAndPage({ demoSessions: true });

it("lets three gilde members hand in, review each other and read their feedback", async () => {
  const members: Page[] = [];
  // The third member works on a phone.
  // De Smeden: De Wevers' demo members already handed in work and owe reviews (the start page's demo data).
  for (const email of ["deelnemer5@gilde.test", "deelnemer6@gilde.test", "deelnemer7@gilde.test"]) {
    members.push(await loggedIn(e2e, email, email.startsWith("deelnemer7") ? PHONE : {}));
  }
  for (const [index, page] of members.entries()) {
    await page.goto(`${e2e.server.baseUrl}/opdrachten/wijkgeschiedenis`);
    await page
      .getByLabel("Je uitwerking (Markdown)")
      .fill(`Wijkgeschiedenis van deelnemer ${index + 1}: de buurt na de sloop.`);
    await page.getByRole("button", { name: "Inleveren", exact: true }).click();
    await page
      .getByRole("dialog", { name: "Inleveren?" })
      .getByRole("button", { name: /inleveren/i })
      .click();
    await page.getByText(/Ingeleverd \(versie 1\)/).waitFor();
  }

  for (const [index, page] of members.entries()) {
    await followMenu(page, "Mijn gilde");
    await page.waitForURL("**/gilde");
    await page.getByText("Nog 2 te geven.").waitFor();
    if (index !== 1) await audit(page, "3-peerfeedback", `gilde-${index === 2 ? "telefoon" : "laptop"}`);
    for (let review = 0; review < 2; review++) {
      await page.getByRole("link", { name: "Feedback geven" }).first().click();
      await page.getByText(/de buurt na de sloop/).waitFor();
      if (index !== 1 && review === 0)
        await audit(page, "3-peerfeedback", `feedback-geven-${index === 2 ? "telefoon" : "laptop"}`);
      const questions = page.locator("form textarea[name^='answers.']");
      for (let q = 0; q < (await questions.count()); q++)
        await questions.nth(q).fill(`Reactie ${q + 1} van deelnemer ${index + 1}.`);
      await page.getByLabel("Tip voor verder").fill(`Tip van deelnemer ${index + 1}: praat met de buurtconciërge.`);
      await page.getByRole("button", { name: "Feedback indienen" }).click();
      await page.getByText("Ingediend. Dank je").waitFor();
      await page.getByRole("link", { name: "Mijn gilde" }).first().click();
      await page.waitForURL("**/gilde");
    }
    await page.getByText("Alles gegeven: dank je.").waitFor();
  }

  const first = at(members, 0, "the first member's page");
  await first.reload();
  const received = first.getByRole("region", { name: "Feedback die je kreeg" });
  await received.getByText("Tip van deelnemer 2: praat met de buurtconciërge.").waitFor();
  await received.getByText("Tip van deelnemer 3: praat met de buurtconciërge.").waitFor();
  await received.getByLabel("4 – zeer bruikbaar").first().check();
  await received.getByRole("button", { name: "Waardering opslaan" }).first().click();
  await first.getByText("Dank je: je waardering is opgeslagen.").waitFor();
  await expect(received.getByText(/Tip van deelnemer 1/)).toHaveCount(0);
  await audit(first, "3-peerfeedback", "feedback-ontvangen");
});
