// Phone-first lists (issue 18): at 390 × 844 every list a participant or alumnus uses is a stack of cards with its
// action in sight, nothing scrolls sideways, headings keep their words whole, and the header is one low row whose
// "Menu" button opens the navigation, with and without JavaScript. The same screens at 1280 px keep their tables
// and the navigation in view.
import type { Page } from "playwright-core";
import { describe, it } from "vitest";
import type { SessionUser } from "~/auth/session.server";
import { publishCase } from "~/community/cases.server";
import { createThread } from "~/community/community.server";
import { db } from "~/db.server";
import { audit, screenshot } from "../support/audit";
import { expect, loggedIn, PHONE, useServerAndPage } from "../support/e2e";
import { acceptedApplicant, createPeerReview, createSubmission } from "../support/factories";
import { expectNoSidewaysScroll, expectWholeWordsInHeadings, expectWithinWidth } from "../support/viewport";

const LONG_TITLE = "Het Peerfeedbackmoment na de Wijkgeschiedenis: hoe pakken jullie dat aan?";
const CASE_TITLE = "Wijkgeschiedenis als begin van een Bewonersinitiatief";
const ids = { thread: "", case: "", review: "", applicantCohort: "" };

/** What the demo data does not hold yet: work to review for deelnemer@, a thread, a case, a seat to pay for. */
async function prepare() {
  const person = (email: string) =>
    db.user.findUniqueOrThrow({ where: { email }, select: { id: true, name: true, email: true, role: true } });
  const [reviewer, author, alumnus] = await Promise.all(
    ["deelnemer@gilde.test", "deelnemer2@gilde.test", "alumnus@gilde.test"].map(person),
  );
  const cohort = await db.cohort.findFirstOrThrow({ where: { name: "Voorjaar 2027" }, select: { id: true } });
  const work = await createSubmission({
    userId: author!.id,
    cohortId: cohort.id,
    assignmentSlug: "wijkgeschiedenis",
    status: "SUBMITTED",
    body: "De Rivierenwijk na de sloop: wat bewoners mij vertelden over het buurthuis.",
  });
  await db.submissionVersion.update({ where: { id: work.version.id }, data: { handedInAt: new Date() } });
  ids.review = (await createPeerReview({ submission: work, reviewerId: reviewer!.id })).id;
  const user = alumnus as SessionUser;
  ids.thread = (
    await createThread(user, {
      title: LONG_TITLE,
      body: "Na het **Peerfeedbackmoment** bleef het stil in onze gilde. Herkent iemand dat?",
      themes: ["vertrouwen"],
      tags: "peerfeedback, gildewerk",
    })
  ).id;
  ids.case = (
    await publishCase(user, {
      title: CASE_TITLE,
      situation: "Een wijk waar bewoners elkaar na de sloop niet meer kenden.",
      residents: "Bewoners haalden verhalen op bij de oudste buren.",
      role: "Ik bracht de verhalen samen in het buurthuis.",
      result: "Een tentoonstelling en een nieuw bewonersinitiatief.",
      learned: "Begin bij wat bewoners al weten.",
      municipality: "Utrecht",
      wijk: "Rivierenwijk",
      themes: ["bewonersambities"],
      namesToStrip: "",
      consent: true,
    })
  ).id;
  // The demo data lists the alumnus in "Wie is wie" already; the list must hold someone either way.
  const entry = { region: "Utrecht", organisation: "Buurtteam Zuid", themes: ["vertrouwen"] };
  await db.directoryEntry.upsert({
    where: { userId: alumnus!.id },
    create: { userId: alumnus!.id, ...entry },
    update: {},
  });
  const applicant = await acceptedApplicant({ name: "Anouk Toegelaten" });
  await db.payment.create({
    data: {
      enrollmentId: applicant.enrollment.id,
      kind: "CHECKOUT",
      amountCents: 249500,
      checkoutSessionId: "cs_demo_a1b2c3d4e5f6g7h8i9j0k1l2m3n4o5p6q7r8s9t0",
    },
  });
  ids.applicantCohort = applicant.cohort.id;
}

const e2e = useServerAndPage({ demoSessions: true, prepare });

// One browser context per account and screen: the demo data holds a few sessions per account, not one per test.
const contexts = new Map<string, Promise<Page>>();
function pageFor(email: string, size: "telefoon" | "laptop", javaScript = true) {
  const key = `${email} ${size} ${javaScript}`;
  const options = size === "telefoon" ? PHONE : { viewport: { width: 1280, height: 900 } };
  if (!contexts.has(key)) contexts.set(key, loggedIn(e2e, email, { ...options, javaScriptEnabled: javaScript }));
  return contexts.get(key)!;
}

/** The header is one low row; its "Menu" button opens the navigation and says whether it is open. */
async function expectCompactHeader(page: Page) {
  const header = page.locator("header.site-header");
  const height = (await header.boundingBox())?.height ?? Infinity;
  expect(height, "hoogte van de kop").toBeLessThanOrEqual(72);
  const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
  await expect(menu).toBeHidden();
  expect(await expandedState(page)).toBe(false);
  await header.getByText("Menu", { exact: true }).click();
  await expect(menu.getByRole("link", { name: "Community" })).toBeVisible();
  await expectWithinWidth(menu.getByRole("link", { name: "Community" }));
  expect(await expandedState(page)).toBe(true);
}

/** What the browser tells a screen reader about the menu button: expanded or not. */
async function expandedState(page: Page): Promise<boolean> {
  const cdp = await page.context().newCDPSession(page);
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: ".site-menu > summary" });
  const { nodes } = await cdp.send("Accessibility.getPartialAXTree", { nodeId, fetchRelatives: false });
  await cdp.detach();
  const expanded = nodes[0]?.properties?.find((p) => p.name === "expanded");
  return expanded?.value.value === true;
}

