// Issue 22 in Chromium, on a phone: the trainer opens today's contact day of the demo data from the agenda, marks
// people present, late and excused (with a reason), corrects one and sees the history with who and when; a
// participant answers "ik kan niet" for tomorrow's day, is asked for a reason, then says "ik kom". Axe on each screen.
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";
import { expectNoSidewaysScroll } from "../support/viewport";

const e2e = useServerAndPage({ demoSessions: true });

it("the trainer takes attendance on a phone and corrects a mark", async () => {
  const page = await loggedIn(e2e, "trainer@gilde.test", PHONE);
  await page.goto(`${e2e.server.baseUrl}/agenda`);
  const today = page.getByRole("listitem").filter({ hasText: "Contactdag: Intervisie: casussen uit je wijk" });
  await today.getByRole("link", { name: "Aanwezigheid opnemen" }).click();
  await page.getByRole("heading", { level: 1, name: "Aanwezigheid: Intervisie: casussen uit je wijk" }).waitFor();
  await expect(page.getByText("0 van 8 opgenomen.")).toBeVisible();
  await audit(page, "aanwezigheid", "lijst-telefoon");

  const card = (name: string) => page.getByRole("listitem").filter({ has: page.getByRole("heading", { name }) });
  const dewi = card("Dewi de Vries");
  await dewi.getByRole("button", { name: "Aanwezig" }).click();
  await page.getByText("Dewi de Vries: aanwezig.").waitFor();
  await expect(dewi.getByText("Nu: Aanwezig")).toBeVisible();
  await expect(dewi.getByRole("button", { name: "Aanwezig" })).toHaveAttribute("aria-pressed", "true");

  const fatma = card("Fatma Yilmaz");
  await fatma.getByRole("button", { name: "Te laat" }).click();
  await page.getByText("Fatma Yilmaz: te laat.").waitFor();

  // Excused without a reason: asked for it at the field, nothing saved; with the reason it is kept.
  const joost = card("Joost van Dijk");
  await joost.getByRole("button", { name: "Afgemeld" }).click();
  await joost.getByText("Vul de reden van de afmelding in.").waitFor();
  await expect(joost.getByText("Nu: nog niet opgenomen")).toBeVisible();
  await joost.getByLabel("Reden (bij afwezig of afgemeld)").fill("Ziek thuis");
  await joost.getByRole("button", { name: "Afgemeld" }).click();
  await page.getByText("Joost van Dijk: afgemeld.").waitFor();
  await expect(joost.getByText("Nu: Afgemeld (Ziek thuis)")).toBeVisible();
  // Back at the card just marked, not at the top of a long list.
  await expect(joost).toBeInViewport();

  // Fatma turns out to have been on time: a correction, with the earlier mark kept.
  await fatma.getByRole("button", { name: "Aanwezig" }).click();
  await page.getByText("Gecorrigeerd: Fatma Yilmaz is aanwezig.").waitFor();
  await fatma.getByText("Eerder ingevuld (2)").click();
  await expect(fatma.getByText(/^Te laat — Tom Trainer, /)).toBeVisible();
  await expect(fatma.getByText(/^Aanwezig — Tom Trainer, /)).toBeVisible();
  await expect(page.getByText("3 van 8 opgenomen.")).toBeVisible();
  await expectNoSidewaysScroll(page);
  await audit(page, "aanwezigheid", "gecorrigeerd-telefoon");
});

it("the participant answers for tomorrow's contact day on /agenda", async () => {
  const page = await loggedIn(e2e, "deelnemer@gilde.test", PHONE);
  await page.goto(`${e2e.server.baseUrl}/agenda`);
  const tomorrow = page
    .getByRole("listitem")
    .filter({ hasText: "Contactdag: Leefwereld en systeemwereld in de praktijk" });
  await tomorrow.getByRole("group", { name: "Kom je?" }).waitFor();
  await audit(page, "aanwezigheid", "agenda-deelnemer-telefoon");

  await tomorrow.getByLabel("Ik kan niet").check();
  await tomorrow.getByRole("button", { name: "Antwoord opslaan" }).click();
  await tomorrow.getByText("Schrijf kort waarom je niet kunt, zodat je trainer het weet.").waitFor();
  await expect(tomorrow.getByLabel("Ik kan niet")).toBeChecked();

  await tomorrow.getByLabel("Ik kom").check();
  await tomorrow.getByRole("button", { name: "Antwoord opslaan" }).click();
  await page.getByText("Genoteerd: je komt. Tot dan!").waitFor();
  await expect(tomorrow.getByText("Je antwoord: ik kom.", { exact: false })).toBeVisible();
  await expect(tomorrow.getByLabel("Ik kom")).toBeChecked();
  await expectNoSidewaysScroll(page);
  await audit(page, "aanwezigheid", "agenda-geantwoord-telefoon");
});
