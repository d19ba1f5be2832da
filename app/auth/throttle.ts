// Login throttling rules (pure). Failures are counted in a window per account and per client address;
// too many lock that key for a while.
export type ThrottleState = { failures: number; windowStart: Date; lockedUntil: Date | null };
export type ThrottleLimit = { maxFailures: number; windowMs: number; lockMs: number };

const MINUTE = 60_000;
export const ACCOUNT_LIMIT: ThrottleLimit = { maxFailures: 5, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };
export const ADDRESS_LIMIT: ThrottleLimit = { maxFailures: 30, windowMs: 15 * MINUTE, lockMs: 15 * MINUTE };

export function lockedUntil(state: ThrottleState | null, now: Date): Date | null {
  return state?.lockedUntil && state.lockedUntil > now ? state.lockedUntil : null;
}

export function afterFailure(state: ThrottleState | null, now: Date, limit: ThrottleLimit): ThrottleState {
  const fresh = !state || now.getTime() - state.windowStart.getTime() >= limit.windowMs;
  const failures = fresh ? 1 : state.failures + 1;
  const windowStart = fresh ? now : state.windowStart;
  const locked = failures >= limit.maxFailures ? new Date(now.getTime() + limit.lockMs) : lockedUntil(state, now);
  return { failures, windowStart, lockedUntil: locked };
}

export function lockMessage(until: Date, now: Date): string {
  const minutes = Math.max(1, Math.ceil((until.getTime() - now.getTime()) / MINUTE));
  return `Te veel mislukte pogingen om in te loggen. Probeer het over ${minutes} ${minutes === 1 ? "minuut" : "minuten"} opnieuw, of vraag een nieuw wachtwoord aan.`;
}
