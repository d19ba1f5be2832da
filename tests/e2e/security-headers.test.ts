// Security headers in a real browser (issue 10): the Content-Security-Policy lets our own scripts (with the nonce)
// hydrate the page, and stops a script that got into the HTML some other way; no page can be framed.
import { it } from "vitest";
import { expect, loggedIn, useServerAndPage } from "../support/e2e";
import { entry } from "../support/indexed";

const e2e = useServerAndPage({ demoSessions: true });

it("runs the app's scripts under the CSP and blocks injected ones", async () => {
  const page = await loggedIn(e2e, "trainer@gilde.test");
  const violations: string[] = [];
  page.on("console", (message) => {
    if (/Content Security Policy/i.test(message.text())) violations.push(message.text());
  });
  const response = await page.goto(`${e2e.server.baseUrl}/beoordelen`);
  const csp = entry(response!.headers(), "content-security-policy");
  expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{20,}'/);
  expect(csp.split("; ").find((d) => d.startsWith("script-src"))).not.toContain("unsafe-inline");
  expect(csp).toContain("frame-ancestors 'none'");
  expect(response!.headers()["x-frame-options"]).toBe("DENY");
  expect(response!.headers()["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(response!.headers()["permissions-policy"]).toContain("camera=()");
  // Served over plain http on localhost: no HSTS (browsers would ignore it anyway).
  expect(response!.headers()["strict-transport-security"]).toBeUndefined();

  // Our scripts ran: Remix hydrated and navigates on the client without a page load.
  await page.waitForFunction(() => (window as unknown as { __remixRouter?: unknown }).__remixRouter !== undefined);
  await page.evaluate(() => ((window as unknown as { marker: number }).marker = 1));
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Community" }).click();
  await page.waitForURL("**/community");
  expect(await page.evaluate(() => (window as unknown as { marker?: number }).marker)).toBe(1);
  expect(violations).toEqual([]);

  // A script that slipped into the page (as stored XSS would) does not run.
  await page.evaluate(() => {
    document.body.insertAdjacentHTML("beforeend", `<img src="/geen-plaatje.png" onerror="window.pwned = 1">`);
    const script = document.createElement("script");
    script.textContent = "window.pwned = 2";
    document.body.append(script);
  });
  // Both are refused, and each refusal is reported: wait for the reports instead of a fixed time.
  await expect.poll(() => violations.length).toBeGreaterThanOrEqual(2);
  expect(await page.evaluate(() => (window as unknown as { pwned?: number }).pwned)).toBeUndefined();
  await page.context().close();
});

it("cannot be shown in a frame on another site", async () => {
  const page = await (await e2e.browser.newContext()).newPage();
  // The page's load event waits for its frame, refused or not.
  await page.setContent(`<iframe id="f" src="${e2e.server.baseUrl}/inloggen" width="400" height="300"></iframe>`, {
    waitUntil: "load",
  });
  const frame = page.frames().find((f) => f !== page.mainFrame());
  // The frame stays empty: the browser refused to render the page inside it.
  const content = await frame?.evaluate(() => document.body?.innerText ?? "").catch(() => "");
  expect(content ?? "").not.toContain("Inloggen");
  await page.context().close();
});
