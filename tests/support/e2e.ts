// The frame of an end-to-end test file.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { launchBrowser } from "./browser";
import { startServer, type RunningServer } from "./server";

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
