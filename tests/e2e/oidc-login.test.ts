// Logging in with eduID in Chromium against the production server and a fake provider on loopback (issue 25): the
// buttons on /inloggen on a laptop and a phone, a refused consent told in Dutch beside them, and the linking page
// that asks Dewi's password before her eduID is linked; every screen through axe and the Dutch-only check.
import { beforeAll, afterAll, it } from "vitest";
import { expect, PHONE, useServerAndPage } from "../support/e2e";
import { audit } from "../support/audit";
import { startFakeOidcProvider, type FakeOidcProvider } from "../support/fake-oidc-provider";
import { freePort } from "../support/server";
import { expectNoSidewaysScroll } from "../support/viewport";

// The server reads the provider's address at start; the provider needs the server's address for its redirect URI.
// So its port is chosen first, and it starts once the server runs (Gilde asks it only when someone logs in).
const env: Record<string, string> = {};
let fake: FakeOidcProvider;
beforeAll(async () => {
  const port = await freePort();
  Object.assign(env, {
    EDUID_ISSUER: `http://127.0.0.1:${port}`,
    EDUID_CLIENT_ID: "gilde-e2e",
    EDUID_CLIENT_SECRET: "geheim-e2e",
  });
});
// Demo data from the run's template (tests/support/demo-data.ts): the first start with seeding is the account journey's.
const e2e = useServerAndPage({ env, demoSessions: true });
beforeAll(async () => {
  fake = await startFakeOidcProvider({
    port: Number(new URL(env.EDUID_ISSUER!).port),
    clientId: "gilde-e2e",
    clientSecret: "geheim-e2e",
    redirectUris: [`${e2e.server.baseUrl}/inloggen/eduid/terug`],
  });
  fake.accounts.set("sub-dewi", { email: "deelnemer@gilde.test", email_verified: true, given_name: "Dewi" });
});
afterAll(() => fake?.close());

it("shows the eduID button, and says in Dutch beside it that consent was refused (laptop and phone)", async () => {
  for (const [name, options] of [
    ["laptop", { viewport: { width: 1280, height: 900 } }],
    ["telefoon", PHONE],
  ] as const) {
    const context = await e2e.browser.newContext({ locale: "nl-NL", ...options });
    const page = await context.newPage();
    await page.goto(`${e2e.server.baseUrl}/inloggen`);
    const button = page.getByRole("link", { name: "Inloggen met eduID" });
    await expect(button).toBeVisible();
    await expect(page.getByRole("link", { name: "Inloggen met SURFconext" })).toHaveCount(0);
    await audit(page, "oidc", `inloggen-${name}`);
    await expectNoSidewaysScroll(page);
    // The fake refuses a browser that comes by itself: as if the person pressed "Weigeren".
    await button.click();
    await page.waitForURL(/fout=geweigerd/);
    await expect(page.getByRole("alert")).toContainText("geen toestemming gegeven");
    await audit(page, "oidc", `geweigerd-${name}`);
    await context.close();
  }
});

it("asks the password of the account with the same address before linking eduID", async () => {
  const context = await e2e.browser.newContext({ locale: "nl-NL", ...PHONE });
  const page = await context.newPage();
  // The trip to the provider and back, played by the fake; the attempt cookie handed to the browser.
  const start = await fetch(`${e2e.server.baseUrl}/inloggen/eduid`, { redirect: "manual" });
  const [name = "", value = ""] = (start.headers.getSetCookie()[0] ?? "").split(";")[0]!.split("=");
  await context.addCookies([{ name, value, url: e2e.server.baseUrl }]);
  const callback = await fake.authorize(start.headers.get("location")!, { subject: "sub-dewi" });
  await page.goto(callback.href);
  await page.waitForURL("**/inloggen/koppelen");
  await expect(page.getByRole("heading", { name: "Koppel eduID aan je account" })).toBeVisible();
  await audit(page, "oidc", "koppelen");
  await page.getByLabel("Wachtwoord van je Gilde-account").fill("niet-het-goede");
  await page.getByRole("button", { name: "Koppelen en inloggen" }).click();
  await expect(page.getByText("horen niet bij elkaar")).toBeVisible();
  await page.getByLabel("Wachtwoord van je Gilde-account").fill("gilde-demo-2027");
  await page.getByRole("button", { name: "Koppelen en inloggen" }).click();
  await page.waitForURL("**/dashboard");
  await page.goto(`${e2e.server.baseUrl}/account`);
  await expect(page.getByText("eduID is gekoppeld")).toBeVisible();
  await expect(page.getByRole("button", { name: "Ontkoppel eduID" })).toBeVisible();
  await audit(page, "oidc", "account");
  await context.close();
});
