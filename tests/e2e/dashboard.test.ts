// Issue 18: every role's start page is a to-do list on the demo data, at laptop and phone size, with links that
// lead to the place where the thing is done; the applicant gets "Mijn aanmelding".
import { it } from "vitest";
import { audit } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";

const e2e = useServerAndPage({ demoSessions: true });

// The demo cohort has a contact day today at 08.30 UTC and one tomorrow (prisma/seed-calendar.ts): the start page
// names the next one that has not begun, so which one depends on the hour the journey runs.
const now = new Date();
const todayHasBegun = now.getUTCHours() * 60 + now.getUTCMinutes() >= 8 * 60 + 30;
const nextContactDay = todayHasBegun
  ? "Leefwereld en systeemwereld in de praktijk"
  : "Intervisie: casussen uit je wijk";

const ROLES = [
  { email: "deelnemer@gilde.test", name: "deelnemer", first: new RegExp(`^Contactdag: ${nextContactDay}$`) },
  { email: "trainer@gilde.test", name: "trainer", first: / loopt vast$/ },
  { email: "beheer@gilde.test", name: "beheerder", first: /^Factuur van .* is niet betaald$/ },
  { email: "alumnus@gilde.test", name: "alumnus", first: /nieuwe reacties in/ },
] as const;

it("shows each role what to do, most urgent first, at 1280 and at 390 pixels", async () => {
  for (const role of ROLES) {
    for (const [size, options] of [
      ["laptop", { viewport: { width: 1280, height: 900 } }],
      ["telefoon", PHONE],
    ] as const) {
      const page = await loggedIn(e2e, role.email, options);
      await page.goto(`${e2e.server.baseUrl}/dashboard`);
      const list = page.getByRole("region", { name: "Te doen" });
      await expect(list.getByRole("heading", { level: 1, name: "Te doen" })).toBeVisible();
      await expect(list.getByRole("listitem").first().getByRole("link")).toHaveText(role.first);
      await audit(page, "te-doen", `${role.name}-${size}`);
      await page.context().close();
    }
  }
});

it("leads from a line to the place where it is done", async () => {
  const participant = await loggedIn(e2e, "deelnemer@gilde.test");
  await participant.goto(`${e2e.server.baseUrl}/dashboard`);
  await participant.getByRole("link", { name: "Feedback geven op Eén vraagstuk, twee werelden" }).click();
  await participant.waitForURL("**/gilde/feedback/*");
  await expect(participant.getByRole("button", { name: "Feedback indienen" })).toBeVisible();

  // The grade was news until Dewi opened it.
  await participant.goto(`${e2e.server.baseUrl}/dashboard`);
  await participant.getByRole("link", { name: /^Beoordeling van De geschiedenis van je wijk/ }).click();
  await participant.waitForURL("**/opdrachten/wijkgeschiedenis");
  await participant.goto(`${e2e.server.baseUrl}/dashboard`);
  await expect(participant.getByRole("link", { name: /^Beoordeling van De geschiedenis van je wijk/ })).toHaveCount(0);
});

it("gives an applicant 'Mijn aanmelding' and a menu without closed doors", async () => {
  for (const [size, options] of [
    ["laptop", { viewport: { width: 1280, height: 900 } }],
    ["telefoon", PHONE],
  ] as const) {
    const page = await loggedIn(e2e, "aanmelder@gilde.test", options);
    await page.goto(`${e2e.server.baseUrl}/dashboard`);
    await expect(page.getByRole("heading", { level: 1, name: "Mijn aanmelding" })).toBeVisible();
    await expect(page.getByText("Je aanmelding is binnen.")).toBeVisible();
    const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
    await expect(menu.getByRole("link", { name: "Opdrachten" })).toHaveCount(0);
    await expect(menu.getByRole("link", { name: "Community" })).toHaveCount(0);
    await audit(page, "te-doen", `aanmelder-${size}`);
    await page.context().close();
  }
});
