// Journey 4: a trainer grades with the rubric, returns work for revision, the participant hands in again, the
// trainer releases "voldaan"; then the rest of the assignments are passed and the trainer confirms completion.
import type { Page } from "playwright-core";
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, loggedIn, signIn, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

async function chooseLevels(page: Page, pick: "lowest" | "highest") {
  const groups = page.locator("fieldset", { has: page.locator('input[type="radio"][name^="levels."]') });
  for (let i = 0; i < (await groups.count()); i++) {
    const radios = groups.nth(i).locator('input[type="radio"]');
    await (pick === "lowest" ? radios.first() : radios.last()).check();
  }
}

it("returns for revision, gets a new version, and releases voldaan", async () => {
  const participant = e2e.page;
  await signIn(e2e, participant, "deelnemer4@gilde.test");
  await participant.goto(`${e2e.server.baseUrl}/opdrachten/wijkgeschiedenis`);
  await participant.getByLabel("Je uitwerking (Markdown)").fill("Eerste versie van mijn wijkgeschiedenis.");
  await participant.getByRole("button", { name: "Inleveren", exact: true }).click();
  await participant
    .getByRole("dialog", { name: "Inleveren?" })
    .getByRole("button", { name: /inleveren/i })
    .click();
  await participant.getByText(/Ingeleverd \(versie 1\)/).waitFor();

  const trainerContext = await e2e.browser.newContext({ locale: "nl-NL" });
  try {
    const trainer = await signIn(e2e, await trainerContext.newPage(), "trainer@gilde.test");
    await trainer.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Beoordelen" }).click();
    await trainer.waitForURL("**/beoordelen");
    await audit(trainer, "4-beoordelen", "wachtrij");
    // The demo's running cohort has work waiting too: the trainer opens Kees's.
    await trainer.getByRole("link", { name: "Kees Bakker beoordelen" }).click();
    await trainer.getByText("Eerste versie van mijn wijkgeschiedenis.").waitFor();
    await audit(trainer, "4-beoordelen", "beoordelingsscherm");
    await chooseLevels(trainer, "lowest");
    await trainer.getByLabel("Terug voor herziening").check();
    await trainer.getByLabel("Bij herziening: wat moet er veranderen?").fill("Laat twee bewoners aan het woord.");
    await trainer.getByRole("button", { name: "Opslaan en vrijgeven" }).click();
    await trainer.getByText(/Vrijgegeven/).waitFor();

    await participant.reload();
    await participant.getByText("Laat twee bewoners aan het woord.").waitFor();
    await audit(participant, "4-beoordelen", "terug-voor-herziening");
    await participant.getByLabel("Je uitwerking (Markdown)").fill("Tweede versie, met twee bewoners aan het woord.");
    await participant.getByRole("button", { name: "Inleveren", exact: true }).click();
    await participant
      .getByRole("dialog", { name: "Inleveren?" })
      .getByRole("button", { name: /inleveren/i })
      .click();
    // A revision asks first what was done with the feedback (issue 23).
    await participant
      .getByLabel("Wat heb je gedaan met de feedback op je vorige versie?")
      .fill("Ik heb twee bewoners zelf aan het woord gelaten.");
    await participant.getByRole("button", { name: /inleveren/i }).click();
    await participant.getByText(/Ingeleverd \(versie 2\)/).waitFor();

    await trainer.goto(`${e2e.server.baseUrl}/beoordelen`);
    await trainer.getByRole("link", { name: "Kees Bakker beoordelen" }).click();
    await trainer.getByText("Tweede versie, met twee bewoners aan het woord.").waitFor();
    await audit(trainer, "4-beoordelen", "tweede-versie");
    await chooseLevels(trainer, "highest");
    await trainer.getByLabel("Voldaan", { exact: true }).check();
    await trainer.getByLabel("Feedback in het algemeen (Markdown)").fill("Mooi **herschreven**.");
    await trainer.getByRole("button", { name: "Opslaan en vrijgeven" }).click();
    await trainer.getByText(/Vrijgegeven/).waitFor();
  } finally {
    await trainerContext.close();
  }

  await participant.reload();
  await participant.getByRole("heading", { name: "Beoordeling: Voldaan" }).waitFor();
  await audit(participant, "4-beoordelen", "voldaan");
  await expect(participant.locator("strong", { hasText: "herschreven" }).first()).toBeVisible();

  // On to completion: the trainer opens every module now, the participant hands in the gilde assignment for De Wevers
  // and the other seven assignments, the trainer passes them, and confirms completion: the participant becomes an
  // alumnus.
  const base = e2e.server.baseUrl;
  const trainer = await loggedIn(e2e, "trainer@gilde.test");
  await trainer.goto(`${base}/beoordelen/overzicht`);
  // "Wie loopt vast?" opens on the running cohort (Najaar 2026); Kees is in Voorjaar 2027.
  const cohortId = (await trainer
    .getByLabel("Groep")
    .locator("option", { hasText: "Voorjaar 2027" })
    .getAttribute("value"))!;
  await trainer.goto(`${base}/modules/planning/${cohortId}`);
  const dates = trainer.locator('input[type="date"]');
  for (let i = 0; i < (await dates.count()); i++) await dates.nth(i).fill("2026-11-01");
  await trainer.getByRole("button", { name: "Planning opslaan" }).click();
  await trainer.getByRole("status").first().waitFor();

  const slugs = [
    "leefwereld-systeemwereld",
    "buurt-verkennen",
    "tip-in-de-praktijk",
    "ambitie-coachen",
    "netwerk-van-een-bewoner",
    "netwerkkaart",
    "wijkportfolio",
  ];
  for (const slug of slugs) {
    await participant.goto(`${base}/opdrachten/${slug}`);
    await participant.getByLabel("Je uitwerking (Markdown)").fill(`Mijn uitwerking van ${slug}, in de Transvaalbuurt.`);
    await participant.getByRole("button", { name: "Inleveren", exact: true }).click();
    await participant
      .getByRole("dialog", { name: "Inleveren?" })
      .getByRole("button", { name: /inleveren/i })
      .click();
    await participant.getByText(/Ingeleverd \(versie 1\)/).waitFor();
  }
  // The gilde assignment (issue 23): Dewi agrees to De Wevers' text, Kees writes his part and hands in for the gilde.
  const dewi = await loggedIn(e2e, "deelnemer@gilde.test");
  await dewi.goto(`${base}/opdrachten/signalen-bundelen/gilde`);
  await dewi.getByRole("button", { name: "Akkoord met deze versie" }).click();
  await dewi.getByText("Je bent akkoord met deze versie van de tekst.").waitFor();
  await participant.goto(`${base}/opdrachten/signalen-bundelen/gilde`);
  await participant.getByLabel("Mijn bijdrage").fill("Ik sprak de jongerenwerker en schreef het voorstel mee.");
  await participant.getByRole("button", { name: "Bijdrage opslaan" }).click();
  await participant.getByText("Je bijdrage is opgeslagen.").waitFor();
  await audit(participant, "4-beoordelen", "gildeopdracht");
  await participant.getByRole("button", { name: "Inleveren namens De Wevers" }).click();
  await participant.getByText(/Ingeleverd namens jullie gilde \(versie 1\)/).waitFor();
  await trainer.goto(`${base}/beoordelen`);
  await trainer.getByRole("link", { name: "gilde De Wevers beoordelen" }).click();
  await trainer.getByRole("heading", { name: "Per gildelid" }).waitFor();
  await audit(trainer, "4-beoordelen", "gildewerk-beoordelen");
  await chooseLevels(trainer, "highest");
  await trainer.getByLabel("Voldaan", { exact: true }).check();
  await trainer.getByRole("button", { name: "Opslaan en vrijgeven" }).click();
  await trainer.getByText(/Vrijgegeven/).waitFor();
  for (let i = 0; i < slugs.length; i++) {
    await trainer.goto(`${base}/beoordelen`);
    await trainer.getByRole("link", { name: "Kees Bakker beoordelen" }).first().click();
    await trainer
      .getByText(/Mijn uitwerking van/)
      .first()
      .waitFor();
    await chooseLevels(trainer, "highest");
    await trainer.getByLabel("Voldaan", { exact: true }).check();
    await trainer.getByRole("button", { name: "Opslaan en vrijgeven" }).click();
    await trainer.getByText(/Vrijgegeven/).waitFor();
  }
  // Handing in gave Kees work of others to review (peer review is part of completion): he gives it all.
  await participant.goto(`${base}/gilde`);
  while ((await participant.getByRole("link", { name: "Feedback geven" }).count()) > 0) {
    await participant.getByRole("link", { name: "Feedback geven" }).first().click();
    const questions = participant.locator("form textarea[name^='answers.']");
    await questions.first().waitFor();
    for (let q = 0; q < (await questions.count()); q++)
      await questions.nth(q).fill(`Wat me opviel, punt ${q + 1}: de bewoners spreken zelf.`);
    await participant.getByLabel("Tip voor verder").fill("Vraag de buurtconciërge wie er nog meer moet meepraten.");
    await participant.getByRole("button", { name: "Feedback indienen" }).click();
    await participant.getByText("Ingediend. Dank je").waitFor();
    await participant.goto(`${base}/gilde`);
  }
  await trainer.goto(`${base}/opdrachten/groep/${cohortId}`);
  const row = trainer.getByRole("row", { name: /Kees Bakker/ });
  await row.getByText("Niets: klaar om af te ronden").waitFor();
  await audit(trainer, "4-beoordelen", "afronden");
  await row.getByRole("button", { name: "Afronding bevestigen" }).click();
  await trainer.getByText("Kees Bakker heeft de leergang afgerond en is nu alumnus.").waitFor();
  await participant.goto(`${base}/dashboard`);
  await participant.getByText(/je bent nu/).waitFor();
  await expect(participant.getByText("alumnus", { exact: true }).first()).toBeVisible();
}, 150_000);
