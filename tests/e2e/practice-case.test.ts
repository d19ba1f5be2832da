// Journey 5: the alumnus posts in the community and publishes a practice case that starts from their own released
// assignment, with consent; a participant finds it by searching in Dutch; the alumnus withdraws it and it is gone.
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

it("publishes a case from an assignment with consent, lets a participant find it, and withdraws it", async () => {
  const alumnus = await loggedIn(e2e, "alumnus@gilde.test");
  await alumnus.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Community" }).click();
  await alumnus.getByLabel("Titel").fill("Wie heeft ervaring met een buurtmoestuin?");
  await alumnus
    .getByLabel("Je bericht (Markdown)")
    .fill("In de Rivierenwijk zijn bewoners **zelf** begonnen. Wie herkent dat?");
  await alumnus.getByLabel("Bewonersambities").check();
  await alumnus.getByRole("button", { name: "Plaatsen" }).click();
  await alumnus.getByRole("heading", { name: "Wie heeft ervaring met een buurtmoestuin?" }).waitFor();
  await audit(alumnus, "5-alumnus", "onderwerp");
  await alumnus.getByRole("link", { name: "Community" }).first().click();
  await alumnus.getByRole("link", { name: "Praktijkvoorbeelden" }).click();
  await alumnus.getByRole("link", { name: "Een voorbeeld publiceren" }).click();
  await alumnus.getByRole("link", { name: "De geschiedenis van je wijk" }).click();
  await expect(alumnus.getByLabel("De situatie")).toHaveValue(/spoorwegarbeiders/);
  await audit(alumnus, "5-alumnus", "praktijk-nieuw");
  await alumnus.getByLabel("Titel").fill("Een moestuin na het buurthuis");
  await alumnus
    .getByLabel("Wat bewoners deden")
    .fill("Bewoners begonnen zelf een moestuin toen het buurthuis dichtging.");
  await alumnus.getByLabel("Jouw rol als professional").fill("Ik zocht met hen een stuk grond bij de corporatie.");
  await alumnus.getByLabel("Wat het opleverde").fill("Een plek waar buren elkaar weer zien.");
  await alumnus.getByLabel("Wat je ervan leerde").fill("Laat het initiatief bij bewoners.");
  await alumnus.getByLabel("Gemeente", { exact: true }).fill("Utrecht");
  await alumnus.getByLabel("Bewonersambities").check();
  await alumnus.getByRole("button", { name: "Publiceren" }).click();
  await alumnus.getByText("uitdrukkelijke toestemming").waitFor();
  await audit(alumnus, "5-alumnus", "praktijk-zonder-toestemming");
  await alumnus.getByLabel(/Ik geef toestemming/).check();
  await alumnus.getByRole("button", { name: "Publiceren" }).click();
  await alumnus.getByRole("heading", { name: "Een moestuin na het buurthuis" }).waitFor();
  await audit(alumnus, "5-alumnus", "praktijkvoorbeeld");
  const caseUrl = alumnus.url();

  const participant = await loggedIn(e2e, "deelnemer@gilde.test", PHONE);
  await participant.goto(`${e2e.server.baseUrl}/praktijk`);
  await participant.getByLabel("Zoeken").fill("moestuinen bewoners");
  await participant.getByRole("button", { name: "Zoeken" }).click();
  await participant.getByRole("link", { name: "Een moestuin na het buurthuis" }).click();
  await participant.getByText("spoorwegarbeiders").waitFor();
  await audit(participant, "5-alumnus", "gevonden");

  alumnus.once("dialog", (dialog) => void dialog.accept());
  await alumnus.goto(caseUrl);
  await alumnus.getByRole("button", { name: "Intrekken" }).click();
  await alumnus.waitForURL("**/praktijk");
  await participant.goto(`${e2e.server.baseUrl}/praktijk?q=moestuin`);
  await participant.getByText("Niets gevonden voor ‘moestuin’.").waitFor();
  expect((await participant.goto(caseUrl))?.status()).toBe(404);
});
