import { describe, expect, it } from "vitest";
import { isCrossSiteRequest } from "~/auth/csrf";
import { safeRedirect } from "~/auth/redirect";
import { parseEnv } from "~/env.server";
import { parseEuroCents, parseWholeNumber, wholeNumber } from "~/forms/fields";
import { nextAttemptDelay } from "~/notifications/sender.server";

describe("redirect after login", () => {
  it("follows local paths", () => {
    expect(safeRedirect("/beheer/outbox?pagina=2")).toBe("/beheer/outbox?pagina=2");
  });

  it("ignores anything that leaves the site", () => {
    for (const bad of [
      "https://kwaad.example",
      "//kwaad.example",
      "/\\kwaad.example",
      "javascript:alert(1)",
      "",
      null,
      "/\tx",
    ]) {
      expect(safeRedirect(bad)).toBe("/dashboard");
    }
  });
});

describe("cross-site request check", () => {
  const base = { path: "/inloggen", expectedOrigin: "https://gilde.example.nl" };
  it("lets same-origin posts and reads through", () => {
    expect(
      isCrossSiteRequest({ ...base, method: "POST", origin: "https://gilde.example.nl", secFetchSite: "same-origin" }),
    ).toBe(false);
    expect(
      isCrossSiteRequest({ ...base, method: "POST", origin: "https://GILDE.example.nl:443", secFetchSite: undefined }),
    ).toBe(false);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: undefined, secFetchSite: "same-origin" })).toBe(false);
    expect(
      isCrossSiteRequest({ ...base, method: "GET", origin: "https://kwaad.example", secFetchSite: "cross-site" }),
    ).toBe(false);
  });

  it("refuses posts from another origin", () => {
    expect(
      isCrossSiteRequest({ ...base, method: "POST", origin: "https://kwaad.example", secFetchSite: undefined }),
    ).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: undefined, secFetchSite: "cross-site" })).toBe(true);
    expect(isCrossSiteRequest({ ...base, method: "POST", origin: "null", secFetchSite: undefined })).toBe(true);
  });

  it("compares the whole origin: scheme, host and port", () => {
    for (const origin of [
      "http://gilde.example.nl",
      "https://gilde.example.nl:8443",
      "https://gilde.example.nl.kwaad.example",
      "https://sub.gilde.example.nl",
    ]) {
      expect(isCrossSiteRequest({ ...base, method: "POST", origin, secFetchSite: undefined }), origin).toBe(true);
    }
  });

  it("refuses a state-changing request that carries neither Origin nor Sec-Fetch-Site", () => {
    for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
      expect(isCrossSiteRequest({ ...base, method, origin: undefined, secFetchSite: undefined }), method).toBe(true);
    }
  });

  it("exempts the Stripe webhook, which proves itself with a signature", () => {
    expect(
      isCrossSiteRequest({
        ...base,
        path: "/webhooks/stripe",
        method: "POST",
        origin: "https://stripe.com",
        secFetchSite: "cross-site",
      }),
    ).toBe(false);
  });
});

describe("environment", () => {
  it("lists every wrong variable in one readable message", () => {
    expect(() => parseEnv({ PORT: "negentig", DATABASE_URL: "mysql://x", SMTP_URL: "mail.example" })).toThrowError(
      /PORT[\s\S]*DATABASE_URL: moet beginnen met postgres:\/\/[\s\S]*SMTP_URL/,
    );
  });

  it("works with nothing set", () => {
    expect(parseEnv({})).toMatchObject({ PORT: 3000, DATA_DIR: "data", JOBS: "on" });
  });
});

describe("euro amounts", () => {
  it("reads amounts as they are typed in the Netherlands", () => {
    expect(parseEuroCents("2450")).toBe(245000);
    expect(parseEuroCents("2450,50")).toBe(245050);
    expect(parseEuroCents("2.450")).toBe(245000);
    expect(parseEuroCents("2.450,5")).toBe(245050);
    expect(parseEuroCents("€ 1.250,00")).toBe(125000);
    expect(parseEuroCents("12.5")).toBe(1250);
  });

  it("refuses what is not an amount", () => {
    for (const bad of ["", "twee", "-10", "2,450,00", "1.2.3"]) expect(parseEuroCents(bad)).toBeNull();
  });
});

describe("whole numbers", () => {
  it("reads 2.400, 2400 and 2 400 as the same number", () => {
    for (const typed of ["2400", "2.400", "2 400", " 2400 "]) expect(parseWholeNumber(typed), typed).toBe(2400);
    expect(parseWholeNumber("1.000.000")).toBe(1_000_000);
  });

  it("refuses what is not a whole number", () => {
    for (const bad of ["", "twee", "-10", "2,5", "2.40", "1.2345", "24.00"])
      expect(parseWholeNumber(bad), bad).toBeNull();
  });

  it("says in Dutch what fits", () => {
    const places = wholeNumber("het aantal plaatsen", { min: 1, max: 500, example: 24 });
    expect(places.parse("24")).toBe(24);
    expect(places.safeParse("twintig").error?.issues[0]?.message).toBe(
      "Vul het aantal plaatsen in als getal, bijvoorbeeld 24.",
    );
    expect(places.safeParse("1.000").error?.issues[0]?.message).toBe(
      "Vul voor het aantal plaatsen een getal van 1 tot en met 500 in.",
    );
  });
});

describe("mail retry backoff", () => {
  it("waits longer after each failure, up to six hours", () => {
    expect(nextAttemptDelay(1)).toBe(60_000);
    expect(nextAttemptDelay(2)).toBe(120_000);
    expect(nextAttemptDelay(20)).toBe(6 * 60 * 60 * 1000);
  });
});
