// A visitor registers (through the link mailed to them), logs out, makes a typo logging in, logs in, and logs out: in Chromium, against the
// production server started the way `npm start` starts it.
import { it } from "vitest";
import { confirmationLink, expect, useServerAndPage } from "../support/e2e";
import { startServer } from "../support/server";

const e2e = useServerAndPage({ mailbox: true });

it("prints the address and the demo accounts at start", () => {
  expect(e2e.server.output()).toContain(e2e.server.baseUrl);
  expect(e2e.server.output()).toContain("deelnemer@gilde.test");
  expect(e2e.server.output()).toContain("gilde-demo-2027");
});

it("registers, logs out, logs in and logs out again", async () => {
  const email = `e2e-${Date.now()}@voorbeeld.nl`;
  await e2e.page.goto(e2e.server.baseUrl);
  await expect(e2e.page.getByRole("heading", { level: 1 })).toHaveText(/\S/);
  await e2e.page.getByRole("main").getByRole("link", { name: "Account aanmaken" }).click();
  await e2e.page.waitForURL("**/registreren");

  await e2e.page.getByLabel("Naam").fill("Esther Engelen");
  await e2e.page.getByLabel("E-mailadres").fill(email);
  await e2e.page.getByLabel("Wachtwoord").fill("kort");
  await e2e.page.getByRole("button", { name: /account aanmaken/i }).click();
  await e2e.page.getByText("Kies een wachtwoord van minstens 10 tekens.").waitFor();
  await expect(e2e.page.getByLabel("E-mailadres")).toHaveValue(email);

  await e2e.page.getByLabel("Wachtwoord").fill("buurten-bouwen-samen");
  await e2e.page.getByRole("button", { name: /account aanmaken/i }).click();
  await e2e.page.getByRole("heading", { name: "Kijk in je mail" }).waitFor();
  await e2e.page.getByText(email).waitFor();

  await e2e.page.goto(e2e.server.baseUrl + (await confirmationLink(e2e.mailbox, email)));
  await e2e.page.getByRole("heading", { name: "Welkom, Esther Engelen" }).waitFor();
  await e2e.page.getByRole("button", { name: "Account maken en inloggen" }).click();
  await e2e.page.waitForURL("**/dashboard");
  await e2e.page.getByRole("heading", { name: "Mijn aanmelding" }).waitFor();
  await e2e.page.getByText("Welkom, Esther.").waitFor();

  await e2e.page.getByRole("button", { name: "Uitloggen" }).click();
  await e2e.page.waitForURL(e2e.server.baseUrl + "/");
  await e2e.page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Inloggen" }).waitFor();

  await e2e.page.goto(`${e2e.server.baseUrl}/dashboard`);
  await e2e.page.waitForURL("**/inloggen?redirectTo=%2Fdashboard");
  await e2e.page.getByLabel("E-mailadres").fill(email);
  await e2e.page.getByLabel("Wachtwoord").fill("verkeerd-wachtwoord");
  await e2e.page.getByRole("button", { name: "Inloggen" }).click();
  await e2e.page.getByRole("alert").filter({ hasText: "horen niet bij elkaar" }).waitFor();
  await expect(e2e.page.getByLabel("E-mailadres")).toHaveValue(email);
  await expect(e2e.page.getByLabel("Wachtwoord")).toHaveValue("");

  await e2e.page.getByLabel("Wachtwoord").fill("buurten-bouwen-samen");
  await e2e.page.getByRole("button", { name: "Inloggen" }).click();
  await e2e.page.waitForURL("**/dashboard");
  await e2e.page.getByRole("heading", { name: "Mijn aanmelding" }).waitFor();
  await e2e.page.getByText("Welkom, Esther.").waitFor();

  await e2e.page.getByRole("button", { name: "Uitloggen" }).click();
  await e2e.page.waitForURL(e2e.server.baseUrl + "/");
  await e2e.page.goto(`${e2e.server.baseUrl}/dashboard`);
  await e2e.page.waitForURL("**/inloggen**");
});

it("refuses a second server on the same data directory with a clear message", async () => {
  await expect(startServer({ dataDir: e2e.server.dataDir })).rejects.toThrow(/al in gebruik door een ander proces/);
});
