// Chromium from Debian through playwright-core (never a downloaded browser), with the flags this machine needs.
import { chromium, type Browser, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { startServer, type RunningServer } from "./server";

export async function launchBrowser(): Promise<Browser> {
  // playwright gives every launch a fresh, temporary profile (the --user-data-dir DESIGN.md asks for).
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/**
 * For an end-to-end test file: a production server on a fresh data directory and a Chromium page, started
 * before the tests and stopped after them.
 */
export function useServerAndPage(options: Parameters<typeof startServer>[0] = {}) {
  const state = {} as { server: RunningServer; browser: Browser; page: Page };
  beforeAll(async () => {
    [state.server, state.browser] = await Promise.all([startServer(options), launchBrowser()]);
    state.page = await state.browser.newPage({ locale: "nl-NL" });
  });
  afterAll(async () => {
    await state.browser?.close();
    await state.server?.stop();
  });
  return state;
}
