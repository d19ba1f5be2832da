// Chromium from Debian through playwright-core (never a downloaded browser), with the flags this machine needs.
import { chromium, type Browser } from "playwright-core";

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
