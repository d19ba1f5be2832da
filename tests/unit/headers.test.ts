import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, securityHeaders } from "~/server/headers";

describe("security headers", () => {
  it("allow scripts only from our origin or with this response's nonce", () => {
    const policy = contentSecurityPolicy({ nonce: "abc123", production: true });
    const scripts = policy.split("; ").find((d) => d.startsWith("script-src"));
    expect(scripts).toBe("script-src 'self' 'nonce-abc123'");
    expect(policy).toContain("frame-ancestors 'none'");
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("connect-src 'self'");
    expect(contentSecurityPolicy({ nonce: "x", production: false })).toContain("connect-src 'self' ws:");
  });

  it("send HSTS only in production over https", () => {
    expect(securityHeaders({ nonce: "n", production: true, https: true })["Strict-Transport-Security"]).toMatch(
      /^max-age=31536000/,
    );
    expect(
      securityHeaders({ nonce: "n", production: true, https: false })["Strict-Transport-Security"],
    ).toBeUndefined();
    expect(
      securityHeaders({ nonce: "n", production: false, https: true })["Strict-Transport-Security"],
    ).toBeUndefined();
    expect(securityHeaders({ nonce: "n", production: true, https: false })).toMatchObject({
      "Referrer-Policy": "strict-origin-when-cross-origin",
      "X-Frame-Options": "DENY",
      "X-Content-Type-Options": "nosniff",
    });
  });
});
