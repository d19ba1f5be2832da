// Which menu item is the page shown: the same answers as React Router's NavLink gives.
import { describe, expect, it } from "vitest";
import { isCurrent } from "~/components/link";

describe("isCurrent", () => {
  it("marks the page itself and the pages below it", () => {
    expect(isCurrent("/modules", "/modules")).toBe(true);
    expect(isCurrent("/modules/vertrouwen-als-fundament", "/modules")).toBe(true);
    expect(isCurrent("/Modules", "/modules")).toBe(true);
  });

  it("does not mark a page that only starts with the same letters, or any page for the front page", () => {
    expect(isCurrent("/modulesx", "/modules")).toBe(false);
    expect(isCurrent("/dashboard", "/modules")).toBe(false);
    expect(isCurrent("/modules", "/")).toBe(false);
    expect(isCurrent("/", "/")).toBe(true);
  });

  it("with end, marks only the page itself; a query or fragment in the link does not count", () => {
    expect(isCurrent("/beheer/gebruikers", "/beheer", true)).toBe(false);
    expect(isCurrent("/beheer", "/beheer", true)).toBe(true);
    expect(isCurrent("/account", "/account#e-mailadres")).toBe(true);
    expect(isCurrent("/opdrachten/x", "/opdrachten?tab=open")).toBe(true);
  });
});
