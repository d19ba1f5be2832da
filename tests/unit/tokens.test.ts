import { describe, expect, it } from "vitest";
import { constantTimeEqual, parseSessionToken, randomToken, sha256 } from "~/auth/tokens.server";

describe("session tokens", () => {
  it("are random and URL-safe", () => {
    const tokens = new Set(Array.from({ length: 100 }, () => randomToken()));
    expect(tokens.size).toBe(100);
    for (const token of tokens) expect(token).toMatch(/^[A-Za-z0-9_-]{27}$/);
  });

  it("parse as <id>.<secret> and nothing else", () => {
    const id = randomToken();
    const secret = randomToken();
    expect(parseSessionToken(`${id}.${secret}`)).toEqual({ id, secret });
    for (const bad of [
      "",
      "zonder-punt",
      `${id}.`,
      `.${secret}`,
      `${id}.${secret}.extra`,
      `${id}.${secret}'--`,
      "a.b",
    ]) {
      expect(parseSessionToken(bad)).toBeNull();
    }
    expect(parseSessionToken(undefined)).toBeNull();
  });

  it("store only a hash, compared in constant time", () => {
    const secret = randomToken();
    expect(sha256(secret)).toMatch(/^[0-9a-f]{64}$/);
    expect(sha256(secret)).not.toContain(secret);
    expect(constantTimeEqual(sha256(secret), sha256(secret))).toBe(true);
    expect(constantTimeEqual(sha256(secret), sha256(`${secret}x`))).toBe(false);
    expect(constantTimeEqual(sha256(secret), "")).toBe(false);
    expect(constantTimeEqual("", "")).toBe(false);
  });
});
