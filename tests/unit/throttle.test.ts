import { describe, expect, it } from "vitest";
import { ACCOUNT_AT_ADDRESS_LIMIT, ACCOUNT_LIMIT, ADDRESS_LIMIT, lockDuration, lockMessage } from "~/auth/throttle";

const start = new Date("2027-03-01T09:00:00Z");
const MINUTE = 60_000;

describe("login throttling", () => {
  it("locks one account at one address briefly at first, and longer each time after", () => {
    expect([0, 1, 2, 3, 4, 5, 6, 10].map((locks) => lockDuration(ACCOUNT_AT_ADDRESS_LIMIT, locks) / MINUTE)).toEqual([
      1, 2, 4, 8, 16, 32, 60, 60,
    ]);
  });

  it("lets an account be guessed from one address far less often than from everywhere together", () => {
    expect(ACCOUNT_AT_ADDRESS_LIMIT.maxAttempts).toBeLessThan(ACCOUNT_LIMIT.maxAttempts);
    expect(ACCOUNT_AT_ADDRESS_LIMIT.maxAttempts).toBeLessThan(ADDRESS_LIMIT.maxAttempts);
  });

  it("tells the user in Dutch how long to wait", () => {
    expect(lockMessage(new Date(start.getTime() + 15 * MINUTE), start)).toContain("over 15 minuten");
    expect(lockMessage(new Date(start.getTime() + 20_000), start)).toContain("over 1 minuut");
  });
});
