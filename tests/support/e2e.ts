// The frame of an end-to-end test file.
import type { Browser, BrowserContextOptions, Page } from "playwright-core";

/** A phone's screen (issue 9: participant journeys also at 390×844). */
export const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, isMobile: true, hasTouch: true };
import fs from "node:fs";
import path from "node:path";
import { afterAll, afterEach, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { startServer, type RunningServer } from "./server";
import { startMailbox, type Mailbox } from "./smtp";

/**
 * For an end-to-end test file: a production server on a fresh data directory and a Chromium page, started
 * before the tests and stopped after them.
 */
export function useServerAndPage(options: Parameters<typeof startServer>[0] & { mailbox?: boolean } = {}) {
  const state = {} as { server: RunningServer; browser: Browser; page: Page; mailbox: Mailbox };
  beforeAll(async () => {
    // With a mailbox, the server sends its mail over SMTP to a server on loopback that the test reads.
    if (options.mailbox) state.mailbox = await startMailbox();
    const env = { ...options.env, ...(state.mailbox ? { SMTP_URL: state.mailbox.url } : {}) };
    [state.server, state.browser] = await Promise.all([startServer({ ...options, env }), launchBrowser()]);
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

/** A fresh browser context (its own cookies) logged in as a demo account, on its dashboard. */
export async function loggedIn(
  browser: Browser,
  baseUrl: string,
  email: string,
  options: BrowserContextOptions = {},
  password = "gilde-demo-2027",
): Promise<Page> {
  const page = await (await browser.newContext({ locale: "nl-NL", ...options })).newPage();
  await page.goto(`${baseUrl}/inloggen`);
  await page.getByLabel("E-mailadres").fill(email);
  await page.getByLabel("Wachtwoord").fill(password);
  await page.getByRole("button", { name: "Inloggen" }).click();
  await page.waitForURL("**/dashboard");
  return page;
}

/** The path of the confirmation link in the registration mail to `email` (from the test's mailbox). */
export async function confirmationLink(mailbox: Mailbox, email: string): Promise<string> {
  const mail = await mailbox.waitFor(email, "/registreren/bevestigen/");
  const link = mail.text.match(/\/registreren\/bevestigen\/[A-Za-z0-9._-]+/)?.[0];
  if (!link) throw new Error(`Geen bevestigingslink in de mail aan ${email}.`);
  return link;
}
