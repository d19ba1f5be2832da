// Journey 6 (issue 10): a participant downloads their data and asks for erasure; the admin carries it out on the
// privacy page and finds it in the audit log; the participant can no longer log in.
import { strFromU8, unzipSync } from "fflate";
import fs from "node:fs";
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";
import { entry } from "../support/indexed";
import { expectNoSidewaysScroll, expectWithinWidth } from "../support/viewport";

const e2e = useServerAndPage({ demoSessions: true });

it("downloads everything, asks for erasure, and the admin carries it out", async () => {
  const base = e2e.server.baseUrl;
  const participant = await loggedIn(e2e, "deelnemer8@gilde.test");
  await participant
    .getByRole("link", { name: /deelnemer/ })
    .first()
    .click();
  await participant.waitForURL("**/account");
  await audit(participant, "privacy", "mijn-account");
  await participant.getByRole("link", { name: "Naar mijn gegevens" }).click();
  await participant.waitForURL("**/account/gegevens");
  await audit(participant, "privacy", "mijn-gegevens");

  const [download] = await Promise.all([
    participant.waitForEvent("download"),
    participant.getByRole("button", { name: "Download mijn gegevens (ZIP)" }).click(),
  ]);
  expect(download.suggestedFilename()).toMatch(/^gilde-gegevens-\d{4}-\d{2}-\d{2}\.zip$/);
  const files = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)));
  expect(Object.keys(files)).toEqual(
    expect.arrayContaining([
      "LEESMIJ.txt",
      "profiel.json",
      "inzendingen.json",
      "wijkprofiel.json",
      "peerfeedback-gegeven.json",
    ]),
  );
  expect(JSON.parse(strFromU8(entry(files, "profiel.json"))).email).toBe("deelnemer8@gilde.test");

  // Forgetting the checkbox keeps the explanation.
  await participant.getByLabel("Toelichting (mag leeg blijven)").fill("Ik verhuis naar het buitenland.");
  await participant.getByRole("button", { name: "Vraag verwijdering aan" }).click();
  await expect(participant.getByText("Vink aan dat je begrijpt wat verwijderen betekent.")).toBeVisible();
  await expect(participant.getByLabel("Toelichting (mag leeg blijven)")).toHaveValue("Ik verhuis naar het buitenland.");
  await participant.getByLabel("Ik begrijp dat dit niet ongedaan te maken is").check();
  await participant.getByRole("button", { name: "Vraag verwijdering aan" }).click();
  await expect(participant.getByText("Je verzoek om verwijdering is in behandeling.")).toBeVisible();

  const admin = await loggedIn(e2e, "beheer@gilde.test");
  await admin.goto(`${base}/beheer/privacy`);
  await audit(admin, "privacy", "beheer-privacy");
  const request = admin.getByRole("region", { name: /Verzoek van .*deelnemer8@gilde\.test/ });
  await expect(request.getByText("Toelichting: Ik verhuis naar het buitenland.")).toBeVisible();
  await request.getByLabel("Ik heb gecontroleerd wie dit vraagt").check();
  await request.getByRole("button", { name: "Verwijdering uitvoeren" }).click();
  await expect(admin.getByText(/^Uitgevoerd: /).first()).toBeVisible();
  // The demo data keeps another open request (the admin's start page shows it); this one is done.
  await expect(request.getByRole("button", { name: "Verwijdering uitvoeren" })).toHaveCount(0);

  await admin.goto(`${base}/beheer/audit?soort=erasure`);
  await audit(admin, "privacy", "auditlog");
  await expect(admin.locator("td", { hasText: /^Uitgevoerd: / })).toHaveCount(1);
  await expect(admin.getByText("1 gebeurtenis", { exact: true })).toBeVisible();

  // The participant's session is gone, and so is their login.
  await participant.goto(`${base}/dashboard`);
  await participant.waitForURL("**/inloggen**");
  await participant.getByLabel("E-mailadres").fill("deelnemer8@gilde.test");
  await participant.getByLabel("Wachtwoord").fill("gilde-demo-2027");
  await participant.getByRole("button", { name: "Inloggen" }).click();
  await expect(participant.getByText("Dit e-mailadres en wachtwoord horen niet bij elkaar.")).toBeVisible();
});

it("shows the account page on a phone: every device a card with its button in sight", async () => {
  const phone = await loggedIn(e2e, "deelnemer@gilde.test", PHONE);
  await phone.goto(`${e2e.server.baseUrl}/account`);
  await expect(phone.getByRole("heading", { name: "Waar je bent ingelogd" })).toBeVisible();
  await expect(phone.getByRole("cell", { name: "Chrome op Android", exact: true })).toBeVisible();
  await expect(phone.getByText("dit apparaat")).toBeVisible();
  await audit(phone, "privacy", "mijn-account-telefoon");
  await expectNoSidewaysScroll(phone);
  await expectWithinWidth(phone.getByRole("button", { name: "Uitloggen op Chrome op Android" }));
});
