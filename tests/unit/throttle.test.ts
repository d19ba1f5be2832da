import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMIT, afterFailure, lockedUntil, lockMessage, type ThrottleState } from "~/auth/throttle";

const start = new Date("2027-03-01T09:00:00Z");
const minutes = (n: number) => new Date(start.getTime() + n * 60_000);

function fail(times: number, at = start): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < times; i++) state = afterFailure(state, at, ACCOUNT_LIMIT);
  return state;
}

describe("login throttling", () => {
  it("allows four failures and locks at the fifth", () => {
    expect(lockedUntil(fail(4), start)).toBeNull();
    expect(lockedUntil(fail(5), start)).toEqual(minutes(15));
  });

  it("lifts the lock after fifteen minutes", () => {
    const state = fail(5);
    expect(lockedUntil(state, minutes(14))).not.toBeNull();
    expect(lockedUntil(state, minutes(15))).toBeNull();
  });

  it("starts counting again when the window has passed", () => {
    const state = afterFailure(fail(4), minutes(16), ACCOUNT_LIMIT);
    expect(state.failures).toBe(1);
    expect(lockedUntil(state, minutes(16))).toBeNull();
  });

  it("tells the user in Dutch how long to wait", () => {
    expect(lockMessage(minutes(15), start)).toContain("over 15 minuten");
    expect(lockMessage(new Date(start.getTime() + 20_000), start)).toContain("over 1 minuut");
  });
});
