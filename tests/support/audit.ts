// What every key screen of a journey must pass (issue 9): axe-core with no serious or critical violations of
// the WCAG 2.1 A and AA rules, no English UI words leaking into Dutch screens, and a screenshot kept under
// tests/e2e/artifacts/ (git-ignored) for a reviewer.
import fs from "node:fs";
import path from "node:path";
import { AxeBuilder } from "@axe-core/playwright";
import type { Page } from "playwright-core";
import { expect } from "vitest";

const ARTIFACTS = path.resolve("tests/e2e/artifacts");

/** Common English interface words that must not show up on a Dutch screen (matched as whole words). */
const ENGLISH = [
  "Submit",
  "Save",
  "Cancel",
  "Delete",
  "Loading",
  "Error",
  "Login",
  "Logout",
  "Sign in",
  "Sign up",
  "Password",
  "Email address",
  "Search",
  "Next",
  "Previous",
  "Back",
  "Settings",
  "Dashboard",
  "Welcome",
  "Required",
  "Invalid",
  "Not found",
  "Something went wrong",
  "Click here",
  "Read more",
  "Page",
];

export async function screenshot(page: Page, journey: string, name: string) {
  // CI keeps no artifacts: `.ci/run` turns the screenshots off, which saves a full-page render per screen.
  if (process.env.GILDE_E2E_SCREENSHOTS === "off") return;
  fs.mkdirSync(path.join(ARTIFACTS, journey), { recursive: true });
  await page.screenshot({ path: path.join(ARTIFACTS, journey, `${name}.png`), fullPage: true });
}

/** Checks a screen: accessibility, Dutch only, no horizontal scrolling; and keeps a screenshot. */
export async function audit(page: Page, journey: string, name: string) {
  await screenshot(page, journey, name);
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(
    serious.map(
      (v) =>
        `${v.id}: ${v.help} (${v.nodes
          .map((n) => n.target.join(" "))
          .slice(0, 3)
          .join("; ")})`,
    ),
    `${journey}/${name}`,
  ).toEqual([]);
  const text = await page.locator("body").innerText();
  const leaks = ENGLISH.filter((word) => new RegExp(`(^|[^\\p{L}])${word}([^\\p{L}]|$)`, "u").test(text));
  expect(leaks, `${journey}/${name}: Engelse woorden`).toEqual([]);
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
  );
  expect(overflow, `${journey}/${name}: horizontaal scrollen`).toBeLessThanOrEqual(0);
}
