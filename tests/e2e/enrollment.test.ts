// Journey 1: from the catalogue and a cohort's page through registration, intake, acceptance by the admin and the
// demo checkout (no Stripe key: a signed webhook through the same handler) to an ACTIVE enrollment with its
// confirmation and receipt, placed in a gilde by the trainer; and an employer-paid intake without JavaScript.
import { it } from "vitest";
import { audit, screenshot } from "../support/audit";
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
  // The cohort's page: what they decide on, readable on the phone.
  await page.getByRole("heading", { name: "Voorjaar 2027" }).getByRole("link").click();
  await page.getByRole("heading", { name: "Creative Communities: Voorjaar 2027" }).waitFor();
  await page.getByRole("heading", { name: "Voor wie" }).waitFor();
  await page.getByText("Prijs excl. btw").waitFor();
  await page.getByText("Deze groep is geaccrediteerd bij Registerplein: je krijgt 20 punten.").waitFor();
  await page.getByText("Community werker sinds 2009").waitFor();
  await page
    .getByText("Je kunt kosteloos annuleren tot de start op 1 maart 2027. Daarna krijg je 25% terug.")
    .waitFor();
  await page.getByText("Moet ik sociaal werker zijn?").click();
  await page.getByText("Nee. Je hebt ruime ervaring in gebiedsgericht werken").waitFor();
  await audit(page, "1-aanmelden", "groepspagina");
  const desk = await (await e2e.browser.newContext({ locale: "nl-NL" })).newPage();
  await desk.goto(page.url());
  await audit(desk, "1-aanmelden", "groepspagina-breed");
  await desk.close();
  await expect(page.getByRole("link", { name: "Aanmelden" })).toHaveCount(2);
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
  // With JavaScript the employer's fields show only once the employer pays.
  const employerFields = page.getByRole("group", { name: /Gegevens van je werkgever/ });
  await expect(employerFields).toBeHidden();
  await page.getByLabel("Mijn werkgever (factuur)").check();
  await expect(employerFields).toBeVisible();
  await page.getByLabel("Ikzelf (iDEAL of creditcard)").check();
  await expect(employerFields).toBeHidden();
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
  await page.getByText("Waarvan btw (21%)").waitFor();
  // The next contact day of the demo cohort, whichever date the demo data gave it.
  await page.getByText(/De eerste contactdag is op \S+dag \d+ \S+ \d{4}/).waitFor();
  await page.getByRole("heading", { name: "Wat je vast kunt doen" }).waitFor();
  await audit(page, "1-aanmelden", "ingeschreven");
  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Betaalbewijs downloaden" }).click();
  expect((await download).suggestedFilename()).toMatch(/^betaalbewijs-.*\.html$/);
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

it("takes an employer-paid intake without JavaScript, with a Dutch message for a PO number that is too long", async () => {
  const page = await loggedIn(e2e, "deelnemer8@gilde.test", { javaScriptEnabled: false, ...PHONE });
  page.setDefaultTimeout(15_000);
  await page.goto(`${e2e.server.baseUrl}/leergang`);
  await page.getByRole("heading", { name: "Najaar 2027" }).getByRole("link").click();
  await page.getByText("De contactdagen van deze groep zijn nog niet gepland.").waitFor();
  await page.getByText("Zelf in 3 termijnen van").waitFor();
  await page.getByRole("link", { name: "Aanmelden" }).first().click();
  await page.waitForURL("**/aanmelden/**");
  // Without JavaScript the employer's fieldset is simply there.
  await expect(page.getByRole("group", { name: /Gegevens van je werkgever/ })).toBeVisible();
  await page.getByLabel("Je huidige werk (functie)").fill("Wijkcoach");
  await page.getByLabel("Organisatie", { exact: true }).fill("Woonstichting Thuis");
  await page.getByLabel("Jaren ervaring in wijkgericht werken").fill("8");
  await page.getByLabel("Beschrijf je ervaring in de wijk").fill("Acht jaar wijkcoach bij een corporatie.");
  await page.getByLabel("De wijk waarin je tijdens de leergang oefent").fill("Lombardijen");
  await page.getByLabel("Waarom wil je deze leergang volgen?").fill("Huurders beter betrekken bij de buurt.");
  await page.getByLabel("Mijn werkgever (factuur)").check();
  await page.getByLabel("Organisatie die betaalt").fill("Woonstichting Thuis");
  await page.getByLabel("Contactpersoon").fill("J. Jansen");
  await page.getByLabel("E-mailadres voor de factuur").fill("facturen@thuis.example.nl");
  await page.getByLabel(/Inkoopnummer/).fill("7".repeat(2000));
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await page.getByText("Een inkoopnummer of kostenplaats is hoogstens 50 tekens.").waitFor();
  await expect(page.getByLabel("Organisatie die betaalt")).toHaveValue("Woonstichting Thuis");
  await expect(page.getByLabel("Beschrijf je ervaring in de wijk")).toHaveValue(
    "Acht jaar wijkcoach bij een corporatie.",
  );
  await screenshot(page, "1-aanmelden", "werkgever-zonder-js");
  await page.getByLabel(/Inkoopnummer/).fill("KP-4410");
  await page.getByRole("button", { name: "Aanmelding versturen" }).click();
  await page.getByText("Dank je: je aanmelding is binnen.").waitFor();
});
