// A participant describes their wijk, writes an assignment (saved while typing), reloads, attaches a PDF and
// hands in: in Chromium, against the production server.
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, followMenu, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

const SIZES = [
  { name: "laptop", email: "deelnemer2@gilde.test", options: {} },
  { name: "telefoon", email: "deelnemer8@gilde.test", options: PHONE },
];

for (const size of SIZES)
  it(`fills in the wijkprofiel, writes a draft, reloads, attaches a PDF and hands in (${size.name})`, async () => {
    const page = await loggedIn(e2e, size.email, size.options);

    await followMenu(page, "Mijn wijk");
    await page.getByLabel("Naam van de wijk of buurt").fill("Oosterparkwijk");
    await page.getByLabel("Gemeente").fill("Groningen");
    await page.getByLabel("Ongeveer hoeveel woningen").fill("520");
    await page.getByLabel("Jouw rol in de wijk").fill("Opbouwwerker");
    await page.getByRole("button", { name: "Wijkprofiel opslaan" }).click();
    await page.getByText("Opgeslagen als versie 1.").waitFor();
    await audit(page, `2-deelnemer-${size.name}`, "wijkprofiel");

    await followMenu(page, "Opdrachten");
    await page.waitForURL("**/opdrachten");
    await page.getByRole("table").getByRole("link").first().click();
    await page.getByRole("heading", { name: "Mijn wijk" }).waitFor();
    await page.getByText("Oosterparkwijk").first().waitFor();

    const editor = page.getByLabel("Je uitwerking (Markdown)");
    await editor.fill("## De geschiedenis van de Oosterparkwijk\n\nWat bewoners mij vertelden over de jaren zeventig.");
    await page.getByText(/Concept opgeslagen om/).waitFor();
    // The button, too, says it worked (post/redirect/get with a flash), not only the autosave.
    await editor.fill(
      "## De geschiedenis van de Oosterparkwijk\n\nWat bewoners mij vertelden over de jaren zeventig en tachtig.",
    );
    await page.getByRole("button", { name: "Concept opslaan" }).click();
    await expect(page.locator(".notice--flash")).toHaveText("Je concept is opgeslagen.");

    await page.reload();
    await expect(page.getByLabel("Je uitwerking (Markdown)")).toHaveValue(/Wat bewoners mij vertelden/);

    await page.getByRole("button", { name: "Voorbeeld" }).click();
    await page.locator(".editor__preview h2", { hasText: "De geschiedenis van de Oosterparkwijk" }).waitFor();
    await page.getByRole("button", { name: "Schrijven" }).click();

    await page.getByLabel("Bestanden toevoegen").setInputFiles({
      name: "tijdlijn.pdf",
      mimeType: "application/pdf",
      buffer: Buffer.from("%PDF-1.4\n1 0 obj << >> endobj\ntrailer << >>\n%%EOF\n"),
    });
    await page.getByRole("button", { name: "Bestand toevoegen" }).click();
    await page.getByText("Het bestand is toegevoegd.").waitFor();
    await page.getByRole("link", { name: "tijdlijn.pdf" }).waitFor();
    await audit(page, `2-deelnemer-${size.name}`, "opdracht-met-bijlage");

    await page.getByRole("button", { name: "Inleveren", exact: true }).click();
    const ask = page.getByRole("dialog", { name: "Inleveren?" });
    await ask.getByText("tijdlijn.pdf").waitFor();
    await ask.getByRole("button", { name: "Toch inleveren" }).click();
    await page.getByText(/Ingeleverd \(versie 1\)/).waitFor();
    const versions = page.locator("section", { has: page.getByRole("heading", { name: "Ingeleverde versies" }) });
    await versions.getByText("Wat bewoners mij vertelden").waitFor();
    await versions.getByRole("link", { name: "tijdlijn.pdf" }).waitFor();
    await versions.getByText("bij wijkprofiel versie 1 (Oosterparkwijk)").waitFor();
    await audit(page, `2-deelnemer-${size.name}`, "ingeleverd");
  });
