import { describe, expect, it } from "vitest";
import { passwordProblem } from "~/auth/password";
import { hashPassword, verifyPassword } from "~/auth/password.server";

describe("password rules", () => {
  it("asks for at least 10 characters", () => {
    expect(passwordProblem("kort")).toBe("Kies een wachtwoord van minstens 10 tekens.");
    expect(passwordProblem("123456789")).not.toBeNull();
    expect(passwordProblem("1234567890")).toBeNull();
  });

  it("counts characters, not bytes, so accented and emoji passwords are measured fairly", () => {
    expect(passwordProblem("éééééééééé")).toBeNull();
    expect(passwordProblem("🔑".repeat(9))).not.toBeNull();
  });

  it("refuses more than 256 characters", () => {
    expect(passwordProblem("a".repeat(256))).toBeNull();
    expect(passwordProblem("a".repeat(257))).toBe("Een wachtwoord mag hoogstens 256 tekens lang zijn.");
  });

  it("refuses a password of only spaces", () => {
    expect(passwordProblem(" ".repeat(12))).toMatch(/spaties/);
  });
});

describe("password hashing", () => {
  it("stores argon2id and verifies only the right password", async () => {
    const hash = await hashPassword("correct paard batterij");
    expect(hash).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(hash, "correct paard batterij")).toBe(true);
    expect(await verifyPassword(hash, "correct paard batterij!")).toBe(false);
  });

  it("answers false for an unknown account without throwing", async () => {
    expect(await verifyPassword(null, "wat dan ook")).toBe(false);
  });
});
