// Journey 1: from the catalogue through registration, intake, acceptance by the admin and the demo checkout (no
// Stripe key: a signed webhook through the same handler) to an ACTIVE enrollment, placed in a gilde by the trainer.
import { it } from "vitest";
import { audit } from "../support/audit";
import { confirmationLink, expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ mailbox: true, demoSessions: true });

it("takes a newcomer from the catalogue to an active enrollment", async () => {
  // The newcomer applies on a phone.
  const page = await (await e2e.browser.newContext({ locale: "nl-NL", ...PHONE })).newPage();
  const base = e2e.server.baseUrl;
  await page.goto(`${base}/leergang`);
  await page.getByRole("heading", { name: "Voorjaar 2027" }).waitFor();
  await page.getByText("Om de twee weken op dinsdag").waitFor();
  await audit(page, "1-aanmelden", "leergang");
  await page.getByRole("link", { name: "Aanmelden" }).first().click();
  await page.getByRole("link", { name: "Account aanmaken" }).click();
  await page.getByLabel("Naam").fill("Noor Nieuwkomer");
  await page.getByLabel("E-mailadres").fill("noor@example.nl");
  await page.getByLabel("Wachtwoord").fill("een lange zin als wachtwoord");
  await page.getByRole("button", { name: "Account aanmaken" }).click();
  await page.getByRole("heading", { name: "Kijk in je mail" }).waitFor();
  await audit(page, "1-aanmelden", "kijk-in-je-mail");
  await page.goto(base + (await confirmationLink(e2e.mailbox, "noor@example.nl")));
  await audit(page, "1-aanmelden", "account-bevestigen");
  await page.getByRole("button", { name: "Account maken en inloggen" }).click();
  await page.waitForURL("**/aanmelden/**");
  await audit(page, "1-aanmelden", "intake");

  await page.getByLabel("Je huidige werk (functie)").fill("Buurtwerker");
  await page.getByLabel("Organisatie", { exact: true }).fill("Stichting Wijkkracht");
  await page.getByLabel("Jaren ervaring in wijkgericht werken").fill("5");
  await page.getByLabel("Beschrijf je ervaring in de wijk").fill("Vijf jaar in Kanaleneiland, met bewonersgroepen.");
  await page.getByLabel("De wijk waarin je tijdens de leergang oefent").fill("Kanaleneiland");
  await page
    .getByLabel("Waarom wil je deze leergang volgen?")
    .fill("Ik wil bewoners beter helpen hun eigen plannen waar te maken.");
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await page.getByText("Dank je: je aanmelding is binnen.").waitFor();
  await audit(page, "1-aanmelden", "aangemeld");
  const applicantUrl = page.url();

  const admin = await loggedIn(e2e, "beheer@gilde.test");
  await admin.goto(applicantUrl.replace("/aanmelden/", "/beoordelen/aanmeldingen/"));
  const intake = admin.getByRole("article", { name: /Noor Nieuwkomer/ });
  await intake.getByText("Vijf jaar in Kanaleneiland").waitFor();
  await audit(admin, "1-aanmelden", "intakes-beoordelen");
  await intake.getByLabel("Bericht aan de aanmelder").fill("Welkom, Noor!");
  await intake.getByRole("button", { name: "Toelaten" }).click();
  await admin.getByText("Toegelaten; de deelnemer kan nu betalen.").waitFor();

  await page.reload();
  await page.getByText("Welkom, Noor!").waitFor();
  await page.getByRole("button", { name: "Betalen" }).click();
  await page.getByText("Testbetaling — er wordt niets afgeschreven.").waitFor();
  await audit(page, "1-aanmelden", "testbetaling");
  await page.getByRole("button", { name: "Testbetaling afronden" }).click();
  await page.getByRole("heading", { name: "Je bent ingeschreven" }).waitFor();
  await audit(page, "1-aanmelden", "ingeschreven");
  await page.getByRole("main").getByRole("link", { name: "overzicht" }).click();
  await page.waitForURL("**/dashboard");
  await page.getByText("ingeschreven", { exact: true }).first().waitFor();
  await expect(page.getByRole("heading", { name: "Voorjaar 2027" })).toHaveCount(1);

  // The cohort's trainer places the newcomer in a gilde.
  const trainer = await loggedIn(e2e, "trainer@gilde.test");
  await trainer.goto(applicantUrl.replace("/aanmelden/", "/beoordelen/aanmeldingen/"));
  const placing = trainer.getByRole("form", { name: "Noor Nieuwkomer plaatsen" });
  await placing.getByLabel("Gilde voor Noor Nieuwkomer").selectOption({ label: "De Wevers (4)" });
  await audit(trainer, "1-aanmelden", "plaatsen");
  await placing.getByRole("button", { name: "Plaatsen" }).click();
  await trainer.getByText("Geplaatst in de gilde.").waitFor();
  await page.reload();
  await page.getByRole("heading", { name: "Jouw gilde: De Wevers" }).waitFor();
  await audit(page, "1-aanmelden", "in-de-gilde");
});
