// What "fits the phone" means in the end-to-end tests (issue 18): nothing scrolls sideways, neither the page nor a
// box inside it; an action lies within the screen's width; a heading never breaks inside a word.
import type { Locator, Page } from "playwright-core";
import { expect } from "vitest";

/**
 * The page does not scroll sideways, and no element inside it does either (a table in a scrolling box, a card
 * that clips its content): every element that scrolls or clips horizontally holds content no wider than itself.
 */
export async function expectNoSidewaysScroll(page: Page) {
  const found = await page.evaluate(() => {
    const describe = (el: Element) =>
      `${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ""}${[...el.classList].map((c) => `.${c}`).join("")}`;
    const page = document.scrollingElement ?? document.documentElement;
    const boxes = [...document.querySelectorAll("body *")].filter((el) => {
      if (!(el instanceof HTMLElement) || el.matches("input, textarea, select")) return false;
      const style = getComputedStyle(el);
      if (!["auto", "scroll", "hidden"].includes(style.overflowX)) return false;
      // Text kept for screen readers only (a 1 px box) clips on purpose.
      if (el.clientWidth <= 1) return false;
      return el.scrollWidth > el.clientWidth + 1;
    });
    return {
      page: { scrollWidth: page.scrollWidth, innerWidth: window.innerWidth },
      boxes: boxes.map((el) => `${describe(el)}: ${el.scrollWidth} > ${el.clientWidth}`),
    };
  });
  expect(found.page.scrollWidth, "de pagina scrolt zijwaarts").toBeLessThanOrEqual(found.page.innerWidth);
  expect(found.boxes, "vakken die zijwaarts scrollen").toEqual([]);
}

/** The element lies within the width of the screen (it can be reached without scrolling sideways). */
export async function expectWithinWidth(locator: Locator) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  const width = await locator.page().evaluate(() => window.innerWidth);
  expect(box, "het element is zichtbaar").not.toBeNull();
  expect(box!.x, "begint binnen het scherm").toBeGreaterThanOrEqual(0);
  expect(box!.x + box!.width, "eindigt binnen het scherm").toBeLessThanOrEqual(width);
}

/**
 * No heading breaks inside a word: each word of every visible h1–h3 lies on one line, no heading asks the browser
 * to break anywhere, and none is wider than its box.
 */
export async function expectWholeWordsInHeadings(page: Page) {
  const broken = await page.evaluate(() => {
    const problems: string[] = [];
    for (const heading of document.querySelectorAll<HTMLElement>("h1, h2, h3")) {
      if (!heading.checkVisibility()) continue;
      const style = getComputedStyle(heading);
      const name = heading.textContent?.trim() ?? "";
      if (style.wordBreak === "break-all" || style.overflowWrap === "anywhere")
        problems.push(`${name}: breekt overal (${style.wordBreak}, ${style.overflowWrap})`);
      if (heading.scrollWidth > heading.clientWidth + 1) problems.push(`${name}: breder dan het scherm`);
      const walker = document.createTreeWalker(heading, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const word of (node.textContent ?? "").matchAll(/\S+/g)) {
          const range = document.createRange();
          range.setStart(node, word.index);
          range.setEnd(node, word.index + word[0].length);
          const lines = new Set([...range.getClientRects()].filter((r) => r.width > 0).map((r) => Math.round(r.top)));
          if (lines.size > 1) problems.push(`${name}: ‘${word[0]}’ breekt over ${lines.size} regels`);
        }
      }
    }
    return problems;
  });
  expect(broken, "koppen die midden in een woord breken").toEqual([]);
}
