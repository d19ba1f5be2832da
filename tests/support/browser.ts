// Chromium from Debian through playwright-core (never a downloaded browser), with the flags this machine needs.
// Debian's headless shell (package chromium-headless-shell, the same Blink without the browser's window parts) where
// it is installed, as Playwright itself prefers for headless runs: it takes about half the CPU of the full browser,
// measured on two journeys. CHROMIUM_PATH names another.
import fs from "node:fs";
import { chromium, type Browser } from "playwright-core";

const HEADLESS_SHELL = "/usr/bin/chromium-headless-shell";

export async function launchBrowser(): Promise<Browser> {
  // playwright gives every launch a fresh, temporary profile (the --user-data-dir DESIGN.md asks for).
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? (fs.existsSync(HEADLESS_SHELL) ? HEADLESS_SHELL : "/usr/bin/chromium"),
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
