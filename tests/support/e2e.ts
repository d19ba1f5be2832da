// The frame of an end-to-end test file: a server, a browser, demo accounts signed in by cookie, and Playwright's
// auto-waiting assertions (`await expect(locator).toBeVisible()`), which retry until the page shows what is asked
// or the timeout passes, instead of reading the page once.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect } from "@playwright/test";
import type { Browser, BrowserContextOptions, Page } from "playwright-core";
import { afterAll, afterEach, beforeAll, inject } from "vitest";
import { launchBrowser } from "./browser";
import { prepareDemoDataDir, type DemoSessions } from "./demo-data";
import { startServer, type RunningServer } from "./server";
import { startMailbox, type Mailbox } from "./smtp";

export { expect };

/** A phone's screen (issue 9: participant journeys also at 390×844). */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };

export type E2e = { server: RunningServer; browser: Browser; page: Page; mailbox: Mailbox; sessions?: DemoSessions };

/**
 * For an end-to-end test file: a production server on a fresh data directory and a Chromium page, started
 * before the tests and stopped after them. With `demoSessions`, the data directory is seeded before the server
 * starts (as its first start would), with sessions for the demo accounts that `signIn` and `loggedIn` use;
 * `prepare` then adds the file's own data to it.
 */
export function useServerAndPage(
  options: Parameters<typeof startServer>[0] & {
    mailbox?: boolean;
    demoSessions?: boolean;
    prepare?: () => Promise<void>;
  } = {},
) {
  const state = {} as E2e;
  beforeAll(async () => {
    // With a mailbox, the server sends its mail over SMTP to a server on loopback that the test reads.
    if (options.mailbox) state.mailbox = await startMailbox();
    const env = { ...options.env, ...(state.mailbox ? { SMTP_URL: state.mailbox.url } : {}) };
    const start = async () => {
      if (!options.demoSessions) return startServer({ ...options, env });
      const dataDir = options.dataDir ?? fs.mkdtempSync(path.join(os.tmpdir(), "gilde-e2e-"));
      state.sessions = await prepareDemoDataDir(inject("demoDataTemplate"), dataDir, options.prepare);
      return startServer({ ...options, dataDir, env, prepared: true });
    };
    [state.server, state.browser] = await Promise.all([start(), launchBrowser()]);
    state.page = await (await state.browser.newContext({ locale: "nl-NL" })).newPage();
  });
  // A failing journey leaves a screenshot of every open page, to see what the user saw.
  afterEach(async (context) => {
    if (context.task.result?.state !== "fail" || !state.browser) return;
    const dir = path.resolve("tests/e2e/artifacts/fouten");
    fs.mkdirSync(dir, { recursive: true });
    const pages = state.browser.contexts().flatMap((c) => c.pages());
    const name = context.task.name.replace(/[^\p{L}\p{N}]+/gu, "-").slice(0, 80);
    await Promise.all(
      pages.map((page, i) =>
        page.screenshot({ path: path.join(dir, `${name}-${i + 1}.png`), fullPage: true }).catch(() => undefined),
      ),
    );
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
    await state.mailbox?.close();
  });
  return state;
}

/**
 * Signs the browser context of `page` in as a demo account with a session made before the server started (the
 * cookie a login would set), and opens the dashboard. For every journey that is not about the login screen.
 */
export async function signIn(e2e: E2e, page: Page, email: string): Promise<Page> {
  const token = e2e.sessions?.get(email)?.shift();
  if (!token)
    throw new Error(`Geen sessie meer voor ${email}: start het bestand met useServerAndPage({ demoSessions: true }).`);
  await page
    .context()
    .addCookies([{ name: "gilde_session", value: token, url: e2e.server.baseUrl, httpOnly: true, sameSite: "Lax" }]);
  await page.goto(`${e2e.server.baseUrl}/dashboard`);
  await expect(page).toHaveURL(/\/dashboard$/);
  return page;
}

/**
 * Follows a link of the main menu, opening the menu first where it is folded behind its "Menu" button (on a phone).
 */
export async function followMenu(page: Page, name: string) {
  const menu = page.locator("details.site-menu");
  const folded = await menu.evaluate((details: HTMLDetailsElement) => !details.open);
  const toggle = menu.locator("summary");
  if (folded && (await toggle.isVisible())) await toggle.click();
  await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name, exact: true }).click();
}

/** A fresh browser context (its own cookies) signed in as a demo account, on its dashboard. */
export async function loggedIn(e2e: E2e, email: string, options: BrowserContextOptions = {}): Promise<Page> {
  const page = await (await e2e.browser.newContext({ locale: "nl-NL", ...options })).newPage();
  return signIn(e2e, page, email);
}

/** The path of the confirmation link in the registration mail to `email` (from the test's mailbox). */
export async function confirmationLink(mailbox: Mailbox, email: string): Promise<string> {
  const mail = await mailbox.waitFor(email, "/registreren/bevestigen/");
  const link = mail.text.match(/\/registreren\/bevestigen\/[A-Za-z0-9._-]+/)?.[0];
  if (!link) throw new Error(`Geen bevestigingslink in de mail aan ${email}.`);
  return link;
}