/** Each list, who has it, and its key action (a link or button that must be in sight on the phone). */
const LISTS = [
  {
    name: "opdrachten",
    email: "deelnemer@gilde.test",
    path: () => "/opdrachten",
    action: "De geschiedenis van je wijk",
  },
  { name: "gilde", email: "deelnemer@gilde.test", path: () => "/gilde", action: "Feedback geven" },
  {
    name: "feedback",
    email: "deelnemer@gilde.test",
    path: () => `/gilde/feedback/${ids.review}`,
    action: "Feedback indienen",
  },
  { name: "community", email: "alumnus@gilde.test", path: () => "/community", action: LONG_TITLE },
  { name: "onderwerp", email: "alumnus@gilde.test", path: () => `/community/${ids.thread}`, action: "Plaatsen" },
  { name: "mensen", email: "alumnus@gilde.test", path: () => "/community/mensen", action: "Tonen" },
  { name: "praktijk", email: "alumnus@gilde.test", path: () => "/praktijk", action: CASE_TITLE },
  { name: "praktijkvoorbeeld", email: "alumnus@gilde.test", path: () => `/praktijk/${ids.case}`, action: "Intrekken" },
  {
    name: "aanmeldingen",
    email: "beheer@gilde.test",
    path: () => `/beoordelen/aanmeldingen/${ids.applicantCohort}`,
    action: "Betaling geregeld",
  },
];

describe("at 390 × 844", () => {
  for (const list of LISTS)
    it(`shows ${list.name} as cards with the action in sight and a compact header`, async () => {
      const page = await pageFor(list.email, "telefoon");
      await page.goto(e2e.server.baseUrl + list.path());
      await expectNoSidewaysScroll(page);
      await expectWithinWidth(
        page
          .locator("main")
          .getByRole("link", { name: list.action })
          .or(page.locator("main").getByRole("button", { name: list.action }))
          .first(),
      );
      await expectWholeWordsInHeadings(page);
      await audit(page, "telefoon-lijsten", list.name);
      await expectCompactHeader(page);
      await screenshot(page, "telefoon-lijsten", `${list.name}-menu`);
    });

  it("turns a table row into a card whose cells carry their column titles", async () => {
    const page = await pageFor("deelnemer@gilde.test", "telefoon");
    await page.goto(`${e2e.server.baseUrl}/gilde`);
    // The first review still to give, whichever assignment the demo has it for.
    const row = page
      .getByRole("region", { name: "Feedback die jij geeft" })
      .getByRole("row")
      .filter({ has: page.getByRole("link", { name: "Feedback geven" }) })
      .first();
    await expect(row).toContainText("Nog te doen");
    const label = await row
      .locator("td[data-label='Uiterlijk']")
      .evaluate((td) => getComputedStyle(td, "::before").content);
    expect(label).toContain("Uiterlijk");
    const action = row.getByRole("link", { name: "Feedback geven" });
    const [rowBox, actionBox] = [await row.boundingBox(), await action.boundingBox()];
    // The action is a full-width button at the bottom of the card.
    expect(actionBox!.width).toBeGreaterThan(rowBox!.width * 0.8);
    expect(actionBox!.y).toBeGreaterThan(rowBox!.y + rowBox!.height / 2);
  });

  it("opens the menu without JavaScript too", async () => {
    const page = await pageFor("deelnemer@gilde.test", "telefoon", false);
    await page.goto(`${e2e.server.baseUrl}/opdrachten`);
    await expectNoSidewaysScroll(page);
    await expectCompactHeader(page);
    await page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Mijn gilde" }).click();
    await page.waitForURL("**/gilde");
    await screenshot(page, "telefoon-lijsten", "zonder-javascript-gilde");
  });

  it("closes the menu after following one of its links, and with Escape", async () => {
    const page = await pageFor("deelnemer@gilde.test", "telefoon");
    await page.goto(`${e2e.server.baseUrl}/dashboard`);
    const menu = page.getByRole("navigation", { name: "Hoofdmenu" });
    await page.locator("header").getByText("Menu", { exact: true }).click();
    await menu.getByRole("link", { name: "Opdrachten" }).click();
    await page.getByRole("heading", { level: 1, name: "Opdrachten" }).waitFor();
    await expect(menu).toBeHidden();
    await page.locator("header").getByText("Menu", { exact: true }).click();
    await expect(menu).toBeVisible();
    await page.keyboard.press("Escape");
    await expect(menu).toBeHidden();
    expect(await page.evaluate(() => document.activeElement?.textContent?.trim())).toBe("Menu");
  });
});

describe("at 1280 px", () => {
  for (const list of LISTS)
    it(`keeps ${list.name} with the navigation in view`, async () => {
      const page = await pageFor(list.email, "laptop");
      await page.goto(e2e.server.baseUrl + list.path());
      await expect(page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link").first()).toBeVisible();
      await expect(page.locator("header").getByText("Menu", { exact: true })).toBeHidden();
      await expectNoSidewaysScroll(page);
      await audit(page, "laptop-lijsten", list.name);
    });

  it("shows the navigation without JavaScript", async () => {
    const page = await pageFor("deelnemer@gilde.test", "laptop", false);
    await page.goto(`${e2e.server.baseUrl}/gilde`);
    await expect(
      page.getByRole("navigation", { name: "Hoofdmenu" }).getByRole("link", { name: "Opdrachten" }),
    ).toBeVisible();
    await expect(page.getByRole("table")).toBeVisible();
    await expect(page.getByRole("columnheader", { name: "Uiterlijk" })).toBeVisible();
  });
});
